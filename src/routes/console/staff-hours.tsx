// An interviewer's hours and time off: POST /console/staff/:id/hours (action=preview shows the
// next four weeks from the form's rules and writes nothing; action=save replaces the rules as
// PUT /v1/staff/:id/availability does), POST …/stranded/move (the closure-style move of the
// appointments the saved hours leave outside), POST …/rules (hours on one date) and
// …/rules/:ruleId/delete, and time off
// (POST …/time-off, …/time-off/:timeOffId/delete).
import { z } from "@hono/zod-openapi";
import type { Context, Hono } from "hono";
import { ctxOf } from "../../http/context.js";
import { addTimeOff, deleteTimeOff, getStaff, listAvailability, putAvailability, type RuleInput } from "../../domain/staff.js";
import { previewWeeks, ruleSetWith, strandedAppointments } from "../../domain/staff-preview.js";
import { moveStranded } from "../../domain/closure-moves.js";
import { getOffice } from "../../domain/offices.js";
import { formatUtcIso } from "../../slots/index.js";
import { wallToInstant } from "../../slots/zone.js";
import { Rule, TimeOffCreate } from "../staff/schema.js";
import { notOneLine } from "../text.js";
import { problemNotice } from "../../pages/console/cases-form.js";
import { formOf } from "./render.js";
import { fieldRefusal, parsedBy } from "./form-checks.js";
import { gridFromForm, gridOf, ruleInputOf, rulesOfGrid, type Cell } from "./staff-grid.js";
import { staffPage } from "./staff-page.js";
import type { ConsoleEnv } from "./session.js";

const pageOf = (id: string, query: string) => `/console/staff/${encodeURIComponent(id)}?${query}`;

/** Which offices the form's grid covers: those the actor may set, and any a hand-made form fills (the domain then refuses it). */
function coveredOffices(officeIds: string[], editable: string[], form: Record<string, string>): string[] {
  const filled = (i: number) => Object.entries(form).some(([k, v]) => k.startsWith(`h.${i}.`) && v.trim() !== "");
  return officeIds.filter((o, i) => editable.includes(o) || filled(i));
}

async function hours(c: Context<ConsoleEnv>) {
  const ctx = ctxOf(c);
  const { t } = c.var;
  const form = await formOf(c);
  const bad = notOneLine(form);
  if (bad) return staffPage(c, { message: problemNotice(bad, []), status: 422 });
  const member = await getStaff(ctx, c.req.param("id")!);
  const [set, saved] = await Promise.all([ruleSetWith(ctx, member.id), listAvailability(ctx, member.id)]);
  const offices = coveredOffices(member.officeIds, set.offices, form);
  const grid = gridFromForm(member, offices, form);
  const { rules: gridRules, cells } = rulesOfGrid(grid, member.timeZone);
  // Rules the grid does not show are kept as they are.
  const kept: RuleInput[] = gridOf(member, saved)
    .others.filter((r) => offices.includes(r.officeId))
    .map(ruleInputOf);
  const rules = [...gridRules, ...kept];
  const names = new Map((await Promise.all(member.officeIds.map((id) => getOffice(ctx, id)))).map((o) => [o.id, o.name]));
  const w = t.staff;
  const fieldWords: Record<string, string> = { start: w.from, end: w.to };
  const label = (path: string) => {
    const [n, field = ""] = path.split(".");
    const cell: Cell | undefined = cells[Number(n)];
    if (!cell) return `${w.dated} ${Number(n) - cells.length + 1}`;
    const where = `${names.get(cell.office) ?? cell.office}, ${w.weekdays[cell.day]}, ${w.range(cell.range + 1)}`;
    return fieldWords[field] ? `${where}: ${fieldWords[field]}` : where;
  };
  try {
    const checked = parsedBy(z.array(Rule).max(100), rules);
    if (form.action === "preview") {
      const next = await ruleSetWith(ctx, member.id, checked);
      const [weeks, stranded] = await Promise.all([previewWeeks(ctx, next), strandedAppointments(ctx, next)]);
      return staffPage(c, { grid, preview: { weeks, stranded } });
    }
    await putAvailability(ctx, member.id, checked);
    return c.redirect(`${pageOf(member.id, "done=hours")}#hours`, 303);
  } catch (error) {
    const { notice, status } = fieldRefusal(error, t, label);
    return staffPage(c, { grid, message: notice, status });
  }
}

