// Fills an empty Cita through its own API, so the demo data passes the same validation as any client's.
import { addDays } from "../../src/domain/dates.js";
import { localDateOf } from "../../src/slots/index.js";
import * as data from "./data.js";

type Fetch = (path: string, init: RequestInit) => Promise<Response>;

/** Seeds the demo as of `now` (an instant): every date is the office's own local date then. */
export async function seedDemo(fetch: Fetch, adminToken: string, now: number) {
  const send = async (method: string, path: string, body: unknown) => {
    const res = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  for (const { eligibility, ...office } of data.offices) {
    await send("POST", "/v1/offices", office);
    await send("PUT", `/v1/offices/${office.id}/eligibility`, eligibility);
  }
  for (const room of data.rooms) await send("POST", `/v1/offices/${room.officeId}/rooms`, { id: room.id, name: room.name });
  for (const service of data.services) await send("POST", "/v1/services", service);
  for (const { availability, ...member } of data.staff) {
    await send("POST", "/v1/staff", member);
    await send("PUT", `/v1/staff/${member.id}/availability`, availability);
  }
  const cases = [];
  for (const c of data.cases(now)) cases.push(await send("POST", "/v1/cases", c));
  // A few booked appointments, so the applicant pages have something to show.
  const links: string[] = [];
  const booked = new Set<string>();
  for (const c of cases.slice(0, 3) as { id: string; officeId: string; track: string }[]) {
    const service = data.serviceOfTrack(c.track);
    const today = localDateOf(data.offices.find((o) => o.id === c.officeId)!.timeZone, now);
    const res = await fetch(`/v1/slots?service=${service}&office=${c.officeId}&case=${c.id}&from=${today}&to=${addDays(today, 60)}`, {
      method: "GET",
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const [slot] = ((await res.json()) as { slots: { start: string }[] }).slots;
    if (!slot) continue;
    const appointment = await send("POST", "/v1/appointments", { caseId: c.id, serviceId: service, officeId: c.officeId, start: slot.start });
    links.push(appointment.selfServiceUrl as string);
    booked.add(c.id);
  }
  const scheduler = await send("POST", "/v1/users", { name: "Demo scheduler", email: "scheduler@movilidadsegura.example", role: "scheduler", officeIds: ["bogota"] });
  return { cases, links, booked, schedulerToken: scheduler.token as string };
}
