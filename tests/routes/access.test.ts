// Every route × role × office scope, from one table. A route without a row fails the last test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { applicantCase, bogota, counselor, counseling, token } from "../helpers/fixtures.js";

type Rule = "allow" | "deny" | "scoped";
type Scope = "own" | "other";
interface Row {
  route: string;
  call: (s: Scope, ids: Ids) => [string, string, unknown?];
  admin: Rule;
  scheduler: Rule;
  interviewer: Rule;
}
interface Ids {
  office: Record<Scope, string>;
  staff: Record<Scope, string>;
  caseId: Record<Scope, string>;
  closure: Record<Scope, string>;
  timeOff: Record<Scope, string>;
  appointment: Record<Scope, string>;
}

const timeOffBody = { start: "2027-01-04T00:00:00Z", end: "2027-01-05T00:00:00Z", reason: "Leave" };
const rules = (office: string) => [{ rrule: "FREQ=WEEKLY;BYDAY=MO", start: "09:00", end: "12:00", officeId: office }];

export const matrix: Row[] = [
  { route: "POST /v1/offices", call: () => ["POST", "/v1/offices", bogota({ id: "new-office" })], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "GET /v1/offices", call: () => ["GET", "/v1/offices"], admin: "allow", scheduler: "allow", interviewer: "allow" },
  { route: "GET /v1/offices/{id}", call: (s, i) => ["GET", `/v1/offices/${i.office[s]}`], admin: "allow", scheduler: "allow", interviewer: "allow" },
  { route: "PATCH /v1/offices/{id}", call: (s, i) => ["PATCH", `/v1/offices/${i.office[s]}`, { name: "Renamed" }], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "GET /v1/offices/{id}/eligibility", call: (s, i) => ["GET", `/v1/offices/${i.office[s]}/eligibility`], admin: "allow", scheduler: "allow", interviewer: "allow" },
  {
    route: "PUT /v1/offices/{id}/eligibility",
    call: (s, i) => ["PUT", `/v1/offices/${i.office[s]}/eligibility`, { nationalities: ["VE"], presentOnOrBefore: "2023-06-11" }],
    admin: "allow",
    scheduler: "deny",
    interviewer: "deny",
  },
  { route: "POST /v1/offices/{id}/rooms", call: (s, i) => ["POST", `/v1/offices/${i.office[s]}/rooms`, { name: "Sala" }], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "GET /v1/offices/{id}/rooms", call: (s, i) => ["GET", `/v1/offices/${i.office[s]}/rooms`], admin: "allow", scheduler: "allow", interviewer: "allow" },
  {
    route: "POST /v1/offices/{id}/closures",
    call: (s, i) => ["POST", `/v1/offices/${i.office[s]}/closures`, { date: "2027-01-06", reason: "Closed" }],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "deny",
  },
  { route: "GET /v1/offices/{id}/closures", call: (s, i) => ["GET", `/v1/offices/${i.office[s]}/closures`], admin: "allow", scheduler: "allow", interviewer: "allow" },
  {
    route: "DELETE /v1/offices/{id}/closures/{closureId}",
    call: (s, i) => ["DELETE", `/v1/offices/${i.office[s]}/closures/${i.closure[s]}`],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "deny",
  },
  { route: "POST /v1/services", call: () => ["POST", "/v1/services", counseling({ id: "new-service" })], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "GET /v1/services", call: () => ["GET", "/v1/services"], admin: "allow", scheduler: "allow", interviewer: "allow" },
  { route: "GET /v1/services/{id}", call: () => ["GET", "/v1/services/iom-counseling"], admin: "allow", scheduler: "allow", interviewer: "allow" },
  { route: "PATCH /v1/services/{id}", call: () => ["PATCH", "/v1/services/iom-counseling", { bufferMinutes: 5 }], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "POST /v1/staff", call: () => ["POST", "/v1/staff", counselor({ id: "new-staff" })], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "GET /v1/staff", call: () => ["GET", "/v1/staff"], admin: "allow", scheduler: "allow", interviewer: "allow" },
  { route: "GET /v1/staff/{id}", call: (s, i) => ["GET", `/v1/staff/${i.staff[s]}`], admin: "allow", scheduler: "scoped", interviewer: "scoped" },
  { route: "PATCH /v1/staff/{id}", call: (s, i) => ["PATCH", `/v1/staff/${i.staff[s]}`, { name: "Renamed" }], admin: "allow", scheduler: "deny", interviewer: "deny" },
  {
    route: "PUT /v1/staff/{id}/availability",
    call: (s, i) => ["PUT", `/v1/staff/${i.staff[s]}/availability`, rules(i.office[s])],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "scoped",
  },
  { route: "GET /v1/staff/{id}/availability", call: (s, i) => ["GET", `/v1/staff/${i.staff[s]}/availability`], admin: "allow", scheduler: "scoped", interviewer: "scoped" },
  { route: "POST /v1/staff/{id}/time-off", call: (s, i) => ["POST", `/v1/staff/${i.staff[s]}/time-off`, timeOffBody], admin: "allow", scheduler: "scoped", interviewer: "scoped" },
  { route: "GET /v1/staff/{id}/time-off", call: (s, i) => ["GET", `/v1/staff/${i.staff[s]}/time-off`], admin: "allow", scheduler: "scoped", interviewer: "scoped" },
  {
    route: "DELETE /v1/staff/{id}/time-off/{timeOffId}",
    call: (s, i) => ["DELETE", `/v1/staff/${i.staff[s]}/time-off/${i.timeOff[s]}`],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "scoped",
  },
  { route: "POST /v1/cases", call: (s, i) => ["POST", "/v1/cases", applicantCase({ officeId: i.office[s] })], admin: "allow", scheduler: "scoped", interviewer: "deny" },
  { route: "GET /v1/cases", call: () => ["GET", "/v1/cases"], admin: "allow", scheduler: "allow", interviewer: "deny" },
  { route: "GET /v1/cases/{id}", call: (s, i) => ["GET", `/v1/cases/${i.caseId[s]}`], admin: "allow", scheduler: "scoped", interviewer: "deny" },
  { route: "PATCH /v1/cases/{id}", call: (s, i) => ["PATCH", `/v1/cases/${i.caseId[s]}`, { householdSize: 2 }], admin: "allow", scheduler: "scoped", interviewer: "deny" },
  {
    route: "POST /v1/cases/{id}/extensions",
    call: (s, i) => ["POST", `/v1/cases/${i.caseId[s]}/extensions`, { days: 7, reason: "Sponsor" }],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "deny",
  },
  { route: "GET /v1/cases/{id}/offers", call: (s, i) => ["GET", `/v1/cases/${i.caseId[s]}/offers`], admin: "allow", scheduler: "scoped", interviewer: "deny" },
  {
    route: "POST /v1/cases/{id}/priority",
    call: (s, i) => ["POST", `/v1/cases/${i.caseId[s]}/priority`, { priority: true, reason: "Medical" }],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "deny",
  },
  { route: "GET /v1/cases/{id}/priority", call: (s, i) => ["GET", `/v1/cases/${i.caseId[s]}/priority`], admin: "allow", scheduler: "scoped", interviewer: "deny" },
  {
    route: "GET /v1/slots",
    call: (s, i) => ["GET", `/v1/slots?service=iom-counseling&office=${i.office[s]}&from=2026-12-07&to=2026-12-08`],
    admin: "allow",
    scheduler: "allow",
    interviewer: "allow",
  },
  {
    route: "POST /v1/appointments",
    call: (s, i) => ["POST", "/v1/appointments", { caseId: i.caseId[s], serviceId: "iom-counseling", officeId: i.office[s], start: "2026-12-08T10:00:00-05:00" }],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "deny",
  },
  { route: "GET /v1/appointments", call: () => ["GET", "/v1/appointments"], admin: "allow", scheduler: "allow", interviewer: "allow" },
  { route: "GET /v1/appointments/{id}", call: (s, i) => ["GET", `/v1/appointments/${i.appointment[s]}`], admin: "allow", scheduler: "scoped", interviewer: "scoped" },
  {
    route: "GET /v1/appointments/{id}/history",
    call: (s, i) => ["GET", `/v1/appointments/${i.appointment[s]}/history`],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "scoped",
  },
  { route: "GET /v1/offices/{id}/day/{date}", call: (s, i) => ["GET", `/v1/offices/${i.office[s]}/day/2026-12-07`], admin: "allow", scheduler: "scoped", interviewer: "allow" },
  {
    route: "POST /v1/appointments/{id}/confirm",
    call: (s, i) => ["POST", `/v1/appointments/${i.appointment[s]}/confirm`],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "deny",
  },
  {
    route: "POST /v1/appointments/{id}/check-in",
    call: (s, i) => ["POST", `/v1/appointments/${i.appointment[s]}/check-in`],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "scoped",
  },
  {
    route: "POST /v1/appointments/{id}/complete",
    call: (s, i) => ["POST", `/v1/appointments/${i.appointment[s]}/complete`],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "scoped",
  },
  {
    route: "POST /v1/appointments/{id}/no-show",
    call: (s, i) => ["POST", `/v1/appointments/${i.appointment[s]}/no-show`],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "scoped",
  },
  {
    route: "POST /v1/appointments/{id}/reschedule",
    call: (s, i) => ["POST", `/v1/appointments/${i.appointment[s]}/reschedule`, { start: "2026-12-07T11:00:00-05:00" }],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "deny",
  },
  {
    route: "POST /v1/appointments/{id}/cancel",
    call: (s, i) => ["POST", `/v1/appointments/${i.appointment[s]}/cancel`, { reason: "Asked to" }],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "deny",
  },
  { route: "POST /v1/appointments/{id}/link", call: (s, i) => ["POST", `/v1/appointments/${i.appointment[s]}/link`], admin: "allow", scheduler: "scoped", interviewer: "deny" },
  {
    route: "GET /v1/appointments/{id}/invite.ics",
    call: (s, i) => ["GET", `/v1/appointments/${i.appointment[s]}/invite.ics`],
    admin: "allow",
    scheduler: "scoped",
    interviewer: "scoped",
  },
  // The feed shows the interviewer's appointments in every office: theirs or an admin's to rotate.
  { route: "POST /v1/staff/{id}/feed-token", call: (s, i) => ["POST", `/v1/staff/${i.staff[s]}/feed-token`], admin: "allow", scheduler: "deny", interviewer: "scoped" },
  { route: "GET /v1/notifications", call: (s, i) => ["GET", `/v1/notifications?appointmentId=${i.appointment[s]}`], admin: "allow", scheduler: "scoped", interviewer: "deny" },
  { route: "POST /v1/users", call: () => ["POST", "/v1/users", { name: "N", email: "n@example.org", role: "admin" }], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "GET /v1/users", call: () => ["GET", "/v1/users"], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "GET /v1/users/{id}", call: () => ["GET", `/v1/users/${target.id}`], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "POST /v1/users/{id}/disable", call: () => ["POST", `/v1/users/${target.id}/disable`], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "POST /v1/users/{id}/enable", call: () => ["POST", `/v1/users/${target.id}/enable`], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "POST /v1/users/{id}/token", call: () => ["POST", `/v1/users/${target.id}/token`], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "PATCH /v1/users/{id}", call: () => ["PATCH", `/v1/users/${target.id}`, { officeIds: ["bogota"] }], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "GET /v1/users/{id}/tokens", call: () => ["GET", `/v1/users/${target.id}/tokens`], admin: "allow", scheduler: "deny", interviewer: "deny" },
  { route: "POST /v1/users/{id}/tokens", call: () => ["POST", `/v1/users/${target.id}/tokens`, { name: "robot" }], admin: "allow", scheduler: "deny", interviewer: "deny" },
  {
    route: "DELETE /v1/users/{id}/tokens/{tokenId}",
    call: () => ["DELETE", `/v1/users/${target.id}/tokens/${target.tokenId}`],
    admin: "allow",
    scheduler: "deny",
    interviewer: "deny",
  },
];

