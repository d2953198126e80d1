// Small, valid inputs for each resource; tests override what they are about.
import type { TestApp } from "./app.js";

export const bogota = (over: Record<string, unknown> = {}) => ({
  id: "bogota",
  name: "SMO Bogotá",
  country: "CO",
  timeZone: "America/Bogota",
  address: "Calle 100 # 8A-55, Bogotá",
  hours: [{ days: ["MO", "TU", "WE", "TH", "FR"], start: "08:00", end: "17:00" }],
  ...over,
});

export const counseling = (over: Record<string, unknown> = {}) => ({
  id: "iom-counseling",
  name: "IOM counseling session",
  agency: "IOM",
  durationMinutes: 60,
  bufferMinutes: 0,
  window: { minDays: 14, maxDays: 28 },
  ...over,
});

export const counselor = (over: Record<string, unknown> = {}) => ({
  id: "ana",
  name: "Ana Counselor",
  email: "ana@example.org",
  agency: "IOM",
  timeZone: "America/Bogota",
  languages: ["es", "en"],
  officeIds: ["bogota"],
  serviceIds: ["iom-counseling"],
  ...over,
});

export const applicantCase = (over: Record<string, unknown> = {}) => ({
  officeId: "bogota",
  track: "IOM",
  screenedAt: "2026-11-20",
  language: "es",
  householdSize: 3,
  nationality: "VE",
  presentSince: "2022-05-01",
  birthDate: "1990-04-02",
  legalStatus: "regular",
  contact: { email: "applicant@example.org", phone: "+573001234567" },
  ...over,
});

/** An office, a service and a staff member, created through the API. */
export async function seedBasics(t: TestApp) {
  const office = await t.post("/v1/offices", bogota());
  const service = await t.post("/v1/services", counseling());
  const member = await t.post("/v1/staff", counselor());
  for (const r of [office, service, member]) if (r.status !== 201) throw new Error(`seed failed: ${r.status} ${r.text}`);
  return { office: office.json, service: service.json, staff: member.json };
}

export async function token(t: TestApp, body: Record<string, unknown>): Promise<string> {
  const res = await t.post("/v1/users", { name: "User", email: "user@example.org", ...body });
  if (res.status !== 201) throw new Error(`user failed: ${res.status} ${res.text}`);
  return res.json.token;
}

/** A scheduler of the Bogotá office, or an admin, created through the API: its id and its token. */
export async function newUser(t: TestApp, role: "admin" | "scheduler" = "scheduler"): Promise<{ id: string; token: string }> {
  const res = await t.post("/v1/users", { name: "Sofía", email: "sofia@example.org", role, officeIds: role === "scheduler" ? ["bogota"] : undefined });
  if (res.status !== 201) throw new Error(`user failed: ${res.status} ${res.text}`);
  return { id: res.json.id as string, token: res.json.token as string };
}
