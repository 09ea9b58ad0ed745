import type { TableSpec } from '../spec.js';

const category = 'system & audit';

export const systemAuditTables = {
  api_audit_log: {
    category,
    replication: 'local',
    doc: 'One request to the local API (or, on the server, to the sync API): who, from where, what, how it ended.',
    columns: {
      method: { type: 'text', maxLength: 8, notNull: true },
      route: { type: 'text', notNull: true, doc: 'the route pattern, without query string or values' },
      status: { type: 'integer', notNull: true, doc: 'HTTP status' },
      actor: { type: 'text', doc: 'user or hook token name; null when unauthenticated' },
      machine_id: { type: 'id', references: 'machines' },
      ip: { type: 'text', maxLength: 45 },
      duration_ms: { type: 'integer' },
      request_id: { type: 'text', maxLength: 64 },
      at: { type: 'timestamp', notNull: true },
    },
    indexes: [
      { columns: ['at'], serves: 'audit by time; pruning' },
      { columns: ['actor', 'at'], serves: 'requests of a user' },
    ],
  },
  sync_state: {
    category,
    replication: 'local',
    doc: "A named piece of this installation's sync state: pull cursors, version vectors, last push.",
    columns: {
      key: { type: 'text', notNull: true, doc: 'e.g. pull.version_vector, push.last_acked_counter' },
      value: { type: 'longtext', doc: 'JSON or plain text, owned by the sync code' },
    },
    indexes: [{ columns: ['key'], unique: true, serves: 'read a value by key' }],
  },
} satisfies Record<string, TableSpec>;
