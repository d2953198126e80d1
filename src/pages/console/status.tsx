// An appointment's status as the desk sees it: its name, its badge, and one button per change
// the status allows (the day sheet and the appointment page show the same ones).
import { PostForm } from "../components.js";

export type Status = "scheduled" | "confirmed" | "checked_in" | "completed" | "no_show" | "cancelled";
export type StatusAction = "confirm" | "check_in" | "complete" | "no_show";

export const STATUS_NAMES: Record<string, string> = {
  scheduled: "Scheduled",
  confirmed: "Confirmed",
  checked_in: "Checked in",
  completed: "Completed",
  no_show: "No-show",
  cancelled: "Cancelled",
};

const ACTION_LABELS: Record<StatusAction, string> = { confirm: "Confirm", check_in: "Check in", complete: "Completed", no_show: "No-show" };

/** The status each change leads to. */
export const STATUS_AFTER: Record<StatusAction, Status> = { confirm: "confirmed", check_in: "checked_in", complete: "completed", no_show: "no_show" };

export const isStatusAction = (value: unknown): value is StatusAction => typeof value === "string" && Object.hasOwn(STATUS_AFTER, value);

/** The changes each status allows (the domain checks the time of day on top). */
export const ACTIONS_BY_STATUS: Record<string, StatusAction[]> = {
  scheduled: ["confirm", "check_in", "no_show"],
  confirmed: ["check_in", "no_show"],
  checked_in: ["complete"],
};

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge ${status}`}>{STATUS_NAMES[status] ?? status}</span>;
}

/** One small form per change the status allows, each returning to `back`. */
export function StatusButtons({ id, status, back, csrf }: { id: string; status: string; back: string; csrf: string }) {
  return (
    <>
      {(ACTIONS_BY_STATUS[status] ?? []).map((action) => (
        <PostForm action={`/console/appointments/${id}/status`} csrf={csrf}>
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" class={action === "no_show" ? "btn small secondary" : "btn small"}>
            {ACTION_LABELS[action]}
          </button>
        </PostForm>
      ))}
    </>
  );
}
