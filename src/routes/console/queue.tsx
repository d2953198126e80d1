// GET /console/queue?office=&q=&cursor=: the office's cases waiting for an appointment.
import type { Hono } from "hono";
import { ctxOf } from "../../http/context.js";
import { caseQueue } from "../../domain/queue.js";
import { listCases } from "../../domain/cases.js";
import { localDateOf } from "../../slots/index.js";
import { QueuePage, type QueueView } from "../../pages/console/queue.js";
import { consolePage } from "./render.js";
import { pickOffice } from "./scope.js";
import type { ConsoleEnv } from "./session.js";
import type { Ctx } from "../../domain/context.js";

/** A search that found no waiting case may still name a case exactly: say why it is not listed. */
async function notWaiting(ctx: Ctx, officeId: string, q: string): Promise<QueueView["notWaiting"]> {
  for (const reference of new Set([q, q.toUpperCase()])) {
    const [found] = (await listCases(ctx, 1, undefined, { officeId, reference })).items;
    if (found) return { id: found.id, reference: found.reference };
  }
  return null;
}

export function registerQueue(console: Hono<ConsoleEnv>) {
  console.get("/queue", async (c) => {
    const ctx = ctxOf(c);
    const { office, offices } = await pickOffice(ctx, c.req.query("office") || undefined, c.var.t.errors);
    const q = (c.req.query("q") ?? "").trim().slice(0, 100);
    const cursor = c.req.query("cursor") || undefined;
    const page = await caseQueue(ctx, { officeId: office.id, q, cursor });
    const view: QueueView = {
      offices,
      office,
      q,
      today: localDateOf(office.timeZone, ctx.deps.clock.now()),
      items: page.items,
      nextCursor: page.nextCursor,
      notWaiting: q && page.items.length === 0 && !cursor ? await notWaiting(ctx, office.id, q) : null,
      later: Boolean(cursor),
    };
    return consolePage(c, { title: c.var.t.queue.title, section: "queue" }, <QueuePage view={view} t={c.var.t} />);
  });
}
