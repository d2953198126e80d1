// The appointment's life, declared once: scheduled → confirmed → checked_in → completed, or
// no_show, or cancelled, with reschedule back to scheduled. Every other module (the write path,
// the API's schemas, the console's buttons, the applicant's page) asks this one.
export const STATUSES = ["scheduled", "confirmed", "checked_in", "completed", "no_show", "cancelled"] as const;
export type Status = (typeof STATUSES)[number];

/** The desk's attendance changes, each leading to one status. */
export const STATUS_AFTER = { confirm: "confirmed", check_in: "checked_in", complete: "completed", no_show: "no_show" } as const satisfies Record<string, Status>;
export type StatusAction = keyof typeof STATUS_AFTER;
export type Action = StatusAction | "cancel" | "reschedule";

/** The statuses each change may start from (the write path checks times of day on top). */
export const ALLOWED_FROM: Record<Action, readonly Status[]> = {
  confirm: ["scheduled"],
  check_in: ["scheduled", "confirmed"],
  complete: ["checked_in"],
  no_show: ["scheduled", "confirmed"],
  cancel: ["scheduled", "confirmed"],
  reschedule: ["scheduled", "confirmed"],
};

/** Statuses that hold time and count toward caps (the `appointments_case_service_live` index says the same in SQL). */
export const LIVE_STATUSES = ["scheduled", "confirmed", "checked_in"] as const satisfies readonly Status[];

/** Statuses whose time may still change: rescheduled, or cancelled. */
export const MOVABLE_STATUSES = ALLOWED_FROM.reschedule;

export const isStatus = (value: unknown): value is Status => typeof value === "string" && (STATUSES as readonly string[]).includes(value);
export const isStatusAction = (value: unknown): value is StatusAction => typeof value === "string" && Object.hasOwn(STATUS_AFTER, value);
export const canDo = (action: Action, status: string) => (ALLOWED_FROM[action] as readonly string[]).includes(status);
export const isLive = (status: string) => (LIVE_STATUSES as readonly string[]).includes(status);
export const isMovable = (status: string) => (MOVABLE_STATUSES as readonly string[]).includes(status);

/** The attendance changes a status allows, in the order the desk shows them. */
export const statusActionsFrom = (status: string): StatusAction[] => (Object.keys(STATUS_AFTER) as StatusAction[]).filter((action) => canDo(action, status));
