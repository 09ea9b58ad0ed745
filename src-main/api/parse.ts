import type { z } from 'zod';
import { firstIssue } from '../../src-shared/validation.js';
import { MspError } from '../core/errors.js';

/** Validates a request part with its shared schema; the error names the field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, part: 'body' | 'query'): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const { field, message } = firstIssue(result.error);
    throw new MspError('bad_input', `${part} field ${field}: ${message}`, field);
  }
  return result.data;
}
