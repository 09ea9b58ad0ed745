import { z } from 'zod';

export const DEFAULT_AGENT_PORT = 47470;

/** config.json in the data directory. Every key is optional; defaults are shown by `msp config`. */
export const configSchema = z
  .object({
    agent: z
      .object({
        port: z.number().int().min(1024).max(65535).default(DEFAULT_AGENT_PORT),
        bodyLimitBytes: z.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
      })
      .strict()
      .prefault({}),
    sessions: z
      .object({
        defaultMode: z.enum(['msp', 'dev', 'normal']).default('normal'),
        idleMinutes: z.number().int().min(1).max(24 * 60).default(30),
      })
      .strict()
      .prefault({}),
    technician: z.string().trim().min(1).max(200).optional(),
    capture: z
      .object({
        /** Folders whose work belongs to a client: `msp map DIR --client C [--project P]`. Longest prefix wins. */
        mappings: z
          .array(z.object({ dir: z.string().min(1).max(4096), client: z.string().trim().min(1).max(200), project: z.string().trim().min(1).max(200).optional() }).strict())
          .max(1000)
          .default([]),
        promptMaxChars: z.number().int().min(100).max(100_000).default(4000),
        outputTailChars: z.number().int().min(0).max(100_000).default(2000),
      })
      .strict()
      .prefault({}),
    sync: z
      .object({
        serverUrl: z.url().optional(),
        /** How often the agent syncs in the background while logged in (it also syncs a few seconds after new work). */
        intervalSeconds: z.number().int().min(5).max(86_400).default(60),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type MspConfig = z.infer<typeof configSchema>;
