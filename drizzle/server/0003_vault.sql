CREATE TABLE `vault_audit` (
	`id` char(36) NOT NULL,
	`credential_id` char(36) NOT NULL,
	`action` varchar(8) NOT NULL,
	`outcome` varchar(8) NOT NULL,
	`user_name` varchar(64),
	`machine_id` char(36),
	`ip` varchar(45),
	`version` int,
	`reason` varchar(1000),
	`at` bigint NOT NULL,
	`seq` bigint AUTO_INCREMENT NOT NULL,
	CONSTRAINT `vault_audit_id` PRIMARY KEY(`id`),
	CONSTRAINT `vault_audit_seq_uq` UNIQUE(`seq`)
);
--> statement-breakpoint
CREATE TABLE `vault_secrets` (
	`credential_id` char(36) NOT NULL,
	`client_id` char(36),
	`version` int NOT NULL,
	`kek_id` varchar(64) NOT NULL,
	`wrapped_key` binary(32) NOT NULL,
	`wrap_nonce` binary(12) NOT NULL,
	`wrap_tag` binary(16) NOT NULL,
	`nonce` binary(12) NOT NULL,
	`ciphertext` mediumblob NOT NULL,
	`tag` binary(16) NOT NULL,
	`stored_by` varchar(64) NOT NULL,
	`stored_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `vault_secrets_credential_id` PRIMARY KEY(`credential_id`)
);
--> statement-breakpoint
CREATE INDEX `vault_audit_credential_at_idx` ON `vault_audit` (`credential_id`,`at`);--> statement-breakpoint
CREATE INDEX `vault_audit_user_at_idx` ON `vault_audit` (`user_name`,`at`);--> statement-breakpoint
CREATE INDEX `vault_secrets_kek_id_idx` ON `vault_secrets` (`kek_id`);