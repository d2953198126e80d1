// An offer's link, /o/{token}: the page (GET), Accept and No thanks (POST with the form token).
// Same guards as the applicant's pages: rate limits, a body limit, every failure a page, and one
// 404 page for any bad or altered token. A refusal writes nothing.
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { App, AppEnv } from "../../http/context.js";
import * as forms from "../../http/form-token.js";
import { htmlPage } from "../../pages/render.js";
import { OfferAcceptedPage, OfferPage, type OfferNote } from "../../pages/applicant/offer.js";
import { offerStrings } from "../../pages/applicant/offer-strings.js";
import { pickLanguage, type Language } from "../../pages/language.js";
import { capitalize } from "../../pages/components.js";
import { localDateTimeWords } from "../../i18n/dates.js";
import { readOfferToken } from "../../domain/offers-link.js";
import { offerPageData } from "../../domain/offers-read.js";
import { acceptOffer, declineOffer, type AcceptOutcome } from "../../domain/offers-accept.js";
import { selfServiceUrl } from "../../domain/links.js";
import { findAppointment } from "../../domain/booking/read.js";
import { notFoundPage, pageErrors, rateLimit, tooLargePage } from "../applicant/guard.js";
import { LinkNotFound } from "../applicant/open.js";

const FORM = "offer-form";

async function open(c: Context<AppEnv>) {
  const { deps } = c.var;
  const token = c.req.param("token") ?? "";
  const id = await readOfferToken(deps, token);
  const data = id ? await offerPageData(deps, id) : null;
  if (!data) throw new LinkNotFound();
  const lang = pickLanguage({ query: c.req.query("lang"), caseLanguage: data.caseRow.language, acceptLanguage: c.req.header("accept-language") }).lang;
  return { token, data, lang };
}

type Opened = Awaited<ReturnType<typeof open>>;

const words = (at: number, zone: string, lang: Language) => capitalize(localDateTimeWords(at, zone, lang));

async function show(c: Context<AppEnv>, o: Opened, status = 200, note: OfferNote | null = null) {
  const { deps } = c.var;
  const { offer, freed, office, current } = o.data;
  const open = offer.status === "open" && offer.expiresAt > deps.clock.now();
  const w = offerStrings[o.lang];
  const closedNote: OfferNote | null = open
    ? null
    : { tone: "info", text: offer.status === "declined" ? w.declined : offer.status === "open" || offer.status === "expired" ? w.expired : w.gone };
  const view = {
    lang: o.lang,
    base: `/o/${o.token}`,
    when: words(freed.startAt, office.timeZone, o.lang),
    until: words(offer.expiresAt, office.timeZone, o.lang),
    office: office.name,
    address: office.address,
    replaces: current ? words(current.startAt, office.timeZone, o.lang) : null,
    open,
  };
  return htmlPage(c, status, <OfferPage view={view} csrf={await forms.formToken(deps, FORM, o.token)} note={note ?? closedNote} />);
}

async function checked(c: Context<AppEnv>, o: Opened): Promise<boolean> {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  return forms.isValidFormToken(c.var.deps, FORM, o.token, form.csrf);
}

/** The answer to an accept or a decline: the new appointment, or the offer as it now is (409). */
async function answer(c: Context<AppEnv>, o: Opened, result: AcceptOutcome) {
  const { deps } = c.var;
  if (result.outcome === "accepted") {
    const booked = await findAppointment({ deps, actor: { id: "offer", role: "admin", officeIds: [], staffId: null } }, result.appointmentId);
    const when = words(booked.startAt, o.data.office.timeZone, o.lang);
    return htmlPage(c, 200, <OfferAcceptedPage lang={o.lang} when={when} appointmentHref={await selfServiceUrl(deps, booked)} />);
  }
  const now = await open(c);
  if (result.outcome === "declined" && now.data.offer.status === "declined") return show(c, now, 200);
  // Shown as this answer found it: a loser of a race reads its own offer still open until the
  // winner's batch marks it gone, and must not see the Accept button again.
  const status = result.outcome === "declined" ? now.data.offer.status : result.outcome;
  return show(c, { ...now, data: { ...now.data, offer: { ...now.data.offer, status } } }, 409);
}

export function registerOfferPages(app: App) {
  const pages = new Hono<AppEnv>();
  pages.onError(pageErrors);
  pages.use("*", rateLimit);
  pages.use("*", bodyLimit({ maxSize: 16 * 1024, onError: tooLargePage }));
  pages.get("/:token", async (c) => show(c, await open(c)));
  pages.post("/:token/accept", async (c) => {
    const o = await open(c);
    if (!(await checked(c, o))) return show(c, o, 403, { tone: "error", text: offerStrings[o.lang].formExpired });
    return answer(c, o, await acceptOffer(c.var.deps, o.data.offer.id));
  });
  pages.post("/:token/decline", async (c) => {
    const o = await open(c);
    if (!(await checked(c, o))) return show(c, o, 403, { tone: "error", text: offerStrings[o.lang].formExpired });
    return answer(c, o, await declineOffer(c.var.deps, o.data.offer.id));
  });
  // Reloading an action's address leads back to the offer.
  for (const action of ["accept", "decline"]) pages.get(`/:token/${action}`, (c) => c.redirect(`/o/${c.req.param("token")}`, 303));
  pages.all("*", notFoundPage);
  app.route("/o", pages);
}
