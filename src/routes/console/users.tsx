// The users pages, admin only (a scheduler gets a 403 page): GET/POST /console/users (list,
// invite), GET/POST /console/users/{id} (role and offices), POST …/disable, …/enable,
// …/sessions/{handle}/revoke, …/sessions/revoke, …/tokens, …/tokens/{tokenId}/revoke.
// Every change is the API's domain function, with its rules; a refusal names the field.
import type { Context, Hono } from "hono";
import { ctxOf } from "../../http/context.js";
import { getUser, listUsers, updateUser, type UserRow } from "../../domain/users.js";
import { inviteUser } from "../../domain/user-invites.js";
import { disableUser, enableUser } from "../../domain/user-access.js";
import { createApiToken, listApiTokens, revokeApiToken } from "../../domain/api-tokens.js";
import { endSessionsOf, listSessions, revokeSession } from "../../domain/console-sessions.js";
import { DomainError, forbidden } from "../../domain/errors.js";
import { statusOf } from "../../http/problem.js";
import { UserPage, UsersPage, type InviteForm, type UserLine } from "../../pages/console/users.js";
import { errorNotice, type PageNotice } from "../../pages/console/parts.js";
import { consolePage, problemText } from "./render.js";
import { myOffices } from "./scope.js";
import type { ConsoleEnv } from "./session.js";
import type { ConsoleStrings } from "../../pages/console/strings/index.js";
import type { Role } from "../../domain/context.js";
import { Email } from "../common.js";
import { notOneLine } from "../text.js";

const adminOnly = (c: Context<ConsoleEnv>) => {
  if (c.var.actor.role !== "admin") throw forbidden(c.var.t.users.adminOnly);
};

/** "3 Dec 2026, 07:15 UTC" in the console's language (staff may sit in several zones). */
const stampOf = (t: ConsoleStrings, ms: number | null) =>
  ms === null ? t.users.never : `${new Intl.DateTimeFormat(t.tag, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(ms)} UTC`;

/** The fields of the form, repeated ones (officeIds) as lists; every text field must be one line. */
async function fieldsOf(c: Context<ConsoleEnv>) {
  const body = await c.req.parseBody({ all: true });
  const text = (k: string) => (typeof body[k] === "string" ? (body[k] as string).trim() : "");
  const list = (k: string) => [body[k] ?? []].flat().filter((v): v is string => typeof v === "string");
  const oneLine = notOneLine(Object.fromEntries(Object.entries(body).filter(([k]) => k !== "officeIds")));
  if (oneLine) throw new DomainError("validation", oneLine);
  return { text, list };
}

const fieldText = (t: ConsoleStrings, p: DomainError) => problemText(p, (e) => `${t.users.fields[e.path.split(".")[0] as "name"] ?? e.path}: ${e.message}.`);

/** A refusal becomes a notice on the page with the field named; anything else is thrown on. */
function refusal(t: ConsoleStrings, error: unknown): { notice: PageNotice; status: number } {
  if (!(error instanceof DomainError) || error.kind === "internal") throw error;
  return { notice: errorNotice(fieldText(t, error)), status: statusOf(error) };
}

const USERS_PER_PAGE = 100;

async function listPage(c: Context<ConsoleEnv>, form: InviteForm, notice?: PageNotice | null, status = 200) {
  const ctx = ctxOf(c);
  const { t } = c.var;
  const cursor = c.req.method === "GET" ? c.req.query("cursor") : undefined;
  const [page, offices] = await Promise.all([listUsers(ctx, USERS_PER_PAGE, cursor), myOffices(ctx)]);
  const names = new Map(offices.map((o) => [o.id, o.name]));
  const users: UserLine[] = page.items.map((r) => lineOf(r, names));
  return consolePage(
    c,
    { title: t.users.title, section: "users", status },
    <UsersPage t={t} csrf={c.var.csrf} users={users} offices={offices} form={form} notice={notice} nextCursor={page.nextCursor} />,
  );
}

const lineOf = (r: UserRow, names: Map<string, string>): UserLine => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role,
  offices: r.officeIds.map((id) => names.get(id) ?? id).join(", "),
  disabled: r.disabledAt !== null,
});

async function userPage(c: Context<ConsoleEnv>, id: string, extra: { notice?: PageNotice | null; status?: number; newToken?: { name: string; token: string } } = {}) {
  const ctx = ctxOf(c);
  const { t } = c.var;
  const user = await getUser(ctx, id);
  const [offices, sessions, tokens] = await Promise.all([myOffices(ctx), listSessions(ctx.deps, id), listApiTokens(ctx, id)]);
  const names = new Map(offices.map((o) => [o.id, o.name]));
  const props = {
    t,
    csrf: c.var.csrf,
    user: { ...lineOf(user, names), officeIds: user.officeIds },
    offices,
    sessions: sessions.map((s) => ({ handle: s.handle, how: t.users.methods[s.method] ?? s.method, opened: stampOf(t, s.createdAt), lastUsed: stampOf(t, s.lastSeenAt) })),
    tokens: tokens.map((k) => ({ id: k.id, name: k.name, created: stampOf(t, k.createdAt), lastUsed: stampOf(t, k.lastUsedAt) })),
    notice: extra.notice,
    newToken: extra.newToken,
  };
  if (extra.newToken) c.header("cache-control", "no-store");
  return consolePage(c, { title: user.name, section: "users", status: extra.status ?? 200 }, <UserPage {...props} />);
}

