import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./src-main/store/schema.generated.ts', './src-main/store/bookkeeping.ts'],
  out: './drizzle/local',
});
