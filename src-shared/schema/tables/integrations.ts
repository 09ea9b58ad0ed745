import type { TableSpec } from '../spec.js';

const category = 'external integrations';

export const integrationsTables = {
  external_integrations: {
    category,
    replication: 'append-only',
    doc: 'One action against an external system (SyncroMSP, MSP Backups, Zapier…) and its result.',
    columns: {
      system: { type: 'text', maxLength: 32, notNull: true, doc: 'syncro | msp_backups | zapier | autotask | connectwise | datto_rmm | itglue | teams | other' },
      action: { type: 'text', maxLength: 64, notNull: true, doc: 'e.g. search_tickets, add_comment, attach_file, log_time, pull_report, webhook' },
      target_ref: { type: 'text', doc: "the external object: ticket id, report id, webhook name" },
      session_id: { type: 'id', references: 'sessions' },
      client_id: { type: 'id', references: 'clients' },
      integration_credential_id: { type: 'id', references: 'integration_credentials', doc: 'which credential was used' },
      status: { type: 'text', maxLength: 16, notNull: true, doc: 'success | failed | partial' },
      http_status: { type: 'integer' },
      request_summary: { type: 'longtext', doc: 'what was sent, summarised; no secrets' },
      response_summary: { type: 'longtext' },
      error_message: { type: 'longtext' },
      duration_ms: { type: 'integer' },
      actor: { type: 'text' },
      at: { type: 'timestamp', notNull: true },
    },
    indexes: [
      { columns: ['session_id'], serves: 'integration actions of a session' },
      { columns: ['client_id', 'at'], serves: 'integration actions for a client in a period' },
    ],
  },
  integration_credentials: {
    category,
    replication: 'mutable',
    doc: 'How the agent authenticates to an external system. Metadata only: the secret is in the OS keychain.',
    columns: {
      system: { type: 'text', maxLength: 32, notNull: true },
      name: { type: 'text', notNull: true, doc: 'e.g. Syncro API (read/write)' },
      kind: { type: 'text', maxLength: 32, doc: 'api_key | oauth_token | webhook_secret | basic' },
      base_url: { type: 'text', maxLength: 2048, doc: 'e.g. https://acme.syncromsp.com/api/v1' },
      account_ref: { type: 'text', doc: 'account or user the credential acts as' },
      keychain_ref: { type: 'text', maxLength: 512, notNull: true, doc: 'OS keychain service/account that holds the secret' },
      scopes: { type: 'json', doc: 'array of scopes granted' },
      expires_at: { type: 'timestamp' },
      last_rotated_at: { type: 'timestamp' },
      last_used_at: { type: 'timestamp' },
    },
    indexes: [{ columns: ['system'], serves: 'credential for a system' }],
  },
  ticket_links: {
    category,
    replication: 'mutable',
    doc: 'A link between a session and a ticket in a PSA, with the ticket facts last seen.',
    columns: {
      session_id: { type: 'id', references: 'sessions' },
      client_id: { type: 'id', references: 'clients' },
      work_item_id: { type: 'id', references: 'work_items' },
      system: { type: 'text', maxLength: 32, notNull: true, doc: 'syncro | autotask | connectwise | other' },
      ticket_id: { type: 'text', maxLength: 64, notNull: true, doc: "the ticket's id in that system (not a row reference)" },
      ticket_number: { type: 'text', maxLength: 64, doc: 'the number people quote, e.g. 12345' },
      url: { type: 'text', maxLength: 2048 },
      title: { type: 'text', maxLength: 500 },
      status: { type: 'text', maxLength: 32, doc: "the ticket's status in that system, as last seen" },
      linked_by: { type: 'text' },
      last_synced_at: { type: 'timestamp' },
    },
    indexes: [
      { columns: ['session_id'], serves: 'tickets of a session' },
      { columns: ['system', 'ticket_id'], serves: 'sessions linked to a ticket' },
      { columns: ['client_id'], serves: 'tickets of a client' },
    ],
  },
} satisfies Record<string, TableSpec>;
