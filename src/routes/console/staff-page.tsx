// Renders one interviewer's page: details, the week grid per office (saved, or as posted), the
// preview of unsaved hours, the appointments the hours strand, other rules and time off.
import type { Context } from "hono";
import { ctxOf } from "../../http/context.js";
import { canChangeTimeOff, getStaff, listAvailability, listTimeOff, type RuleRow, type StaffRow } from "../../domain/staff.js";
import { ruleSetWith, strandedAppointments, type PreviewWeek } from "../../domain/staff-preview.js";
import { findCase } from "../../domain/cases.js";
import { getOffice, type OfficeRow } from "../../domain/offices.js";
import { listServices } from "../../domain/services.js";
import type { AppointmentRow } from "../../domain/booking/read.js";
import { HoursSection, OtherRules, type HoursOffice } from "../../pages/console/staff-hours.js";
import { TimeOffSection } from "../../pages/console/staff-time-off.js";
import { StaffDetails, StaffDetailsForm, type StaffForm } from "../../pages/console/staff.js";
import { NoticeBox, type PageNotice } from "../../pages/console/parts.js";
import { atOffice, gridOf, type Grid } from "./staff-grid.js";
import { stamp } from "./dates.js";
import { consolePage } from "./render.js";
import { myOffices } from "./scope.js";
import type { ConsoleEnv } from "./session.js";
import type { ConsoleStrings } from "../../pages/console/strings/index.js";

export interface StaffPageState {
  /** The grid as posted, for the offices it covers. */
  grid?: Grid;
  preview?: { weeks: PreviewWeek[]; stranded: AppointmentRow[] };
  message?: PageNotice;
  status?: number;
  details?: StaffForm;
  timeOffForm?: { start: string; end: string; reason: string };
  dated?: { office: string; date: string; from: string; to: string };
}

export const detailsOf = (m: StaffRow): StaffForm => ({
  name: m.name,
  email: m.email,
  phone: m.phone ?? "",
  agency: m.agency,
  timeZone: m.timeZone,
  languages: m.languages.join(", "),
  officeIds: m.officeIds,
  serviceIds: m.serviceIds,
});

const hours = (minutes: number, t: ConsoleStrings) => new Intl.NumberFormat(t.tag, { maximumFractionDigits: 1 }).format(minutes / 60);

const ruleText = (r: RuleRow) => `${r.rrule} ${r.start}–${r.end} (${r.timeZone})${r.validFrom || r.validUntil ? ` ${r.validFrom ?? "…"} – ${r.validUntil ?? "…"}` : ""}`;

/** A notice for ?done= after a 303. */
function doneNotice(c: Context<ConsoleEnv>): PageNotice | undefined {
  const w = c.var.t.staff;
  const done = c.req.query("done");
  const moved = c.req.query("moved");
  if (moved !== undefined) return undefined;
  const texts: Record<string, string> = { created: w.detailsSaved, details: w.detailsSaved, hours: w.saved, dated: w.saved, timeOff: w.timeOffAdded, removed: w.removed };
  return done && texts[done] ? { tone: "ok", text: texts[done] } : undefined;
}

export async function staffPage(c: Context<ConsoleEnv>, state: StaffPageState = {}) {
  const ctx = ctxOf(c);
  const { t, csrf } = c.var;
  const member = await getStaff(ctx, c.req.param("id")!);
  const base = `/console/staff/${encodeURIComponent(member.id)}`;
  const now = ctx.deps.clock.now();
  const [rules, timeOff, set, services, officeRows, allOffices] = await Promise.all([
    listAvailability(ctx, member.id),
    listTimeOff(ctx, member.id, 200),
    ruleSetWith(ctx, member.id),
    listServices(ctx, 200),
    Promise.all(member.officeIds.map((id) => getOffice(ctx, id))),
    myOffices(ctx),
  ]);
  const officeOf = new Map<string, OfficeRow>(officeRows.map((o) => [o.id, o]));
  const names = new Map([...officeRows, ...services.items].map((x) => [x.id, x.name]));
  const { grid: saved, others } = gridOf(member, rules);
  const grid = { ...saved, ...state.grid };
  const editable = new Set(set.offices);
  const offices: HoursOffice[] = officeRows.map((o, index) => {
    const days = grid[o.id]!;
    const differ = o.timeZone !== member.timeZone;
    const shown = differ ? days.map((ranges, d) => ranges.map((r) => (r.from && r.to ? atOffice(r, d, member.timeZone, o.timeZone, now) : null))) : null;
    return { id: o.id, name: o.name, timeZone: o.timeZone, editable: editable.has(o.id), index, days, atOffice: shown };
  });
  const strandedRows = state.preview ? state.preview.stranded : await strandedAppointments(ctx, set);
  const stranded = await Promise.all(
    strandedRows.map(async (a) => ({
      id: a.id,
      time: stamp(a.startAt, officeOf.get(a.officeId)?.timeZone ?? member.timeZone),
      reference: (await findCase(ctx, a.caseId)).reference,
      service: names.get(a.serviceId) ?? a.serviceId,
    })),
  );
  const preview =
    state.preview?.weeks.map((w) => ({
      week: `${w.firstDate} – ${w.lastDate}`,
      office: w.office.name,
      freeHours: hours(w.freeMinutes, t),
      starts: w.starts.map((s) => t.staff.startsOf(s.service.name, s.count)).join("; ") || "—",
    })) ?? null;
  const movedParam = c.req.query("moved");
  const moved = movedParam !== undefined && !state.preview ? { moved: Number(movedParam) || 0, left: stranded.length } : null;
  const hoursProps = {
    base,
    memberZone: member.timeZone,
    offices,
    preview,
    stranded,
    offerMove: !state.preview,
    moved,
    others: others.map((r) => ({ id: r.id, office: officeOf.get(r.officeId)?.name ?? r.officeId, text: ruleText(r), removable: editable.has(r.officeId) })),
    timeOff: timeOff.items
      .filter((x) => x.endAt > now)
      .map((x) => ({ id: x.id, when: `${stamp(x.startAt, member.timeZone)} – ${stamp(x.endAt, member.timeZone)}`, reason: x.reason })),
    timeOffEditable: canChangeTimeOff(ctx.actor, member),
    timeOffForm: state.timeOffForm ?? { start: "", end: "", reason: "" },
    dated: state.dated ?? { office: set.offices[0] ?? "", date: "", from: "", to: "" },
    csrf,
    t,
  };
  const choices = (ids: [string, string][]) => ids.map(([id, name]) => ({ id, name }));
  const body = (
    <>
      <NoticeBox notice={state.message ?? doneNotice(c)} />
      {ctx.actor.role === "admin" ? (
        <section class="card">
          <StaffDetailsForm
            action={base}
            form={state.details ?? detailsOf(member)}
            offices={choices(allOffices.map((o) => [o.id, o.name]))}
            services={choices(services.items.map((s) => [s.id, s.name]))}
            isNew={false}
            csrf={csrf}
            t={t}
          />
        </section>
      ) : (
        <StaffDetails member={member} names={names} t={t} />
      )}
      <HoursSection {...hoursProps} />
      <OtherRules {...hoursProps} />
      <TimeOffSection {...hoursProps} />
    </>
  );
  return consolePage(c, { title: t.staff.title(member.name), section: "staff", status: state.status ?? 200 }, body);
}
