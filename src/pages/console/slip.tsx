// The printed slip an applicant takes to the waiting room: a queue number instead of their
// name, the time and the place, in the case's language. Like everything an applicant carries it
// names no service, agency or kind of case, and no name, phone or email.
import { LinkButton, Notice } from "../components.js";
import type { Language } from "../language.js";
import { strings } from "../strings/index.js";
import type { ConsoleStrings } from "./strings/index.js";

const SLIP_WORDS: Record<Language, { number: string; reference: string; keep: string }> = {
  es: { number: "Su número", reference: "Referencia", keep: "Guarde este papel y muéstrelo en la recepción. Le llamaremos por este número." },
  en: { number: "Your number", reference: "Reference", keep: "Keep this slip and show it at the desk. We will call you by this number." },
  ht: { number: "Nimewo ou", reference: "Referans", keep: "Kenbe papye sa a epi montre li nan resepsyon an. N ap rele w ak nimewo sa a." },
  fr: { number: "Votre numéro", reference: "Référence", keep: "Gardez ce papier et montrez-le à l'accueil. Nous vous appellerons par ce numéro." },
};

export interface SlipProps {
  id: string;
  language: Language;
  number: string;
  when: string;
  durationMinutes: number;
  officeName: string;
  address: string;
  reference: string;
  cancelled: boolean;
  /** The console's words around the slip; the slip itself is in the case's language. */
  t: ConsoleStrings;
}

export function SlipPage(p: SlipProps) {
  const w = SLIP_WORDS[p.language];
  const s = strings[p.language];
  return (
    <>
      <p class="no-print">
        <LinkButton href={`/console/appointments/${p.id}`}>{p.t.slip.back}</LinkButton>
        <span class="muted"> {p.t.slip.print}</span>
      </p>
      {p.cancelled ? (
        <Notice tone="error">
          <p>{p.t.slip.cancelled}</p>
        </Notice>
      ) : (
        <div class="slip" lang={p.language}>
          <p>{w.number}</p>
          <p class="number">{p.number}</p>
          <p>
            <strong>{s.when}:</strong> {p.when}
            <br />
            {s.lasts(p.durationMinutes)}
          </p>
          <p>
            <strong>{s.where}:</strong> {p.officeName}
            <br />
            {p.address}
          </p>
          <p>
            <strong>{w.reference}:</strong> {p.reference}
          </p>
          <p>{w.keep}</p>
        </div>
      )}
    </>
  );
}
