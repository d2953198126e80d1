// A failure behind a link is logged for the operators, without the link's token or anything
// about the applicant; the applicant sees a page that says nothing was changed.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../../src/db/database.js";
import { silentLogger } from "../../src/lib/logger.js";
import { makeApp, type TestApp } from "../helpers/app.js";
import { booking, newCase, weekdays, at } from "../helpers/booking.js";
import { seedBasics } from "../helpers/fixtures.js";
import { formTokenOf, open, submit, textOf } from "./helpers.js";

let t: TestApp;
afterEach(() => {
  t?.close();
  vi.restoreAllMocks();
});

describe("logs", () => {
  it("keep tokens, names, addresses and numbers out when a page fails", async () => {
    let failing = false;
    const wrap = (db: Database): Database => ({
      db: db.db,
      batch: (statements) => (failing ? Promise.reject(new Error("disk I/O error")) : db.batch(statements)),
    });
    t = makeApp({ now: "2026-11-23T12:00:00Z", wrap });
    await seedBasics(t);
    await t.put("/v1/staff/ana/availability", [weekdays]);
    const res = await t.post("/v1/appointments", booking(await newCase(t), at("10:00")));
    const path = new URL(res.json.selfServiceUrl).pathname;
    const token = path.split("/")[2]!;
    const errors = vi.spyOn(silentLogger, "error");

    const csrf = formTokenOf((await open(t, path)).text)!;
    failing = true;
    const failed = await submit(t, `${path}/confirm`, { csrf });
    expect(failed.status).toBe(500);
    expect(textOf(failed.text)).toContain("No se cambió nada.");
    expect(failed.text).not.toContain("disk I/O");

    expect(errors).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(errors.mock.calls);
    expect(logged).toContain("/a/:token/confirm");
    for (const secret of [token, token.split(".")[1]!, "applicant@example.org", "+573001234567", csrf]) expect(logged).not.toContain(secret);
  });
});
