import type { TableSpec } from '../spec.js';

const category = 'junctions';

export const junctionTables = {
  work_item_tags: {
    category,
    replication: 'mutable',
    doc: 'A tag on a work item. Id is UUIDv5 of work_item_id + tag_id; untagging sets deleted, tagging again clears it.',
    columns: {
      work_item_id: { type: 'id', notNull: true, references: 'work_items' },
      tag_id: { type: 'id', notNull: true, references: 'tags' },
      source: { type: 'text', maxLength: 16, notNull: true, default: 'manual', doc: 'manual | categoriser' },
    },
    indexes: [
      { columns: ['work_item_id', 'tag_id'], unique: true, serves: 'tags of a work item; one link per pair' },
      { columns: ['tag_id'], serves: 'work items with a tag' },
    ],
  },
  session_tags: {
    category,
    replication: 'mutable',
    doc: 'A tag on a session. Id is UUIDv5 of session_id + tag_id; untagging sets deleted, tagging again clears it.',
    columns: {
      session_id: { type: 'id', notNull: true, references: 'sessions' },
      tag_id: { type: 'id', notNull: true, references: 'tags' },
      source: { type: 'text', maxLength: 16, notNull: true, default: 'manual', doc: 'manual | categoriser' },
    },
    indexes: [
      { columns: ['session_id', 'tag_id'], unique: true, serves: 'tags of a session; one link per pair' },
      { columns: ['tag_id'], serves: 'sessions with a tag' },
    ],
  },
} satisfies Record<string, TableSpec>;
