CREATE TABLE `api_audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`method` text NOT NULL,
	`route` text NOT NULL,
	`status` integer NOT NULL,
	`actor` text,
	`machine_id` text,
	`ip` text,
	`duration_ms` integer,
	`request_id` text,
	`at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `api_audit_log_at_idx` ON `api_audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `api_audit_log_actor_at_idx` ON `api_audit_log` (`actor`,`at`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`normalized_name` text NOT NULL,
	`parent_id` text,
	`description` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_normalized_name_uq` ON `categories` (`normalized_name`);--> statement-breakpoint
CREATE INDEX `categories_parent_id_idx` ON `categories` (`parent_id`);--> statement-breakpoint
CREATE TABLE `categorization_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`category_id` text,
	`tag_id` text,
	`match_kind` text NOT NULL,
	`pattern` text NOT NULL,
	`priority` integer DEFAULT 100 NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`description` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `categorization_rules_enabled_priority_idx` ON `categorization_rules` (`enabled`,`priority`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`normalized_name` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`hourly_rate_cents` integer,
	`currency` text,
	`external_ref` text,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clients_normalized_name_uq` ON `clients` (`normalized_name`);--> statement-breakpoint
CREATE TABLE `commands_run` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text,
	`work_item_id` text,
	`client_id` text,
	`machine_id` text,
	`infrastructure_id` text,
	`command` text NOT NULL,
	`shell` text,
	`cwd` text,
	`exit_code` integer,
	`success` integer NOT NULL,
	`duration_ms` integer,
	`stdout_tail` text,
	`stderr_tail` text,
	`error_message` text,
	`failure_category` text,
	`failure_pattern_id` text,
	`started_at` integer,
	`finished_at` integer NOT NULL,
	`source` text DEFAULT 'capture' NOT NULL,
	`claude_session_id` text,
	`tool_use_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `commands_run_session_id_idx` ON `commands_run` (`session_id`);--> statement-breakpoint
CREATE INDEX `commands_run_client_id_finished_at_idx` ON `commands_run` (`client_id`,`finished_at`);--> statement-breakpoint
CREATE INDEX `commands_run_success_finished_at_idx` ON `commands_run` (`success`,`finished_at`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`site_id` text,
	`name` text NOT NULL,
	`role` text,
	`email` text,
	`phone` text,
	`mobile_phone` text,
	`is_primary` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contacts_client_id_is_primary_idx` ON `contacts` (`client_id`,`is_primary`);--> statement-breakpoint
CREATE INDEX `contacts_email_idx` ON `contacts` (`email`);--> statement-breakpoint
CREATE TABLE `credential_audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`credential_id` text NOT NULL,
	`client_id` text,
	`action` text NOT NULL,
	`actor` text NOT NULL,
	`machine_id` text,
	`session_id` text,
	`ip_address` text,
	`secret_version` integer,
	`reason` text,
	`outcome` text NOT NULL,
	`at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `credential_audit_log_credential_id_at_idx` ON `credential_audit_log` (`credential_id`,`at`);--> statement-breakpoint
CREATE INDEX `credential_audit_log_actor_at_idx` ON `credential_audit_log` (`actor`,`at`);--> statement-breakpoint
CREATE TABLE `credential_permissions` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text,
	`credential_id` text,
	`grantee` text NOT NULL,
	`can_read` integer DEFAULT true NOT NULL,
	`can_write` integer DEFAULT false NOT NULL,
	`granted_by` text NOT NULL,
	`reason` text,
	`expires_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `credential_permissions_grantee_client_id_idx` ON `credential_permissions` (`grantee`,`client_id`);--> statement-breakpoint
CREATE INDEX `credential_permissions_credential_id_idx` ON `credential_permissions` (`credential_id`);--> statement-breakpoint
CREATE TABLE `credentials` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text,
	`site_id` text,
	`infrastructure_id` text,
	`service_id` text,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`username` text,
	`url` text,
	`notes` text,
	`keychain_ref` text,
	`secret_version` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`last_rotated_at` integer,
	`rotation_interval_days` integer,
	`expires_at` integer,
	`last_used_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `credentials_client_id_last_used_at_idx` ON `credentials` (`client_id`,`last_used_at`);--> statement-breakpoint
