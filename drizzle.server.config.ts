import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'mysql',
  // The shared data model (generated from src-shared/schema) and the server's own auth tables.
  schema: ['./sync-server/db/schema.generated.ts', './sync-server/db/server-tables.ts'],
  out: './drizzle/server',
});
