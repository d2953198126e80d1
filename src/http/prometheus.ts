// The Prometheus text exposition format (version 0.0.4), written by hand: a few counters and one
// histogram need no client library, and this runs unchanged on Node and Workers.
import type { CountSeries, HistogramSeries, Labels } from "../process-state.js";

export type { Labels };

export interface Sample {
  /** Appended to the family's name: "_bucket", "_sum", "_count" for a histogram. */
  suffix?: string;
  labels: Labels;
  value: number;
}

export interface Family {
  name: string;
  help: string;
  type: "counter" | "gauge" | "histogram";
  samples: Sample[];
}

const escapeLabel = (value: string) => value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
const escapeHelp = (text: string) => text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");

function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

function formatLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return pairs.length ? `{${pairs.join(",")}}` : "";
}

/** The text a scrape receives: HELP and TYPE lines, then one line per sample. */
export function exposition(families: Family[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) lines.push(`${f.name}${s.suffix ?? ""}${formatLabels(s.labels)} ${formatValue(s.value)}`);
  }
  return lines.join("\n") + "\n";
}

/** A counter per label set; the key keeps one entry per distinct set. `values` is where the counts live. */
export function counter(name: string, help: string, values = new Map<string, CountSeries>()) {
  return {
    inc(labels: Labels, by = 1) {
      const key = JSON.stringify(labels);
      const sample = values.get(key);
      if (sample) sample.value += by;
      else values.set(key, { labels, value: by });
    },
    family: (): Family => ({ name, help, type: "counter", samples: [...values.values()] }),
  };
}

/** A histogram per label set with cumulative buckets (upper bounds in the unit observed). */
export function histogram(name: string, help: string, bounds: number[], values = new Map<string, HistogramSeries>()) {
  return {
    observe(labels: Labels, value: number) {
      const key = JSON.stringify(labels);
      let h = values.get(key);
      if (!h) values.set(key, (h = { labels, counts: bounds.map(() => 0), sum: 0, count: 0 }));
      for (let i = 0; i < bounds.length; i++) if (value <= bounds[i]!) h.counts[i]!++;
      h.sum += value;
      h.count++;
    },
    family: (): Family => ({
      name,
      help,
      type: "histogram",
      samples: [...values.values()].flatMap((h) => [
        ...bounds.map((le, i) => ({ suffix: "_bucket", labels: { ...h.labels, le: String(le) }, value: h.counts[i]! })),
        { suffix: "_bucket", labels: { ...h.labels, le: "+Inf" }, value: h.count },
        { suffix: "_sum", labels: h.labels, value: h.sum },
        { suffix: "_count", labels: h.labels, value: h.count },
      ]),
    }),
  };
}
