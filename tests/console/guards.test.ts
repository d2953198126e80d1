// Every console route, listed from the app itself: a scheduler of another office is refused on
// each one and changes nothing, and every form is refused without the session's form token.
// A new console route without a row here fails the first test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, bookingApp, booking, newCase, type TestApp } from "../helpers/booking.js";
import { bogota } from "../helpers/fixtures.js";
import { schedulerOf, type Session } from "../helpers/console.js";
import { dumpTables } from "../security/db.js";

let t: TestApp;
let own: Session;
let foreign: Session;
let caseId: string;
let appointmentId: string;
let closureId: string;

/** A concrete request for each route pattern, aimed at the Bogotá office's records. */
const requests = (): Record<string, { path: string; fields?: Record<string, string> }> => ({
  "GET /console/queue": { path: "/console/queue?office=bogota" },
  "GET /console/cases/:id/book": { path: `/console/cases/${caseId}/book` },
  "POST /console/cases/:id/book": { path: `/console/cases/${caseId}/book`, fields: { start: at("11:00", "2026-12-09"), service: "iom-counseling" } },
  "GET /console/day": { path: "/console/day?office=bogota&date=2026-12-07" },
  "GET /console/appointments/:id": { path: `/console/appointments/${appointmentId}` },
  "GET /console/appointments/:id/slip": { path: `/console/appointments/${appointmentId}/slip` },
  "POST /console/appointments/:id/status": { path: `/console/appointments/${appointmentId}/status`, fields: { action: "confirm" } },
  "POST /console/appointments/:id/cancel": { path: `/console/appointments/${appointmentId}/cancel`, fields: { reason: "Applicant asked" } },
  "POST /console/appointments/:id/reschedule": { path: `/console/appointments/${appointmentId}/reschedule`, fields: { start: at("10:00", "2026-12-10") } },
  "GET /console/closures": { path: "/console/closures?office=bogota" },
  "POST /console/closures": { path: "/console/closures", fields: { office: "bogota", date: "2026-12-11", reason: "Power cut" } },
  "GET /console/closures/:officeId/:date": { path: "/console/closures/bogota/2026-12-14" },
  "POST /console/closures/:officeId/:date/move": { path: "/console/closures/bogota/2026-12-14/move" },
  "POST /console/closures/:officeId/:closureId/delete": { path: `/console/closures/bogota/${closureId}/delete` },
  "GET /console/figures": { path: "/console/figures?office=bogota" },
  "GET /console/figures.csv": { path: "/console/figures.csv?office=bogota" },
  "GET /console/capacity": { path: "/console/capacity?office=bogota&service=iom-counseling" },
  "GET /console/offices/:id": { path: "/console/offices/bogota" },
  "POST /console/offices/:id": { path: "/console/offices/bogota", fields: { name: "Taken over" } },
  "GET /console/offices/:id/rooms": { path: "/console/offices/bogota/rooms" },
  "POST /console/offices/:id/rooms": { path: "/console/offices/bogota/rooms", fields: { name: "Sala 9" } },
  "GET /console/offices/:id/holidays": { path: "/console/offices/bogota/holidays" },
  "POST /console/offices/:id/holidays": { path: "/console/offices/bogota/holidays", fields: { date: "2026-12-08", reason: "Open" } },
  "POST /console/offices/:id/holidays/:entryId/close": { path: `/console/offices/bogota/holidays/${closureId}/close` },
  "GET /console/offices/:id/eligibility": { path: "/console/offices/bogota/eligibility" },
  "POST /console/offices/:id/eligibility": { path: "/console/offices/bogota/eligibility", fields: { nationalities: "VE", presentOnOrBefore: "2023-01-01", do: "save" } },
  // Admins' alone: refused to every scheduler.
  "POST /console/offices/new": { path: "/console/offices/new", fields: { name: "SMO Lima 2", country: "PE", timeZone: "America/Lima", address: "Lima" } },
  "POST /console/services/new": { path: "/console/services/new", fields: { agency: "IOM", durationMinutes: "30", "window.minDays": "1", "window.maxDays": "9" } },
  "POST /console/services/:id": { path: "/console/services/iom-counseling", fields: { agency: "IOM", durationMinutes: "30" } },
});

/**
 * Routes that concern no office: the sign-in pages, the language switch, the console's front door,
 * the list of one's own offices and the pages of services (every role reads them, as in the API).
 */
const OFFICE_FREE = [
  "GET /console/sign-in",
  "POST /console/sign-in",
  "POST /console/sign-out",
  "GET /console/language",
  "GET /console",
  "GET /console/offices",
  "GET /console/offices/new",
  "GET /console/services",
  "GET /console/services/new",
  "GET /console/services/:id",
];

const consoleRoutes = () => [...new Set(t.app.routes.filter((r) => r.path.startsWith("/console") && r.method !== "ALL").map((r) => `${r.method} ${r.path}`))];

const send = (s: Session, route: string, options?: { csrf?: string | null }) => {
  const { path, fields } = requests()[route]!;
  return route.startsWith("GET") ? s.get(path) : s.post(path, fields, options);
};

beforeAll(async () => {
  t = await bookingApp();
  await t.post("/v1/offices", bogota({ id: "lima", name: "SMO Lima", country: "PE", timeZone: "America/Lima" }));
  own = await schedulerOf(t);
  foreign = await schedulerOf(t, "lima");
  caseId = await newCase(t);
  const other = await newCase(t);
  appointmentId = (await t.post("/v1/appointments", booking(other, at("09:00")))).json.id;
  closureId = (await t.post("/v1/offices/bogota/closures", { date: "2026-12-14", reason: "Staff training" })).json.id;
});
afterAll(() => t.close());

describe("console routes", () => {
  it("has a row for every route", () => {
    const missing = consoleRoutes().filter((r) => !OFFICE_FREE.includes(r) && !(r in requests()));
    expect(missing).toEqual([]);
  });

  it("refuses a scheduler of another office on every route, and nothing changes", async () => {
    const before = dumpTables(t);
    for (const route of Object.keys(requests())) {
      const res = await send(foreign, route);
      expect(res.status, route).toBe(403);
      expect(res.text, route).not.toContain(caseId);
    }
    expect(dumpTables(t)).toBe(before);
  });

  it("refuses every form without the session's form token, and nothing changes", async () => {
    const before = dumpTables(t);
    const forms = [...consoleRoutes().filter((r) => r.startsWith("POST") && r !== "POST /console/sign-in")];
    expect(forms.length).toBeGreaterThanOrEqual(8);
    for (const route of forms) {
      for (const csrf of [null, "forged"]) {
        const res = route === "POST /console/sign-out" ? await own.post("/console/sign-out", {}, { csrf }) : await send(own, route, { csrf });
        expect(res.status, route).toBe(403);
      }
    }
    expect(dumpTables(t)).toBe(before);
  });

  it("lets the office's own scheduler through on every route (the rows are live requests)", async () => {
    for (const route of Object.keys(requests()).filter((r) => r.startsWith("GET"))) {
      expect((await send(own, route)).status, route).toBe(200);
    }
  });
});
