import type { TableSpec } from '../spec.js';

const category = 'tagging & categorisation';

export const taggingTables = {
  tags: {
    category,
    replication: 'mutable',
    doc: 'A free label on work items and sessions. Id is UUIDv5 of the normalised name.',
    columns: {
      name: { type: 'text', notNull: true },
      normalized_name: { type: 'text', notNull: true, doc: 'NFKC, trimmed, single spaces, lower case' },
      color: { type: 'text', maxLength: 16, doc: '#rrggbb' },
      description: { type: 'text', maxLength: 1000 },
    },
    indexes: [{ columns: ['normalized_name'], unique: true, serves: 'case-insensitive lookup by name' }],
  },
  categories: {
    category,
    replication: 'mutable',
    doc: 'A kind of work (infrastructure, troubleshooting, configuration…), optionally nested. Id is UUIDv5 of the normalised name.',
    columns: {
      name: { type: 'text', notNull: true },
      normalized_name: { type: 'text', notNull: true, doc: 'NFKC, trimmed, single spaces, lower case' },
      parent_id: { type: 'id', references: 'categories' },
      description: { type: 'text', maxLength: 1000 },
    },
    indexes: [
      { columns: ['normalized_name'], unique: true, serves: 'case-insensitive lookup by name' },
      { columns: ['parent_id'], serves: 'subcategories of a category' },
    ],
  },
  categorization_rules: {
    category,
    replication: 'mutable',
    doc: 'A deterministic rule of the categoriser: when a command, path, keyword or tool matches, assign a category and/or tag.',
    columns: {
      category_id: { type: 'id', references: 'categories', doc: 'at least one of category_id, tag_id is set' },
      tag_id: { type: 'id', references: 'tags' },
      match_kind: { type: 'text', maxLength: 32, notNull: true, doc: 'command_regex | path_glob | keyword | tool' },
      pattern: { type: 'text', maxLength: 1000, notNull: true },
      priority: { type: 'integer', notNull: true, default: 100, doc: 'lower runs first; the first matching category wins' },
      enabled: { type: 'boolean', notNull: true, default: true },
      description: { type: 'text', maxLength: 500 },
    },
    indexes: [{ columns: ['enabled', 'priority'], serves: 'enabled rules in evaluation order' }],
  },
} satisfies Record<string, TableSpec>;
