DROP INDEX `appointments_staff_start`;--> statement-breakpoint
DROP INDEX `appointments_office_start`;--> statement-breakpoint
CREATE INDEX `appointments_staff_busy` ON `appointments` (`staff_id`,`start_at`,`hold_until`,`status`);--> statement-breakpoint
CREATE INDEX `appointments_office_busy` ON `appointments` (`office_id`,`start_at`,`room_id`,`hold_until`,`status`);