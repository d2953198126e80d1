// The appointment as the applicant sees it, with the actions still open to them. Also the page
// that confirms a change (with a message on top).
import { Button, LinkButton, PostForm, Notice } from "../components.js";
import { OfficeContact } from "./contact.js";
import type { AppointmentView, Message, Nav } from "./model.js";
import { Shell } from "./shell.js";
import { isMovable } from "../../domain/lifecycle.js";

export function Summary({ nav, view }: { nav: Nav; view: AppointmentView }) {
  const { s } = nav;
  return (
    <div class="card">
      <dl>
        <dt>{s.statusLabel}</dt>
        <dd>
          <span class={`badge ${view.status}`}>{s.statusNames[view.status]}</span>
        </dd>
        <dt>{s.when}</dt>
        <dd class="big">{view.when}</dd>
        <dd>{s.lasts(view.durationMinutes)}</dd>
        <dt>{s.where}</dt>
        <dd>{view.officeName}</dd>
        <dd>{view.address}</dd>
      </dl>
    </div>
  );
}

function Actions({ nav, view, csrf }: { nav: Nav; view: AppointmentView; csrf: string }) {
  const { s } = nav;
  const live = isMovable(view.status);
  if (view.passed) {
    return (
      <Notice>
        <p>{s.passed}</p>
      </Notice>
    );
  }
  if (!live) return view.status === "cancelled" ? <p>{s.afterCancel}</p> : null;
  return (
    <>
      {view.canConfirm ? (
        <PostForm action={nav.to("/confirm")} csrf={csrf}>
          <Button>{s.confirm}</Button>
        </PostForm>
      ) : null}
      {view.changeBlock === null ? (
        <>
          <LinkButton href={nav.to("/slots")}>{s.change}</LinkButton>
          <p class="muted">{s.changesLeft(view.changesLeft)}</p>
        </>
      ) : (
        <Notice>
          <p>{view.changeBlock === "too-late" ? s.tooLateToChange : s.noMoreChanges}</p>
        </Notice>
      )}
      <LinkButton href={nav.to("/invite.ics")}>{s.addToCalendar}</LinkButton>
      {view.canCancel ? <LinkButton href={nav.to("/cancel")}>{s.cancel}</LinkButton> : null}
    </>
  );
}

export function AppointmentPage({ nav, view, csrf, message }: { nav: Nav; view: AppointmentView; csrf: string; message?: Message | null }) {
  const { s } = nav;
  return (
    <Shell nav={nav} title={s.appointmentTitle} message={message}>
      <Summary nav={nav} view={view} />
      <Actions nav={nav} view={view} csrf={csrf} />
      {view.status === "cancelled" ? null : (
        <>
          <h2>{s.bringTitle}</h2>
          <ul>
            {s.bring.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
          <p class="muted">{s.free}</p>
        </>
      )}
      <OfficeContact nav={nav} view={view} />
    </Shell>
  );
}
