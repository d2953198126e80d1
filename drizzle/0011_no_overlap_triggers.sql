-- No interviewer and no room holds two overlapping live appointments: each insert, and each
-- update that moves a live hold, probes the partial index of live holds (0009) and aborts the
-- statement, and with it the whole batch, with 'slot-taken: staff' or 'slot-taken: room'.
-- The probe looks back 12 hours (MAX_HOLD_MS, 480 min + 240 min buffer), so a longer hold is refused.
-- An overlapping hold starts after NEW.start_at - 12 h, because it ends after NEW.start_at.
CREATE TRIGGER `appointments_no_overlap_insert` BEFORE INSERT ON `appointments`
WHEN NEW.status <> 'cancelled'
BEGIN
  SELECT RAISE(ABORT, 'hold-too-long') WHERE NEW.hold_until - NEW.start_at > 43200000 OR NEW.hold_until < NEW.start_at;
  SELECT RAISE(ABORT, 'slot-taken: staff') WHERE EXISTS (
    SELECT 1 FROM `appointments` a WHERE a.staff_id = NEW.staff_id AND a.status <> 'cancelled'
      AND a.start_at > NEW.start_at - 43200000 AND a.start_at < NEW.hold_until AND a.hold_until > NEW.start_at);
  SELECT RAISE(ABORT, 'slot-taken: room') WHERE NEW.room_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM `appointments` a WHERE a.office_id = NEW.office_id AND a.room_id = NEW.room_id AND a.status <> 'cancelled' AND a.room_id IS NOT NULL
      AND a.start_at > NEW.start_at - 43200000 AND a.start_at < NEW.hold_until AND a.hold_until > NEW.start_at);
END;
--> statement-breakpoint
-- Reschedules and room or interviewer changes: the same probe, leaving the row itself out.
-- Status changes that keep the hold (confirm, check-in, complete, no-show, cancel) skip it.
CREATE TRIGGER `appointments_no_overlap_update` BEFORE UPDATE OF `start_at`, `hold_until`, `staff_id`, `room_id`, `office_id`, `status` ON `appointments`
WHEN NEW.status <> 'cancelled' AND (OLD.status = 'cancelled' OR NEW.start_at <> OLD.start_at OR NEW.hold_until <> OLD.hold_until
  OR NEW.staff_id <> OLD.staff_id OR NEW.office_id <> OLD.office_id OR NEW.room_id IS NOT OLD.room_id)
BEGIN
  SELECT RAISE(ABORT, 'hold-too-long') WHERE NEW.hold_until - NEW.start_at > 43200000 OR NEW.hold_until < NEW.start_at;
  SELECT RAISE(ABORT, 'slot-taken: staff') WHERE EXISTS (
    SELECT 1 FROM `appointments` a WHERE a.staff_id = NEW.staff_id AND a.status <> 'cancelled' AND a.id <> NEW.id
      AND a.start_at > NEW.start_at - 43200000 AND a.start_at < NEW.hold_until AND a.hold_until > NEW.start_at);
  SELECT RAISE(ABORT, 'slot-taken: room') WHERE NEW.room_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM `appointments` a WHERE a.office_id = NEW.office_id AND a.room_id = NEW.room_id AND a.status <> 'cancelled' AND a.room_id IS NOT NULL
      AND a.id <> NEW.id AND a.start_at > NEW.start_at - 43200000 AND a.start_at < NEW.hold_until AND a.hold_until > NEW.start_at);
END;