CREATE INDEX `credentials_infrastructure_id_idx` ON `credentials` (`infrastructure_id`);--> statement-breakpoint
CREATE TABLE `database_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text,
	`infrastructure_id` text,
	`service_id` text,
	`session_id` text,
	`database_name` text NOT NULL,
	`engine` text,
	`change_kind` text NOT NULL,
	`statement_summary` text NOT NULL,
	`rows_affected` integer,
	`backup_ref` text,
	`changed_by` text,
	`changed_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `database_changes_client_id_changed_at_idx` ON `database_changes` (`client_id`,`changed_at`);--> statement-breakpoint
CREATE INDEX `database_changes_infrastructure_id_changed_at_idx` ON `database_changes` (`infrastructure_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `deployments` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text,
	`project_id` text,
	`infrastructure_id` text,
	`service_id` text,
	`session_id` text,
	`name` text NOT NULL,
	`kind` text,
	`version` text,
	`previous_version` text,
	`method` text,
	`target_summary` text,
	`status` text DEFAULT 'succeeded' NOT NULL,
	`deployed_by` text,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`rolled_back` integer DEFAULT false NOT NULL,
	`rolled_back_at` integer,
	`rollback_reason` text,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deployments_client_id_started_at_idx` ON `deployments` (`client_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `deployments_infrastructure_id_started_at_idx` ON `deployments` (`infrastructure_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `environmental_insights` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text,
	`infrastructure_id` text,
	`scope` text NOT NULL,
	`platform` text,
	`os_version` text,
	`insight_text` text NOT NULL,
	`evidence_count` integer DEFAULT 1 NOT NULL,
	`source_pattern_id` text,
	`first_seen_at` integer NOT NULL,
	`last_confirmed_at` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `environmental_insights_infrastructure_id_active_idx` ON `environmental_insights` (`infrastructure_id`,`active`);--> statement-breakpoint
CREATE INDEX `environmental_insights_client_id_active_idx` ON `environmental_insights` (`client_id`,`active`);--> statement-breakpoint
CREATE INDEX `environmental_insights_scope_platform_idx` ON `environmental_insights` (`scope`,`platform`);--> statement-breakpoint
CREATE TABLE `external_integrations` (
	`id` text PRIMARY KEY NOT NULL,
	`system` text NOT NULL,
	`action` text NOT NULL,
	`target_ref` text,
	`session_id` text,
	`client_id` text,
	`integration_credential_id` text,
	`status` text NOT NULL,
	`http_status` integer,
	`request_summary` text,
	`response_summary` text,
	`error_message` text,
	`duration_ms` integer,
	`actor` text,
	`at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `external_integrations_session_id_idx` ON `external_integrations` (`session_id`);--> statement-breakpoint
CREATE INDEX `external_integrations_client_id_at_idx` ON `external_integrations` (`client_id`,`at`);--> statement-breakpoint
CREATE TABLE `failure_patterns` (
	`id` text PRIMARY KEY NOT NULL,
	`pattern_key` text NOT NULL,
	`normalized_signature` text NOT NULL,
	`platform` text,
	`os_version` text,
	`shell` text,
	`infrastructure_id` text,
	`client_id` text,
	`failure_category` text,
	`occurrence_count` integer DEFAULT 1 NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`example_command` text,
	`example_error` text,
	`working_alternative` text,
	`confidence` real DEFAULT 0.5 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `failure_patterns_pattern_key_uq` ON `failure_patterns` (`pattern_key`);--> statement-breakpoint
CREATE INDEX `failure_patterns_normalized_signature_platform_idx` ON `failure_patterns` (`normalized_signature`,`platform`);--> statement-breakpoint
CREATE INDEX `failure_patterns_infrastructure_id_last_seen_at_idx` ON `failure_patterns` (`infrastructure_id`,`last_seen_at`);--> statement-breakpoint
CREATE INDEX `failure_patterns_platform_os_version_idx` ON `failure_patterns` (`platform`,`os_version`);--> statement-breakpoint
CREATE TABLE `file_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text,
	`work_item_id` text,
	`client_id` text,
	`machine_id` text,
	`path` text NOT NULL,
	`change_kind` text NOT NULL,
	`lines_added` integer,
	`lines_removed` integer,
	`tool` text,
	`claude_session_id` text,
	`tool_use_id` text,
	`changed_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `file_changes_session_id_idx` ON `file_changes` (`session_id`);--> statement-breakpoint
CREATE INDEX `file_changes_client_id_changed_at_idx` ON `file_changes` (`client_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `firewall_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`infrastructure_id` text NOT NULL,
	`client_id` text,
	`name` text,
	`rule_order` integer,
	`action` text NOT NULL,
	`direction` text,
	`protocol` text,
	`source` text,
	`destination` text,
	`port` text,
	`enabled` integer DEFAULT true NOT NULL,
	`reason` text,
	`external_rule_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `firewall_rules_infrastructure_id_rule_order_idx` ON `firewall_rules` (`infrastructure_id`,`rule_order`);--> statement-breakpoint
CREATE TABLE `infrastructure` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text,
	`site_id` text,
	`parent_id` text,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`normalized_name` text NOT NULL,
	`hostname` text,
	`ip_address` text,
	`mac_address` text,
	`os_name` text,
	`os_version` text,
	`powershell_version` text,
	`manufacturer` text,
	`model` text,
	`serial_number` text,
	`role` text,
	`vpn_profile` text,
	`environmental_notes` text,
	`status` text DEFAULT 'active' NOT NULL,
	`warranty_expires_at` integer,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `infrastructure_client_id_normalized_name_uq` ON `infrastructure` (`client_id`,`normalized_name`);--> statement-breakpoint
CREATE INDEX `infrastructure_site_id_idx` ON `infrastructure` (`site_id`);--> statement-breakpoint
CREATE INDEX `infrastructure_parent_id_idx` ON `infrastructure` (`parent_id`);--> statement-breakpoint
CREATE INDEX `infrastructure_ip_address_idx` ON `infrastructure` (`ip_address`);--> statement-breakpoint
CREATE TABLE `infrastructure_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`infrastructure_id` text NOT NULL,
	`client_id` text,
	`session_id` text,
	`work_item_id` text,
	`change_kind` text NOT NULL,
	`description` text NOT NULL,
	`before_state` text,
	`after_state` text,
	`rollback_steps` text,
	`changed_by` text NOT NULL,
	`changed_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `infrastructure_changes_infrastructure_id_changed_at_idx` ON `infrastructure_changes` (`infrastructure_id`,`changed_at`);--> statement-breakpoint
CREATE INDEX `infrastructure_changes_client_id_changed_at_idx` ON `infrastructure_changes` (`client_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `integration_credentials` (
	`id` text PRIMARY KEY NOT NULL,
	`system` text NOT NULL,
	`name` text NOT NULL,
	`kind` text,
	`base_url` text,
	`account_ref` text,
	`keychain_ref` text NOT NULL,
	`scopes` text,
	`expires_at` integer,
	`last_rotated_at` integer,
	`last_used_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `integration_credentials_system_idx` ON `integration_credentials` (`system`);--> statement-breakpoint
CREATE TABLE `m365_tenants` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`primary_domain` text NOT NULL,
	`display_name` text,
	`other_domains` text,
	`delegated_access` text,
	`license_notes` text,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `m365_tenants_tenant_id_uq` ON `m365_tenants` (`tenant_id`);--> statement-breakpoint
CREATE INDEX `m365_tenants_client_id_idx` ON `m365_tenants` (`client_id`);--> statement-breakpoint
CREATE TABLE `machines` (
	`id` text PRIMARY KEY NOT NULL,
	`fingerprint` text NOT NULL,
	`hostname` text NOT NULL,
	`username` text NOT NULL,
	`platform` text NOT NULL,
	`home_dir` text NOT NULL,
	`display_name` text,
	`os_name` text,
	`os_version` text,
	`arch` text,
	`cpu_model` text,
	`cpu_cores` integer,
	`memory_mb` integer,
	`preferred_shell` text,
	`capabilities` text,
	`capabilities_probed_at` integer,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `machines_fingerprint_uq` ON `machines` (`fingerprint`);--> statement-breakpoint
CREATE TABLE `networks` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`site_id` text,
	`name` text,
	`cidr` text NOT NULL,
	`vlan_id` integer,
	`gateway` text,
	`dns_servers` text,
	`dhcp_server` text,
	`dhcp_range` text,
	`purpose` text,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `networks_client_id_site_id_idx` ON `networks` (`client_id`,`site_id`);--> statement-breakpoint
CREATE TABLE `operation_failures` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text,
	`client_id` text,
	`infrastructure_id` text,
	`machine_id` text,
	`operation` text NOT NULL,
	`target` text,
	`error_message` text NOT NULL,
	`failure_category` text,
	`failure_pattern_id` text,
	`context` text,
	`resolved` integer DEFAULT false NOT NULL,
	`resolution` text,
	`occurred_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `operation_failures_infrastructure_id_occurred_at_idx` ON `operation_failures` (`infrastructure_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `operation_failures_client_id_occurred_at_idx` ON `operation_failures` (`client_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `operation_failures_session_id_idx` ON `operation_failures` (`session_id`);--> statement-breakpoint
CREATE TABLE `pending_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text,
	`project_id` text,
	`session_id` text,
	`title` text NOT NULL,
	`details` text,
	`status` text DEFAULT 'open' NOT NULL,
	`priority` text DEFAULT 'normal' NOT NULL,
	`due_at` integer,
	`done_at` integer,
	`done_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pending_tasks_status_client_id_idx` ON `pending_tasks` (`status`,`client_id`);--> statement-breakpoint
CREATE INDEX `pending_tasks_client_id_created_at_idx` ON `pending_tasks` (`client_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `problem_solutions` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text,
	`infrastructure_id` text,
	`session_id` text,
	`work_item_id` text,
	`problem` text NOT NULL,
	`symptom` text,
	`error_text` text,
	`normalized_signature` text,
	`platform` text,
	`os_version` text,
	`cause` text,
	`solution` text NOT NULL,
	`steps` text,
	`worked` integer DEFAULT true NOT NULL,
	`verified_at` integer,
	`times_reused` integer DEFAULT 0 NOT NULL,
	`last_reused_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `problem_solutions_normalized_signature_idx` ON `problem_solutions` (`normalized_signature`);--> statement-breakpoint
CREATE INDEX `problem_solutions_client_id_created_at_idx` ON `problem_solutions` (`client_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `problem_solutions_infrastructure_id_idx` ON `problem_solutions` (`infrastructure_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text,
	`name` text NOT NULL,
	`normalized_name` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`description` text,
	`repository_path` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `projects_client_id_normalized_name_idx` ON `projects` (`client_id`,`normalized_name`);--> statement-breakpoint
CREATE TABLE `security_incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text,
	`infrastructure_id` text,
	`session_id` text,
	`kind` text,
	`severity` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`status` text DEFAULT 'open' NOT NULL,
	`reported_by` text,
	`detected_at` integer NOT NULL,
	`resolved_at` integer,
	`resolution` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `security_incidents_client_id_detected_at_idx` ON `security_incidents` (`client_id`,`detected_at`);--> statement-breakpoint
CREATE INDEX `security_incidents_status_severity_idx` ON `security_incidents` (`status`,`severity`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text,
	`infrastructure_id` text,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`protocol` text,
	`port` integer,
	`url` text,
	`version` text,
	`vendor` text,
	`status` text DEFAULT 'running' NOT NULL,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `services_infrastructure_id_idx` ON `services` (`infrastructure_id`);--> statement-breakpoint
CREATE INDEX `services_client_id_name_idx` ON `services` (`client_id`,`name`);--> statement-breakpoint
CREATE TABLE `session_tags` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`tag_id` text NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_tags_session_id_tag_id_uq` ON `session_tags` (`session_id`,`tag_id`);--> statement-breakpoint
CREATE INDEX `session_tags_tag_id_idx` ON `session_tags` (`tag_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`machine_id` text NOT NULL,
	`client_id` text,
	`project_id` text,
	`mode` text NOT NULL,
	`billable` integer NOT NULL,
	`technician` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`end_reason` text,
	`paused_at` integer,
	`paused_ms` integer DEFAULT 0 NOT NULL,
	`last_activity_at` integer NOT NULL,
	`idle_gaps` text,
	`unconfirmed_idle_ms` integer DEFAULT 0 NOT NULL,
	`idle_flagged` integer DEFAULT false NOT NULL,
	`summary` text,
	`edit_history` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_machine_id_ended_at_idx` ON `sessions` (`machine_id`,`ended_at`);--> statement-breakpoint
CREATE INDEX `sessions_client_id_started_at_idx` ON `sessions` (`client_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `sessions_started_at_idx` ON `sessions` (`started_at`);--> statement-breakpoint
CREATE INDEX `sessions_project_id_started_at_idx` ON `sessions` (`project_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`name` text NOT NULL,
	`normalized_name` text NOT NULL,
	`address` text,
	`timezone` text,
	`vpn_profile` text,
	`status` text DEFAULT 'active' NOT NULL,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_client_id_normalized_name_uq` ON `sites` (`client_id`,`normalized_name`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`value` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_state_key_uq` ON `sync_state` (`key`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`normalized_name` text NOT NULL,
	`color` text,
	`description` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_normalized_name_uq` ON `tags` (`normalized_name`);--> statement-breakpoint
CREATE TABLE `ticket_links` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text,
	`client_id` text,
	`work_item_id` text,
	`system` text NOT NULL,
	`ticket_id` text NOT NULL,
	`ticket_number` text,
	`url` text,
	`title` text,
	`status` text,
	`linked_by` text,
	`last_synced_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ticket_links_session_id_idx` ON `ticket_links` (`session_id`);--> statement-breakpoint
CREATE INDEX `ticket_links_system_ticket_id_idx` ON `ticket_links` (`system`,`ticket_id`);--> statement-breakpoint
CREATE INDEX `ticket_links_client_id_idx` ON `ticket_links` (`client_id`);--> statement-breakpoint
CREATE TABLE `work_item_tags` (
	`id` text PRIMARY KEY NOT NULL,
	`work_item_id` text NOT NULL,
	`tag_id` text NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_item_tags_work_item_id_tag_id_uq` ON `work_item_tags` (`work_item_id`,`tag_id`);--> statement-breakpoint
CREATE INDEX `work_item_tags_tag_id_idx` ON `work_item_tags` (`tag_id`);--> statement-breakpoint
CREATE TABLE `work_items` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`client_id` text,
	`project_id` text,
	`category_id` text,
	`title` text NOT NULL,
	`description` text,
	`status` text DEFAULT 'done' NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`minutes` integer,
	`billable` integer DEFAULT true NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `work_items_session_id_idx` ON `work_items` (`session_id`);--> statement-breakpoint
CREATE INDEX `work_items_client_id_started_at_idx` ON `work_items` (`client_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`counter` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`hlc` text,
	`fields` text,
	`created_at` integer NOT NULL
);
