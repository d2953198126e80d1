// The life cycle is declared once; the SQL that enforces "one live appointment per case and
// service" must name the same live statuses.
import { describe, expect, it } from "vitest";
import { makeApp } from "../helpers/app.js";
import { ALLOWED_FROM, LIVE_STATUSES, MOVABLE_STATUSES, STATUSES, STATUS_AFTER, statusActionsFrom } from "../../src/domain/lifecycle.js";

describe("appointment life cycle", () => {
  it("names the same live statuses as the partial index that keeps one live appointment per case and service", async () => {
    const t = makeApp();
    const [index] = t.database.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'appointments_case_service_live'").all() as { sql: string }[];
    const listed = /status IN \(([^)]*)\)/i
      .exec(index!.sql)![1]!
      .split(",")
      .map((s) => s.trim().replace(/'/g, ""));
    t.close();
    expect(listed.sort()).toEqual([...LIVE_STATUSES].sort());
  });

  it("leads every change from statuses that exist to statuses that exist", () => {
    for (const from of Object.values(ALLOWED_FROM).flat()) expect(STATUSES).toContain(from);
    for (const to of Object.values(STATUS_AFTER)) expect(STATUSES).toContain(to);
    // Final statuses allow nothing; a movable appointment is always live.
    for (const final of ["completed", "no_show", "cancelled"]) expect(statusActionsFrom(final)).toEqual([]);
    for (const status of MOVABLE_STATUSES) expect(LIVE_STATUSES).toContain(status);
  });

  it("offers the desk the attendance changes each status allows, in the desk's order", () => {
    expect(statusActionsFrom("scheduled")).toEqual(["confirm", "check_in", "no_show"]);
    expect(statusActionsFrom("confirmed")).toEqual(["check_in", "no_show"]);
    expect(statusActionsFrom("checked_in")).toEqual(["complete"]);
  });
});
