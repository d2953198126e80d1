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
let timeOffId: string;
let userId: string;

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
  "POST /console/appointments/:id/priority": { path: `/console/appointments/${appointmentId}/priority`, fields: { priority: "1", reason: "Medical need" } },
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
  "GET /console/cases": { path: "/console/cases?office=bogota&q=C-" },
  "POST /console/cases/new": {
    path: "/console/cases/new",
    fields: {
      officeId: "bogota",
      track: "IOM",
      language: "es",
      screenedAt: "2026-11-20",
      householdSize: "1",
      nationality: "VE",
      presentSince: "2022-01-01",
      birthDate: "1990-01-01",
      legalStatus: "regular",
    },
  },
  "GET /console/cases/:id": { path: `/console/cases/${caseId}` },
  "POST /console/cases/:id/contact": { path: `/console/cases/${caseId}/contact`, fields: { email: "x@example.org", phone: "" } },
  "POST /console/cases/:id/extensions": { path: `/console/cases/${caseId}/extensions`, fields: { days: "3", reason: "Sponsor" } },
  "POST /console/cases/:id/priority": { path: `/console/cases/${caseId}/priority`, fields: { priority: "1", reason: "Medical need" } },
  "GET /console/staff/:id": { path: "/console/staff/ana" },
  "POST /console/staff/:id/hours": { path: "/console/staff/ana/hours", fields: { action: "save", "h.0.0.0.from": "09:00", "h.0.0.0.to": "10:00" } },
  "POST /console/staff/:id/stranded/move": { path: "/console/staff/ana/stranded/move" },
  "POST /console/staff/:id/rules": { path: "/console/staff/ana/rules", fields: { office: "bogota", date: "2026-12-12", from: "09:00", to: "10:00" } },
  "POST /console/staff/:id/rules/:ruleId/delete": { path: "/console/staff/ana/rules/1/delete" },
  "POST /console/staff/:id/time-off": { path: "/console/staff/ana/time-off", fields: { start: "2026-12-08T09:00", end: "2026-12-08T10:00", reason: "Training" } },
  "POST /console/staff/:id/time-off/:timeOffId/delete": { path: `/console/staff/ana/time-off/${timeOffId}/delete` },
});

/**
 * Routes that concern no office: the sign-in pages, the language switch, the console's front door,
 * the list of one's own offices and the pages of services (every role reads them, as in the API),
 * the case form and the interviewers list and form (they show the person's own offices only).
 */
const OFFICE_FREE = [
  "GET /console/sign-in",
  "POST /console/sign-in",
  "POST /console/sign-in/email",
  "GET /console/sign-in/email",
  "GET /console/sign-in/link/:token",
  "POST /console/sign-in/link/:token",
  "GET /console/sign-in/oidc",
  "GET /console/sign-in/oidc/callback",
  "POST /console/sign-out",
  "GET /console/language",
  "GET /console",
  "GET /console/offices",
  "GET /console/offices/new",
  "GET /console/services",
  "GET /console/services/new",
  "GET /console/services/:id",
  "GET /console/cases/new",
  "GET /console/staff",
  "GET /console/staff/new",
];

/**
 * Admin-only routes: adding and editing interviewers, and the users pages. Every scheduler is
 * refused, their own office's too (tests/console/users.test.ts has the rest of the users pages).
 */
const adminOnly = (): Record<string, { path: string; fields?: Record<string, string> }> => ({
  "POST /console/staff/new": {
    path: "/console/staff/new",
    fields: { name: "Bea", email: "bea@example.org", agency: "IOM", timeZone: "America/Bogota", languages: "es", officeIds: "bogota" },
  },
  "POST /console/staff/:id": {
    path: "/console/staff/ana",
    fields: { name: "Ana", email: "ana@example.org", agency: "IOM", timeZone: "America/Bogota", languages: "es", officeIds: "bogota" },
  },
  "GET /console/users": { path: "/console/users" },
  "POST /console/users": { path: "/console/users", fields: { name: "New", email: "new@example.org", role: "scheduler", officeIds: "bogota" } },
  "GET /console/users/:id": { path: `/console/users/${userId}` },
  "POST /console/users/:id": { path: `/console/users/${userId}`, fields: { role: "admin" } },
  "POST /console/users/:id/disable": { path: `/console/users/${userId}/disable` },
  "POST /console/users/:id/enable": { path: `/console/users/${userId}/enable` },
  "POST /console/users/:id/sessions/:handle/revoke": { path: `/console/users/${userId}/sessions/0123456789abcdef/revoke` },
  "POST /console/users/:id/sessions/revoke": { path: `/console/users/${userId}/sessions/revoke` },
  "POST /console/users/:id/tokens": { path: `/console/users/${userId}/tokens`, fields: { name: "robot" } },
  "POST /console/users/:id/tokens/:tokenId/revoke": { path: `/console/users/${userId}/tokens/tok_x/revoke` },
});

const consoleRoutes = () => [...new Set(t.app.routes.filter((r) => r.path.startsWith("/console") && r.method !== "ALL").map((r) => `${r.method} ${r.path}`))];

const send = (s: Session, route: string, options?: { csrf?: string | null }) => {
  const { path, fields } = requests()[route] ?? adminOnly()[route]!;
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
  timeOffId = (await t.post("/v1/staff/ana/time-off", { start: "2026-12-15T14:00:00Z", end: "2026-12-15T15:00:00Z", reason: "Training" })).json.id;
  userId = (await t.get("/v1/users")).json.items[0].id as string;
});
afterAll(() => t.close());

describe("console routes", () => {
  it("has a row for every route", () => {
    const missing = consoleRoutes().filter((r) => !OFFICE_FREE.includes(r) && !(r in requests()) && !(r in adminOnly()));
    expect(missing).toEqual([]);
  });

  it("refuses a scheduler of another office on every route, and nothing changes", async () => {
    const before = dumpTables(t);
    for (const route of [...Object.keys(requests()), ...Object.keys(adminOnly())]) {
      const res = await send(foreign, route);
      expect(res.status, route).toBe(403);
      expect(res.text, route).not.toContain(caseId);
    }
    expect(dumpTables(t)).toBe(before);
  });

  it("refuses every form without the session's form token, and nothing changes", async () => {
    const before = dumpTables(t);
    // The sign-in forms carry a token of their own (tests/console/login-csrf.test.ts, sign-in-*.test.ts).
    const forms = [...consoleRoutes().filter((r) => r.startsWith("POST") && !r.startsWith("POST /console/sign-in"))];
    expect(forms.length).toBeGreaterThanOrEqual(8);
    for (const route of forms) {
      for (const csrf of [null, "forged"]) {
        const res = route === "POST /console/sign-out" ? await own.post("/console/sign-out", {}, { csrf }) : await send(own, route, { csrf });
        expect(res.status, route).toBe(403);
      }
    }
    expect(dumpTables(t)).toBe(before);
  });

  it("refuses the admin-only pages and forms to the office's own scheduler too, and nothing changes", async () => {
    const before = dumpTables(t);
    for (const route of Object.keys(adminOnly())) {
      const res = await send(own, route);
      expect(res.status, route).toBe(403);
      expect(res.headers.get("content-type"), route).toContain("text/html");
    }
    expect(dumpTables(t)).toBe(before);
  });

  it("lets the office's own scheduler through on every route (the rows are live requests)", async () => {
    for (const route of Object.keys(requests()).filter((r) => r.startsWith("GET"))) {
      expect((await send(own, route)).status, route).toBe(200);
    }
  });
});
