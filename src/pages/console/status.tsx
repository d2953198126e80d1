// An appointment's status as the desk sees it: its name, its badge, and one button per change
// the status allows (the day sheet and the appointment page show the same ones).
import { statusActionsFrom, type Status, type StatusAction } from "../../domain/lifecycle.js";
import { PostForm } from "../components.js";

export const STATUS_NAMES: Record<Status, string> = {
  scheduled: "Scheduled",
  confirmed: "Confirmed",
  checked_in: "Checked in",
  completed: "Completed",
  no_show: "No-show",
  cancelled: "Cancelled",
};

const ACTION_LABELS: Record<StatusAction, string> = { confirm: "Confirm", check_in: "Check in", complete: "Completed", no_show: "No-show" };

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge ${status}`}>{STATUS_NAMES[status as Status] ?? status}</span>;
}

/** One small form per change the status allows, each returning to `back`. */
export function StatusButtons({ id, status, back, csrf }: { id: string; status: string; back: string; csrf: string }) {
  return (
    <>
      {statusActionsFrom(status).map((action) => (
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
