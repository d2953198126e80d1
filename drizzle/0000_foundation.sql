CREATE TABLE `availability_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` text NOT NULL,
	`office_id` text NOT NULL,
	`rrule` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`time_zone` text NOT NULL,
	`valid_from` text,
	`valid_until` text,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `availability_staff` ON `availability_rules` (`staff_id`);--> statement-breakpoint
CREATE TABLE `case_extensions` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`days` integer NOT NULL,
	`reason` text NOT NULL,
	`actor` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_extensions_case` ON `case_extensions` (`case_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`office_id` text NOT NULL,
	`track` text NOT NULL,
	`screened_at` text NOT NULL,
	`language` text NOT NULL,
	`household_size` integer NOT NULL,
	`nationality` text NOT NULL,
	`present_since` text NOT NULL,
	`birth_date` text NOT NULL,
	`legal_status` text NOT NULL,
	`contact_email` text,
	`contact_phone` text,
	`window_extension_days` integer DEFAULT 0 NOT NULL,
	`eligibility_override` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_reference` ON `cases` (`reference`);--> statement-breakpoint
CREATE INDEX `cases_office` ON `cases` (`office_id`,`id`);--> statement-breakpoint
CREATE TABLE `closures` (
	`id` text PRIMARY KEY NOT NULL,
	`office_id` text NOT NULL,
	`date` text,
	`start_at` integer,
	`end_at` integer,
	`reason` text NOT NULL,
	`open` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `closures_office` ON `closures` (`office_id`,`date`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `offices` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`time_zone` text NOT NULL,
	`address` text NOT NULL,
	`email` text,
	`phone` text,
	`hours` text NOT NULL,
	`settings` text NOT NULL,
	`eligibility` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rooms` (
	`office_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`office_id`, `id`),
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`agency` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`buffer_minutes` integer NOT NULL,
	`window_min_days` integer NOT NULL,
	`window_max_days` integer NOT NULL,
	`needs_room` integer NOT NULL,
	`slot_step_minutes` integer NOT NULL,
	`min_notice_hours` integer NOT NULL,
	`daily_cap_per_office` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text,
	`agency` text NOT NULL,
	`time_zone` text NOT NULL,
	`languages` text NOT NULL,
	`office_ids` text NOT NULL,
	`service_ids` text NOT NULL,
	`feed_token_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `time_off` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `time_off_staff_start` ON `time_off` (`staff_id`,`start_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`office_ids` text NOT NULL,
	`staff_id` text,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_token` ON `users` (`token_hash`);--> statement-breakpoint
CREATE TABLE `write_guard` (
	`reason` text,
	CONSTRAINT "write_conflict" CHECK(reason IS NULL)
);
