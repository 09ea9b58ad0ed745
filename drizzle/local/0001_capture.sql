CREATE TABLE `claude_sessions` (
	`claude_session_id` text PRIMARY KEY NOT NULL,
	`msp_session_id` text NOT NULL,
	`cwd` text NOT NULL,
	`source` text,
	`started_at` integer NOT NULL,
	`last_event_at` integer NOT NULL,
	`stops` integer DEFAULT 0 NOT NULL,
	`compactions` integer DEFAULT 0 NOT NULL,
	`ended_at` integer,
	`end_reason` text
);
--> statement-breakpoint
CREATE TABLE `hook_receipts` (
	`payload_hash` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pending_tool_calls` (
	`tool_use_id` text PRIMARY KEY NOT NULL,
	`claude_session_id` text NOT NULL,
	`started_at` integer NOT NULL
);
