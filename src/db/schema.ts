// The one schema for better-sqlite3 and D1. Instants are INTEGER epoch milliseconds (UTC);
// local dates are TEXT "YYYY-MM-DD"; lists and small records are JSON text.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export interface HoursRow {
  days: ("MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU")[];
  start: string;
  end: string;
}

export interface EligibilityRules {
  nationalities: string[];
  presentOnOrBefore: string;
  minAge?: number;
  legalStatuses?: string[];
}

export interface OfficeSettings {
  rescheduleLimit: number;
  applicantRescheduleLimit: number;
  reminderHours: number[];
  quietHoursStart: string;
  quietHoursEnd: string;
  /** Earlier-time offers (docs/offers.md): how many cases hold an offer of one freed time at once. */
  offerBatchSize?: number;
  /** Minutes of waking time (outside quiet hours) an offer stays open. */
  offerExpiryMinutes?: number;
  /** Who is offered first after flagged cases: the window closing soonest, or the oldest screening. */
  offerOrder?: "window-end" | "screened-first";
}

const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();
const stamps = {
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
};

export const offices = sqliteTable("offices", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  country: text("country").notNull(),
  timeZone: text("time_zone").notNull(),
  address: text("address").notNull(),
  /** The mailbox invites are sent from (the relay must allow it); never shown to applicants. */
  email: text("email"),
  /** Shown to applicants, on their pages and in a cancellation's text. */
  phone: text("phone"),
  /** Shown to applicants on their pages; `email` is only the sender. */
  publicEmail: text("public_email"),
  hours: json<HoursRow[]>("hours").notNull(),
  settings: json<OfficeSettings>("settings").notNull(),
  eligibility: json<EligibilityRules | null>("eligibility"),
  ...stamps,
});

export const rooms = sqliteTable(
  "rooms",
  {
    officeId: text("office_id")
      .notNull()
      .references(() => offices.id),
    id: text("id").notNull(),
    name: text("name").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.id] })],
);

export const closures = sqliteTable(
  "closures",
  {
    id: text("id").primaryKey(),
    officeId: text("office_id")
      .notNull()
      .references(() => offices.id),
    date: text("date"),
    startAt: integer("start_at"),
    endAt: integer("end_at"),
    reason: text("reason").notNull(),
    open: integer("open", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("closures_office").on(t.officeId, t.date)],
);

export const services = sqliteTable("services", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  agency: text("agency").notNull(),
  durationMinutes: integer("duration_minutes").notNull(),
  bufferMinutes: integer("buffer_minutes").notNull(),
  windowMinDays: integer("window_min_days").notNull(),
  windowMaxDays: integer("window_max_days").notNull(),
  needsRoom: integer("needs_room", { mode: "boolean" }).notNull(),
  slotStepMinutes: integer("slot_step_minutes").notNull(),
  minNoticeHours: integer("min_notice_hours").notNull(),
  dailyCapPerOffice: integer("daily_cap_per_office"),
  ...stamps,
});

export const staff = sqliteTable("staff", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull(),
  phone: text("phone"),
  agency: text("agency").notNull(),
  timeZone: text("time_zone").notNull(),
  languages: json<string[]>("languages").notNull(),
  officeIds: json<string[]>("office_ids").notNull(),
  serviceIds: json<string[]>("service_ids").notNull(),
  feedTokenHash: text("feed_token_hash"),
  ...stamps,
});

export const availabilityRules = sqliteTable(
  "availability_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    staffId: text("staff_id")
      .notNull()
      .references(() => staff.id),
    officeId: text("office_id")
      .notNull()
      .references(() => offices.id),
    rrule: text("rrule").notNull(),
    start: text("start").notNull(),
    end: text("end").notNull(),
    timeZone: text("time_zone").notNull(),
    validFrom: text("valid_from"),
    validUntil: text("valid_until"),
  },
  (t) => [index("availability_staff").on(t.staffId)],
);

export const timeOff = sqliteTable(
  "time_off",
  {
    id: text("id").primaryKey(),
    staffId: text("staff_id")
      .notNull()
      .references(() => staff.id),
    startAt: integer("start_at").notNull(),
    endAt: integer("end_at").notNull(),
    reason: text("reason").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("time_off_staff_start").on(t.staffId, t.startAt)],
);

