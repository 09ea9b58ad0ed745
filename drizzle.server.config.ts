import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'mysql',
  // The shared data model (generated from src-shared/schema), the server's own auth tables and its change log.
  schema: ['./sync-server/db/schema.generated.ts', './sync-server/db/server-tables.ts', './sync-server/sync/tables.ts'],
  out: './drizzle/server',
});
