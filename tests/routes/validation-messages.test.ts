// Validation errors say what is wrong in plain words, at the field's own path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { applicantCase, bogota, counseling, counselor, seedBasics } from "../helpers/fixtures.js";
import { withArticle } from "../../src/domain/errors.js";

let t: TestApp;
beforeAll(async () => {
  t = makeApp();
  await seedBasics(t);
});
afterAll(() => t.close());

const rule = { rrule: "FREQ=WEEKLY;BYDAY=MO", start: "09:00", end: "12:00", officeId: "bogota" };
const booking = { caseId: "case_1", serviceId: "iom-counseling", officeId: "bogota", start: "2026-12-07T10:00:00-05:00" };

const table: { what: string; method: string; path: string; body?: unknown; errors: { path: string; message: string }[] }[] = [
  {
    what: "missing fields",
    method: "POST",
    path: "/v1/offices",
    body: { name: "SMO Quito" },
    errors: [
      { path: "country", message: "is required" },
      { path: "timeZone", message: "is required" },
      { path: "address", message: "is required" },
      { path: "hours", message: "is required" },
    ],
  },
  {
    what: "wrong types",
    method: "POST",
    path: "/v1/offices",
    body: bogota({ id: "quito", name: 5, hours: "all day", email: true }),
    errors: [
      { path: "name", message: "must be a string" },
      { path: "email", message: "must be an email address" },
      { path: "hours", message: "must be a list" },
    ],
  },
  {
    what: "too long",
    method: "POST",
    path: "/v1/offices",
    body: bogota({ id: "quito", name: "x".repeat(201) }),
    errors: [{ path: "name", message: "must be at most 200 characters" }],
  },
  { what: "blank", method: "POST", path: "/v1/offices", body: bogota({ id: "quito", address: "   " }), errors: [{ path: "address", message: "must not be empty" }] },
  {
    what: "a line break in a name",
    method: "POST",
    path: "/v1/offices/bogota/rooms",
    body: { name: "Sala 1\r\nBcc: x@example.org" },
    errors: [{ path: "name", message: "must be one line of text without control characters (no line breaks, tabs or NUL)" }],
  },
  {
    what: "unknown agency",
    method: "POST",
    path: "/v1/services",
    body: counseling({ id: "wfp", agency: "WFP" }),
    errors: [{ path: "agency", message: "must be one of: UNHCR, IOM" }],
  },
  {
    what: "fractional minutes",
    method: "POST",
    path: "/v1/services",
    body: counseling({ id: "odd", durationMinutes: 1.5, minNoticeHours: -1 }),
    errors: [
      { path: "durationMinutes", message: "must be a whole number" },
      { path: "minNoticeHours", message: "must be at least 0" },
    ],
  },
  {
    what: "over the maximum",
    method: "POST",
    path: "/v1/services",
    body: counseling({ id: "long", durationMinutes: 600 }),
    errors: [{ path: "durationMinutes", message: "must be at most 480" }],
  },
  {
    what: "a slot step under 5 minutes",
    method: "POST",
    path: "/v1/services",
    body: counseling({ id: "odd", durationMinutes: 62, slotStepMinutes: 3 }),
    errors: [{ path: "slotStepMinutes", message: "must be at least 5" }],
  },
  {
    what: "window without maxDays",
    method: "POST",
    path: "/v1/services",
    body: counseling({ id: "odd", window: { minDays: 1 } }),
    errors: [{ path: "window.maxDays", message: "is required" }],
  },
  {
    what: "lists",
    method: "POST",
    path: "/v1/staff",
    body: counselor({ id: "bea", languages: ["es", "de"], officeIds: [] }),
    errors: [
      { path: "languages.1", message: "must be one of: es, en, ht, fr" },
      { path: "officeIds", message: "must not be empty" },
    ],
  },
  {
    what: "case fields",
    method: "POST",
    path: "/v1/cases",
    body: applicantCase({ screenedAt: "20/11/2026", householdSize: 0, contact: { email: "nope" }, notes: "x" }),
    errors: [
      { path: "screenedAt", message: "must be a date as YYYY-MM-DD" },
      { path: "householdSize", message: "must be at least 1" },
      { path: "contact.email", message: "must be an email address" },
      { path: "notes", message: "unknown field" },
    ],
  },
  {
    what: "time without offset",
    method: "POST",
    path: "/v1/appointments",
    body: { ...booking, start: "2026-12-07T10:00:00" },
    errors: [{ path: "start", message: "must be an ISO 8601 instant with an offset or Z (years 1900–2199), e.g. 2026-12-01T08:00:00-06:00" }],
  },
  {
    what: "id with a space",
    method: "POST",
    path: "/v1/appointments",
    body: { ...booking, caseId: "case 1" },
    errors: [{ path: "caseId", message: "must be an id of 1–100 letters, digits or symbols, without spaces" }],
  },
  {
    what: "unknown role",
    method: "POST",
    path: "/v1/users",
    body: { name: "N", email: "n@example.org", role: "owner" },
    errors: [{ path: "role", message: "must be one of: admin, scheduler, interviewer" }],
  },
  {
    what: "a rule's wall time",
    method: "PUT",
    path: "/v1/staff/ana/availability",
    body: [{ ...rule, start: "9:00" }],
    errors: [{ path: "0.start", message: "must be a wall-clock time HH:MM between 00:00 and 24:00" }],
  },
  { what: "an object for a list", method: "PUT", path: "/v1/staff/ana/availability", body: rule, errors: [{ path: "", message: "must be a list" }] },
  {
    what: "closure with both forms",
    method: "POST",
    path: "/v1/offices/bogota/closures",
    body: { date: "2027-01-06", start: "2027-01-06T08:00:00Z", reason: "Closed" },
    errors: [{ path: "date", message: "give either date or start/end, not both" }],
  },
  {
    what: "extension days",
    method: "POST",
    path: "/v1/cases/case_1/extensions",
    body: { days: "seven", reason: "Sponsor" },
    errors: [{ path: "days", message: "must be a number" }],
  },
  { what: "query limit", method: "GET", path: "/v1/offices?limit=500", errors: [{ path: "limit", message: "must be at most 200" }] },
  { what: "query limit text", method: "GET", path: "/v1/offices?limit=many", errors: [{ path: "limit", message: "must be a number" }] },
  {
    what: "query enum",
    method: "GET",
    path: "/v1/appointments?status=done",
    errors: [{ path: "status", message: "must be one of: scheduled, confirmed, checked_in, completed, no_show, cancelled" }],
  },
];

