// What the route × role matrix (tests/routes/access.test.ts) does not cover: secrets at rest,
// 10,000 altered applicant links, and the interviewer feed's own token.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { LINK_DAYS_AFTER } from "../../src/domain/links.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { token as userToken } from "../helpers/fixtures.js";
import { ADMIN } from "../helpers/app.js";
import { signInCookie } from "../helpers/console.js";
import { book } from "../applicant/helpers.js";
import { dumpTables } from "./db.js";

let t: TestApp;
afterEach(() => t?.close());

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64url");
const unb64 = (s: string) => Buffer.from(s, "base64url").toString("utf8");

/** Opens /a/{token} from its own connection address, so the per-address limit stays out of it. */
async function status(token: string, n: number) {
  const path = `/a/${encodeURIComponent(token).replace(/%2F/g, "/")}`;
  const res = await t.app.request(path, {}, { incoming: { socket: { remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } } });
  await res.arrayBuffer();
  return res.status;
}

/** Mutations of `token`; `others` are other appointments' tokens. */
function mutations(token: string, others: string[]): fc.Arbitrary<string> {
  const [payload, mac] = token.split(".") as [string, string];
  const [id, version, expiry] = unb64(payload).split(".") as [string, string, string];
  const pos = fc.nat({ max: token.length - 1 });
  const char = fc.oneof(fc.constantFrom(...B64, "."), fc.constantFrom("=", "+", "/", "%", " ", "\u0000", "é", "🙂"));
  const substitute = fc.array(fc.tuple(pos, char), { minLength: 1, maxLength: 6 }).map((edits) => {
    const chars = [...token];
    for (const [i, c] of edits) chars[i] = c;
    return chars.join("");
  });
  const insert = fc.tuple(pos, fc.string({ unit: fc.constantFrom(...B64, "."), minLength: 1, maxLength: 4 })).map(([i, s]) => token.slice(0, i) + s + token.slice(i));
  const remove = fc.tuple(pos, fc.integer({ min: 1, max: 6 })).map(([i, n]) => token.slice(0, i) + token.slice(i + n));
  const truncate = fc.nat({ max: token.length - 1 }).map((n) => token.slice(0, n));
  // Altered payloads, re-encoded, under this token's MAC.
  const forged = fc
    .oneof(
      fc.nat({ max: 1000 }).map((v) => `${id}.${v}.${expiry}`),
      fc.integer({ min: 1, max: 1e6 }).map((d) => `${id}.${version}.${(parseInt(expiry, 36) + d).toString(36)}`),
      fc.constantFrom(...others).map((o) => unb64(o.split(".")[0]!)),
      fc.string({ maxLength: 6 }).map((s) => `${id}${s}.${version}.${expiry}`),
      fc.constant(`${id}.${version}.${expiry}.extra`),
      fc.constant(`${id}.${version}`),
    )
    .chain((p) => fc.constantFrom(`${b64(p)}.${mac}`, `${b64(p)}=.${mac}`, `${Buffer.from(p).toString("base64")}.${mac}`));
  // This payload under another appointment's MAC; a MAC re-encoded or padded.
  const swapped = fc
    .constantFrom(...others)
    .chain((o) =>
      fc.constantFrom(
        `${payload}.${o.split(".")[1]}`,
        `${o.split(".")[0]}.${mac}`,
        `${payload}.${Buffer.from(mac, "base64url").toString("base64")}`,
        `${payload}.${mac}==`,
        `${payload}.${mac}.${mac}`,
      ),
    );
  return fc.oneof(substitute, insert, remove, truncate, forged, swapped);
}

