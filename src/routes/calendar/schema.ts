// What the calendar routes answer: .ics bodies, never stored by a cache, and the feed token.
import { z } from "@hono/zod-openapi";

export const calendarBody = (description: string) => ({ description, content: { "text/calendar": { schema: z.string() } } });

/** Invites and feeds name appointments, and the feed token is a secret: no cache keeps them. */
export const noStore = { "cache-control": "private, no-store" };

export const FeedQuery = z.object({ token: z.string().max(500).optional().openapi({ description: "The feed's own token (from POST …/feed-token)" }) });

export const FeedToken = z
  .object({
    staffId: z.string(),
    token: z.string().openapi({ description: "Shown only in this answer; issuing a new one revokes it" }),
    url: z.string(),
    webcalUrl: z.string(),
  })
  .openapi("FeedToken");
