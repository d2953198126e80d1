// An appointment's status as the desk sees it: its name, its badge, and one button per change
// the status allows (the day sheet and the appointment page show the same ones).
import { isStatus, statusActionsFrom } from "../../domain/lifecycle.js";
import { PostForm } from "../components.js";
import type { ConsoleStrings } from "./strings/index.js";

export function StatusBadge({ status, t }: { status: string; t: ConsoleStrings }) {
  return <span class={`badge ${status}`}>{isStatus(status) ? t.statusNames[status] : status}</span>;
}

/** One small form per change the status allows, each returning to `back`. */
export function StatusButtons({ id, status, back, csrf, t }: { id: string; status: string; back: string; csrf: string; t: ConsoleStrings }) {
  return (
    <>
      {statusActionsFrom(status).map((action) => (
        <PostForm action={`/console/appointments/${id}/status`} csrf={csrf}>
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" class={action === "no_show" ? "btn small secondary" : "btn small"}>
            {t.actions[action]}
          </button>
        </PostForm>
      ))}
    </>
  );
}