export const cases = sqliteTable(
  "cases",
  {
    id: text("id").primaryKey(),
    reference: text("reference").notNull(),
    /** The applicant's name: protected data, shown in full only on the case's own page. */
    name: text("name"),
    officeId: text("office_id")
      .notNull()
      .references(() => offices.id),
    track: text("track").notNull(),
    screenedAt: text("screened_at").notNull(),
    language: text("language").notNull(),
    householdSize: integer("household_size").notNull(),
    nationality: text("nationality").notNull(),
    presentSince: text("present_since").notNull(),
    birthDate: text("birth_date").notNull(),
    legalStatus: text("legal_status").notNull(),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    windowExtensionDays: integer("window_extension_days").notNull().default(0),
    eligibilityOverride: text("eligibility_override"),
    /** When the case's phone answered STOP (or a carrier stop word): no text message goes to it until START. */
    smsStoppedAt: integer("sms_stopped_at"),
    /** Set while staff flag the case to be offered freed times first (docs/offers.md), with their reason. */
    prioritySince: integer("priority_since"),
    priorityReason: text("priority_reason"),
    createdBy: text("created_by").notNull(),
    ...stamps,
  },
  (t) => [
    uniqueIndex("cases_reference").on(t.reference),
    index("cases_office").on(t.officeId, t.id),
    // The console's queue: an office's cases, oldest screening first, paged by (screenedAt, id).
    index("cases_queue").on(t.officeId, t.screenedAt, t.id),
    // Earlier-time offers read the few flagged and extended cases apart (src/domain/offers-find.ts).
    index("cases_flagged")
      .on(t.officeId)
      .where(sql`priority_since IS NOT NULL`),
    index("cases_extended")
      .on(t.officeId)
      .where(sql`window_extension_days > 0`),
  ],
);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull(),
  role: text("role").notNull(),
  officeIds: json<string[]>("office_ids").notNull(),
  staffId: text("staff_id"),
  createdAt: integer("created_at").notNull(),
  /** Set while the account is disabled: its tokens and console sessions are refused. */
  disabledAt: integer("disabled_at"),
});

/**
 * A user's API tokens for machines, several per user, each named. Only the SHA-256 is stored.
 * Migration 0012 moved each user's former single `users.token_hash` here as a token named "default".
 */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    /** Written at most once a minute per token. */
    lastUsedAt: integer("last_used_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash").on(t.tokenHash), index("api_tokens_user").on(t.userId)],
);

/**
 * Console sign-ins. The cookie holds a random session id; only its SHA-256 is stored. `method`
 * is how the person signed in ("oidc", "email" or "token"); a token session also keeps the
 * token's hash (a user's API token, or the bootstrap admin token's), so revoking it ends the session.
 */
export const consoleSessions = sqliteTable(
  "console_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    /** A user id, or "admin-token" for the bootstrap credential. */
    userId: text("user_id").notNull(),
    method: text("method").notNull().default("token"),
    tokenHash: text("token_hash"),
    createdAt: integer("created_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
  },
  (t) => [index("console_sessions_user").on(t.userId)],
);

/**
 * One-time console sign-in links sent by email: single use, short-lived, bound to the browser
 * that asked (the SHA-256 of a random cookie). Only the SHA-256 of the link's secret is stored.
 */
export const signInLinks = sqliteTable(
  "sign_in_links",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    secretHash: text("secret_hash").notNull(),
    browserHash: text("browser_hash").notNull(),
    /** The console language of the request that asked: the email is written in it. */
    language: text("language").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("sign_in_links_expiry").on(t.expiresAt)],
);

/**
 * OpenID Connect sign-ins under way: state (its SHA-256 as the key), nonce and PKCE verifier,
 * bound to the browser that started (the SHA-256 of a random cookie). Taken once by the callback.
 */
export const oidcSignIns = sqliteTable(
  "oidc_sign_ins",
  {
    stateHash: text("state_hash").primaryKey(),
    browserHash: text("browser_hash").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    next: text("next").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("oidc_sign_ins_expiry").on(t.expiresAt)],
);

/**
 * Idempotency-Key claims and the answers replayed for a repeat. A request claims its key first
 * (status 0 while it runs); a success then stores its answer without its secrets.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    key: text("key").primaryKey(),
    requestHash: text("request_hash").notNull(),
    /** 0 (and an empty body) while the first request is still running. */
    status: integer("status").notNull(),
    body: text("body").notNull(),
    /** Comma-separated names of the answer's secret members, which were not stored. */
    withheld: text("withheld"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("idempotency_created").on(t.createdAt)],
);

