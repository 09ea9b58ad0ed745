import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'mysql',
  schema: './sync-server/db/schema.generated.ts',
  out: './drizzle/server',
});