describe("secrets at rest", () => {
  it("keep staff tokens as hashes only: no table holds a token that was handed out", async () => {
    t = await bookingApp();
    const tokens = [
      await userToken(t, { role: "admin" }),
      await userToken(t, { role: "scheduler", officeIds: ["bogota"] }),
      await userToken(t, { role: "interviewer", staffId: "ana" }),
    ];
    for (const tk of tokens) expect((await t.get("/v1/offices", { token: tk })).status).toBe(200);
    const feed = new URL((await t.post("/v1/staff/ana/feed-token")).json.url).searchParams.get("token")!;
    const everything = dumpTables(t);
    for (const secret of [...tokens, feed]) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(secret.slice(8, 40)); // nor a good part of it
    }
    // The hashes are what is there.
    for (const tk of tokens) expect(everything).toContain(createHash("sha256").update(tk).digest("hex"));
  });

  it("keep no secret in an answer stored for an Idempotency-Key: tokens, feed URLs, applicant links", async () => {
    t = await bookingApp();
    const key = (k: string) => ({ headers: { "idempotency-key": k } });
    const user = await t.post("/v1/users", { name: "New", email: "new@example.org", role: "admin" }, key("user-1"));
    const feed = await t.post("/v1/staff/ana/feed-token", undefined, key("feed-1"));
    const booked = await t.post("/v1/appointments", booking(await newCase(t), at("10:00")), key("book-1"));
    const relinked = await t.post(`/v1/appointments/${booked.json.id}/link`, undefined, key("link-1"));
    for (const res of [user, feed, booked, relinked]) expect(res.status, res.text).toBeLessThan(300);
    const linkToken = (url: string) => new URL(url).pathname.split("/")[2]!;
    const secrets = [
      user.json.token,
      feed.json.token,
      feed.json.url,
      feed.json.webcalUrl,
      booked.json.selfServiceUrl,
      linkToken(booked.json.selfServiceUrl),
      linkToken(relinked.json.selfServiceUrl),
    ];
    expect(new Set(secrets).size).toBe(secrets.length);
    const everything = dumpTables(t);
    expect(everything).toMatch(/idempotency_keys\n\{/); // the answers are stored, without their secrets
    for (const secret of secrets) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(secret.slice(-20));
    }
  });

  it("keep console session ids and rotated tokens as hashes only", async () => {
    t = await bookingApp();
    const id = (await t.post("/v1/users", { name: "Desk", email: "desk@example.org", role: "scheduler", officeIds: ["bogota"] })).json.id;
    const first = (await t.post(`/v1/users/${id}/token`)).json.token as string;
    const sessionIds = [(await signInCookie(t, first))!, (await signInCookie(t, ADMIN))!].map((c) => c.split("=")[1]!);
    const rotated = (await t.post(`/v1/users/${id}/token`)).json.token as string;
    const live = (await signInCookie(t, rotated))!.split("=")[1]!;
    const everything = dumpTables(t);
    for (const secret of [first, rotated, ...sessionIds, live]) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(secret.slice(8, 40));
    }
    expect(everything).toContain(createHash("sha256").update(live).digest("hex"));
    expect(everything).toContain(createHash("sha256").update(rotated).digest("hex"));
  });
});

describe("applicant links", () => {
  it("accept none of 10,000 altered tokens, and none once expired", async () => {
    t = await bookingApp({ staff: ["ben"] });
    const mine = await book(t, at("10:00"));
    const others = [(await book(t, at("11:00"))).token, (await book(t, at("12:00"))).token];
    const issued = new Set([mine.token, ...others]);
    for (const tk of issued) expect(await status(tk, 0)).toBe(200);

    const tried = new Set<string>();
    for (const candidate of fc.sample(mutations(mine.token, others), { numRuns: 40_000, seed: 42 })) {
      if (!issued.has(candidate) && tried.size < 10_000) tried.add(candidate);
    }
    expect(tried.size).toBe(10_000);
    const accepted: string[] = [];
    let n = 1;
    for (const candidate of tried) if ((await status(candidate, n++)) !== 404) accepted.push(candidate);
    console.log(JSON.stringify({ name: "security-link-mutations", tried: tried.size, accepted: accepted.length }));
    expect(accepted).toEqual([]);

    // Past the end + 7 days, the genuine tokens and the same mutations are refused alike.
    t.clock.set(Date.parse(mine.appointment.end) + LINK_DAYS_AFTER * 86_400_000 + 60_000);
    expect(await status(mine.token, n++)).toBe(404);
    for (const candidate of [...tried].slice(0, 500)) expect(await status(candidate, n++)).toBe(404);
  }, 60_000);
});

describe("the interviewer feed", () => {
  it("refuses a wrong, another staff member's, a revoked or a missing token with 401", async () => {
    t = await bookingApp({ staff: ["ben"] });
    const issue = async (id: string) => new URL((await t.post(`/v1/staff/${id}/feed-token`)).json.url).searchParams.get("token")!;
    const ana = await issue("ana");
    const ben = await issue("ben");
    const feed = (id: string, q: string) => t.get(`/v1/staff/${id}/feed.ics${q}`, { token: null });
    expect((await feed("ana", `?token=${ana}`)).status).toBe(200);

    const renewed = await issue("ana");
    const refused = ["", "?token=", "?token=feed_", `?token=${ben}`, `?token=${ana}`, `?token=${renewed.slice(0, -1)}`, `?token=${renewed.toUpperCase()}`];
    for (const q of refused) {
      const res = await feed("ana", q);
      expect(res.status, q).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect((await feed("ana", `?token=${renewed}&token=${ben}`)).status).toBe(422); // ambiguous: refused too
    // A staff bearer token is not a feed token either.
    expect((await feed("ana", `?token=${await userToken(t, { role: "interviewer", staffId: "ana" })}`)).status).toBe(401);
    expect((await feed("ana", `?token=${renewed}`)).status).toBe(200);
    expect((await feed("ben", `?token=${renewed}`)).status).toBe(401);
  });
});
