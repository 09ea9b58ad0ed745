CREATE TABLE `api_audit_log` (
	`id` char(36) NOT NULL,
	`method` varchar(8) NOT NULL,
	`route` varchar(255) NOT NULL,
	`status` int NOT NULL,
	`actor` varchar(255),
	`machine_id` char(36),
	`ip` varchar(45),
	`duration_ms` int,
	`request_id` varchar(64),
	`at` bigint NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `api_audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `categories` (
	`id` char(36) NOT NULL,
	`name` varchar(255) NOT NULL,
	`normalized_name` varchar(255) NOT NULL,
	`parent_id` char(36),
	`description` varchar(1000),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `categories_id` PRIMARY KEY(`id`),
	CONSTRAINT `categories_normalized_name_uq` UNIQUE(`normalized_name`)
);
--> statement-breakpoint
CREATE TABLE `categorization_rules` (
	`id` char(36) NOT NULL,
	`category_id` char(36),
	`tag_id` char(36),
	`match_kind` varchar(32) NOT NULL,
	`pattern` varchar(1000) NOT NULL,
	`priority` int NOT NULL DEFAULT 100,
	`enabled` boolean NOT NULL DEFAULT true,
	`description` varchar(500),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `categorization_rules_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `clients` (
	`id` char(36) NOT NULL,
	`name` varchar(255) NOT NULL,
	`normalized_name` varchar(255) NOT NULL,
	`status` varchar(16) NOT NULL DEFAULT 'active',
	`hourly_rate_cents` int,
	`currency` varchar(3),
	`external_ref` varchar(255),
	`notes` mediumtext,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `clients_id` PRIMARY KEY(`id`),
	CONSTRAINT `clients_normalized_name_uq` UNIQUE(`normalized_name`)
);
--> statement-breakpoint
CREATE TABLE `commands_run` (
	`id` char(36) NOT NULL,
	`session_id` char(36),
	`work_item_id` char(36),
	`client_id` char(36),
	`machine_id` char(36),
	`infrastructure_id` char(36),
	`command` mediumtext NOT NULL,
	`shell` varchar(16),
	`cwd` varchar(1024),
	`exit_code` int,
	`success` boolean NOT NULL,
	`duration_ms` int,
	`stdout_tail` mediumtext,
	`stderr_tail` mediumtext,
	`error_message` mediumtext,
	`failure_category` varchar(32),
	`failure_pattern_id` char(36),
	`started_at` bigint,
	`finished_at` bigint NOT NULL,
	`source` varchar(16) NOT NULL DEFAULT 'capture',
	`claude_session_id` varchar(64),
	`tool_use_id` varchar(64),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `commands_run_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` char(36) NOT NULL,
	`client_id` char(36) NOT NULL,
	`site_id` char(36),
	`name` varchar(255) NOT NULL,
	`role` varchar(255),
	`email` varchar(320),
	`phone` varchar(64),
	`mobile_phone` varchar(64),
	`is_primary` boolean NOT NULL DEFAULT false,
	`active` boolean NOT NULL DEFAULT true,
	`notes` mediumtext,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `contacts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `credential_audit_log` (
	`id` char(36) NOT NULL,
	`credential_id` char(36) NOT NULL,
	`client_id` char(36),
	`action` varchar(16) NOT NULL,
	`actor` varchar(255) NOT NULL,
	`machine_id` char(36),
	`session_id` char(36),
	`ip_address` varchar(45),
	`secret_version` int,
	`reason` varchar(1000),
	`outcome` varchar(16) NOT NULL,
	`at` bigint NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `credential_audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `credential_permissions` (
	`id` char(36) NOT NULL,
	`client_id` char(36),
	`credential_id` char(36),
	`grantee` varchar(255) NOT NULL,
	`can_read` boolean NOT NULL DEFAULT true,
	`can_write` boolean NOT NULL DEFAULT false,
	`granted_by` varchar(255) NOT NULL,
	`reason` varchar(1000),
	`expires_at` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `credential_permissions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `credentials` (
	`id` char(36) NOT NULL,
	`client_id` char(36),
	`site_id` char(36),
	`infrastructure_id` char(36),
	`service_id` char(36),
	`name` varchar(255) NOT NULL,
	`kind` varchar(32) NOT NULL,
	`username` varchar(255),
	`url` varchar(2048),
	`notes` mediumtext,
	`keychain_ref` varchar(512),
	`secret_version` int NOT NULL DEFAULT 1,
	`status` varchar(16) NOT NULL DEFAULT 'active',
	`last_rotated_at` bigint,
	`rotation_interval_days` int,
	`expires_at` bigint,
	`last_used_at` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `credentials_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `database_changes` (
	`id` char(36) NOT NULL,
	`client_id` char(36),
	`infrastructure_id` char(36),
	`service_id` char(36),
	`session_id` char(36),
	`database_name` varchar(255) NOT NULL,
	`engine` varchar(32),
	`change_kind` varchar(32) NOT NULL,
	`statement_summary` mediumtext NOT NULL,
	`rows_affected` bigint,
	`backup_ref` varchar(1024),
	`changed_by` varchar(255),
	`changed_at` bigint NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `database_changes_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `deployments` (
	`id` char(36) NOT NULL,
	`client_id` char(36),
	`project_id` char(36),
	`infrastructure_id` char(36),
	`service_id` char(36),
	`session_id` char(36),
	`name` varchar(500) NOT NULL,
	`kind` varchar(32),
	`version` varchar(128),
	`previous_version` varchar(128),
	`method` varchar(64),
	`target_summary` varchar(1000),
	`status` varchar(16) NOT NULL DEFAULT 'succeeded',
	`deployed_by` varchar(255),
	`started_at` bigint NOT NULL,
	`finished_at` bigint,
	`rolled_back` boolean NOT NULL DEFAULT false,
	`rolled_back_at` bigint,
	`rollback_reason` mediumtext,
	`notes` mediumtext,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `deployments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `environmental_insights` (
	`id` char(36) NOT NULL,
	`client_id` char(36),
	`infrastructure_id` char(36),
	`scope` varchar(16) NOT NULL,
	`platform` varchar(32),
	`os_version` varchar(64),
	`insight_text` mediumtext NOT NULL,
	`evidence_count` int NOT NULL DEFAULT 1,
	`source_pattern_id` char(36),
	`first_seen_at` bigint NOT NULL,
	`last_confirmed_at` bigint NOT NULL,
	`active` boolean NOT NULL DEFAULT true,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `environmental_insights_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `external_integrations` (
	`id` char(36) NOT NULL,
	`system` varchar(32) NOT NULL,
	`action` varchar(64) NOT NULL,
	`target_ref` varchar(255),
	`session_id` char(36),
	`client_id` char(36),
	`integration_credential_id` char(36),
	`status` varchar(16) NOT NULL,
	`http_status` int,
	`request_summary` mediumtext,
	`response_summary` mediumtext,
	`error_message` mediumtext,
	`duration_ms` int,
	`actor` varchar(255),
	`at` bigint NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `external_integrations_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `failure_patterns` (
	`id` char(36) NOT NULL,
	`pattern_key` varchar(64) NOT NULL,
	`normalized_signature` varchar(500) NOT NULL,
	`platform` varchar(32),
	`os_version` varchar(64),
	`shell` varchar(16),
	`infrastructure_id` char(36),
	`client_id` char(36),
	`failure_category` varchar(32),
	`occurrence_count` int NOT NULL DEFAULT 1,
	`first_seen_at` bigint NOT NULL,
	`last_seen_at` bigint NOT NULL,
	`example_command` mediumtext,
	`example_error` mediumtext,
	`working_alternative` mediumtext,
	`confidence` double NOT NULL DEFAULT 0.5,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `failure_patterns_id` PRIMARY KEY(`id`),
	CONSTRAINT `failure_patterns_pattern_key_uq` UNIQUE(`pattern_key`)
);
--> statement-breakpoint
CREATE TABLE `file_changes` (
	`id` char(36) NOT NULL,
	`session_id` char(36),
	`work_item_id` char(36),
	`client_id` char(36),
	`machine_id` char(36),
	`path` varchar(1024) NOT NULL,
	`change_kind` varchar(16) NOT NULL,
	`lines_added` int,
	`lines_removed` int,
	`tool` varchar(32),
	`claude_session_id` varchar(64),
	`tool_use_id` varchar(64),
	`changed_at` bigint NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `file_changes_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `firewall_rules` (
	`id` char(36) NOT NULL,
	`infrastructure_id` char(36) NOT NULL,
	`client_id` char(36),
	`name` varchar(255),
	`rule_order` int,
	`action` varchar(16) NOT NULL,
	`direction` varchar(16),
	`protocol` varchar(16),
	`source` varchar(500),
	`destination` varchar(500),
	`port` varchar(255),
	`enabled` boolean NOT NULL DEFAULT true,
	`reason` mediumtext,
	`external_rule_id` varchar(128),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `firewall_rules_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `infrastructure` (
	`id` char(36) NOT NULL,
	`client_id` char(36),
	`site_id` char(36),
	`parent_id` char(36),
	`kind` varchar(32) NOT NULL,
	`name` varchar(255) NOT NULL,
	`normalized_name` varchar(255) NOT NULL,
	`hostname` varchar(255),
	`ip_address` varchar(45),
	`mac_address` varchar(17),
	`os_name` varchar(255),
	`os_version` varchar(64),
	`powershell_version` varchar(32),
	`manufacturer` varchar(255),
	`model` varchar(255),
	`serial_number` varchar(128),
	`role` varchar(500),
	`vpn_profile` varchar(255),
	`environmental_notes` mediumtext,
	`status` varchar(16) NOT NULL DEFAULT 'active',
	`warranty_expires_at` bigint,
	`notes` mediumtext,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `infrastructure_id` PRIMARY KEY(`id`),
	CONSTRAINT `infrastructure_client_id_normalized_name_uq` UNIQUE(`client_id`,`normalized_name`)
);
--> statement-breakpoint
CREATE TABLE `infrastructure_changes` (
	`id` char(36) NOT NULL,
	`infrastructure_id` char(36) NOT NULL,
	`client_id` char(36),
	`session_id` char(36),
	`work_item_id` char(36),
	`change_kind` varchar(32) NOT NULL,
	`description` mediumtext NOT NULL,
	`before_state` mediumtext,
	`after_state` mediumtext,
	`rollback_steps` mediumtext,
	`changed_by` varchar(255) NOT NULL,
	`changed_at` bigint NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `infrastructure_changes_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `integration_credentials` (
	`id` char(36) NOT NULL,
	`system` varchar(32) NOT NULL,
	`name` varchar(255) NOT NULL,
	`kind` varchar(32),
	`base_url` varchar(2048),
	`account_ref` varchar(255),
	`keychain_ref` varchar(512) NOT NULL,
	`scopes` longtext,
	`expires_at` bigint,
	`last_rotated_at` bigint,
	`last_used_at` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `integration_credentials_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `m365_tenants` (
	`id` char(36) NOT NULL,
	`client_id` char(36) NOT NULL,
	`tenant_id` varchar(36) NOT NULL,
	`primary_domain` varchar(253) NOT NULL,
	`display_name` varchar(255),
	`other_domains` longtext,
	`delegated_access` varchar(16),
	`license_notes` mediumtext,
	`notes` mediumtext,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `m365_tenants_id` PRIMARY KEY(`id`),
	CONSTRAINT `m365_tenants_tenant_id_uq` UNIQUE(`tenant_id`)
);
--> statement-breakpoint
CREATE TABLE `machines` (
	`id` char(36) NOT NULL,
	`fingerprint` varchar(64) NOT NULL,
	`hostname` varchar(255) NOT NULL,
	`username` varchar(255) NOT NULL,
	`platform` varchar(32) NOT NULL,
	`home_dir` varchar(1024) NOT NULL,
	`display_name` varchar(255),
	`os_name` varchar(255),
	`os_version` varchar(255),
	`arch` varchar(32),
	`cpu_model` varchar(255),
	`cpu_cores` int,
	`memory_mb` int,
	`preferred_shell` varchar(64),
	`capabilities` longtext,
	`capabilities_probed_at` bigint,
	`first_seen_at` bigint NOT NULL,
	`last_seen_at` bigint NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `machines_id` PRIMARY KEY(`id`),
	CONSTRAINT `machines_fingerprint_uq` UNIQUE(`fingerprint`)
);
--> statement-breakpoint
CREATE TABLE `networks` (
	`id` char(36) NOT NULL,
	`client_id` char(36) NOT NULL,
	`site_id` char(36),
	`name` varchar(255),
	`cidr` varchar(49) NOT NULL,
	`vlan_id` int,
	`gateway` varchar(45),
	`dns_servers` longtext,
	`dhcp_server` varchar(255),
	`dhcp_range` varchar(100),
	`purpose` varchar(500),
	`notes` mediumtext,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `networks_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `operation_failures` (
	`id` char(36) NOT NULL,
	`session_id` char(36),
	`client_id` char(36),
	`infrastructure_id` char(36),
	`machine_id` char(36),
	`operation` varchar(255) NOT NULL,
	`target` varchar(500),
	`error_message` mediumtext NOT NULL,
	`failure_category` varchar(32),
	`failure_pattern_id` char(36),
	`context` longtext,
	`resolved` boolean NOT NULL DEFAULT false,
	`resolution` mediumtext,
	`occurred_at` bigint NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `operation_failures_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `pending_tasks` (
	`id` char(36) NOT NULL,
	`client_id` char(36),
	`project_id` char(36),
	`session_id` char(36),
	`title` varchar(1000) NOT NULL,
	`details` mediumtext,
	`status` varchar(16) NOT NULL DEFAULT 'open',
	`priority` varchar(16) NOT NULL DEFAULT 'normal',
	`due_at` bigint,
	`done_at` bigint,
	`done_by` varchar(255),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `pending_tasks_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `problem_solutions` (
	`id` char(36) NOT NULL,
	`client_id` char(36),
	`infrastructure_id` char(36),
	`session_id` char(36),
	`work_item_id` char(36),
	`problem` varchar(1000) NOT NULL,
	`symptom` mediumtext,
	`error_text` mediumtext,
	`normalized_signature` varchar(500),
	`platform` varchar(32),
	`os_version` varchar(64),
	`cause` mediumtext,
	`solution` mediumtext NOT NULL,
	`steps` longtext,
	`worked` boolean NOT NULL DEFAULT true,
	`verified_at` bigint,
	`times_reused` int NOT NULL DEFAULT 0,
	`last_reused_at` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `problem_solutions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `projects` (
	`id` char(36) NOT NULL,
	`client_id` char(36),
	`name` varchar(255) NOT NULL,
	`normalized_name` varchar(255) NOT NULL,
	`status` varchar(16) NOT NULL DEFAULT 'active',
	`description` mediumtext,
	`repository_path` varchar(1024),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `projects_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `security_incidents` (
	`id` char(36) NOT NULL,
	`client_id` char(36),
	`infrastructure_id` char(36),
	`session_id` char(36),
	`kind` varchar(32),
	`severity` varchar(16) NOT NULL,
	`title` varchar(500) NOT NULL,
	`description` mediumtext,
	`status` varchar(16) NOT NULL DEFAULT 'open',
	`reported_by` varchar(255),
	`detected_at` bigint NOT NULL,
	`resolved_at` bigint,
	`resolution` mediumtext,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `security_incidents_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `services` (
	`id` char(36) NOT NULL,
	`client_id` char(36),
	`infrastructure_id` char(36),
	`name` varchar(255) NOT NULL,
	`kind` varchar(32) NOT NULL,
	`protocol` varchar(16),
	`port` int,
	`url` varchar(2048),
	`version` varchar(64),
	`vendor` varchar(255),
	`status` varchar(16) NOT NULL DEFAULT 'running',
	`notes` mediumtext,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `services_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `session_tags` (
	`id` char(36) NOT NULL,
	`session_id` char(36) NOT NULL,
	`tag_id` char(36) NOT NULL,
	`source` varchar(16) NOT NULL DEFAULT 'manual',
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `session_tags_id` PRIMARY KEY(`id`),
	CONSTRAINT `session_tags_session_id_tag_id_uq` UNIQUE(`session_id`,`tag_id`)
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` char(36) NOT NULL,
	`machine_id` char(36) NOT NULL,
	`client_id` char(36),
	`project_id` char(36),
	`mode` varchar(16) NOT NULL,
	`billable` boolean NOT NULL,
	`technician` varchar(255) NOT NULL,
	`started_at` bigint NOT NULL,
	`ended_at` bigint,
	`end_reason` varchar(32),
	`paused_at` bigint,
	`paused_ms` bigint NOT NULL DEFAULT 0,
	`last_activity_at` bigint NOT NULL,
	`idle_gaps` longtext,
	`unconfirmed_idle_ms` bigint NOT NULL DEFAULT 0,
	`idle_flagged` boolean NOT NULL DEFAULT false,
	`summary` mediumtext,
	`edit_history` longtext,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `sessions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `sites` (
	`id` char(36) NOT NULL,
	`client_id` char(36) NOT NULL,
	`name` varchar(255) NOT NULL,
	`normalized_name` varchar(255) NOT NULL,
	`address` varchar(500),
	`timezone` varchar(64),
	`vpn_profile` varchar(255),
	`status` varchar(16) NOT NULL DEFAULT 'active',
	`notes` mediumtext,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `sites_id` PRIMARY KEY(`id`),
	CONSTRAINT `sites_client_id_normalized_name_uq` UNIQUE(`client_id`,`normalized_name`)
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` char(36) NOT NULL,
	`key` varchar(255) NOT NULL,
	`value` mediumtext,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `sync_state_id` PRIMARY KEY(`id`),
	CONSTRAINT `sync_state_key_uq` UNIQUE(`key`)
);
--> statement-breakpoint
CREATE TABLE `tags` (
	`id` char(36) NOT NULL,
	`name` varchar(255) NOT NULL,
	`normalized_name` varchar(255) NOT NULL,
	`color` varchar(16),
	`description` varchar(1000),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `tags_id` PRIMARY KEY(`id`),
	CONSTRAINT `tags_normalized_name_uq` UNIQUE(`normalized_name`)
);
--> statement-breakpoint
CREATE TABLE `ticket_links` (
	`id` char(36) NOT NULL,
	`session_id` char(36),
	`client_id` char(36),
	`work_item_id` char(36),
	`system` varchar(32) NOT NULL,
	`ticket_id` varchar(64) NOT NULL,
	`ticket_number` varchar(64),
	`url` varchar(2048),
	`title` varchar(500),
	`status` varchar(32),
	`linked_by` varchar(255),
	`last_synced_at` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `ticket_links_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `work_item_tags` (
	`id` char(36) NOT NULL,
	`work_item_id` char(36) NOT NULL,
	`tag_id` char(36) NOT NULL,
	`source` varchar(16) NOT NULL DEFAULT 'manual',
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `work_item_tags_id` PRIMARY KEY(`id`),
	CONSTRAINT `work_item_tags_work_item_id_tag_id_uq` UNIQUE(`work_item_id`,`tag_id`)
);
--> statement-breakpoint
CREATE TABLE `work_items` (
	`id` char(36) NOT NULL,
	`session_id` char(36) NOT NULL,
	`client_id` char(36),
	`project_id` char(36),
	`category_id` char(36),
	`title` varchar(500) NOT NULL,
	`description` mediumtext,
	`status` varchar(16) NOT NULL DEFAULT 'done',
	`started_at` bigint NOT NULL,
	`ended_at` bigint,
	`minutes` int,
	`billable` boolean NOT NULL DEFAULT true,
	`source` varchar(16) NOT NULL DEFAULT 'manual',
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`origin_id` varchar(64) NOT NULL,
	`hlc` varchar(96) NOT NULL,
	`deleted` boolean NOT NULL DEFAULT false,
	CONSTRAINT `work_items_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `api_audit_log_at_idx` ON `api_audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `api_audit_log_actor_at_idx` ON `api_audit_log` (`actor`,`at`);--> statement-breakpoint
CREATE INDEX `categories_parent_id_idx` ON `categories` (`parent_id`);--> statement-breakpoint
CREATE INDEX `categorization_rules_enabled_priority_idx` ON `categorization_rules` (`enabled`,`priority`);--> statement-breakpoint
CREATE INDEX `commands_run_session_id_idx` ON `commands_run` (`session_id`);--> statement-breakpoint
CREATE INDEX `commands_run_client_id_finished_at_idx` ON `commands_run` (`client_id`,`finished_at`);--> statement-breakpoint
CREATE INDEX `commands_run_success_finished_at_idx` ON `commands_run` (`success`,`finished_at`);--> statement-breakpoint
CREATE INDEX `contacts_client_id_is_primary_idx` ON `contacts` (`client_id`,`is_primary`);--> statement-breakpoint
CREATE INDEX `contacts_email_idx` ON `contacts` (`email`);--> statement-breakpoint
CREATE INDEX `credential_audit_log_credential_id_at_idx` ON `credential_audit_log` (`credential_id`,`at`);--> statement-breakpoint
CREATE INDEX `credential_audit_log_actor_at_idx` ON `credential_audit_log` (`actor`,`at`);--> statement-breakpoint
CREATE INDEX `credential_permissions_grantee_client_id_idx` ON `credential_permissions` (`grantee`,`client_id`);--> statement-breakpoint
CREATE INDEX `credential_permissions_credential_id_idx` ON `credential_permissions` (`credential_id`);--> statement-breakpoint
CREATE INDEX `credentials_client_id_last_used_at_idx` ON `credentials` (`client_id`,`last_used_at`);--> statement-breakpoint
CREATE INDEX `credentials_infrastructure_id_idx` ON `credentials` (`infrastructure_id`);--> statement-breakpoint
CREATE INDEX `database_changes_client_id_changed_at_idx` ON `database_changes` (`client_id`,`changed_at`);--> statement-breakpoint
CREATE INDEX `database_changes_infrastructure_id_changed_at_idx` ON `database_changes` (`infrastructure_id`,`changed_at`);--> statement-breakpoint
CREATE INDEX `deployments_client_id_started_at_idx` ON `deployments` (`client_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `deployments_infrastructure_id_started_at_idx` ON `deployments` (`infrastructure_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `environmental_insights_infrastructure_id_active_idx` ON `environmental_insights` (`infrastructure_id`,`active`);--> statement-breakpoint
CREATE INDEX `environmental_insights_client_id_active_idx` ON `environmental_insights` (`client_id`,`active`);--> statement-breakpoint
CREATE INDEX `environmental_insights_scope_platform_idx` ON `environmental_insights` (`scope`,`platform`);--> statement-breakpoint
CREATE INDEX `external_integrations_session_id_idx` ON `external_integrations` (`session_id`);--> statement-breakpoint
CREATE INDEX `external_integrations_client_id_at_idx` ON `external_integrations` (`client_id`,`at`);--> statement-breakpoint
CREATE INDEX `failure_patterns_normalized_signature_platform_idx` ON `failure_patterns` (`normalized_signature`,`platform`);--> statement-breakpoint
CREATE INDEX `failure_patterns_infrastructure_id_last_seen_at_idx` ON `failure_patterns` (`infrastructure_id`,`last_seen_at`);--> statement-breakpoint
CREATE INDEX `failure_patterns_platform_os_version_idx` ON `failure_patterns` (`platform`,`os_version`);--> statement-breakpoint
CREATE INDEX `file_changes_session_id_idx` ON `file_changes` (`session_id`);--> statement-breakpoint
CREATE INDEX `file_changes_client_id_changed_at_idx` ON `file_changes` (`client_id`,`changed_at`);--> statement-breakpoint
CREATE INDEX `firewall_rules_infrastructure_id_rule_order_idx` ON `firewall_rules` (`infrastructure_id`,`rule_order`);--> statement-breakpoint
CREATE INDEX `infrastructure_site_id_idx` ON `infrastructure` (`site_id`);--> statement-breakpoint
CREATE INDEX `infrastructure_parent_id_idx` ON `infrastructure` (`parent_id`);--> statement-breakpoint
CREATE INDEX `infrastructure_ip_address_idx` ON `infrastructure` (`ip_address`);--> statement-breakpoint
CREATE INDEX `infrastructure_changes_infrastructure_id_changed_at_idx` ON `infrastructure_changes` (`infrastructure_id`,`changed_at`);--> statement-breakpoint
CREATE INDEX `infrastructure_changes_client_id_changed_at_idx` ON `infrastructure_changes` (`client_id`,`changed_at`);--> statement-breakpoint
CREATE INDEX `integration_credentials_system_idx` ON `integration_credentials` (`system`);--> statement-breakpoint
CREATE INDEX `m365_tenants_client_id_idx` ON `m365_tenants` (`client_id`);--> statement-breakpoint
CREATE INDEX `networks_client_id_site_id_idx` ON `networks` (`client_id`,`site_id`);--> statement-breakpoint
CREATE INDEX `operation_failures_infrastructure_id_occurred_at_idx` ON `operation_failures` (`infrastructure_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `operation_failures_client_id_occurred_at_idx` ON `operation_failures` (`client_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `operation_failures_session_id_idx` ON `operation_failures` (`session_id`);--> statement-breakpoint
CREATE INDEX `pending_tasks_status_client_id_idx` ON `pending_tasks` (`status`,`client_id`);--> statement-breakpoint
CREATE INDEX `pending_tasks_client_id_created_at_idx` ON `pending_tasks` (`client_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `problem_solutions_normalized_signature_idx` ON `problem_solutions` (`normalized_signature`);--> statement-breakpoint
CREATE INDEX `problem_solutions_client_id_created_at_idx` ON `problem_solutions` (`client_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `problem_solutions_infrastructure_id_idx` ON `problem_solutions` (`infrastructure_id`);--> statement-breakpoint
CREATE INDEX `projects_client_id_normalized_name_idx` ON `projects` (`client_id`,`normalized_name`);--> statement-breakpoint
CREATE INDEX `security_incidents_client_id_detected_at_idx` ON `security_incidents` (`client_id`,`detected_at`);--> statement-breakpoint
CREATE INDEX `security_incidents_status_severity_idx` ON `security_incidents` (`status`,`severity`);--> statement-breakpoint
CREATE INDEX `services_infrastructure_id_idx` ON `services` (`infrastructure_id`);--> statement-breakpoint
CREATE INDEX `services_client_id_name_idx` ON `services` (`client_id`,`name`);--> statement-breakpoint
CREATE INDEX `session_tags_tag_id_idx` ON `session_tags` (`tag_id`);--> statement-breakpoint
CREATE INDEX `sessions_machine_id_ended_at_idx` ON `sessions` (`machine_id`,`ended_at`);--> statement-breakpoint
CREATE INDEX `sessions_client_id_started_at_idx` ON `sessions` (`client_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `sessions_started_at_idx` ON `sessions` (`started_at`);--> statement-breakpoint
CREATE INDEX `sessions_project_id_started_at_idx` ON `sessions` (`project_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `ticket_links_session_id_idx` ON `ticket_links` (`session_id`);--> statement-breakpoint
CREATE INDEX `ticket_links_system_ticket_id_idx` ON `ticket_links` (`system`,`ticket_id`);--> statement-breakpoint
CREATE INDEX `ticket_links_client_id_idx` ON `ticket_links` (`client_id`);--> statement-breakpoint
CREATE INDEX `work_item_tags_tag_id_idx` ON `work_item_tags` (`tag_id`);--> statement-breakpoint
CREATE INDEX `work_items_session_id_idx` ON `work_items` (`session_id`);--> statement-breakpoint
CREATE INDEX `work_items_client_id_started_at_idx` ON `work_items` (`client_id`,`started_at`);