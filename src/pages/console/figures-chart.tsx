// The figures page's chart: booked appointments per week as SVG bars, with the same numbers in a
// table under it for screen readers and for reading exact values.
import type { Figures } from "../../domain/figures.js";
import type { ConsoleStrings } from "./strings/index.js";

// A calendar date, not an instant: formatted in UTC so that no zone moves it to another day.
const format = (iso: string, locale: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));

/** "1 December 2026", "1 de diciembre de 2026" for "2026-12-01". */
export const longDate = (iso: string, t: ConsoleStrings) => format(iso, t.tag, { day: "numeric", month: "long", year: "numeric" });

/** "1 Dec", "1 dic": the month's first three letters, the same width in every language. */
const shortDate = (iso: string, t: ConsoleStrings) => `${Number(iso.slice(8, 10))} ${format(iso, t.tag, { month: "long" }).slice(0, 3)}`;

/** Bars of booked appointments per week; every number is also in the table under it. */
export function WeeklyChart({ weeks, t }: { weeks: Figures["weeks"]; t: ConsoleStrings }) {
  const f = t.figures;
  // 20–56 px a week: a short period stays narrow, a year (53 weeks) fits in about 1,100 px.
  const step = Math.min(56, Math.max(20, Math.floor(1100 / weeks.length)));
  const bar = Math.round(step * 0.72);
  const gap = step - bar;
  const left = 36;
  const top = 18;
  const plot = 140;
  const width = left + weeks.length * step + gap;
  const height = top + plot + 28;
  const max = Math.max(1, ...weeks.map((w) => w.booked));
  const labelEvery = Math.ceil(50 / step);
  const busiest = weeks.reduce((a, w) => (w.booked > a.booked ? w : a), weeks[0]!);
  const total = weeks.reduce((s, w) => s + w.booked, 0);
  const span = f.weeks(weeks.length);
  const summary = total === 0 ? f.noneBooked(span) : f.chartSummary(total, span, longDate(busiest.monday, t), busiest.booked);
  return (
    <figure class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="weeks-title weeks-desc" width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        <title id="weeks-title">{f.perWeek}</title>
        <desc id="weeks-desc">{summary}</desc>
        <line x1={left} y1={top + plot} x2={width - gap} y2={top + plot} stroke="#8a8a85" />
        <line x1={left} y1={top} x2={width - gap} y2={top} stroke="#d6d6d0" />
        <text x={left - 6} y={top + 4} text-anchor="end" font-size="11" fill="#1b1b1b">
          {max}
        </text>
        <text x={left - 6} y={top + plot + 4} text-anchor="end" font-size="11" fill="#1b1b1b">
          0
        </text>
        {weeks.map((w, i) => {
          const x = left + gap + i * step;
          const h = Math.round((w.booked / max) * plot);
          return (
            <g>
              <rect x={x} y={top + plot - h} width={bar} height={h} fill="#0a4d99">
                <title>{f.weekBar(longDate(w.monday, t), w.booked)}</title>
              </rect>
              {step >= 28 && w.booked > 0 ? (
                <text x={x + bar / 2} y={top + plot - h - 4} text-anchor="middle" font-size="11" fill="#1b1b1b">
                  {w.booked}
                </text>
              ) : null}
              {i % labelEvery === 0 ? (
                <text x={x + bar / 2} y={top + plot + 16} text-anchor="middle" font-size="11" fill="#1b1b1b">
                  {shortDate(w.monday, t)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <details>
          <summary>{f.asTable}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{f.weekOf}</th>
                <th scope="col" class="num">
                  {f.columns.booked}
                </th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr>
                  <td>{longDate(w.monday, t)}</td>
                  <td class="num">{w.booked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
