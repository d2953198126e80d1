// Opening a link: the appointment, its office, service and case, the page language and the
// links a page needs. Any link that does not open an appointment ends as the one 404 page.
import type { Context } from "hono";
import type { AppEnv } from "../../http/context.js";
import { applicantCtx, openLink } from "../../domain/applicant/link.js";
import { applicantOptions } from "../../domain/applicant/rules.js";
import type { AppointmentRow } from "../../domain/booking/read.js";
import { findCase, type CaseRow } from "../../domain/cases.js";
import { getOffice, type OfficeRow } from "../../domain/offices.js";
import { getService, type ServiceRow } from "../../domain/services.js";
import { localDateTimeWords } from "../../i18n/dates.js";
import { capitalize } from "../../pages/components.js";
import { pickLanguage, type Language, type LanguageChoice } from "../../pages/language.js";
import type { AppointmentView, Nav } from "../../pages/applicant/model.js";
import { strings, type Status } from "../../pages/strings/index.js";
import type { Ctx } from "../../domain/context.js";

/** Thrown for any link that does not open an appointment; the pages' error handler answers 404. */
export class LinkNotFound extends Error {}

export interface Opened {
  token: string;
  row: AppointmentRow;
  ctx: Ctx;
  office: OfficeRow;
  service: ServiceRow;
  caseRow: CaseRow;
  choice: LanguageChoice;
  nav: Nav;
  view: AppointmentView;
}

/** Query parameters a page keeps when the language is switched; anything else is dropped. */
const KEPT = ["week", "did"];

const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return q ? `?${q}` : "";
};

export function makeNav(token: string, choice: LanguageChoice, current: Record<string, string>): Nav {
  const lang = choice.explicit ? choice.lang : undefined;
  return {
    lang: choice.lang,
    s: strings[choice.lang],
    to: (path, params = {}) => `/a/${token}${path}${query({ ...params, lang })}`,
    switchTo: (l: Language) => query({ ...Object.fromEntries(KEPT.map((k) => [k, current[k]])), lang: l }),
  };
}

export function appointmentView(row: AppointmentRow, office: OfficeRow, service: ServiceRow, lang: Language, now: number): AppointmentView {
  return {
    ...applicantOptions(row, office, now),
    status: row.status as Status,
    when: capitalize(localDateTimeWords(row.startAt, office.timeZone, lang)),
    durationMinutes: service.durationMinutes,
    officeName: office.name,
    address: office.address,
    phone: office.phone,
    email: office.publicEmail,
  };
}

export async function openPage(c: Context<AppEnv>, token = c.req.param("token") ?? ""): Promise<Opened> {
  const { deps } = c.var;
  const row = await openLink(deps, token);
  if (!row) throw new LinkNotFound();
  const ctx = applicantCtx(deps, row.id);
  const [office, service, caseRow] = await Promise.all([getOffice(ctx, row.officeId), getService(ctx, row.serviceId), findCase(ctx, row.caseId)]);
  const choice = pickLanguage({ query: c.req.query("lang"), caseLanguage: caseRow.language, acceptLanguage: c.req.header("accept-language") });
  const nav = makeNav(token, choice, c.req.query());
  return { token, row, ctx, office, service, caseRow, choice, nav, view: appointmentView(row, office, service, choice.lang, deps.clock.now()) };
}

/** The page language when no appointment is known (404, 429, failures). */
export const anonymousLanguage = (c: Context) => pickLanguage({ query: c.req.query("lang"), acceptLanguage: c.req.header("accept-language") }).lang;

/** A path for logs: the token is a credential and never written down. */
export const redactedPath = (path: string) => path.replace(/^\/([ao])\/[^/]+/, "/$1/:token");
