CREATE TABLE `refresh_tokens` (
	`id` char(36) NOT NULL,
	`family_id` char(36) NOT NULL,
	`token_hash` char(64) NOT NULL,
	`user_id` char(36) NOT NULL,
	`machine_id` char(36) NOT NULL,
	`created_at` bigint NOT NULL,
	`expires_at` bigint NOT NULL,
	`used_at` bigint,
	`revoked_at` bigint,
	CONSTRAINT `refresh_tokens_id` PRIMARY KEY(`id`),
	CONSTRAINT `refresh_tokens_token_hash_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `registered_machines` (
	`machine_id` char(36) NOT NULL,
	`user_id` char(36) NOT NULL,
	`fingerprint` char(64) NOT NULL,
	`hostname` varchar(255) NOT NULL,
	`platform` varchar(32) NOT NULL,
	`first_seen_at` bigint NOT NULL,
	`last_seen_at` bigint NOT NULL,
	CONSTRAINT `registered_machines_machine_id_user_id_pk` PRIMARY KEY(`machine_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `revocations` (
	`id` char(36) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`subject` char(36) NOT NULL,
	`at` bigint NOT NULL,
	`reason` varchar(500) NOT NULL,
	`actor` varchar(255),
	CONSTRAINT `revocations_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` char(36) NOT NULL,
	`name` varchar(64) NOT NULL,
	`password_hash` varchar(255) NOT NULL,
	`is_admin` boolean NOT NULL DEFAULT false,
	`disabled` boolean NOT NULL DEFAULT false,
	`created_at` bigint NOT NULL,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_name_uq` UNIQUE(`name`)
);
--> statement-breakpoint
CREATE INDEX `refresh_tokens_family_idx` ON `refresh_tokens` (`family_id`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_user_idx` ON `refresh_tokens` (`user_id`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_machine_idx` ON `refresh_tokens` (`machine_id`);--> statement-breakpoint
CREATE INDEX `registered_machines_user_idx` ON `registered_machines` (`user_id`);--> statement-breakpoint
CREATE INDEX `revocations_subject_idx` ON `revocations` (`subject`,`kind`);