// The waiting cases capacity reads (waitingCases in src/domain/capacity.ts): one query shaped
// for the index, which must give what the queue's pages give for the service's track, in the
// queue's order, with the same windows. Appointments are written straight into the database,
// one case per status, as years of history leave them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { applicantCase, bogota, counseling, counselor } from "../helpers/fixtures.js";
import { waitingCases } from "../../src/domain/capacity-waiting.js";
import { caseQueue } from "../../src/domain/queue.js";
import { getService } from "../../src/domain/services.js";
import { isoDate } from "../../src/slots/calendar.js";

const admin = { id: "admin-token", role: "admin" as const, officeIds: [], staffId: null };
const STATUSES = ["scheduled", "confirmed", "checked_in", "completed", "no_show", "cancelled"];

describe("waiting cases for capacity", () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = makeApp();
    const setup = [
      await t.post("/v1/offices", bogota()),
      await t.post("/v1/offices", bogota({ id: "quito", name: "SMO Quito", country: "EC", timeZone: "America/Guayaquil" })),
      await t.post("/v1/services", counseling()),
      await t.post("/v1/staff", counselor()),
      // A second IOM service: the queue books the first of the agency by id, so this one has no waiting cases.
      await t.post("/v1/services", counseling({ id: "iom-second", name: "IOM second session" })),
      await t.post("/v1/services", counseling({ id: "unhcr-interview", name: "UNHCR interview", agency: "UNHCR" })),
    ];
    for (const r of setup) if (r.status >= 300) throw new Error(r.text);
    // Screened on different days, two on the same day (the id breaks the tie), one extended.
    const wanted: [string, Record<string, unknown>][] = [
      ["none", { screenedAt: "2026-11-10" }],
      ["same1", { screenedAt: "2026-11-01" }],
      ["same2", { screenedAt: "2026-11-01" }],
      ["extended", { screenedAt: "2026-10-01", language: "ht" }],
      ["unhcr", { track: "UNHCR" }],
      ["quito", { officeId: "quito" }],
      ...STATUSES.map((s): [string, Record<string, unknown>] => [s, { screenedAt: "2026-11-05" }]),
    ];
    for (const [name, over] of wanted) {
      const res = await t.post("/v1/cases", applicantCase(over));
      if (res.status !== 201) throw new Error(res.text);
      ids[name] = res.json.id;
    }
    const extended = await t.post(`/v1/cases/${ids.extended}/extensions`, { days: 30, reason: "Waiting for documents" });
    if (extended.status !== 201) throw new Error(extended.text);
    const insert = t.database.sqlite
      .prepare(`INSERT INTO appointments (id, case_id, service_id, office_id, staff_id, room_id, start_at, end_at, hold_until, local_date, status, sequence, uid, created_at, updated_at)
      VALUES (?, ?, 'iom-counseling', 'bogota', 'ana', NULL, ?, ?, ?, '2026-11-30', ?, 0, ?, 0, 0)`);
    const start = Date.parse("2026-11-30T14:00:00Z");
    for (const [i, status] of STATUSES.entries())
      insert.run(`apt${i}`, ids[status], start + i * 3_600_000, start + (i + 1) * 3_600_000, start + (i + 1) * 3_600_000, status, `apt${i}@cita`);
  });
  afterAll(() => t.close());

  const ctx = () => ({ deps: t.deps, actor: admin });
  const service = (id: string) => getService(ctx(), id);

  it("gives the queue's waiting cases of the service's track, in the queue's order, with the queue's windows", async () => {
    const queue = await caseQueue(ctx(), { officeId: "bogota", limit: 100 });
    const fromQueue = queue.items
      .filter((i) => i.service?.id === "iom-counseling")
      .map((i) => ({ id: i.caseRow.id, reference: i.caseRow.reference, language: i.caseRow.language, window: i.window }));
    const waiting = await waitingCases(ctx(), "bogota", await service("iom-counseling"));
    const asWindows = waiting.map((w) => ({ id: w.id, reference: w.reference, language: w.language, window: { firstDate: isoDate(w.first), lastDate: isoDate(w.last) } }));
    expect(asWindows).toEqual(fromQueue);
  });

  it("leaves out cases with a live or completed appointment, keeps those cancelled or not shown, and no other office or track", async () => {
    const waiting = await waitingCases(ctx(), "bogota", await service("iom-counseling"));
    const names: Record<string, string> = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    const [same1, same2] = [ids.same1!, ids.same2!].sort();
    expect(new Set(waiting.map((w) => names[w.id]))).toEqual(new Set(["extended", "same1", "same2", "no_show", "cancelled", "none"]));
    // Oldest screening first, the id breaking a tie.
    expect(waiting.map((w) => w.id).slice(0, 3)).toEqual([ids.extended, same1, same2]);
    expect(names[waiting.at(-1)!.id]).toBe("none");
    const extended = waiting.find((w) => w.id === ids.extended)!;
    expect([isoDate(extended.first), isoDate(extended.last)]).toEqual(["2026-10-15", "2026-11-28"]);
  });

  it("has no waiting cases for a service that is not the one its agency's queue books", async () => {
    expect(await waitingCases(ctx(), "bogota", await service("iom-second"))).toEqual([]);
    expect((await waitingCases(ctx(), "bogota", await service("unhcr-interview"))).map((w) => w.id)).toEqual([ids.unhcr]);
  });
});
