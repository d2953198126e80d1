DROP TABLE `claims`;--> statement-breakpoint
DROP INDEX `appointments_staff_busy`;--> statement-breakpoint
CREATE INDEX `appointments_staff_live` ON `appointments` (`staff_id`,`start_at`,`hold_until`,`status`) WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX `appointments_room_live` ON `appointments` (`office_id`,`room_id`,`start_at`,`hold_until`,`status`) WHERE status <> 'cancelled' AND room_id IS NOT NULL;