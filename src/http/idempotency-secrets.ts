// What an Idempotency-Key answer may keep: never a secret. Secret members are named here, once,
// for every route: `token` and any `…Token` (staff and feed tokens, shown once), and the members
// a replay can derive again from the stored resource (the applicant link). Any other string that
// contains a secret's value (a feed URL carrying its token) is withheld with it.
import { eq } from "drizzle-orm";
import type { Deps } from "../deps.js";
import { appointments } from "../db/schema.js";
import { selfServiceUrl } from "../domain/links.js";

type Json = null | boolean | number | string | Json[] | { [member: string]: Json };
type JsonObject = { [member: string]: Json };

/** Secrets a replay rebuilds from the object that held them (by its `id`); null if it is gone. */
const rebuilders: Record<string, (deps: Deps, owner: JsonObject) => Promise<string | null>> = {
  // The link is an HMAC over the appointment's id and link version: the current one is made again.
  selfServiceUrl: async (deps, owner) => {
    if (typeof owner.id !== "string") return null;
    const [row] = await deps.database.db
      .select({ id: appointments.id, linkVersion: appointments.linkVersion, endAt: appointments.endAt })
      .from(appointments)
      .where(eq(appointments.id, owner.id));
    return row ? selfServiceUrl(deps, row) : null;
  },
};

export const isSecretMember = (name: string) => name === "token" || name.endsWith("Token") || name in rebuilders;

/** Short values (an empty token) would match too much text to be worth hunting for elsewhere. */
const MIN_SECRET_LENGTH = 8;

function secretValues(value: Json, found: string[]) {
  if (Array.isArray(value)) for (const v of value) secretValues(v, found);
  else if (value !== null && typeof value === "object") {
    for (const [name, v] of Object.entries(value)) {
      if (isSecretMember(name) && typeof v === "string" && v.length >= MIN_SECRET_LENGTH) found.push(v);
      else secretValues(v, found);
    }
  }
}

function withhold(value: Json, secrets: string[], names: Set<string>): Json {
  if (Array.isArray(value)) return value.map((v) => withhold(v, secrets, names));
  if (value === null || typeof value !== "object") return value;
  const kept: JsonObject = {};
  for (const [name, v] of Object.entries(value)) {
    const secret = isSecretMember(name) || (typeof v === "string" && secrets.some((s) => v.includes(s)));
    if (secret) names.add(name);
    kept[name] = secret ? null : withhold(v, secrets, names);
  }
  return kept;
}

/** The answer as it may be stored: every secret member set to null, and their names. */
export function withholdSecrets(body: string): { body: string; withheld: string[] } {
  let parsed: Json;
  try {
    parsed = JSON.parse(body) as Json;
  } catch {
    return { body, withheld: [] }; // not JSON: no members to name
  }
  const secrets: string[] = [];
  secretValues(parsed, secrets);
  const names = new Set<string>();
  const kept = withhold(parsed, secrets, names);
  return { body: JSON.stringify(kept), withheld: [...names].sort() };
}

/** The withheld members a replay cannot make again (a token shown once). */
export const lostForGood = (withheld: string[]) => withheld.filter((name) => !(name in rebuilders));

/** The stored answer with every rebuildable secret made again from the current state. */
export async function restoreSecrets(deps: Deps, body: string, withheld: string[]): Promise<string> {
  const names = withheld.filter((name) => name in rebuilders);
  if (names.length === 0) return body;
  const restore = async (value: Json): Promise<void> => {
    if (Array.isArray(value)) for (const v of value) await restore(v);
    else if (value !== null && typeof value === "object") {
      for (const [name, v] of Object.entries(value)) {
        if (names.includes(name) && v === null) value[name] = await rebuilders[name]!(deps, value);
        else await restore(v);
      }
    }
  };
  const parsed = JSON.parse(body) as Json;
  await restore(parsed);
  return JSON.stringify(parsed);
}