/**
 * Never holds a row. A batch inserts into it only when a condition failed
 * (`INSERT … SELECT … WHERE changes() = 0`), and the CHECK then aborts the whole batch.
 */
export const writeGuard = sqliteTable("write_guard", { reason: text("reason") }, () => [check("write_conflict", sql`reason IS NULL`)]);

/** Small key/value store for values the service creates once (link secret, …). */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const caseExtensions = sqliteTable(
  "case_extensions",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    days: integer("days").notNull(),
    reason: text("reason").notNull(),
    actor: text("actor").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("case_extensions_case").on(t.caseId)],
);

export const appointments = sqliteTable(
  "appointments",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    officeId: text("office_id")
      .notNull()
      .references(() => offices.id),
    staffId: text("staff_id")
      .notNull()
      .references(() => staff.id),
    roomId: text("room_id"),
    startAt: integer("start_at").notNull(),
    endAt: integer("end_at").notNull(),
    /** end + the service's buffer: how long the staff member and room stay taken. */
    holdUntil: integer("hold_until").notNull(),
    /** The office-zone date of the start, for day sheets and the daily cap. */
    localDate: text("local_date").notNull(),
    status: text("status").notNull(),
    sequence: integer("sequence").notNull(),
    uid: text("uid").notNull(),
    rescheduleCount: integer("reschedule_count").notNull().default(0),
    applicantRescheduleCount: integer("applicant_reschedule_count").notNull().default(0),
    windowOverride: text("window_override"),
    /** Optimistic concurrency: every change is `… WHERE version = ?` and bumps it. */
    version: integer("version").notNull().default(1),
    linkVersion: integer("link_version").notNull().default(1),
    ...stamps,
  },
  (t) => [
    // Live holds per interviewer and per room: the no-overlap triggers (drizzle/0011) probe them,
    // bounded by the longest hold, and the busy-time reads are answered from them alone (status
    // is in the key so that the index covers the status test too).
    index("appointments_staff_live")
      .on(t.staffId, t.startAt, t.holdUntil, t.status)
      .where(sql`status <> 'cancelled'`),
    index("appointments_room_live")
      .on(t.officeId, t.roomId, t.startAt, t.holdUntil, t.status)
      .where(sql`status <> 'cancelled' AND room_id IS NOT NULL`),
    // The office's busy rooms over a range (all rooms at once) read this one.
    index("appointments_office_busy").on(t.officeId, t.startAt, t.roomId, t.holdUntil, t.status),
    index("appointments_office_date").on(t.officeId, t.localDate),
    // With the status, the queue's "no live or completed appointment" test is read from the index alone.
    index("appointments_case").on(t.caseId, t.status),
    uniqueIndex("appointments_case_service_live")
      .on(t.caseId, t.serviceId)
      // LIVE_STATUSES of src/domain/lifecycle.ts (tests/domain/lifecycle.test.ts keeps them equal).
      .where(sql`status IN ('scheduled', 'confirmed', 'checked_in')`),
  ],
);

/** Live appointments per office, service and local day; the CHECK enforces the daily cap. */
export const dayCounts = sqliteTable(
  "day_counts",
  {
    officeId: text("office_id").notNull(),
    serviceId: text("service_id").notNull(),
    day: text("day").notNull(),
    count: integer("count").notNull(),
    cap: integer("cap"),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.serviceId, t.day] }), check("daily_cap", sql`count >= 0 AND (cap IS NULL OR count <= cap)`)],
);

export const history = sqliteTable(
  "history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    appointmentId: text("appointment_id").notNull(),
    at: integer("at").notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    from: json<Record<string, unknown> | null>("from"),
    to: json<Record<string, unknown> | null>("to"),
  },
  (t) => [index("history_appointment").on(t.appointmentId, t.id)],
);

