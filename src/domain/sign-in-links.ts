// One-time console sign-in links sent by email. Asking for one answers the same whether or not
// the address is known (no oracle); for an enabled user it writes the link and its outbox row in
// one batch. A link is single use, lives LINK_TTL_MS, and works only in the browser that asked
// (the SHA-256 of a random cookie set when asking is stored with it). The secret in the link is
// an HMAC of the link's id under a key derived from the link secret, so the outbox row need not
// hold it; the table keeps only the secret's SHA-256.
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Deps } from "../deps.js";
import { notifications, signInLinks, users } from "../db/schema.js";
import { statement } from "../db/database.js";
import { newId, sha256Hex } from "../lib/ids.js";
import { signFor, sameInConstantTime } from "./applicant/keys.js";
import { mustHaveChanged } from "./booking/statements.js";
import { constraintFailure } from "../db/database.js";
import { enabledUserByEmail } from "./users.js";
import { sessionStatements } from "./console-sessions.js";

export const LINK_TTL_MS = 15 * 60_000;
/** Links waiting per user at once: enough for a lost email or two, not a way to flood a mailbox. */
const WAITING_PER_USER = 3;
const PURPOSE = "console-sign-in-link";

export type SignInLinkRow = typeof signInLinks.$inferSelect;

/** The link's address, made again from its id whenever it is needed (the secret is never stored). */
export async function signInLinkUrl(deps: Deps, id: string): Promise<string> {
  return `${deps.config.publicUrl}/console/sign-in/link/${id}.${await signFor(deps, PURPOSE, id, 32)}`;
}

/**
 * Asks for a link for `email` from the browser holding `browserSecret`. Writes nothing for an
 * unknown or disabled address, or past WAITING_PER_USER live links; the caller answers the same.
 */
export async function requestSignInLink(deps: Deps, input: { email: string; browserSecret: string; language: string }): Promise<void> {
  const user = await enabledUserByEmail(deps, input.email);
  if (!user) return;
  const now = deps.clock.now();
  const { db } = deps.database;
  const waiting = await db
    .select({ n: sql<number>`count(*)` })
    .from(signInLinks)
    .where(and(eq(signInLinks.userId, user.id), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, now)));
  if ((waiting[0]?.n ?? 0) >= WAITING_PER_USER) return;
  const id = newId("sil", now);
  const secret = await signFor(deps, PURPOSE, id, 32);
  const link: SignInLinkRow = {
    id,
    userId: user.id,
    secretHash: await sha256Hex(secret),
    browserHash: await sha256Hex(input.browserSecret),
    language: input.language,
    createdAt: now,
    expiresAt: now + LINK_TTL_MS,
    usedAt: null,
  };
  // Staff mail rides the appointments' outbox: `appointment_id` holds the link's id.
  const mail = { id: newId("ntf", now), appointmentId: id, channel: "email", kind: "sign-in", to: user.email, status: "pending", sendAfter: now, sequence: 0, createdAt: now };
  const spent = or(lt(signInLinks.expiresAt, now - 86_400_000), and(lt(signInLinks.expiresAt, now), sql`${signInLinks.usedAt} IS NOT NULL`));
  await deps.database.batch([statement(db.delete(signInLinks).where(spent)), statement(db.insert(signInLinks).values(link)), statement(db.insert(notifications).values(mail))]);
}

export type LinkRefusal = "invalid" | "used" | "expired" | "other-browser" | "disabled";

/** What the link `token` (`id.secret`) opened in the browser holding `browserSecret` may do. */
export async function checkSignInLink(deps: Deps, token: string, browserSecret: string | undefined): Promise<{ link: SignInLinkRow } | { refused: LinkRefusal }> {
  const [id, secret] = token.length <= 200 ? token.split(".") : [];
  if (!id || !secret) return { refused: "invalid" };
  const [link] = await deps.database.db.select().from(signInLinks).where(eq(signInLinks.id, id));
  if (!link || !sameInConstantTime(await sha256Hex(secret), link.secretHash)) return { refused: "invalid" };
  if (link.usedAt !== null) return { refused: "used" };
  if (deps.clock.now() >= link.expiresAt) return { refused: "expired" };
  if (!browserSecret || !sameInConstantTime(await sha256Hex(browserSecret), link.browserHash)) return { refused: "other-browser" };
  const [user] = await deps.database.db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, link.userId));
  if (!user || user.disabledAt !== null) return { refused: "disabled" };
  return { link };
}

/**
 * Signs in with a checked link: marks it used and opens the session in one batch, whose UPDATE
 * repeats every condition, so two uses at once open one session. Answers the session id, or a
 * refusal when the link stopped being usable meanwhile.
 */
export async function useSignInLink(deps: Deps, token: string, browserSecret: string | undefined): Promise<{ sessionId: string } | { refused: LinkRefusal }> {
  const checked = await checkSignInLink(deps, token, browserSecret);
  if ("refused" in checked) return checked;
  const { link } = checked;
  const now = deps.clock.now();
  const { db } = deps.database;
  const userEnabled = sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${link.userId} AND ${users.disabledAt} IS NULL)`;
  const use = db
    .update(signInLinks)
    .set({ usedAt: now })
    .where(and(eq(signInLinks.id, link.id), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, now), eq(signInLinks.browserHash, link.browserHash), userEnabled));
  const session = await sessionStatements(deps, { userId: link.userId, method: "email" });
  try {
    await deps.database.batch([statement(use), mustHaveChanged(), ...session.statements]);
  } catch (error) {
    if (constraintFailure(error)?.kind !== "CHECK") throw error;
    return { refused: "used" };
  }
  return { sessionId: session.id };
}

/** The link an outbox row is about, for the dispatcher. */
export async function signInLinkById(deps: Deps, id: string): Promise<SignInLinkRow | null> {
  const [link] = await deps.database.db.select().from(signInLinks).where(eq(signInLinks.id, id));
  return link ?? null;
}
