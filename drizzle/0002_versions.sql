CREATE TABLE `versions` (
	`scope` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