/**
 * Staff routes for "cruz", who works for both offices, called by the scheduler of one of them:
 * reading is allowed, writing only the rules of the scheduler's own office (the other office's
 * rules are kept, tests/routes/staff-offices.test.ts); time off blocks every office, so no.
 */
export const sharedMember: { route: string; call: (timeOffId: string) => [string, string, unknown?]; scheduler: "allow" | "deny" }[] = [
  { route: "GET /v1/staff/{id}", call: () => ["GET", "/v1/staff/cruz"], scheduler: "allow" },
  { route: "PUT /v1/staff/{id}/availability (own office's rules)", call: () => ["PUT", "/v1/staff/cruz/availability", rules("bogota")], scheduler: "allow" },
  { route: "PUT /v1/staff/{id}/availability (other office's rule)", call: () => ["PUT", "/v1/staff/cruz/availability", rules("quito")], scheduler: "deny" },
  { route: "GET /v1/staff/{id}/availability", call: () => ["GET", "/v1/staff/cruz/availability"], scheduler: "allow" },
  { route: "POST /v1/staff/{id}/time-off", call: () => ["POST", "/v1/staff/cruz/time-off", timeOffBody], scheduler: "deny" },
  { route: "GET /v1/staff/{id}/time-off", call: () => ["GET", "/v1/staff/cruz/time-off"], scheduler: "allow" },
  { route: "DELETE /v1/staff/{id}/time-off/{timeOffId}", call: (id) => ["DELETE", `/v1/staff/cruz/time-off/${id}`], scheduler: "deny" },
  { route: "POST /v1/staff/{id}/feed-token", call: () => ["POST", "/v1/staff/cruz/feed-token"], scheduler: "deny" },
];

