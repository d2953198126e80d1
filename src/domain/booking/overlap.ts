// The database refuses overlapping holds itself: triggers on appointments (drizzle/0011) probe
// the live holds of the interviewer and the room and abort the batch with 'slot-taken: staff' or
// 'slot-taken: room'. This reads which one it was from the engine's error.

/** Which resource another booking holds, when a batch failed on the no-overlap trigger. */
export type TakenResource = "staff" | "room";

// better-sqlite3 words it "slot-taken: staff"; D1 wraps the same text, e.g.
// "D1_ERROR: slot-taken: staff: SQLITE_CONSTRAINT", sometimes only in the error's cause.
const SLOT_TAKEN = /slot-taken: (staff|room)\b/;

export function takenResource(error: unknown): TakenResource | null {
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
    const text = e instanceof Error ? e.message : typeof e === "string" ? e : "";
    const match = SLOT_TAKEN.exec(text);
    if (match) return match[1] as TakenResource;
    e = e instanceof Error ? (e as { cause?: unknown }).cause : undefined;
  }
  return null;
}
