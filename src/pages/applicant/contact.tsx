// How to reach the office, on every page of a link: the pages tell the applicant to call or
// contact the office, so they show how. Only what the office made public: its phone and public
// email (never the mailbox invites are sent from), else its address.
import type { AppointmentView, Nav } from "./model.js";

export function OfficeContact({ nav, view }: { nav: Nav; view: AppointmentView }) {
  const { s } = nav;
  return (
    <section class="card" aria-labelledby="office-contact">
      <h2 id="office-contact">{s.contactTitle}</h2>
      <dl>
        {view.phone ? (
          <>
            <dt>{s.officePhone}</dt>
            <dd>
              <a class="tap" href={`tel:${view.phone}`}>
                {view.phone}
              </a>
            </dd>
          </>
        ) : null}
        {view.email ? (
          <>
            <dt>{s.officeEmail}</dt>
            <dd>
              <a class="tap" href={`mailto:${view.email}`}>
                {view.email}
              </a>
            </dd>
          </>
        ) : null}
        {view.phone || view.email ? null : (
          // Without a phone or email, the way to reach the office is to go there.
          <>
            <dt>{s.officeAddress}</dt>
            <dd>{view.officeName}</dd>
            <dd>{view.address}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
