-- Full-text search (SQLite FTS5) over what MSP Mode remembers, kept in step with its tables by
-- triggers: every write path (capture, CLI, sync apply, msp forget, demo) updates the index in the
-- same transaction. The index is contentless (the text stays in its tables) with secure-delete, so
-- a scrubbed secret leaves the index at once; search_docs holds what filters and joins need.
CREATE TABLE `search_docs` (
	`rowid` integer PRIMARY KEY,
	`kind` text NOT NULL,
	`row_id` text NOT NULL,
	`session_id` text,
	`client_id` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_kind_row_uq` ON `search_docs` (`kind`, `row_id`);
--> statement-breakpoint
CREATE INDEX `search_docs_client_at_idx` ON `search_docs` (`client_id`, `at`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `search_index` (`search_index`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
CREATE TRIGGER `search_commands_run_ai` AFTER INSERT ON `commands_run` WHEN new.deleted = 0 BEGIN
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'command', new.id, new.session_id, new.client_id, coalesce(new.finished_at, new.created_at);
  INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), coalesce(new.command, '') || ' ' || coalesce(new.error_message, '') || ' ' || coalesce(new.stderr_tail, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_commands_run_au` AFTER UPDATE OF command, error_message, stderr_tail, deleted, client_id, session_id ON `commands_run` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE kind = 'command' AND row_id = old.id);
  DELETE FROM search_docs WHERE kind = 'command' AND row_id = old.id;
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'command', new.id, new.session_id, new.client_id, coalesce(new.finished_at, new.created_at) WHERE new.deleted = 0;
  INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), coalesce(new.command, '') || ' ' || coalesce(new.error_message, '') || ' ' || coalesce(new.stderr_tail, '') WHERE new.deleted = 0;
END;
--> statement-breakpoint
-- Rows written before this migration.
INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'command', t.id, t.session_id, t.client_id, coalesce(t.finished_at, t.created_at) FROM `commands_run` t WHERE t.deleted = 0;
--> statement-breakpoint
INSERT INTO search_index (rowid, body) SELECT d.rowid, coalesce(t.command, '') || ' ' || coalesce(t.error_message, '') || ' ' || coalesce(t.stderr_tail, '') FROM search_docs d JOIN `commands_run` t ON t.id = d.row_id WHERE d.kind = 'command';
--> statement-breakpoint
CREATE TRIGGER `search_work_items_ai` AFTER INSERT ON `work_items` WHEN new.deleted = 0 BEGIN
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'work', new.id, new.session_id, new.client_id, coalesce(new.started_at, new.created_at);
  INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), coalesce(new.title, '') || ' ' || coalesce(new.description, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_work_items_au` AFTER UPDATE OF title, description, deleted, client_id, session_id ON `work_items` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE kind = 'work' AND row_id = old.id);
  DELETE FROM search_docs WHERE kind = 'work' AND row_id = old.id;
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'work', new.id, new.session_id, new.client_id, coalesce(new.started_at, new.created_at) WHERE new.deleted = 0;
  INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), coalesce(new.title, '') || ' ' || coalesce(new.description, '') WHERE new.deleted = 0;
END;
--> statement-breakpoint
-- Rows written before this migration.
INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'work', t.id, t.session_id, t.client_id, coalesce(t.started_at, t.created_at) FROM `work_items` t WHERE t.deleted = 0;
--> statement-breakpoint
INSERT INTO search_index (rowid, body) SELECT d.rowid, coalesce(t.title, '') || ' ' || coalesce(t.description, '') FROM search_docs d JOIN `work_items` t ON t.id = d.row_id WHERE d.kind = 'work';
--> statement-breakpoint
CREATE TRIGGER `search_sessions_ai` AFTER INSERT ON `sessions` WHEN new.deleted = 0 AND new.summary IS NOT NULL BEGIN
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'session', new.id, new.id, new.client_id, new.started_at;
  INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), coalesce(new.summary, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_sessions_au` AFTER UPDATE OF summary, deleted, client_id ON `sessions` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE kind = 'session' AND row_id = old.id);
  DELETE FROM search_docs WHERE kind = 'session' AND row_id = old.id;
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'session', new.id, new.id, new.client_id, new.started_at WHERE new.deleted = 0 AND new.summary IS NOT NULL;
  INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), coalesce(new.summary, '') WHERE new.deleted = 0 AND new.summary IS NOT NULL;
