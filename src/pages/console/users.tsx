// The users pages (admin only): the list with the invitation form, and one user's page with
// their role and offices, disable/enable, sessions and API tokens.
import { PostForm } from "../components.js";
import { DetailsTable, NoticeBox, RowButton, Table, type OfficeChoice, type PageNotice } from "./parts.js";
import type { ConsoleStrings } from "./strings/index.js";

export interface UserLine {
  id: string;
  name: string;
  email: string;
  role: string;
  offices: string;
  disabled: boolean;
}

export interface InviteForm {
  name: string;
  email: string;
  role: string;
  officeIds: string[];
}

const roleName = (t: ConsoleStrings, role: string) => t.users.roleNames[role as "admin"] ?? role;

/** Offices as checkboxes in a fieldset: a scheduler works for one or more. */
export function OfficeBoxes({ t, offices, chosen }: { t: ConsoleStrings; offices: OfficeChoice[]; chosen: string[] }) {
  return (
    <fieldset>
      <legend>{t.users.offices}</legend>
      {offices.map((o) => (
        <div>
          <input type="checkbox" id={`office-${o.id}`} name="officeIds" value={o.id} checked={chosen.includes(o.id)} />
          <label for={`office-${o.id}`}>{o.name}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A role select: admin and scheduler use the console; an interviewer is kept when they are one. */
export function RoleSelect({ t, value, roles }: { t: ConsoleStrings; value: string; roles: string[] }) {
  return (
    <div>
      <label for="role">{t.users.role}</label>
      <select id="role" name="role">
        {roles.map((r) => (
          <option value={r} selected={r === value}>
            {roleName(t, r)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function UsersPage(p: {
  t: ConsoleStrings;
  csrf: string;
  users: UserLine[];
  offices: OfficeChoice[];
  form: InviteForm;
  notice?: PageNotice | null;
  nextCursor: string | null;
}) {
  const { t } = p;
  const u = t.users;
  return (
    <>
      <NoticeBox notice={p.notice} />
      {p.users.length ? (
        <Table
          caption={u.title}
          columns={[u.name, u.email, u.role, u.offices, u.status]}
          rows={p.users.map((r) => [<a href={`/console/users/${r.id}`}>{r.name}</a>, r.email, roleName(t, r.role), r.offices, r.disabled ? u.disabled : u.enabled])}
        />
      ) : (
        <p>{u.none}</p>
      )}
      {p.nextCursor ? (
        <p>
          <a class="btn secondary" href={`/console/users?${new URLSearchParams({ cursor: p.nextCursor })}`}>
            {t.queue.nextPage}
          </a>
        </p>
      ) : null}
      <h2>{u.invite}</h2>
      <p>{u.inviteIntro}</p>
      <PostForm action="/console/users" csrf={p.csrf}>
        <div>
          <label for="name">{u.name}</label>
          <input id="name" name="name" required maxlength={200} value={p.form.name} autocomplete="off" />
        </div>
        <div>
          <label for="email">{u.email}</label>
          <input id="email" name="email" type="email" required maxlength={254} value={p.form.email} autocomplete="off" />
        </div>
        <RoleSelect t={t} value={p.form.role} roles={["scheduler", "admin"]} />
        <OfficeBoxes t={t} offices={p.offices} chosen={p.form.officeIds} />
        <p>
          <button type="submit" class="btn">
            {u.inviteSubmit}
          </button>
        </p>
      </PostForm>
    </>
  );
}

export interface SessionLine {
  handle: string;
  how: string;
  opened: string;
  lastUsed: string;
}

export interface TokenLine {
  id: string;
  name: string;
  created: string;
  lastUsed: string;
}

export interface UserPageProps {
  t: ConsoleStrings;
  csrf: string;
  user: UserLine & { officeIds: string[] };
  offices: OfficeChoice[];
  sessions: SessionLine[];
  tokens: TokenLine[];
  notice?: PageNotice | null;
  /** A token just made: shown in this answer only. */
  newToken?: { name: string; token: string } | null;
}

export function UserPage(p: UserPageProps) {
  const { t, user, csrf } = p;
  const u = t.users;
  const base = `/console/users/${user.id}`;
  return (
    <>
      <p>
        <a href="/console/users">{u.back}</a>
      </p>
      <NoticeBox notice={p.notice} />
      {p.newToken ? (
        <div class="notice ok" role="status">
          <p>{u.tokenShownOnce(p.newToken.name)}</p>
          <p>
            <code>{p.newToken.token}</code>
          </p>
        </div>
      ) : null}
      <DetailsTable
        rows={[
          [u.email, user.email],
          [u.role, roleName(t, user.role)],
          [u.offices, user.offices],
          [u.status, user.disabled ? u.disabled : u.enabled],
        ]}
      />
      <h2>{u.edit}</h2>
      <PostForm action={base} csrf={csrf}>
        <RoleSelect t={t} value={user.role} roles={user.role === "interviewer" ? ["interviewer", "scheduler", "admin"] : ["scheduler", "admin"]} />
        <OfficeBoxes t={t} offices={p.offices} chosen={user.officeIds} />
        <p>
          <button type="submit" class="btn">
            {u.save}
          </button>
        </p>
      </PostForm>
      <PostForm action={`${base}/${user.disabled ? "enable" : "disable"}`} csrf={csrf}>
        {user.disabled ? null : <p>{u.disableNote}</p>}
        <button type="submit" class={user.disabled ? "btn secondary" : "btn danger"}>
          {user.disabled ? u.enable : u.disable}
        </button>
      </PostForm>
      <h2>{u.sessions}</h2>
      {p.sessions.length ? (
        <>
          <Table
            columns={[u.how, u.opened, u.lastUsed, u.revoke]}
            rows={p.sessions.map((s) => [
              s.how,
              s.opened,
              s.lastUsed,
              <RowButton action={`${base}/sessions/${s.handle}/revoke`} csrf={csrf} label={u.revoke} describe={`${u.revoke}: ${s.how}, ${s.opened}`} />,
            ])}
          />
          <PostForm action={`${base}/sessions/revoke`} csrf={csrf}>
            <button type="submit" class="btn secondary">
              {u.revokeAll}
            </button>
          </PostForm>
        </>
      ) : (
        <p>{u.noSessions}</p>
      )}
      <h2>{u.tokens}</h2>
      {p.tokens.length ? (
        <Table
          columns={[u.tokenName, u.created, u.lastUsed, u.revoke]}
          rows={p.tokens.map((k) => [
            k.name,
            k.created,
            k.lastUsed,
            <RowButton action={`${base}/tokens/${k.id}/revoke`} csrf={csrf} label={u.revoke} describe={`${u.revoke}: ${k.name}`} />,
          ])}
        />
      ) : (
        <p>{u.noTokens}</p>
      )}
      <PostForm action={`${base}/tokens`} csrf={csrf}>
        <label for="token-name">{u.tokenName}</label>
        <input id="token-name" name="name" required maxlength={100} autocomplete="off" />
        <p>
          <button type="submit" class="btn secondary">
            {u.newToken}
          </button>
        </p>
      </PostForm>
    </>
  );
}
