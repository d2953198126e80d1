// The public shape of a slot: UTC and office-local ISO times. Slot answers are cached, so each
// slot object is formatted once.
import type { Slot } from "./types.js";
import { formatLocalIso, formatUtcIso } from "./zone.js";

export interface SlotView {
  start: string;
  end: string;
  localStart: string;
  localEnd: string;
  staffIds: string[];
}

// A pure memo keyed by the slot object (the same slot always formats the same), not process state.
const views = new WeakMap<Slot, SlotView>();

export function slotView(s: Slot, zone: string): SlotView {
  let view = views.get(s);
  if (!view) {
    view = { start: formatUtcIso(s.start), end: formatUtcIso(s.end), localStart: formatLocalIso(s.start, zone), localEnd: formatLocalIso(s.end, zone), staffIds: s.staffIds };
    views.set(s, view);
  }
  return view;
}
