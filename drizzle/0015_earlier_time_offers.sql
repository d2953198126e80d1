CREATE TABLE `case_priority_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`priority` integer NOT NULL,
	`reason` text NOT NULL,
	`actor` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_priority_changes_case` ON `case_priority_changes` (`case_id`,`id`);--> statement-breakpoint
CREATE TABLE `freed_times` (
	`id` text PRIMARY KEY NOT NULL,
	`office_id` text NOT NULL,
	`service_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`source` text NOT NULL,
	`from_case_id` text,
	`status` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `freed_times_source` ON `freed_times` (`source`);--> statement-breakpoint
CREATE UNIQUE INDEX `freed_times_open` ON `freed_times` (`staff_id`,`start_at`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `freed_times_status` ON `freed_times` (`status`,`start_at`);--> statement-breakpoint
CREATE TABLE `offers` (
	`id` text PRIMARY KEY NOT NULL,
	`freed_time_id` text NOT NULL,
	`case_id` text NOT NULL,
	`office_id` text NOT NULL,
	`appointment_id` text,
	`original_at` integer NOT NULL,
	`status` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	`booked_appointment_id` text,
	FOREIGN KEY (`freed_time_id`) REFERENCES `freed_times`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offers_case_freed` ON `offers` (`freed_time_id`,`case_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `offers_one_taker` ON `offers` (`freed_time_id`) WHERE status IN ('accepting', 'accepted');--> statement-breakpoint
CREATE INDEX `offers_case` ON `offers` (`case_id`,`id`);--> statement-breakpoint
CREATE INDEX `offers_status` ON `offers` (`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `offers_office` ON `offers` (`office_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `cases` ADD `priority_since` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `priority_reason` text;--> statement-breakpoint
CREATE INDEX `cases_flagged` ON `cases` (`office_id`) WHERE priority_since IS NOT NULL;--> statement-breakpoint
CREATE INDEX `cases_extended` ON `cases` (`office_id`) WHERE window_extension_days > 0;