END;
--> statement-breakpoint
-- Rows written before this migration.
INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'session', t.id, t.id, t.client_id, t.started_at FROM `sessions` t WHERE t.deleted = 0 AND t.summary IS NOT NULL;
--> statement-breakpoint
INSERT INTO search_index (rowid, body) SELECT d.rowid, coalesce(t.summary, '') FROM search_docs d JOIN `sessions` t ON t.id = d.row_id WHERE d.kind = 'session';
--> statement-breakpoint
CREATE TRIGGER `search_problem_solutions_ai` AFTER INSERT ON `problem_solutions` WHEN new.deleted = 0 BEGIN
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'problem', new.id, new.session_id, new.client_id, new.created_at;
  INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), coalesce(new.problem, '') || ' ' || coalesce(new.symptom, '') || ' ' || coalesce(new.error_text, '') || ' ' || coalesce(new.cause, '') || ' ' || coalesce(new.solution, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_problem_solutions_au` AFTER UPDATE OF problem, symptom, error_text, cause, solution, deleted, client_id, session_id ON `problem_solutions` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE kind = 'problem' AND row_id = old.id);
  DELETE FROM search_docs WHERE kind = 'problem' AND row_id = old.id;
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'problem', new.id, new.session_id, new.client_id, new.created_at WHERE new.deleted = 0;
  INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), coalesce(new.problem, '') || ' ' || coalesce(new.symptom, '') || ' ' || coalesce(new.error_text, '') || ' ' || coalesce(new.cause, '') || ' ' || coalesce(new.solution, '') WHERE new.deleted = 0;
END;
--> statement-breakpoint
-- Rows written before this migration.
INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'problem', t.id, t.session_id, t.client_id, t.created_at FROM `problem_solutions` t WHERE t.deleted = 0;
--> statement-breakpoint
INSERT INTO search_index (rowid, body) SELECT d.rowid, coalesce(t.problem, '') || ' ' || coalesce(t.symptom, '') || ' ' || coalesce(t.error_text, '') || ' ' || coalesce(t.cause, '') || ' ' || coalesce(t.solution, '') FROM search_docs d JOIN `problem_solutions` t ON t.id = d.row_id WHERE d.kind = 'problem';
--> statement-breakpoint
CREATE TRIGGER `search_pending_tasks_ai` AFTER INSERT ON `pending_tasks` WHEN new.deleted = 0 BEGIN
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'task', new.id, new.session_id, new.client_id, new.created_at;
  INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), coalesce(new.title, '') || ' ' || coalesce(new.details, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_pending_tasks_au` AFTER UPDATE OF title, details, deleted, client_id, session_id ON `pending_tasks` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE kind = 'task' AND row_id = old.id);
  DELETE FROM search_docs WHERE kind = 'task' AND row_id = old.id;
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'task', new.id, new.session_id, new.client_id, new.created_at WHERE new.deleted = 0;
  INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), coalesce(new.title, '') || ' ' || coalesce(new.details, '') WHERE new.deleted = 0;
END;
--> statement-breakpoint
-- Rows written before this migration.
INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'task', t.id, t.session_id, t.client_id, t.created_at FROM `pending_tasks` t WHERE t.deleted = 0;
--> statement-breakpoint
INSERT INTO search_index (rowid, body) SELECT d.rowid, coalesce(t.title, '') || ' ' || coalesce(t.details, '') FROM search_docs d JOIN `pending_tasks` t ON t.id = d.row_id WHERE d.kind = 'task';
--> statement-breakpoint
CREATE TRIGGER `search_infrastructure_ai` AFTER INSERT ON `infrastructure` WHEN new.deleted = 0 BEGIN
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'infra', new.id, NULL, new.client_id, new.created_at;
  INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), coalesce(new.name, '') || ' ' || coalesce(new.hostname, '') || ' ' || coalesce(new.role, '') || ' ' || coalesce(new.os_name, '') || ' ' || coalesce(new.os_version, '') || ' ' || coalesce(new.environmental_notes, '') || ' ' || coalesce(new.notes, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_infrastructure_au` AFTER UPDATE OF name, hostname, role, os_name, os_version, environmental_notes, notes, deleted, client_id ON `infrastructure` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE kind = 'infra' AND row_id = old.id);
  DELETE FROM search_docs WHERE kind = 'infra' AND row_id = old.id;
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'infra', new.id, NULL, new.client_id, new.created_at WHERE new.deleted = 0;
  INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), coalesce(new.name, '') || ' ' || coalesce(new.hostname, '') || ' ' || coalesce(new.role, '') || ' ' || coalesce(new.os_name, '') || ' ' || coalesce(new.os_version, '') || ' ' || coalesce(new.environmental_notes, '') || ' ' || coalesce(new.notes, '') WHERE new.deleted = 0;
END;
--> statement-breakpoint
-- Rows written before this migration.
INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'infra', t.id, NULL, t.client_id, t.created_at FROM `infrastructure` t WHERE t.deleted = 0;
--> statement-breakpoint
INSERT INTO search_index (rowid, body) SELECT d.rowid, coalesce(t.name, '') || ' ' || coalesce(t.hostname, '') || ' ' || coalesce(t.role, '') || ' ' || coalesce(t.os_name, '') || ' ' || coalesce(t.os_version, '') || ' ' || coalesce(t.environmental_notes, '') || ' ' || coalesce(t.notes, '') FROM search_docs d JOIN `infrastructure` t ON t.id = d.row_id WHERE d.kind = 'infra';
--> statement-breakpoint
CREATE TRIGGER `search_environmental_insights_ai` AFTER INSERT ON `environmental_insights` WHEN new.deleted = 0 BEGIN
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'insight', new.id, NULL, new.client_id, coalesce(new.first_seen_at, new.created_at);
  INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), coalesce(new.insight_text, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_environmental_insights_au` AFTER UPDATE OF insight_text, deleted, client_id ON `environmental_insights` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE kind = 'insight' AND row_id = old.id);
  DELETE FROM search_docs WHERE kind = 'insight' AND row_id = old.id;
  INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'insight', new.id, NULL, new.client_id, coalesce(new.first_seen_at, new.created_at) WHERE new.deleted = 0;
  INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), coalesce(new.insight_text, '') WHERE new.deleted = 0;
END;
--> statement-breakpoint
-- Rows written before this migration.
INSERT INTO search_docs (kind, row_id, session_id, client_id, at) SELECT 'insight', t.id, NULL, t.client_id, coalesce(t.first_seen_at, t.created_at) FROM `environmental_insights` t WHERE t.deleted = 0;
--> statement-breakpoint
INSERT INTO search_index (rowid, body) SELECT d.rowid, coalesce(t.insight_text, '') FROM search_docs d JOIN `environmental_insights` t ON t.id = d.row_id WHERE d.kind = 'insight';
