// What the applicant pages are given: plain, already-translated data. The routes compute it;
// the pages only lay it out.
import type { Tone } from "../components.js";
import type { Language } from "../language.js";
import type { Status, Strings } from "../strings/index.js";
import type { ApplicantOptions } from "../../domain/applicant/rules.js";

export interface Nav {
  lang: Language;
  s: Strings;
  /** A path under this appointment's link ("" for the page itself), carrying a ?lang= choice. */
  to(path: string, params?: Record<string, string>): string;
  /** This same page in another language. */
  switchTo: (lang: Language) => string;
}

export interface AppointmentView extends ApplicantOptions {
  status: Status;
  /** "Martes 1 de diciembre, 08:00" in the office's zone. */
  when: string;
  durationMinutes: number;
  officeName: string;
  address: string;
  /** The office's public phone and email, each only when the office has one. */
  phone: string | null;
  email: string | null;
}

export interface Message {
  tone: Tone;
  text: string;
}

export interface WeekView {
  label: string;
  previous: string | null;
  next: string | null;
  days: { label: string; times: { value: string; label: string }[] }[];
  /** No free start anywhere in the case's window. */
  none: boolean;
}
