CREATE TABLE `sms_replies` (
	`message_sid` text PRIMARY KEY NOT NULL,
	`appointment_id` text,
	`action` text NOT NULL,
	`sequence` integer,
	`answer` text,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sms_replies_appointment` ON `sms_replies` (`appointment_id`,`received_at`);--> statement-breakpoint
ALTER TABLE `cases` ADD `sms_stopped_at` integer;--> statement-breakpoint
CREATE INDEX `notifications_sent_to` ON `notifications` (`to`,`sent_at`);