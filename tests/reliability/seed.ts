// Seeding a running server through its API for the reliability tests: one office, a service that
// can be booked on any weekday of the next 60 days, interviewers working weekdays 09:00–13:00.
import { applicantCase, bogota, counseling, counselor } from "../helpers/fixtures.js";

export const ADMIN = "reliability-admin";
// 10:00 in Bogotá: text messages about a booking go at once, outside the quiet hours.
export const NOW = "2026-11-23T15:00:00Z";
const headers = { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" };
const weekdays = { rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "09:00", end: "13:00", officeId: "bogota" };

export async function call(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as any) : null };
}

async function must(base: string, method: string, path: string, body?: unknown) {
  const res = await call(base, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

/** Runs `task` for 0 … n-1, at most `width` at a time. */
export async function pool<T>(n: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      out[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, n) }, worker));
  return out;
}

export async function seedOffice(base: string, staffCount: number): Promise<string[]> {
  await must(base, "POST", "/v1/offices", bogota());
  await must(base, "POST", "/v1/services", counseling({ window: { minDays: 0, maxDays: 60 } }));
  const staff = Array.from({ length: staffCount }, (_, i) => `int-${String(i).padStart(2, "0")}`);
  for (const id of staff) {
    await must(base, "POST", "/v1/staff", counselor({ id, email: `${id}@example.org` }));
    await must(base, "PUT", `/v1/staff/${id}/availability`, [weekdays]);
  }
  return staff;
}

/** Cases whose contacts alternate: email and phone, or email only (one invite row per channel). */
export async function seedCases(base: string, n: number): Promise<string[]> {
  return pool(n, 50, async (i) => {
    const contact = i % 3 === 0 ? { email: `a${i}@example.org` } : { email: `a${i}@example.org`, phone: `+5730012${String(i).padStart(5, "0")}` };
    return (await must(base, "POST", "/v1/cases", applicantCase({ contact }))).id as string;
  });
}

/** Every (start, interviewer) pair the slot engine offers, on a 30-minute grid of 60-minute holds. */
export async function allPairs(base: string): Promise<{ start: string; staffId: string }[]> {
  const { slots } = await must(base, "GET", "/v1/slots?service=iom-counseling&office=bogota&from=2026-11-25&to=2027-01-15");
  return (slots as { start: string; staffIds: string[] }[]).flatMap((s) => s.staffIds.map((staffId) => ({ start: s.start, staffId })));
}
