// Time an interviewer's schedule change opens is offered like a cancelled appointment's time:
// hours gained (a dated rule here) and time off removed record the first free start of each
// newly opened stretch, in the change's own batch; losing hours records nothing, and neither
// does a change that is refused or whose batch fails.
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { availabilityRules, freedTimes } from "../../src/db/schema.js";
import { putAvailability } from "../../src/domain/staff.js";
import { sweepOffers } from "../../src/domain/offers-sweep.js";
import { weekdays } from "../helpers/booking.js";
import { counselor } from "../helpers/fixtures.js";
import { daytimeApp, depsFor } from "../notify/deps.js";
import { at, newCase, offerMessages, offersOf } from "./helpers.js";
import type { TestApp } from "../helpers/app.js";

let t: TestApp;
afterEach(() => t?.close());

/** Rounds recorded by schedule changes (not by cancellations), as local starts and sources. */
const opened = async () =>
  (
    await t.database.db
      .select()
      .from(freedTimes)
      .where(sql`${freedTimes.source} NOT LIKE 'history:%'`)
      .orderBy(freedTimes.startAt)
  ).map((f) => ({
    start: new Date(f.startAt).toISOString(),
    status: f.status,
    source: f.source.split(":")[0],
  }));

const iso = (local: string) => new Date(local).toISOString();

/** Friday 2026-12-04, 14:00–16:00: the last Friday inside the offer horizon, in the first case's window. */
const fridayAfternoon = { rrule: "FREQ=DAILY", start: "14:00", end: "16:00", officeId: "bogota", validFrom: "2026-12-04", validUntil: "2026-12-04" };

describe("time opened by a schedule change", () => {
  it("offers the hours an interviewer gains to a waiting case whose window holds the day", async () => {
    t = await daytimeApp();
    // Windows: screened 11-20 → 12-04 … 12-18 (holds Friday); screened 11-23 → 12-07 … 12-21 (does not).
    const waiting = await newCase(t, { screenedAt: "2026-11-20" });
    await newCase(t, { screenedAt: "2026-11-23", reference: "LATER" });
    const before = await opened();

    const res = await t.put("/v1/staff/ana/availability", [weekdays, fridayAfternoon]);
    expect(res.status).toBe(200);
    const recorded = (await opened()).filter((f) => !before.some((b) => b.start === f.start));
    expect(recorded).toEqual([{ start: iso(at("14:00", "2026-12-04")), status: "open", source: "hours" }]);

    await sweepOffers(t.deps);
    const made = await offersOf(t);
    expect(made.map((o) => o.caseId)).toEqual([waiting]);
    const [round] = await t.database.db
      .select()
      .from(freedTimes)
      .where(sql`${freedTimes.id} = ${made[0]!.freedTimeId}`);
    expect(round!.startAt).toBe(Date.parse(at("14:00", "2026-12-04")));
    expect(await offerMessages(t)).toHaveLength(2);

    // Lost and gained again while it is offered: the round stands and nobody is asked twice.
    expect((await t.put("/v1/staff/ana/availability", [weekdays])).status).toBe(200);
    expect((await t.put("/v1/staff/ana/availability", [weekdays, fridayAfternoon])).status).toBe(200);
    expect((await opened()).filter((f) => !before.some((b) => b.start === f.start))).toEqual(recorded);
    await sweepOffers(t.deps);
    expect(await offersOf(t)).toEqual(made);
  });

  it("offers the time given back when time off is removed", async () => {
    t = await daytimeApp();
    const waiting = await newCase(t, { screenedAt: "2026-11-20" });
    const away = await t.post("/v1/staff/ana/time-off", { start: "2026-12-04T00:00:00-05:00", end: "2026-12-05T00:00:00-05:00", reason: "Training" });
    expect(away.status).toBe(201);
    await sweepOffers(t.deps);
    expect(await offersOf(t)).toEqual([]);

    expect((await t.del(`/v1/staff/ana/time-off/${away.json.id}`)).status).toBe(204);
    expect(await opened()).toEqual([{ start: iso(at("09:00", "2026-12-04")), status: "open", source: "time-off" }]);
    await sweepOffers(t.deps);
    const made = await offersOf(t);
    expect(made.map((o) => o.caseId)).toEqual([waiting]);
  });

  it("replaces a round that found nobody when its time opens again, so the sweep looks again", async () => {
    t = await daytimeApp();
    expect((await t.put("/v1/staff/ana/availability", [weekdays, fridayAfternoon])).status).toBe(200);
    await sweepOffers(t.deps);
    expect(await offersOf(t)).toEqual([]);
    expect((await t.put("/v1/staff/ana/availability", [weekdays])).status).toBe(200);
    const waiting = await newCase(t, { screenedAt: "2026-11-20" });
    expect((await t.put("/v1/staff/ana/availability", [weekdays, fridayAfternoon])).status).toBe(200);
    const friday = iso(at("14:00", "2026-12-04"));
    expect(await opened()).toEqual([
      { start: friday, status: "closed", source: "hours" },
      { start: friday, status: "open", source: "hours" },
    ]);
    await sweepOffers(t.deps);
    expect((await offersOf(t)).map((o) => o.caseId)).toEqual([waiting]);
  });

  it("records nothing for hours lost, time off added, the same schedule saved again, or a first schedule", async () => {
    t = await daytimeApp();
    await newCase(t, { screenedAt: "2026-11-20" });
    const before = await opened();
    expect((await t.post("/v1/staff", counselor({ id: "ben", email: "ben@example.org" }))).status).toBe(201);
    expect((await t.put("/v1/staff/ben/availability", [weekdays, fridayAfternoon])).status).toBe(200);
    expect((await t.put("/v1/staff/ana/availability", [weekdays])).status).toBe(200);
    expect((await t.put("/v1/staff/ana/availability", [{ ...weekdays, end: "12:00" }])).status).toBe(200);
    expect((await t.post("/v1/staff/ana/time-off", { start: "2026-12-04T00:00:00-05:00", end: "2026-12-05T00:00:00-05:00", reason: "Training" })).status).toBe(201);
    expect(await opened()).toEqual(before);
    await sweepOffers(t.deps);
    expect(await offersOf(t)).toEqual([]);
  });

  it("records nothing when the change is refused or its batch fails", async () => {
    t = await daytimeApp();
    await newCase(t, { screenedAt: "2026-11-20" });
    const before = await opened();
    const rules = await t.database.db.select().from(availabilityRules);

    const refused = await t.put("/v1/staff/ana/availability", [weekdays, fridayAfternoon, { ...weekdays, rrule: "FREQ=SOMETIMES" }]);
    expect(refused.status).toBe(422);
    expect(refused.json.errors.map((e: { path: string }) => e.path)).toEqual(["2.rrule"]);

    // The database refuses the batch that writes the rules: a freed time written apart would stay.
    const broken = { sql: "INSERT INTO no_such_table VALUES (1)", params: [] };
    const failing = {
      ...t.database,
      batch: (statements: Parameters<typeof t.database.batch>[0]) =>
        t.database.batch(statements.some((s) => s.sql.includes("availability_rules")) ? [...statements, broken] : statements),
    };
    const deps = depsFor(t, { database: failing });
    await expect(putAvailability({ deps, actor: { id: "admin", role: "admin", officeIds: [], staffId: null } }, "ana", [weekdays, fridayAfternoon])).rejects.toThrow();

    expect(await opened()).toEqual(before);
    expect(await t.database.db.select().from(availabilityRules)).toEqual(rules);
    await sweepOffers(t.deps);
    expect(await offersOf(t)).toEqual([]);
  });
});
