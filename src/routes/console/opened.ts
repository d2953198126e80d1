// The appointment a console path names, with what its pages show around it.
import type { Context } from "hono";
import { ctxOf } from "../../http/context.js";
import { getAppointment, type AppointmentRow } from "../../domain/booking/read.js";
import { findCase, type CaseRow } from "../../domain/cases.js";
import { getOffice, type OfficeRow } from "../../domain/offices.js";
import { getService, type ServiceRow } from "../../domain/services.js";
import type { ConsoleEnv } from "./session.js";
import type { Ctx } from "../../domain/context.js";

export interface Opened {
  ctx: Ctx;
  row: AppointmentRow;
  office: OfficeRow;
  service: ServiceRow;
  caseRow: CaseRow;
}

/** The appointment of the path, read fresh; 404 unknown, 403 outside the person's offices. */
export async function openAppointment(c: Context<ConsoleEnv>): Promise<Opened> {
  const ctx = ctxOf(c);
  const row = await getAppointment(ctx, c.req.param("id")!);
  const [office, service, caseRow] = await Promise.all([getOffice(ctx, row.officeId), getService(ctx, row.serviceId), findCase(ctx, row.caseId)]);
  return { ctx, row, office, service, caseRow };
}

export const appointmentPath = (o: Opened) => `/console/appointments/${o.row.id}`;
