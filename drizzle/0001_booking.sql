CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`service_id` text NOT NULL,
	`office_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`room_id` text,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`hold_until` integer NOT NULL,
	`local_date` text NOT NULL,
	`status` text NOT NULL,
	`sequence` integer NOT NULL,
	`uid` text NOT NULL,
	`reschedule_count` integer DEFAULT 0 NOT NULL,
	`applicant_reschedule_count` integer DEFAULT 0 NOT NULL,
	`window_override` text,
	`version` integer DEFAULT 1 NOT NULL,
	`link_version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointments_staff_start` ON `appointments` (`staff_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_office_start` ON `appointments` (`office_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_office_date` ON `appointments` (`office_id`,`local_date`);--> statement-breakpoint
CREATE INDEX `appointments_case` ON `appointments` (`case_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_case_service_live` ON `appointments` (`case_id`,`service_id`) WHERE status IN ('scheduled', 'confirmed', 'checked_in');--> statement-breakpoint
CREATE TABLE `claims` (
	`resource` text NOT NULL,
	`unit` integer NOT NULL,
	`appointment_id` text NOT NULL,
	PRIMARY KEY(`resource`, `unit`)
);
--> statement-breakpoint
CREATE INDEX `claims_appointment` ON `claims` (`appointment_id`);--> statement-breakpoint
CREATE TABLE `day_counts` (
	`office_id` text NOT NULL,
	`service_id` text NOT NULL,
	`day` text NOT NULL,
	`count` integer NOT NULL,
	`cap` integer,
	PRIMARY KEY(`office_id`, `service_id`, `day`),
	CONSTRAINT "daily_cap" CHECK(count >= 0 AND (cap IS NULL OR count <= cap))
);
--> statement-breakpoint
CREATE TABLE `history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`appointment_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`from` text,
	`to` text
);
--> statement-breakpoint
CREATE INDEX `history_appointment` ON `history` (`appointment_id`,`id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`appointment_id` text NOT NULL,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`to` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`send_after` integer NOT NULL,
	`sent_at` integer,
	`lease_until` integer,
	`last_error` text,
	`sequence` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notifications_due` ON `notifications` (`status`,`send_after`);--> statement-breakpoint
CREATE INDEX `notifications_appointment` ON `notifications` (`appointment_id`);--> statement-breakpoint
CREATE INDEX `idempotency_created` ON `idempotency_keys` (`created_at`);