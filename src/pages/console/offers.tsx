// The earlier-time offers of a case, and its priority flag, on the appointment and case pages. Its words are here in the console's languages (en, es, fr) rather than in the shared
// tables: they belong to this section only.
import { Button, PostForm } from "../components.js";
import { Table } from "./parts.js";
import type { ConsoleLanguage } from "./strings/index.js";

export interface OfferLine {
  made: string;
  when: string;
  status: string;
  saved: string;
}

export interface OffersSectionProps {
  /** Where the priority form posts: the appointment's or the case's page. */
  priorityAction: string;
  lang: ConsoleLanguage;
  csrf: string;
  lines: OfferLine[];
  /** The flag's reason while it is set. */
  priority: string | null;
}

const words = {
  en: {
    title: "Earlier-time offers",
    none: "No offers yet.",
    columns: ["Made", "Time offered", "What became of it", "Days saved"],
    status: { open: "open", accepting: "being accepted", accepted: "accepted", declined: "declined", expired: "expired", gone: "gone to another case" },
    flagged: (reason: string) => `Offered freed times first: ${reason}`,
    flag: "Offer freed times to this case first",
    unflag: "Stop offering freed times first",
    reason: "Reason",
  },
  es: {
    title: "Ofertas de horas más tempranas",
    none: "Todavía no hay ofertas.",
    columns: ["Hecha", "Hora ofrecida", "Resultado", "Días ganados"],
    status: { open: "abierta", accepting: "aceptándose", accepted: "aceptada", declined: "rechazada", expired: "vencida", gone: "tomada por otro caso" },
    flagged: (reason: string) => `Recibe primero las horas liberadas: ${reason}`,
    flag: "Ofrecer primero las horas liberadas a este caso",
    unflag: "Dejar de ofrecerle primero",
    reason: "Motivo",
  },
  fr: {
    title: "Offres d'horaires plus tôt",
    none: "Aucune offre pour l'instant.",
    columns: ["Faite", "Horaire offert", "Résultat", "Jours gagnés"],
    status: { open: "ouverte", accepting: "en cours d'acceptation", accepted: "acceptée", declined: "refusée", expired: "expirée", gone: "prise par un autre dossier" },
    flagged: (reason: string) => `Reçoit d'abord les horaires libérés : ${reason}`,
    flag: "Offrir d'abord les horaires libérés à ce dossier",
    unflag: "Ne plus lui offrir en premier",
    reason: "Motif",
  },
} satisfies Record<ConsoleLanguage, unknown>;

export const offerStatusWord = (lang: ConsoleLanguage, status: string) => (words[lang].status as Record<string, string>)[status] ?? status;

export function OffersSection(p: OffersSectionProps) {
  const w = words[p.lang];
  return (
    <section>
      <h2>{w.title}</h2>
      {p.priority !== null ? <p>{w.flagged(p.priority)}</p> : null}
      <PostForm action={p.priorityAction} csrf={p.csrf}>
        <input type="hidden" name="priority" value={p.priority === null ? "1" : "0"} />
        <label for="priority-reason">{w.reason}</label>
        <input id="priority-reason" name="reason" type="text" required maxlength={300} size={40} />
        <Button kind="secondary">{p.priority === null ? w.flag : w.unflag}</Button>
      </PostForm>
      {p.lines.length === 0 ? <p class="muted">{w.none}</p> : <Table caption={w.title} columns={w.columns} rows={p.lines.map((l) => [l.made, l.when, l.status, l.saved])} />}
    </section>
  );
}