let t: TestApp;
let ids: Ids;
let sharedTimeOff: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = makeApp();
  await t.post("/v1/offices", bogota());
  await t.post("/v1/offices", bogota({ id: "quito", country: "EC", timeZone: "America/Guayaquil" }));
  await t.post("/v1/services", counseling());
  await t.post("/v1/staff", counselor());
  await t.post("/v1/staff", counselor({ id: "bob", officeIds: ["quito"] }));
  await t.post("/v1/staff", counselor({ id: "cruz", officeIds: ["bogota", "quito"] }));
  const own = await t.post("/v1/cases", applicantCase());
  const other = await t.post("/v1/cases", applicantCase({ officeId: "quito" }));
  const appointment = async (office: string, staffId: string, caseId: string) => {
    await t.put(
      `/v1/staff/${staffId}/availability`,
      rules(office).map((r) => ({ ...r, rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" })),
    );
    const res = await t.post("/v1/appointments", { caseId, serviceId: "iom-counseling", officeId: office, start: "2026-12-07T10:00:00-05:00" });
    if (res.status !== 201) throw new Error(res.text);
    return res.json.id as string;
  };
  const closure = async (office: string) => (await t.post(`/v1/offices/${office}/closures`, { date: "2027-02-01", reason: "x" })).json.id;
  const timeOff = async (staff: string) => (await t.post(`/v1/staff/${staff}/time-off`, timeOffBody)).json.id;
  ids = {
    office: { own: "bogota", other: "quito" },
    staff: { own: "ana", other: "bob" },
    caseId: { own: own.json.id, other: other.json.id },
    closure: { own: await closure("bogota"), other: await closure("quito") },
    timeOff: { own: await timeOff("ana"), other: await timeOff("bob") },
    appointment: { own: await appointment("bogota", "ana", own.json.id), other: await appointment("quito", "bob", other.json.id) },
  };
  sharedTimeOff = await timeOff("cruz");
  tokens.scheduler = await token(t, { role: "scheduler", officeIds: ["bogota"] });
  tokens.interviewer = await token(t, { role: "interviewer", staffId: "ana" });
  tokens.admin = await token(t, { role: "admin" });
  tokens.cruz = await token(t, { role: "interviewer", staffId: "cruz" });
});
afterAll(() => t.close());

/** The user the /v1/users/{id} rows disable, enable and give new tokens: nobody the matrix calls as. */
const target = { id: "", tokenId: "" };
beforeAll(async () => {
  target.id = (await t.post("/v1/users", { name: "Target", email: "target@example.org", role: "scheduler", officeIds: ["bogota"] })).json.id;
  target.tokenId = (await t.post(`/v1/users/${target.id}/tokens`, { name: "to revoke" })).json.id;
});

describe("access matrix", () => {
  for (const row of matrix) {
    it(row.route, async () => {
      for (const role of ["admin", "scheduler", "interviewer"] as const) {
        for (const scope of ["own", "other"] as const) {
          const [method, path, body] = row.call(scope, ids);
          const res = await t.call(method, path, { token: tokens[role], body });
          const rule = row[role];
          const allowed = rule === "allow" || (rule === "scoped" && scope === "own");
          const label = `${role} ${scope} ${method} ${path} → ${res.status} ${res.text.slice(0, 120)}`;
          if (allowed) expect([401, 403], label).not.toContain(res.status);
          else expect(res.status, label).toBe(403);
        }
        // The DELETE rows remove what they name; put it back for the next role.
        if (row.route.startsWith("DELETE")) await refill(row.route);
      }
      const [method, path, body] = row.call("own", ids);
      expect((await t.call(method, path, { token: null, body })).status).toBe(401);
      expect((await t.call(method, path, { token: "cita_not-a-real-token", body })).status).toBe(401);
    });
  }

  for (const row of sharedMember) {
    it(`${row.route} on staff of two offices`, async () => {
      const [method, path, body] = row.call(sharedTimeOff);
      const res = await t.call(method, path, { token: tokens.scheduler, body });
      const label = `scheduler ${method} ${path} → ${res.status} ${res.text.slice(0, 120)}`;
      if (row.scheduler === "allow") expect(res.status, label).toBeLessThan(300);
      else expect(res.status, label).toBe(403);
      // The member themselves and an admin may do all of it.
      for (const who of [tokens.admin, tokens.cruz]) {
        const [m, p, b] = row.call(sharedTimeOff);
        const own = await t.call(m, p, { token: who, body: b });
        expect(own.status, `${m} ${p} → ${own.status} ${own.text.slice(0, 120)}`).toBeLessThan(300);
        if (m === "DELETE") sharedTimeOff = (await t.post("/v1/staff/cruz/time-off", timeOffBody)).json.id;
      }
    });
  }

  it("has a row for every route the app serves under /v1", () => {
    const served = t.app.openAPIRegistry.definitions
      .flatMap((d) => (d.type === "route" ? [`${d.route.method.toUpperCase()} ${d.route.path}`] : []))
      .filter((r) => r.includes(" /v1/"))
      // A calendar client cannot send a bearer token: the feed checks its own ?token= (tests/calendar/feed.test.ts).
      .filter((r) => r !== "GET /v1/staff/{id}/feed.ics");
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((r) => !matrix.some((m) => m.route === r))).toEqual([]);
  });
});

async function refill(route: string) {
  if (route.includes("tokens")) {
    target.tokenId = (await t.post(`/v1/users/${target.id}/tokens`, { name: "to revoke" })).json.id;
  } else if (route.includes("closures")) {
    for (const s of ["own", "other"] as const) ids.closure[s] = (await t.post(`/v1/offices/${ids.office[s]}/closures`, { date: "2027-02-01", reason: "x" })).json.id;
  } else {
    for (const s of ["own", "other"] as const) ids.timeOff[s] = (await t.post(`/v1/staff/${ids.staff[s]}/time-off`, timeOffBody)).json.id;
  }
}
