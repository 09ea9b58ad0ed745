import { openServiceContext, type OpenedContext } from '../../services/bootstrap.js';
import type { CliIo } from '../args.js';

/** Opens the store for one command and closes it afterwards, whatever happens. */
export async function withContext<T>(io: CliIo, work: (context: OpenedContext) => T | Promise<T>): Promise<T> {
  const context = openServiceContext({ env: io.env });
  try {
    return await work(context);
  } finally {
    context.close();
  }
}

/** Prints JSON for --json, else the human text. */
export function print(io: CliIo, json: boolean, value: unknown, text: () => string): void {
  io.out(json ? JSON.stringify(value, null, 2) : text());
}
