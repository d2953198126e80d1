// The real server over a database that holds a rule which never occurs: slot searches and
// /health still answer, since expansion stops with the asked range (before, each search
// walked to the year 9999 and held the event loop for tens of seconds).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availabilityRules } from "../../src/db/schema.js";
import { ADMIN, makeApp } from "../helpers/app.js";
import { counselor, seedBasics } from "../helpers/fixtures.js";
import { startServer, type RunningServer } from "../helpers/server.js";

let server: RunningServer;
beforeAll(async () => {
  const t = makeApp({ now: "2026-11-23T12:00:00Z" });
  await seedBasics(t);
  await t.post("/v1/staff", counselor({ id: "bea", email: "bea@example.org" }));
  await t.put("/v1/staff/ana/availability", [{ rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "09:00", end: "13:00", officeId: "bogota" }]);
  t.database.db
    .insert(availabilityRules)
    .values({
      staffId: "bea",
      officeId: "bogota",
      rrule: "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
      start: "00:00",
      end: "24:00",
      timeZone: "America/Bogota",
    })
    .run();
  t.database.close();
  server = await startServer({ CITA_ADMIN_TOKEN: ADMIN, CITA_NOW: "2026-11-23T12:00:00Z" }, { db: t.file });
});
afterAll(async () => server?.stop());

describe("a server whose database holds a never-occurring rule", () => {
  it("answers slot searches correctly and /health alongside them", async () => {
    const search = (from: string, to: string) =>
      fetch(`${server.url}/v1/slots?service=iom-counseling&office=bogota&from=${from}&to=${to}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    const answers = await Promise.all([search("2026-12-01", "2026-12-08"), fetch(`${server.url}/health`), search("2027-01-04", "2027-01-30"), fetch(`${server.url}/health`)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const [week, health, month] = await Promise.all([answers[0]!.json(), answers[1]!.json(), answers[2]!.json()]);
    expect(health).toEqual({ status: "ok" });
    expect(week.slots).toHaveLength(35);
    expect(month.slots.length).toBeGreaterThan(100);
    for (const slot of [...week.slots, ...month.slots]) expect(slot.staffIds).toEqual(["ana"]);
  });
});
