// The feed's domain functions without HTTP: who may issue its token, what a token opens, what
// the feed reads. Through the routes: tests/calendar/feed.test.ts.
import { afterEach, describe, expect, it } from "vitest";
import { checkFeedToken, feedAppointments, FEED_PAST_DAYS, issueFeedToken } from "../../src/domain/staff-feed.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { counselor } from "../helpers/fixtures.js";
import type { Actor, Ctx } from "../../src/domain/context.js";
import { DomainError } from "../../src/domain/errors.js";

const admin: Actor = { id: "admin-token", role: "admin", officeIds: [], staffId: null };
const scheduler: Actor = { id: "sched-1", role: "scheduler", officeIds: ["bogota"], staffId: null };
const interviewer = (staffId: string): Actor => ({ id: `user-${staffId}`, role: "interviewer", officeIds: ["bogota"], staffId });

let t: TestApp;
afterEach(() => t?.close());

const ctx = (actor: Actor): Ctx => ({ deps: t.deps, actor });

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function book(start: string) {
  const res = await t.post("/v1/appointments", booking(await newCase(t), start, { staffId: "ana" }));
  if (res.status !== 201) throw new Error(`book: ${res.status} ${res.text}`);
  return res.json as { id: string; uid: string };
}

describe("issueFeedToken", () => {
  it("refuses a scheduler of the interviewer's own office and another interviewer, and writes nothing then", async () => {
    t = await bookingApp();
    await t.post("/v1/staff", counselor({ id: "bob" }));
    const { token } = await issueFeedToken(ctx(interviewer("ana")), "ana");
    for (const actor of [scheduler, interviewer("bob")]) {
      expect((await refusal(issueFeedToken(ctx(actor), "ana"))).kind).toBe("forbidden");
    }
    // The token issued before the refusals still opens the feed: nothing was rotated.
    expect((await checkFeedToken(t.deps, "ana", token)).id).toBe("ana");
    expect((await refusal(issueFeedToken(ctx(admin), "nobody"))).kind).toBe("not-found");
  });

  it("rotates for an admin and for the interviewer themself: the previous token stops working", async () => {
    t = await bookingApp();
    const first = await issueFeedToken(ctx(interviewer("ana")), "ana");
    const second = await issueFeedToken(ctx(admin), "ana");
    expect(second).toEqual({ staffId: "ana", token: expect.stringMatching(/^feed_/) });
    expect(second.token).not.toBe(first.token);
    expect((await refusal(checkFeedToken(t.deps, "ana", first.token))).kind).toBe("unauthorized");
    expect((await checkFeedToken(t.deps, "ana", second.token)).id).toBe("ana");
  });
});

describe("checkFeedToken", () => {
  it("refuses alike a missing, overlong, wrong or another member's token and an unknown member", async () => {
    t = await bookingApp({ staff: ["bob"] });
    const { token } = await issueFeedToken(ctx(admin), "ana");
    const bob = (await issueFeedToken(ctx(admin), "bob")).token;
    const tries: [string, string | undefined][] = [
      ["ana", undefined],
      ["ana", ""],
      ["ana", `${token}${"x".repeat(200)}`],
      ["ana", `${token}x`],
      ["ana", bob],
      ["nobody", token],
    ];
    const details = new Set<string>();
    for (const [staffId, given] of tries) {
      const error = await refusal(checkFeedToken(t.deps, staffId, given));
      expect(error.kind).toBe("unauthorized");
      details.add(error.detail);
    }
    expect(details.size).toBe(1);
  });
});

describe("feedAppointments", () => {
  it("reads the member's appointments that are not cancelled, from the days kept back on, without contact details", async () => {
    t = await bookingApp();
    const later = await book(at("11:00"));
    const earlier = await book(at("10:00"));
    const cancelled = await book(at("12:00"));
    await t.post(`/v1/appointments/${cancelled.id}/cancel`, { reason: "x" });
    const rows = await feedAppointments(t.deps, "ana", t.clock.now());
    expect(rows.map((r) => r.uid)).toEqual([earlier.uid, later.uid]);
    expect(Object.keys(rows[0]!).sort()).toEqual(["address", "endAt", "office", "reference", "roomId", "sequence", "service", "startAt", "status", "uid"]);
    expect(rows[0]).toMatchObject({ startAt: Date.parse(at("10:00")), status: "scheduled", office: expect.any(String), reference: expect.stringMatching(/^C-/) });

    const justKept = Date.parse(at("10:00")) + FEED_PAST_DAYS * 86_400_000;
    expect((await feedAppointments(t.deps, "ana", justKept)).map((r) => r.uid)).toEqual([earlier.uid, later.uid]);
    expect((await feedAppointments(t.deps, "ana", justKept + 1)).map((r) => r.uid)).toEqual([later.uid]);
    expect(await feedAppointments(t.deps, "bob", t.clock.now())).toEqual([]);
  });
});
