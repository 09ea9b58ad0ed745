CREATE TABLE `sync_changes` (
	`origin_id` char(36) NOT NULL,
	`counter` bigint NOT NULL,
	`seq` bigint AUTO_INCREMENT NOT NULL,
	`table_name` varchar(64) NOT NULL,
	`row_id` char(36) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`kind` varchar(8) NOT NULL,
	`fields` longtext NOT NULL,
	`user_id` char(36) NOT NULL,
	`machine_id` char(36) NOT NULL,
	`received_at` bigint NOT NULL,
	CONSTRAINT `sync_changes_origin_id_counter_pk` PRIMARY KEY(`origin_id`,`counter`),
	CONSTRAINT `sync_changes_seq_uq` UNIQUE(`seq`)
);
--> statement-breakpoint
CREATE TABLE `sync_origins` (
	`origin_id` char(36) NOT NULL,
	`max_counter` bigint NOT NULL,
	`user_id` char(36) NOT NULL,
	`machine_id` char(36) NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `sync_origins_origin_id` PRIMARY KEY(`origin_id`)
);
--> statement-breakpoint
CREATE TABLE `sync_quarantine` (
	`origin_id` char(36) NOT NULL,
	`counter` bigint NOT NULL,
	`table_name` varchar(64) NOT NULL,
	`row_id` varchar(64) NOT NULL,
	`reason` varchar(500) NOT NULL,
	`change` longtext NOT NULL,
	`received_at` bigint NOT NULL,
	CONSTRAINT `sync_quarantine_origin_id_counter_pk` PRIMARY KEY(`origin_id`,`counter`)
);
--> statement-breakpoint
CREATE TABLE `sync_row_clocks` (
	`table_name` varchar(64) NOT NULL,
	`row_id` char(36) NOT NULL,
	`clocks` longtext NOT NULL,
	CONSTRAINT `sync_row_clocks_table_name_row_id_pk` PRIMARY KEY(`table_name`,`row_id`)
);
--> statement-breakpoint
CREATE INDEX `sync_changes_row_idx` ON `sync_changes` (`table_name`,`row_id`);