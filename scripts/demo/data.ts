// The four Safe Mobility Offices as published in 2023–2024, their staff and services.
// Programme facts live here as data: the service itself knows none of them. Phone numbers and
// addresses are placeholders, not the offices' real ones.
import { addDays } from "../../src/domain/dates.js";
import { mulberry32 } from "../../src/lib/random.js";
import { localDateOf } from "../../src/slots/index.js";

const weekdays = ["MO", "TU", "WE", "TH", "FR"];

export const offices = [
  {
    id: "guatemala-city",
    name: "Oficina de Movilidad Segura, Ciudad de Guatemala",
    country: "GT",
    timeZone: "America/Guatemala",
    address: "Zona 10, Ciudad de Guatemala, Guatemala",
    email: "citas.gt@movilidadsegura.example",
    phone: "+50222220000",
    publicEmail: "informacion.gt@movilidadsegura.example",
    hours: [{ days: weekdays, start: "08:00", end: "17:00" }],
    eligibility: { nationalities: ["GT", "SV", "HN", "NI"], presentOnOrBefore: "2024-07-15" },
  },
  {
    id: "san-jose",
    name: "Oficina de Movilidad Segura, San José",
    country: "CR",
    timeZone: "America/Costa_Rica",
    address: "Sabana Norte, San José, Costa Rica",
    email: "citas.cr@movilidadsegura.example",
    phone: "+50622220000",
    publicEmail: "informacion.cr@movilidadsegura.example",
    hours: [{ days: weekdays, start: "08:00", end: "17:00" }],
    eligibility: { nationalities: ["NI", "VE"], presentOnOrBefore: "2023-06-12" },
  },
  {
    id: "bogota",
    name: "Oficina de Movilidad Segura, Bogotá",
    country: "CO",
    timeZone: "America/Bogota",
    address: "Chapinero, Bogotá, Colombia",
    email: "citas.co@movilidadsegura.example",
    phone: "+576012220000",
    publicEmail: "informacion.co@movilidadsegura.example",
    hours: [{ days: weekdays, start: "07:00", end: "17:00" }],
    eligibility: { nationalities: ["CU", "HT", "VE"], presentOnOrBefore: "2023-06-11", minAge: 18, legalStatuses: ["regular", "regularising"] },
  },
  {
    id: "quito",
    name: "Oficina de Movilidad Segura, Quito",
    country: "EC",
    timeZone: "America/Guayaquil",
    address: "La Mariscal, Quito, Ecuador",
    email: "citas.ec@movilidadsegura.example",
    phone: "+59322220000",
    publicEmail: "informacion.ec@movilidadsegura.example",
    hours: [{ days: weekdays, start: "07:00", end: "17:00" }],
    eligibility: { nationalities: ["CU", "HT", "NI", "VE", "CO"], presentOnOrBefore: "2023-10-18", legalStatuses: ["regularising", "asylum-seeker"] },
  },
];

export const services = [
  { id: "unhcr-interview", name: "UNHCR interview", agency: "UNHCR", durationMinutes: 60, bufferMinutes: 15, window: { minDays: 14, maxDays: 28 }, needsRoom: true },
  {
    id: "iom-counseling",
    name: "IOM counseling session",
    agency: "IOM",
    durationMinutes: 60,
    bufferMinutes: 0,
    window: { minDays: 14, maxDays: 28 },
    needsRoom: true,
    dailyCapPerOffice: 40,
  },
];

/** The service a case of this track books. */
export const serviceOfTrack = (track: string) => services.find((s) => s.agency === track)!.id;

const morning = (officeId: string, days = "MO,TU,WE,TH,FR") => ({ rrule: `FREQ=WEEKLY;BYDAY=${days}`, start: "08:00", end: "12:00", officeId });
const afternoon = (officeId: string, days = "MO,TU,WE,TH,FR") => ({ rrule: `FREQ=WEEKLY;BYDAY=${days}`, start: "13:00", end: "16:00", officeId });

const person = (id: string, name: string, agency: "UNHCR" | "IOM", office: (typeof offices)[number], languages: string[]) => ({
  id,
  name,
  email: `${id}@movilidadsegura.example`,
  agency,
  timeZone: office.timeZone,
  languages,
  officeIds: [office.id],
  serviceIds: [agency === "UNHCR" ? "unhcr-interview" : "iom-counseling"],
  availability: [morning(office.id), afternoon(office.id, "MO,TU,WE,TH")],
});

const [gt, cr, co, ec] = offices as [(typeof offices)[number], (typeof offices)[number], (typeof offices)[number], (typeof offices)[number]];

export const staff = [
  person("lucia-mendez", "Lucía Méndez", "UNHCR", gt, ["es", "en"]),
  person("jorge-batres", "Jorge Batres", "IOM", gt, ["es"]),
  person("mariela-solis", "Mariela Solís", "UNHCR", cr, ["es", "en"]),
  person("andres-quiros", "Andrés Quirós", "IOM", cr, ["es"]),
  person("camila-rojas", "Camila Rojas", "UNHCR", co, ["es", "en"]),
  person("jean-baptiste", "Jean Baptiste", "UNHCR", co, ["es", "fr", "ht"]),
  person("diana-perez", "Diana Pérez", "IOM", co, ["es", "en"]),
  person("pablo-andrade", "Pablo Andrade", "UNHCR", ec, ["es"]),
  person("rosa-vera", "Rosa Vera", "IOM", ec, ["es", "ht", "fr"]),
  {
    // Works remotely from New York, where clocks change; serves Bogotá and Quito in the mornings.
    id: "sarah-cohen",
    name: "Sarah Cohen",
    email: "sarah-cohen@movilidadsegura.example",
    agency: "IOM",
    timeZone: "America/New_York",
    languages: ["en", "es"],
    officeIds: [co.id, ec.id],
    serviceIds: ["iom-counseling"],
    availability: [
      { rrule: "FREQ=WEEKLY;BYDAY=MO,WE,FR", start: "09:00", end: "13:00", officeId: co.id },
      { rrule: "FREQ=WEEKLY;BYDAY=TU,TH", start: "09:00", end: "13:00", officeId: ec.id },
    ],
  },
];

export const rooms = offices.flatMap((o) => [1, 2, 3].map((n) => ({ officeId: o.id, id: `sala-${n}`, name: `Sala ${n}` })));

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/**
 * About 50 eligible cases, screened in the two weeks up to today: today as each office's own
 * date, since in the evening in the Americas the UTC date is already tomorrow.
 */
export function cases(now: number, count = 50) {
  const rand = mulberry32(42); // seeded, so the demo is the same every time
  return Array.from({ length: count }, (_, i) => {
    const office = offices[i % offices.length]!;
    const nationality = pick(rand, office.eligibility.nationalities);
    const language = nationality === "HT" ? pick(rand, ["ht", "fr"]) : pick(rand, ["es", "es", "es", "en"]);
    const screened = addDays(localDateOf(office.timeZone, now), -Math.floor(rand() * 14));
    return {
      reference: `${office.country}-2026-${String(i + 1).padStart(4, "0")}`,
      officeId: office.id,
      track: rand() < 0.7 ? "UNHCR" : "IOM",
      screenedAt: screened,
      language,
      householdSize: 1 + Math.floor(rand() * 5),
      nationality,
      presentSince: "2022-03-15",
      birthDate: `19${70 + Math.floor(rand() * 30)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      legalStatus: office.eligibility.legalStatuses?.[0] ?? "regular",
      contact: { email: `applicant${i + 1}@example.org`, phone: `+5730000${String(10000 + i)}` },
    };
  });
}
