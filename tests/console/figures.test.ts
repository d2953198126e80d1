// The figures page and its CSV, through a signed-in console session, against the hand-worked
// fixture of tests/domain/figures-fixture.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { counselor, token } from "../helpers/fixtures.js";
import { deskApp, quitoScheduler, schedulerOf, session, textOf, type Session } from "../helpers/console.js";
import { FINAL_NOW, figuresApp, PERIOD } from "../domain/figures-fixture.js";

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted) {
      if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      field += ch;
    }
  }
  expect(field).toBe(""); // the last record ends with CRLF too
  return rows;
}

const records = (text: string) => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

const period = `from=${PERIOD.from}&to=${PERIOD.to}`;

describe("figures of the hand-worked office", () => {
  let t: TestApp;
  let admin: Session;
  let desk: Session;
  let stranger: Session;

  beforeAll(async () => {
    ({ t } = await figuresApp());
    // A second office with its own counselor and nothing booked, and a scheduler of it alone.
    stranger = await quitoScheduler(t);
    expect((await t.post("/v1/staff", counselor({ id: "caro", name: "Caro Counselor", email: "caro@example.org", officeIds: ["quito"] }))).status).toBe(201);
    expect((await t.put("/v1/staff/caro/availability", [{ rrule: "FREQ=WEEKLY;BYDAY=TU", start: "08:00", end: "10:00", officeId: "quito" }])).status).toBe(200);
    admin = session(t, await token(t, { role: "admin" }));
    desk = await schedulerOf(t);
  }, 30_000);
  afterAll(() => t.close());

  it("shows the table, the chart and the utilisation worked out by hand", async () => {
    const res = await desk.get(`/console/figures?office=bogota&${period}`);
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain("1 December 2026 to 14 December 2026, local dates (America/Bogota).");
    expect(text).toContain("SMO Bogotá IOM counseling session 6 1 1 1 33.3% (1 of 3 recorded) 17 29 83.3% (5 of 6)");
    expect(text).toContain("SMO Bogotá IOM follow-up 1 0 0 0 — 14 14 100.0% (1 of 1)");
    // 330/1740 = 18.97 %, 60/180, 390/1920 = 20.31 %.
    expect(text).toContain("SMO Bogotá Ana Counselor 5.5 h 29.0 h 19.0%");
    expect(text).toContain("SMO Bogotá Ben Counselor 1.0 h 3.0 h 33.3%");
    expect(text).toContain("SMO Bogotá: all interviewers 6.5 h 32.0 h 20.3%");
    // The chart: an image with a name and a description, a titled bar per week, the numbers in a table.
    expect(res.text).toContain('role="img" aria-labelledby="weeks-title weeks-desc"');
    expect(res.text).toContain('<title id="weeks-title">Booked appointments per week</title>');
    expect(res.text).toContain("7 booked over 3 weeks; the busiest was the week of 30 November 2026 with 4.");
    for (const bar of ["30 November 2026: 4", "7 December 2026: 2", "14 December 2026: 1"]) expect(res.text).toContain(`<title>Week of ${bar} booked</title>`);
    expect(text).toContain("Week of (Monday) Booked 30 November 2026 4 7 December 2026 2 14 December 2026 1");
    expect(res.text).not.toMatch(/<script|NaN|Infinity|undefined/);
    // The filter keeps what was asked; the CSV link carries the same choice.
    expect(res.text).toMatch(/<option value="bogota" selected="">SMO Bogotá<\/option>/);
    expect(res.text).toContain(`value="${PERIOD.from}"`);
    expect(res.text).toContain(`href="/console/figures.csv?office=bogota&amp;service=&amp;${period.replace("&", "&amp;")}"`);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("defaults to the person's office and the last 30 local days up to today in its zone", async () => {
    // 2026-12-09T03:00Z is still 8 December in Bogotá.
    t.clock.set(Date.parse("2026-12-09T03:00:00Z"));
    const res = await desk.get("/console/figures").finally(() => t.clock.set(Date.parse(FINAL_NOW)));
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain("9 November 2026 to 8 December 2026, local dates (America/Bogota).");
    // 11-30 (I) … 12-07 (A): I, D, B, C, follow-up, A.
    expect(textOf(res.text)).toContain("SMO Bogotá IOM counseling session 5 0 1 1");
    // A scheduler of one office gets no "all offices" choice.
    expect(res.text).not.toContain('value="all"');
  });

  it("exports one CSV row per office and service that parses back to the same numbers", async () => {
    const res = await t.app.request(`/console/figures.csv?office=bogota&${period}`, { headers: { cookie: await desk.cookie() } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="cita-figures-bogota-2026-12-01-2026-12-14.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes); // drops the byte-order mark
    expect(text.split("\r\n")[0]).toBe(
      "office_id,office,time_zone,service_id,service,from,to,booked,cancelled,completed,checked_in,no_show,no_show_rate,no_show_rate_base,days_median,days_p90,inside_window,inside_window_share",
    );
    expect(records(text)).toEqual([
      {
        office_id: "bogota",
        office: "SMO Bogotá",
        time_zone: "America/Bogota",
        service_id: "iom-counseling",
        service: "IOM counseling session",
        from: "2026-12-01",
        to: "2026-12-14",
        booked: "6",
        cancelled: "1",
        completed: "1",
        checked_in: "1",
        no_show: "1",
        no_show_rate: "0.3333",
        no_show_rate_base: "3",
        days_median: "17",
        days_p90: "29",
        inside_window: "5",
        inside_window_share: "0.8333",
      },
      {
        office_id: "bogota",
        office: "SMO Bogotá",
        time_zone: "America/Bogota",
        service_id: "iom-followup",
        service: "IOM follow-up",
        from: "2026-12-01",
        to: "2026-12-14",
        booked: "1",
        cancelled: "0",
        completed: "0",
        checked_in: "0",
        no_show: "0",
        no_show_rate: "",
        no_show_rate_base: "0",
        days_median: "14",
        days_p90: "14",
        inside_window: "1",
        inside_window_share: "1",
      },
    ]);

    const staff = await desk.get(`/console/figures.csv?office=bogota&${period}&table=interviewers`);
    expect(staff.headers.get("content-disposition")).toBe(`attachment; filename="cita-utilisation-bogota-2026-12-01-2026-12-14.csv"`);
    expect(records(staff.text)).toEqual([
      {
        office_id: "bogota",
        office: "SMO Bogotá",
        staff_id: "ana",
        interviewer: "Ana Counselor",
        from: "2026-12-01",
        to: "2026-12-14",
        booked_minutes: "330",
        available_minutes: "1740",
        utilisation: "0.1897",
      },
      {
        office_id: "bogota",
        office: "SMO Bogotá",
        staff_id: "ben",
        interviewer: "Ben Counselor",
        from: "2026-12-01",
        to: "2026-12-14",
        booked_minutes: "60",
        available_minutes: "180",
        utilisation: "0.3333",
      },
    ]);
  });

  it("lets an admin add up all offices, page and CSV", async () => {
    const page = await admin.get(`/console/figures?office=all&${period}`);
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toContain("local dates (America/Bogota, America/Guayaquil)");
    expect(text).toContain("SMO Quito IOM counseling session 0 0 0 0 — — — —");
    expect(text).toContain("SMO Quito Caro Counselor 0.0 h 4.0 h 0.0%"); // Tuesdays 12-01 and 12-08, 2 h each
    expect(text).toContain("All offices 6.5 h 36.0 h 18.1%"); // 390 / 2160
    expect(page.text).toMatch(/<option value="all" selected="">All offices<\/option>/);
    const csv = await admin.get(`/console/figures.csv?office=all&${period}`);
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="cita-figures-all-2026-12-01-2026-12-14.csv"`);
    expect(records(csv.text).map((r) => [r.office_id, r.service_id, r.booked, r.no_show_rate, r.days_median])).toEqual([
      ["bogota", "iom-counseling", "6", "0.3333", "17"],
      ["bogota", "iom-followup", "1", "", "14"],
      ["quito", "iom-counseling", "0", "", ""],
    ]);
  });

  it("shows zeros and dashes for an empty period, never a division by zero", async () => {
    const res = await desk.get("/console/figures?office=bogota&from=2027-03-01&to=2027-03-07");
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain("SMO Bogotá IOM counseling session 0 0 0 0 — — — —");
    expect(text).toContain("SMO Bogotá Ana Counselor 0.0 h 20.0 h 0.0%");
    expect(text).toContain("No appointments booked in the 1 week shown.");
    expect(res.text).not.toMatch(/NaN|Infinity/);
    const csv = await desk.get("/console/figures.csv?office=bogota&from=2027-03-01&to=2027-03-07");
    expect(records(csv.text)[0]).toMatchObject({ booked: "0", no_show_rate: "", days_median: "", days_p90: "", inside_window: "0", inside_window_share: "" });
  });

  it("answers a bad parameter with the form again, a 422 and the field named", async () => {
    for (const [query, message] of [
      ["from=2026-02-30&to=2026-03-10", "From: must be a real date written YYYY-MM-DD."],
      ["from=2026-03-01&to=tomorrow", "To: must be a real date written YYYY-MM-DD."],
      ["from=2026-03-10&to=2026-03-01", "To: must be on or after from."],
      ["from=2026-01-01&to=2027-01-02", "To: the period may span at most 366 days."],
      ["service=nothing", "Service: there is no service 'nothing'."],
    ] as const) {
      const res = await desk.get(`/console/figures?office=bogota&${query}`);
      expect(res.status, query).toBe(422);
      const text = textOf(res.text);
      expect(text).toContain(message);
      expect(text).not.toContain("Booked appointments per week");
      expect(res.text).toContain('<form method="get" action="/console/figures"');
      const csv = await desk.get(`/console/figures.csv?office=bogota&${query}`);
      expect(csv.status, query).toBe(422);
      expect(csv.headers.get("content-type")).toContain("text/html");
      expect(textOf(csv.text)).toContain(message);
    }
    const unknown = await admin.get(`/console/figures?office=nowhere&${period}`);
    expect(unknown.status).toBe(422);
    expect(textOf(unknown.text)).toContain("Office: there is no office 'nowhere'.");
    const table = await desk.get(`/console/figures.csv?office=bogota&${period}&table=bogus`);
    expect(table.status).toBe(422);
    expect(textOf(table.text)).toContain("table: must be services, interviewers or offers.");
  });

  it("refuses a scheduler another office's figures, page and CSV, and shows them only their own", async () => {
    for (const path of [`/console/figures?office=bogota&${period}`, `/console/figures.csv?office=bogota&${period}`]) {
      const res = await stranger.get(path);
      expect(res.status, path).toBe(403);
      expect(textOf(res.text)).toContain("Office 'bogota' is not one of yours.");
      expect(res.text).not.toContain("Ana Counselor");
    }
    // "All offices" for a scheduler means all of theirs, and nothing of Bogotá.
    const all = await stranger.get(`/console/figures.csv?office=all&${period}`);
    expect(all.status).toBe(200);
    expect(records(all.text).map((r) => r.office_id)).toEqual(["quito"]);
    const own = await stranger.get(`/console/figures?${period}`);
    expect(own.status).toBe(200);
    expect(textOf(own.text)).toContain("SMO Quito");
    expect(own.text).not.toMatch(/Bogotá|value="bogota"/);
  });

  it("sends someone without a session to sign in", async () => {
    const res = await t.app.request(`/console/figures.csv?${period}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/console/sign-in?next=${encodeURIComponent(`/console/figures.csv?${period}`)}`);
  });
});

describe("CSV text cells", () => {
  let t: TestApp;
  afterAll(() => t.close());

  it("neutralises spreadsheet formulas and quotes what needs quoting", async () => {
    let desk: Session;
    ({ t, desk } = await deskApp());
    expect((await t.patch("/v1/offices/bogota", { name: '=HYPERLINK("http://evil.example","Bogotá, centre")' })).status).toBe(200);
    expect((await t.patch("/v1/services/iom-counseling", { name: "+1-2" })).status).toBe(200);
    expect((await t.patch("/v1/staff/ana", { name: "@SUM(A1:A9)" })).status).toBe(200);
    const csv = await desk.get("/console/figures.csv?from=2026-12-07&to=2026-12-07");
    expect(csv.status).toBe(200);
    expect(csv.text.split("\r\n")[1]).toBe(
      `bogota,"'=HYPERLINK(""http://evil.example"",""Bogotá, centre"")",America/Bogota,iom-counseling,'+1-2,2026-12-07,2026-12-07,0,0,0,0,0,,0,,,0,`,
    );
    expect(records(csv.text)[0]).toMatchObject({ office: `'=HYPERLINK("http://evil.example","Bogotá, centre")`, service: "'+1-2" });
    const staff = await desk.get("/console/figures.csv?from=2026-12-07&to=2026-12-07&table=interviewers");
    expect(records(staff.text)).toEqual([
      {
        office_id: "bogota",
        office: `'=HYPERLINK("http://evil.example","Bogotá, centre")`,
        staff_id: "ana",
        interviewer: "'@SUM(A1:A9)",
        from: "2026-12-07",
        to: "2026-12-07",
        booked_minutes: "0",
        available_minutes: "240",
        utilisation: "0",
      },
    ]);
    // The page shows the names as text, escaped.
    const page = await desk.get("/console/figures?from=2026-12-07&to=2026-12-07");
    expect(page.text).toContain("=HYPERLINK(&quot;http://evil.example&quot;,&quot;Bogotá, centre&quot;)");
  });
});
