// The commands the demo prints under "Try:": each one works as printed against the demo server.
import { addDays } from "../../src/domain/dates.js";
import { localDateOf } from "../../src/slots/index.js";
import { offices, serviceOfTrack } from "./data.js";

interface SeededCase {
  id: string;
  officeId: string;
  track: string;
}

/** Lists slots for a case that has no appointment yet, with its track's service, then books the first one. */
export async function tryCommands(o: {
  url: string;
  adminToken: string;
  now: number;
  cases: SeededCase[];
  booked: Set<string>;
  fetch: (path: string, init: RequestInit) => Promise<Response>;
}) {
  const auth = `-H "Authorization: Bearer ${o.adminToken}"`;
  const lines = [`curl ${auth} ${o.url}/v1/offices`];
  const c = o.cases.find((x) => x.officeId === "bogota" && !o.booked.has(x.id)) ?? o.cases.find((x) => !o.booked.has(x.id));
  if (!c) return lines;
  const zone = offices.find((office) => office.id === c.officeId)!.timeZone;
  const today = localDateOf(zone, o.now);
  const service = serviceOfTrack(c.track);
  const path = `/v1/slots?service=${service}&office=${c.officeId}&case=${c.id}&from=${today}&to=${addDays(today, 42)}`;
  lines.push(`curl ${auth} "${o.url}${path}"`);
  const res = await o.fetch(path, { method: "GET", headers: { authorization: `Bearer ${o.adminToken}` } });
  const [slot] = res.ok ? ((await res.json()) as { slots: { start: string }[] }).slots : [];
  if (slot) {
    const body = JSON.stringify({ caseId: c.id, serviceId: service, officeId: c.officeId, start: slot.start });
    lines.push(`curl ${auth} -H "Content-Type: application/json" ${o.url}/v1/appointments -d '${body}'`);
  }
  return lines;
}
