// Mail to staff through the same outbox: a console sign-in link ("sign-in", the row's
// appointment_id holds the link's id) and the welcome of an invited user ("staff-invite:<lang>",
// appointment_id holds the user's id). Written at send time in the language of the request that
// caused it; a link already used or expired is not sent.
import type { Deps, MailMessage } from "../deps.js";
import { signInLinkById, signInLinkUrl } from "../domain/sign-in-links.js";
import { escapeHtml } from "./render.js";

/** The console's languages (src/pages/console/strings): staff mail speaks the one of the request that caused it. */
export type ConsoleLanguage = "es" | "en" | "fr";
const isConsoleLanguage = (value: string): value is ConsoleLanguage => value === "es" || value === "en" || value === "fr";

export const isStaffMail = (kind: string) => kind === "sign-in" || kind.startsWith("staff-invite:");

interface Words {
  signInSubject: string;
  signInText: (link: string) => string;
  inviteSubject: string;
  inviteText: (signIn: string) => string;
}

const WORDS: Record<ConsoleLanguage, Words> = {
  en: {
    signInSubject: "Your link to sign in to the Cita console",
    signInText: (link) =>
      `Open this link to sign in to the Cita console:\n\n${link}\n\nIt works once, for 15 minutes, and only in the browser where you asked for it. If you did not ask for it, ignore this email.\n`,
    inviteSubject: "You have a Cita console account",
    inviteText: (signIn) =>
      `An administrator gave you an account on the Cita staff console.\n\nTo sign in, open ${signIn} and enter this email address: we will send you a link.\n`,
  },
  es: {
    signInSubject: "Su enlace para entrar en la consola de Cita",
    signInText: (link) =>
      `Abra este enlace para entrar en la consola de Cita:\n\n${link}\n\nSirve una sola vez, durante 15 minutos, y solo en el navegador donde lo pidió. Si no lo pidió, ignore este correo.\n`,
    inviteSubject: "Tiene una cuenta en la consola de Cita",
    inviteText: (signIn) =>
      `Un administrador le abrió una cuenta en la consola del personal de Cita.\n\nPara entrar, abra ${signIn} y escriba esta dirección de correo: le enviaremos un enlace.\n`,
  },
  fr: {
    signInSubject: "Votre lien pour vous connecter à la console Cita",
    signInText: (link) =>
      `Ouvrez ce lien pour vous connecter à la console Cita :\n\n${link}\n\nIl ne sert qu'une fois, pendant 15 minutes, et seulement dans le navigateur où vous l'avez demandé. Si vous ne l'avez pas demandé, ignorez ce courriel.\n`,
    inviteSubject: "Vous avez un compte sur la console Cita",
    inviteText: (signIn) =>
      `Un administrateur vous a ouvert un compte sur la console du personnel de Cita.\n\nPour vous connecter, ouvrez ${signIn} et saisissez cette adresse : nous vous enverrons un lien.\n`,
  },
};

/** The text as HTML: paragraphs, and the address as a link. */
function htmlOf(lang: ConsoleLanguage, subject: string, text: string, href: string) {
  const paragraphs = text
    .trim()
    .split("\n\n")
    .map((p) => (p === href ? `<p><a href="${escapeHtml(href)}">${escapeHtml(href)}</a></p>` : `<p>${escapeHtml(p)}</p>`));
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5">${paragraphs.join("")}</body></html>`;
}

/** The message for a staff outbox row, or why it is not sent. */
export async function staffMessage(deps: Deps, row: { id: string; appointmentId: string; kind: string; to: string }): Promise<{ skip: string } | MailMessage> {
  const from = deps.config.mailFrom;
  if (row.kind === "sign-in") {
    const link = await signInLinkById(deps, row.appointmentId);
    if (!link) return { skip: "the sign-in link no longer exists" };
    if (link.usedAt !== null) return { skip: "the sign-in link was already used" };
    if (deps.clock.now() >= link.expiresAt) return { skip: "the sign-in link expired before it could be sent" };
    const lang = isConsoleLanguage(link.language) ? link.language : "en";
    const url = await signInLinkUrl(deps, link.id);
    const w = WORDS[lang];
    const text = w.signInText(url);
    return { id: row.id, to: row.to, from, fromName: "Cita", subject: w.signInSubject, text, html: htmlOf(lang, w.signInSubject, text, url) };
  }
  const tag = row.kind.slice("staff-invite:".length);
  const lang = isConsoleLanguage(tag) ? tag : "en";
  const w = WORDS[lang];
  const signIn = `${deps.config.publicUrl}/console/sign-in`;
  const text = w.inviteText(signIn);
  return { id: row.id, to: row.to, from, fromName: "Cita", subject: w.inviteSubject, text, html: htmlOf(lang, w.inviteSubject, text, signIn) };
}
