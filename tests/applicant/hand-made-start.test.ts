// The applicant's reschedule form offers starts as UTC instants, but a hand-made POST can send any
// text: a control character, or office time on the wrong side of New York's spring-forward, is
// refused like the API refuses it (422) and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { dumpTables } from "../security/db.js";
import { WRONG_SIDE, newYorkApp, newYorkBooking } from "../helpers/new-york.js";
import { act, textOf } from "./helpers.js";

let t: TestApp;
let path: string;
let id: string;
beforeEach(async () => {
  t = await newYorkApp();
  const apt = await newYorkBooking(t, "2026-03-09T10:00:00-04:00");
  ({ id } = apt);
  path = new URL(apt.selfServiceUrl).pathname;
});
afterEach(() => t.close());

const moveTo = (fields: Record<string, string>) => act(t, path, `${path}/reschedule`, fields);

describe("a hand-made reschedule form", () => {
  it.each(WRONG_SIDE)("refuses %s with 422, moving nothing", async (start) => {
    const before = dumpTables(t);
    const res = await moveTo({ start });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain("Esa hora no está disponible para usted.");
    expect(dumpTables(t)).toBe(before);
  });

  it("refuses control characters in any field with 422, moving nothing", async () => {
    for (const control of ["\r\n", "\u0000", "\t", "\u007f", "\u0085", "\u2028", "\u2029"]) {
      const tries: Record<string, string>[] = [{ start: `2026-03-08T03:00:00-04:00${control}` }, { start: "2026-03-08T03:00:00-04:00", note: `x${control}y` }];
      for (const fields of tries) {
        const before = dumpTables(t);
        const res = await moveTo(fields);
        expect(res.status).toBe(422);
        expect(textOf(res.text)).toContain("Elija una hora de la lista.");
        expect(dumpTables(t)).toBe(before);
      }
    }
  });

  it("moves to the minute after the gap, written with its real offset", async () => {
    const res = await moveTo({ start: "2026-03-08T03:00:00-04:00" });
    expect(res.status).toBe(303);
    expect((await t.get(`/v1/appointments/${id}`)).json.start).toBe("2026-03-08T07:00:00Z");
  });
});
