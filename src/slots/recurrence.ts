// RRULE text: strict validation for saving rules, and compilation into either a
// plain weekday set (expanded by day arithmetic) or a rule spec (expanded period by
// period in periods.ts). rrule.js's own parser accepts nonsense such as "FREQ=FOO" or
// "BYDAY=XX" without complaint, so the text is checked here part by part first.
import * as rruleModule from "rrule";
import { WEEKDAY_CODES, parseIsoDate } from "./calendar.js";
import { ruleSpec, type RuleSpec } from "./rule-spec.js";

type RRuleModule = typeof rruleModule;
// Node loads rrule's CommonJS build (named exports hidden behind `default`);
// bundlers load its ES build. Accept both.
const rrule: RRuleModule = (rruleModule as RRuleModule & { default?: RRuleModule }).default ?? rruleModule;
export const RRule = rrule.RRule;

export type CompiledRule =
  /** Every day whose weekday (0 = Monday) is set; null means the anchor's weekday. */
  { kind: "days"; weekdays: boolean[] | null } | { kind: "periods"; spec: RuleSpec };

const DAY = "(MO|TU|WE|TH|FR|SA|SU)";
const list = (item: string): RegExp => new RegExp(`^${item}(,${item})*$`);
const signed = (max: string): string => `[+-]?(${max})`;

const PARTS: Record<string, RegExp> = {
  FREQ: /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/,
  INTERVAL: /^[1-9]\d{0,3}$/,
  COUNT: /^[1-9]\d{0,4}$/,
  UNTIL: /^\d{8}(T\d{6}Z?)?$/,
  BYDAY: list(`(${signed("[1-9]|[1-4]\\d|5[0-3]")})?${DAY}`),
  BYMONTHDAY: list(signed("[1-9]|[12]\\d|3[01]")),
  BYMONTH: list("([1-9]|1[0-2])"),
  BYYEARDAY: list(signed("[1-9]\\d?|[12]\\d\\d|3[0-5]\\d|36[0-6]")),
  BYWEEKNO: list(signed("[1-9]|[1-4]\\d|5[0-3]")),
  BYSETPOS: list(signed("[1-9]\\d?|[12]\\d\\d|3[0-5]\\d|36[0-6]")),
  WKST: new RegExp(`^${DAY}$`),
};

function splitRule(text: string): Map<string, string> | string {
  const parts = new Map<string, string>();
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return `Malformed part "${part}": must be NAME=VALUE`;
    const key = part.slice(0, eq);
    if (parts.has(key)) return `${key} appears twice`;
    parts.set(key, part.slice(eq + 1));
  }
  return parts;
}

/** Why an RRULE cannot be saved, or null when it is fine. */
export function parseRule(text: string): string | null {
  if (typeof text !== "string" || text.trim() === "") return "The rule is empty";
  const upper = text.trim().toUpperCase();
  if (/DTSTART|TZID/.test(upper)) {
    return "DTSTART and TZID are not allowed: the rule starts at validFrom and runs in the rule's timeZone";
  }
  if (/[\r\n:]/.test(upper)) return "Give only the rule's parts, e.g. FREQ=WEEKLY;BYDAY=MO,WE";
  const parts = splitRule(upper);
  if (typeof parts === "string") return parts;
  for (const [key, value] of parts) {
    if (key === "BYHOUR" || key === "BYMINUTE" || key === "BYSECOND") {
      return `${key} is not allowed: the times come from the rule's start and end`;
    }
    const re = PARTS[key];
    if (re === undefined) return `Unknown rule part ${key}`;
    if (!re.test(value)) {
      return key === "FREQ" ? "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY" : `Invalid ${key}: ${value}`;
    }
  }
  if (!parts.has("FREQ")) return "FREQ is required";
  if (parts.has("COUNT") && parts.has("UNTIL")) return "COUNT and UNTIL cannot both be given";
  const until = parts.get("UNTIL");
  if (until !== undefined && parseIsoDate(`${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`) === null) {
    return `Invalid UNTIL: ${until}`;
  }
  try {
    RRule.parseString(upper);
  } catch (e) {
    return `Invalid rule: ${(e as Error).message}`;
  }
  return null;
}

/** Compiled rules kept, least recently used dropped first: rule texts come from users. */
export const COMPILED_RULES_MAX = 1000;
const compiled = new Map<string, CompiledRule>();

/** Compiles a rule that parseRule accepts (throws otherwise); cached by text. */
export function compileRule(text: string): CompiledRule {
  const hit = compiled.get(text);
  if (hit !== undefined) {
    compiled.delete(text);
    compiled.set(text, hit);
    return hit;
  }
  const error = parseRule(text);
  if (error !== null) throw new RangeError(`Invalid RRULE "${text}": ${error}`);
  const upper = text.trim().toUpperCase();
  const parts = splitRule(upper) as Map<string, string>;
  const rule = fastPath(parts) ?? { kind: "periods" as const, spec: ruleSpec(RRule.parseString(upper)) };
  compiled.set(text, rule);
  if (compiled.size > COMPILED_RULES_MAX) compiled.delete(compiled.keys().next().value!);
  return rule;
}

/** How many compiled rules are kept now. */
export const compiledRuleCount = (): number => compiled.size;

/** Weekly or daily rules with interval 1 and plain weekdays are just weekday sets. */
function fastPath(parts: Map<string, string>): CompiledRule | null {
  const freq = parts.get("FREQ");
  if (freq !== "WEEKLY" && freq !== "DAILY") return null;
  for (const key of parts.keys()) {
    if (key !== "FREQ" && key !== "INTERVAL" && key !== "BYDAY" && key !== "WKST") return null;
  }
  if ((parts.get("INTERVAL") ?? "1") !== "1") return null;
  const byDay = parts.get("BYDAY");
  if (byDay === undefined) return { kind: "days", weekdays: freq === "DAILY" ? Array(7).fill(true) : null };
  const weekdays: boolean[] = Array(7).fill(false);
  for (const code of byDay.split(",")) {
    const i = WEEKDAY_CODES.indexOf(code as (typeof WEEKDAY_CODES)[number]);
    if (i < 0) return null; // an ordinal such as 1MO: leave it to rrule
    weekdays[i] = true;
  }
  return { kind: "days", weekdays };
}