/** "2026-12-07T09:00" typed in the interviewer's zone, as an instant; null when it is not a time that exists there. */
function wallInput(value: string | undefined, zone: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value?.trim() ?? "");
  const wall = m ? Date.parse(`${m[1]}T${m[2]}:00Z`) : NaN;
  const at = Number.isNaN(wall) ? null : wallToInstant(zone, wall);
  // Not an instant: the schema names the field.
  return at === null ? (value ?? "") : formatUtcIso(at);
}

export function registerStaffHours(console: Hono<ConsoleEnv>) {
  console.post("/staff/:id/hours", hours);

  console.post("/staff/:id/stranded/move", async (c) => {
    const id = c.req.param("id");
    const { moved } = await moveStranded(ctxOf(c), id);
    return c.redirect(`${pageOf(id, `moved=${moved.length}`)}#hours`, 303);
  });

  console.post("/staff/:id/rules", async (c) => {
    const ctx = ctxOf(c);
    const form = await formOf(c);
    const dated = { office: form.office ?? "", date: (form.date ?? "").trim(), from: (form.from ?? "").trim(), to: (form.to ?? "").trim() };
    const bad = notOneLine(form);
    if (bad) return staffPage(c, { dated, message: problemNotice(bad, []), status: 422 });
    const member = await getStaff(ctx, c.req.param("id")!);
    const [set, saved] = await Promise.all([ruleSetWith(ctx, member.id), listAvailability(ctx, member.id)]);
    const rest = saved.filter((r) => set.offices.includes(r.officeId)).map(ruleInputOf);
    const rule = { rrule: "FREQ=DAILY", start: dated.from, end: dated.to, timeZone: member.timeZone, officeId: dated.office, validFrom: dated.date, validUntil: dated.date };
    const w = c.var.t.staff;
    const words: Record<string, string> = { start: w.from, end: w.to, validFrom: w.date, validUntil: w.date, rrule: w.date, officeId: c.var.t.office };
    try {
      await putAvailability(ctx, member.id, parsedBy(z.array(Rule).max(100), [...rest, rule]));
      return c.redirect(pageOf(member.id, "done=dated"), 303);
    } catch (error) {
      const { notice, status } = fieldRefusal(error, c.var.t, (path) => words[path.split(".")[1] ?? ""] ?? path);
      return staffPage(c, { dated, message: notice, status });
    }
  });

  console.post("/staff/:id/rules/:ruleId/delete", async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param("id");
    const set = await ruleSetWith(ctx, id);
    const saved = await listAvailability(ctx, id);
    const rest = saved.filter((r) => set.offices.includes(r.officeId) && String(r.id) !== c.req.param("ruleId")).map(ruleInputOf);
    await putAvailability(ctx, id, rest);
    return c.redirect(pageOf(id, "done=removed"), 303);
  });

  console.post("/staff/:id/time-off", async (c) => {
    const ctx = ctxOf(c);
    const form = await formOf(c);
    const timeOffForm = { start: form.start ?? "", end: form.end ?? "", reason: form.reason ?? "" };
    const bad = notOneLine(form);
    if (bad) return staffPage(c, { timeOffForm, message: problemNotice(bad, []), status: 422 });
    const member = await getStaff(ctx, c.req.param("id")!);
    try {
      const body = { start: wallInput(form.start, member.timeZone), end: wallInput(form.end, member.timeZone), reason: form.reason ?? "" };
      await addTimeOff(ctx, member.id, parsedBy(TimeOffCreate, body));
      return c.redirect(`${pageOf(member.id, "done=timeOff")}#time-off`, 303);
    } catch (error) {
      const { notice, status } = fieldRefusal(error, c.var.t, (path) => c.var.t.staff.fieldNames[path] ?? path);
      return staffPage(c, { timeOffForm, message: notice, status });
    }
  });

  console.post("/staff/:id/time-off/:timeOffId/delete", async (c) => {
    const id = c.req.param("id");
    await deleteTimeOff(ctxOf(c), id, c.req.param("timeOffId"));
    return c.redirect(`${pageOf(id, "done=removed")}#time-off`, 303);
  });
}