/** The outbox: written in the same batch as the change it announces, sent later by the dispatcher. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    appointmentId: text("appointment_id").notNull(),
    channel: text("channel").notNull(),
    kind: text("kind").notNull(),
    to: text("to").notNull(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    sendAfter: integer("send_after").notNull(),
    sentAt: integer("sent_at"),
    leaseUntil: integer("lease_until"),
    lastError: text("last_error"),
    /** The appointment's sequence when the row was written, so a message describes that version. */
    sequence: integer("sequence").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("notifications_due").on(t.status, t.sendAfter),
    index("notifications_appointment").on(t.appointmentId),
    // An inbound text is matched to the latest message sent to its number.
    index("notifications_sent_to").on(t.to, t.sentAt),
  ],
);

/**
 * Text messages received (POST /sms/inbound), one row per provider MessageSid: a second delivery
 * of the same message finds its row and gets the same answer. `action` is what the reply did
 * ("confirm", "cancel_asked", "cancel", "help", "stop", "start", "ignored"); `sequence` is the
 * appointment's when the reply came, so a cancel asked before a move is not confirmed after it.
 */
export const smsReplies = sqliteTable(
  "sms_replies",
  {
    messageSid: text("message_sid").primaryKey(),
    appointmentId: text("appointment_id"),
    action: text("action").notNull(),
    sequence: integer("sequence"),
    /** The text answered in TwiML; null for an empty answer. */
    answer: text("answer"),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [index("sms_replies_appointment").on(t.appointmentId, t.receivedAt)],
);

/** Every change of a case's priority flag: who, when, on or off, and why. */
export const casePriorityChanges = sqliteTable(
  "case_priority_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    priority: integer("priority", { mode: "boolean" }).notNull(),
    reason: text("reason").notNull(),
    actor: text("actor").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("case_priority_changes_case").on(t.caseId, t.id)],
);

/**
 * A time that freed up (a cancellation, a move away from it) and is being offered to the cases
 * that would gain from it. `source` names what freed it ("history:<id>"), so two processes
 * reading the same change make one round; at most one open round per interviewer and start.
 */
export const freedTimes = sqliteTable(
  "freed_times",
  {
    id: text("id").primaryKey(),
    officeId: text("office_id").notNull(),
    serviceId: text("service_id").notNull(),
    staffId: text("staff_id").notNull(),
    startAt: integer("start_at").notNull(),
    endAt: integer("end_at").notNull(),
    source: text("source").notNull(),
    /** The case whose appointment held the time: it is not offered its own time back. */
    fromCaseId: text("from_case_id"),
    /** "open" while it is being offered; "filled" once accepted; "closed" when no longer to be had. */
    status: text("status").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("freed_times_source").on(t.source),
    uniqueIndex("freed_times_open")
      .on(t.staffId, t.startAt)
      .where(sql`status = 'open'`),
    index("freed_times_status").on(t.status, t.startAt),
  ],
);

/**
 * One case's offer of a freed time. `status`: open → accepting (claimed by one accept, at most
 * one per freed time) → accepted; or declined, expired, gone (someone else took it, or it no
 * longer fits). `originalAt` is what the case had before (its appointment's start, or its
 * window's last day for a waiting case), for the days saved.
 */
export const offers = sqliteTable(
  "offers",
  {
    id: text("id").primaryKey(),
    freedTimeId: text("freed_time_id")
      .notNull()
      .references(() => freedTimes.id),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    officeId: text("office_id").notNull(),
    /** The case's live appointment when offered (a reschedule on accept), or null for a waiting case. */
    appointmentId: text("appointment_id"),
    originalAt: integer("original_at").notNull(),
    status: text("status").notNull(),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
    decidedAt: integer("decided_at"),
    /** The appointment the accepted offer booked or moved. */
    bookedAppointmentId: text("booked_appointment_id"),
  },
  (t) => [
    uniqueIndex("offers_case_freed").on(t.freedTimeId, t.caseId),
    uniqueIndex("offers_one_taker")
      .on(t.freedTimeId)
      .where(sql`status IN ('accepting', 'accepted')`),
    index("offers_case").on(t.caseId, t.id),
    index("offers_status").on(t.status, t.expiresAt),
    index("offers_office").on(t.officeId, t.createdAt),
  ],
);

/**
 * Counters bumped in the same batch as every write that changes free time: "config" for
 * offices, rooms, closures, services, staff, rules and time off; "office:<id>" for bookings.
 * Cached slot answers are valid while the counters they were computed at are unchanged.
 */
export const versions = sqliteTable("versions", {
  scope: text("scope").primaryKey(),
  value: integer("value").notNull(),
});