describe("validation messages", () => {
  it.each(table)("$what: $method $path", async ({ method, path, body, errors }) => {
    const res = await t.call(method, path, { body });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json.errors).toEqual(errors);
    expect(res.json.detail).toBe(errors.map((e) => `${e.path || "body"}: ${e.message}`).join("; "));
  });

  it("a duplicate says which resource with the right article", async () => {
    expect((await t.post("/v1/offices", bogota())).json.detail).toBe("An office with id 'bogota' already exists.");
    expect((await t.post("/v1/services", counseling())).json.detail).toBe("A service with id 'iom-counseling' already exists.");
    expect((await t.post("/v1/staff", counselor())).json.detail).toBe("A staff member with id 'ana' already exists.");
    expect((await t.post("/v1/cases", applicantCase({ reference: "C-100" }))).status).toBe(201);
    const again = await t.post("/v1/cases", applicantCase({ reference: "C-100" }));
    expect(again.status).toBe(409);
    expect(again.json.detail).toBe("A case with reference 'C-100' already exists.");
  });

  it.each([
    ["office", "an office"],
    ["appointment", "an appointment"],
    ["interviewer", "an interviewer"],
    ["room", "a room"],
    ["staff member", "a staff member"],
    ["user", "a user"],
    ["unknown field", "an unknown field"],
    ["IOM service", "an IOM service"],
    ["UNHCR interview", "a UNHCR interview"],
    ["SMO", "an SMO"],
  ])("%s takes its article by sound", (noun, phrase) => {
    expect(withArticle(noun)).toBe(phrase);
  });
});
