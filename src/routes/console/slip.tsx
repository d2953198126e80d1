// GET /console/appointments/:id/slip: the printable slip, in the case's language.
import type { Hono } from "hono";
import { daySheet } from "../../domain/booking/read.js";
import { queueLabels } from "../../domain/queue-number.js";
import { localDateTimeWords } from "../../i18n/dates.js";
import { MINUTE_MS } from "../../slots/calendar.js";
import { isLanguage } from "../../pages/language.js";
import { SlipPage } from "../../pages/console/slip.js";
import { openAppointment } from "./opened.js";
import { consolePage } from "./render.js";
import type { ConsoleEnv } from "./session.js";

export function registerSlip(console: Hono<ConsoleEnv>) {
  console.get("/appointments/:id/slip", async (c) => {
    const { ctx, row, office, caseRow } = await openAppointment(c);
    const language = isLanguage(caseRow.language) ? caseRow.language : "es";
    const day = await daySheet(ctx, office.id, row.localDate);
    return consolePage(
      c,
      { title: c.var.t.slip.title, section: "day" },
      <SlipPage
        id={row.id}
        language={language}
        number={queueLabels(day).get(row.id)!}
        when={localDateTimeWords(row.startAt, office.timeZone, language)}
        durationMinutes={Math.round((row.endAt - row.startAt) / MINUTE_MS)}
        officeName={office.name}
        address={office.address}
        reference={caseRow.reference}
        cancelled={row.status === "cancelled"}
        t={c.var.t}
      />,
    );
  });
}
