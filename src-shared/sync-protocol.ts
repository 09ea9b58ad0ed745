// The sync protocol between agents and the server: one change, a push batch, a pull page.
// Shared by the server (validation, OpenAPI) and the agent's sync client.
//
// - Every installation (origin) numbers its changes 1, 2, 3… without gaps, in the transaction of
//   the change itself (the outbox). The server keeps, per origin, a contiguous prefix: a batch
//   may repeat what it holds (acknowledged, not applied twice) but never leave a gap.
// - Pull is by version vector: "for each origin, what I hold up to". Because each origin's prefix
//   on the server is contiguous and only grows, a vector entry is an exact cursor; a server-wide
//   sequence (whose numbers can become visible out of order under concurrent pushes) is never used.
// - Mutable rows merge per field, last writer wins on the hybrid logical clock (its string order
//   is causal order; ties break on the origin inside it). Append-only rows are inserted once.
//   A scrub (msp forget) rewrites text columns of a row, append-only rows included.
import { z } from 'zod';

export const SYNC_BATCH_MAX = 5000;
/** Tables of the data model that only the server's own routes write (rights are not data anyone can push): not pushed, pulled or verified. */
export const SERVER_MANAGED_TABLES: readonly string[] = ['credential_permissions'];
export const PULL_PAGE_MAX = 10_000;
/** Changes stamped further ahead of the server's clock than this are refused. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a UUID');
export const hlcText = z.string().regex(/^\d{13}-\d{5}-[0-9a-f-]{36}$/, 'hlc must be a hybrid logical clock value (13-digit ms-5-digit counter-origin)');

/** Column values travel as JSON scalars: text, numbers, booleans as 0/1, null. */
const fieldValue = z.union([z.string().max(1_000_000, 'a field value is longer than 1,000,000 characters'), z.number(), z.null()]);

export const changeKind = z.enum(['upsert', 'append', 'scrub']);
export type ChangeKind = z.infer<typeof changeKind>;

export const syncChange = z
  .object({
    counter: z.number().int().min(1, 'counter starts at 1'),
    table: z.string().regex(/^[a-z_]{1,64}$/, 'table must be a table name'),
    rowId: uuid,
    hlc: hlcText,
    kind: changeKind,
    /** Column name → value. upsert: the columns this change set (created_at included on insert); append: the whole row; scrub: the rewritten columns. */
    fields: z.record(z.string().regex(/^[a-z_][a-z0-9_]{0,63}$/, 'field names are column names'), fieldValue),
  })
  .strict();
export type SyncChange = z.infer<typeof syncChange>;

export const pushRequest = z
  .object({
    origin: uuid,
    changes: z.array(syncChange).min(1, 'a push holds at least one change').max(SYNC_BATCH_MAX, `a push holds at most ${SYNC_BATCH_MAX} changes`),
  })
  .strict()
  .superRefine((body, context) => {
    body.changes.forEach((change, index) => {
      const previous = body.changes[index - 1];
      if (previous && change.counter !== previous.counter + 1) {
        context.addIssue({ code: 'custom', path: ['changes', index, 'counter'], message: 'counters in a push must be consecutive and ascending' });
      }
    });
  });
export type PushRequest = z.infer<typeof pushRequest>;

export const pushResponse = z.object({
  origin: z.string(),
  /** The highest counter of this origin the server now holds: everything up to it may leave the outbox. */
  acknowledged: z.number().int(),
  applied: z.number().int(),
  /** Changes the server held already (a replayed batch). */
  duplicates: z.number().int(),
  /** Refused changes (unknown table, a column that does not exist, a server-managed table…): kept aside on the server, never applied; they do not block what follows. */
  rejected: z.array(z.object({ counter: z.number().int(), reason: z.string() })),
});
export type PushResponse = z.infer<typeof pushResponse>;

/** Origin → highest counter held. */
export const versionVector = z.record(uuid, z.number().int().min(0));
export type VersionVector = z.infer<typeof versionVector>;

export const pullRequest = z
  .object({
    vector: versionVector,
    limit: z.number().int().min(1).max(PULL_PAGE_MAX).optional(),
  })
  .strict();
export type PullRequest = z.infer<typeof pullRequest>;

export const pulledChange = syncChange.extend({ origin: uuid });
export type PulledChange = z.infer<typeof pulledChange>;

export const pullResponse = z.object({
  /** In per-origin counter order. */
  changes: z.array(pulledChange),
  /** The caller's vector advanced by exactly the changes in this page. */
  vector: versionVector,
  /** More changes wait: pull again with the new vector. */
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponse>;

export const verifyResponse = z.object({
  vector: versionVector,
  /** table → { rows, hash } over live and tombstoned rows: an order-independent hash of (id, hlc). */
  tables: z.record(z.string(), z.object({ rows: z.number().int(), hash: z.string() })),
});
export type VerifyResponse = z.infer<typeof verifyResponse>;

export const verifyRowsRequest = z
  .object({
    table: z.string().regex(/^[a-z_]{1,64}$/, 'table must be a table name'),
    /** Rows with ids above this one (paging); omit for the first page. */
    after: uuid.optional(),
    limit: z.number().int().min(1).max(PULL_PAGE_MAX).optional(),
  })
  .strict();
export type VerifyRowsRequest = z.infer<typeof verifyRowsRequest>;

export const verifyRowsResponse = z.object({
  /** [id, row digest] in id order. */
  rows: z.array(z.tuple([z.string(), z.string()])),
  more: z.boolean(),
});
export type VerifyRowsResponse = z.infer<typeof verifyRowsResponse>;
