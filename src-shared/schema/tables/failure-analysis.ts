import type { TableSpec } from '../spec.js';

const category = 'failure analysis';

export const failureAnalysisTables = {
  operation_failures: {
    category,
    // Mutable, not append-only: `resolved` and `resolution` are usually learnt after the failure.
    // Non-command failures are few, so per-field sync costs little here.
    replication: 'mutable',
    doc: 'A failure that was not a shell command: an RDP or VPN connection, a file copy, an API call, an installer.',
    columns: {
      session_id: { type: 'id', references: 'sessions' },
      client_id: { type: 'id', references: 'clients' },
      infrastructure_id: { type: 'id', references: 'infrastructure' },
      machine_id: { type: 'id', references: 'machines' },
      operation: { type: 'text', notNull: true, doc: 'e.g. rdp_connect, vpn_connect, file_copy, api_call, install' },
      target: { type: 'text', maxLength: 500, doc: 'what it was aimed at: host, share, URL, package' },
      error_message: { type: 'longtext', notNull: true },
      failure_category: {
        type: 'text',
        maxLength: 32,
        doc: 'command_not_found | permission_denied | syntax_error | network | timeout | authentication | version_compatibility | interrupted | other',
      },
      failure_pattern_id: { type: 'id', references: 'failure_patterns' },
      context: { type: 'json', doc: 'what else was known: tool, parameters (no secrets), environment' },
      resolved: { type: 'boolean', notNull: true, default: false },
      resolution: { type: 'longtext' },
      occurred_at: { type: 'timestamp', notNull: true },
    },
    indexes: [
      { columns: ['infrastructure_id', 'occurred_at'], serves: 'failures by infrastructure' },
      { columns: ['client_id', 'occurred_at'], serves: 'failures for a client in a period' },
      { columns: ['session_id'], serves: 'failures of a session' },
    ],
  },
  failure_patterns: {
    category,
    replication: 'mutable',
    doc: 'Failures with the same normalised signature in the same environment, counted, with what works instead. Id is UUIDv5 of pattern_key.',
    columns: {
      pattern_key: {
        type: 'text',
        maxLength: 64,
        notNull: true,
        doc: 'SHA-256 hex of normalized_signature|platform|os_version|infrastructure_id, so machines converge on one row',
      },
      normalized_signature: {
        type: 'text',
        maxLength: 500,
        notNull: true,
        doc: 'the error normalised: lower case, paths, numbers, GUIDs and hosts replaced by placeholders',
      },
      platform: { type: 'text', maxLength: 32, doc: 'OS family it ran against: win32, darwin, linux or a device family (readynas…)' },
      os_version: { type: 'text', maxLength: 64, doc: 'e.g. Windows Server 2008 R2' },
      shell: { type: 'text', maxLength: 16 },
      infrastructure_id: { type: 'id', references: 'infrastructure', doc: 'null when the pattern holds for the platform' },
      client_id: { type: 'id', references: 'clients' },
      failure_category: { type: 'text', maxLength: 32 },
      occurrence_count: {
        type: 'integer',
        notNull: true,
        default: 1,
        doc: 'approximate across machines (last writer wins); recount from commands_run when exactness matters',
      },
      first_seen_at: { type: 'timestamp', notNull: true },
      last_seen_at: { type: 'timestamp', notNull: true },
      example_command: { type: 'longtext', doc: 'secrets redacted' },
      example_error: { type: 'longtext' },
      working_alternative: { type: 'longtext', doc: 'what to do instead, e.g. use Get-WmiObject Win32_UserAccount' },
      confidence: { type: 'real', notNull: true, default: 0.5, doc: '0..1: how sure the alternative is right' },
    },
    indexes: [
      { columns: ['pattern_key'], unique: true, serves: 'find the pattern of a new failure' },
      { columns: ['normalized_signature', 'platform'], serves: 'failures by signature' },
      { columns: ['infrastructure_id', 'last_seen_at'], serves: 'failures by infrastructure' },
      { columns: ['platform', 'os_version'], serves: 'known failures on this OS before suggesting a command' },
    ],
  },
  environmental_insights: {
    category,
    replication: 'mutable',
    doc: 'A constraint learnt from failures, in plain words, for a device, a client, a platform or in general.',
    columns: {
      client_id: { type: 'id', references: 'clients' },
      infrastructure_id: { type: 'id', references: 'infrastructure' },
      scope: { type: 'text', maxLength: 16, notNull: true, doc: 'infrastructure | client | platform | general' },
      platform: { type: 'text', maxLength: 32, doc: 'for platform scope' },
      os_version: { type: 'text', maxLength: 64 },
      insight_text: { type: 'longtext', notNull: true, doc: 'e.g. "Server 2008: PowerShell 2.0 only; use WMI, not Get-LocalUser"' },
      evidence_count: { type: 'integer', notNull: true, default: 1 },
      source_pattern_id: { type: 'id', references: 'failure_patterns' },
      first_seen_at: { type: 'timestamp', notNull: true },
      last_confirmed_at: { type: 'timestamp', notNull: true },
      active: { type: 'boolean', notNull: true, default: true },
    },
    indexes: [
      { columns: ['infrastructure_id', 'active'], serves: 'insights for a device' },
      { columns: ['client_id', 'active'], serves: 'insights for a client' },
      { columns: ['scope', 'platform'], serves: 'platform and general insights' },
    ],
  },
} satisfies Record<string, TableSpec>;
