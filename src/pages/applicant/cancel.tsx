// Cancelling asks once more: this page only shows the question; its form's POST acts.
import { Button, LinkButton, PostForm } from "../components.js";
import type { AppointmentView, Message, Nav } from "./model.js";
import { Summary } from "./appointment.js";
import { OfficeContact } from "./contact.js";
import { Shell } from "./shell.js";

export function CancelPage({ nav, view, csrf, message }: { nav: Nav; view: AppointmentView; csrf: string; message?: Message | null }) {
  const { s } = nav;
  return (
    <Shell nav={nav} title={s.cancelTitle} message={message}>
      <Summary nav={nav} view={view} />
      <p>{s.cancelWarning}</p>
      <PostForm action={nav.to("/cancel")} csrf={csrf}>
        <Button kind="danger">{s.cancelYes}</Button>
      </PostForm>
      <LinkButton href={nav.to("")}>{s.cancelNo}</LinkButton>
      <OfficeContact nav={nav} view={view} />
    </Shell>
  );
}
