DROP INDEX `appointments_case`;--> statement-breakpoint
CREATE INDEX `appointments_case` ON `appointments` (`case_id`,`status`);