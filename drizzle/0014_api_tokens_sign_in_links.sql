CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `oidc_sign_ins` (
	`state_hash` text PRIMARY KEY NOT NULL,
	`browser_hash` text NOT NULL,
	`nonce` text NOT NULL,
	`code_verifier` text NOT NULL,
	`next` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `oidc_sign_ins_expiry` ON `oidc_sign_ins` (`expires_at`);--> statement-breakpoint
CREATE TABLE `sign_in_links` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`secret_hash` text NOT NULL,
	`browser_hash` text NOT NULL,
	`language` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE INDEX `sign_in_links_expiry` ON `sign_in_links` (`expires_at`);--> statement-breakpoint
-- Each user's single token becomes their first named API token, so it keeps working.
INSERT INTO `api_tokens` (`id`, `user_id`, `name`, `token_hash`, `created_at`, `last_used_at`) SELECT 'tok_' || substr(`id`, 5), `id`, 'default', `token_hash`, `created_at`, NULL FROM `users`;--> statement-breakpoint
DROP INDEX `users_token`;--> statement-breakpoint
ALTER TABLE `users` DROP COLUMN `token_hash`;--> statement-breakpoint
CREATE TABLE `__new_console_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`method` text DEFAULT 'token' NOT NULL,
	`token_hash` text,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_console_sessions`("id_hash", "user_id", "method", "token_hash", "created_at", "last_seen_at") SELECT "id_hash", "user_id", 'token', "token_hash", "created_at", "last_seen_at" FROM `console_sessions`;--> statement-breakpoint
DROP TABLE `console_sessions`;--> statement-breakpoint
ALTER TABLE `__new_console_sessions` RENAME TO `console_sessions`;--> statement-breakpoint
CREATE INDEX `console_sessions_user` ON `console_sessions` (`user_id`);