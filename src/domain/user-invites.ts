// Inviting a user from the console: the account is made by createUser (the API's rules) and, in
// the same batch, an email telling them how to sign in. The email carries no sign-in link: a
// link works only in the browser that asked for it, so the invited person asks for one on the
// sign-in page (or signs in through the organisation's identity provider).
import { notifications } from "../db/schema.js";
import { statement } from "../db/database.js";
import { newId } from "../lib/ids.js";
import { createUser, enabledUserByEmail, type UserInput, type UserRow } from "./users.js";
import type { Ctx } from "./context.js";
import { invalidField } from "./errors.js";

/** `staff-invite:<language>`: the dispatcher writes it in the language of the admin who invited. */
export const staffInviteKind = (language: string) => `staff-invite:${language}`;

export async function inviteUser(ctx: Ctx, input: UserInput, language: string): Promise<UserRow> {
  // Email is how the person signs in: one enabled account per address, or none could be matched.
  if (await enabledUserByEmail(ctx.deps, input.email)) throw invalidField("email", "an enabled user already has this email address");
  const now = ctx.deps.clock.now();
  const mail = (row: UserRow) => [
    statement(
      ctx.deps.database.db.insert(notifications).values({
        id: newId("ntf", now),
        appointmentId: row.id,
        channel: "email",
        kind: staffInviteKind(language),
        to: row.email,
        status: "pending",
        sendAfter: now,
        sequence: 0,
        createdAt: now,
      }),
    ),
  ];
  const { token: _shownNowhere, ...user } = await createUser(ctx, input, mail);
  ctx.deps.logger.info("user invited", { userId: user.id, by: ctx.actor.id });
  return user;
}
