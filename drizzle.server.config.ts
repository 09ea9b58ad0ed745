import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'mysql',
  // The shared data model (generated from src-shared/schema), the server's own auth tables, its change log and the vault.
  schema: ['./sync-server/db/schema.generated.ts', './sync-server/db/server-tables.ts', './sync-server/sync/tables.ts', './sync-server/vault/tables.ts'],
  out: './drizzle/server',
});