const emptyInvite: InviteForm = { name: "", email: "", role: "scheduler", officeIds: [] };

export function registerUserPages(console: Hono<ConsoleEnv>) {
  console.use("/users", async (c, next) => (adminOnly(c), next()));
  console.use("/users/*", async (c, next) => (adminOnly(c), next()));

  console.get("/users", (c) => {
    const invited = c.req.query("invited");
    const notice = invited ? { tone: "ok" as const, text: c.var.t.users.invited(invited.slice(0, 254)) } : null;
    return listPage(c, emptyInvite, notice);
  });

  console.post("/users", async (c) => {
    const { t, lang } = c.var;
    const { text, list } = await fieldsOf(c);
    const form: InviteForm = { name: text("name"), email: text("email"), role: text("role") || "scheduler", officeIds: list("officeIds") };
    try {
      if (!form.name) throw new DomainError("validation", `${t.users.fields.name}: ${t.errors.checkForm}`, { errors: [{ path: "name", message: "is required" }] });
      if (!Email.safeParse(form.email).success) throw new DomainError("validation", "", { errors: [{ path: "email", message: "must be an email address" }] });
      const role = (["admin", "scheduler"].includes(form.role) ? form.role : "scheduler") as Role;
      await inviteUser(ctxOf(c), { name: form.name, email: form.email, role, officeIds: form.officeIds }, lang);
    } catch (error) {
      const { notice, status } = refusal(t, error);
      return listPage(c, form, notice, status);
    }
    return c.redirect(`/console/users?${new URLSearchParams({ invited: form.email })}`, 303);
  });

  console.get("/users/:id", (c) => {
    const done = c.req.query("done");
    const notice = done === "saved" ? { tone: "ok" as const, text: c.var.t.users.saved } : done === "gone" ? errorNotice(c.var.t.users.sessionGone) : null;
    return userPage(c, c.req.param("id"), { notice });
  });

  /** Runs a change, then 303 back to the user's page; a refusal shows the page with the reason. */
  const change = (path: string, run: (c: Context<ConsoleEnv>, id: string) => Promise<string | void>) =>
    console.post(path, async (c) => {
      const id = c.req.param("id")!;
      let done: string | void;
      try {
        done = await run(c, id);
      } catch (error) {
        const { notice, status } = refusal(c.var.t, error);
        return userPage(c, id, { notice, status });
      }
      return c.redirect(`/console/users/${id}?done=${done ?? "saved"}`, 303);
    });

  change("/users/:id", async (c, id) => {
    const { text, list } = await fieldsOf(c);
    await updateUser(ctxOf(c), id, { role: text("role") as Role, officeIds: list("officeIds") });
  });
  change("/users/:id/disable", async (c, id) => void (await disableUser(ctxOf(c), id)));
  change("/users/:id/enable", async (c, id) => void (await enableUser(ctxOf(c), id)));
  change("/users/:id/sessions/:handle/revoke", async (c, id) => {
    await getUser(ctxOf(c), id);
    return (await revokeSession(c.var.deps, id, c.req.param("handle")!)) ? "saved" : "gone";
  });
  change("/users/:id/sessions/revoke", async (c, id) => {
    await getUser(ctxOf(c), id);
    await c.var.deps.database.batch([endSessionsOf(c.var.deps, id)]);
  });
  change("/users/:id/tokens/:tokenId/revoke", async (c, id) => revokeApiToken(ctxOf(c), id, c.req.param("tokenId")!));

  // The new token is shown in this answer only (never stored, never in a cookie): no redirect.
  console.post("/users/:id/tokens", async (c) => {
    const id = c.req.param("id");
    try {
      const { text } = await fieldsOf(c);
      const name = text("name");
      if (!name) throw new DomainError("validation", "", { errors: [{ path: "name", message: "is required" }] });
      if (name.length > 100) throw new DomainError("validation", "", { errors: [{ path: "name", message: "must be at most 100 characters" }] });
      const made = await createApiToken(ctxOf(c), id, name);
      return userPage(c, id, { newToken: { name: made.name, token: made.token } });
    } catch (error) {
      const { notice, status } = refusal(c.var.t, error);
      return userPage(c, id, { notice, status });
    }
  });
}
