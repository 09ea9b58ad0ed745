/**
 * Errors a technician can act on. `code` picks the HTTP status and CLI exit code in exactly one
 * place per process; `message` is one line that names the problem and the fix.
 */
export type MspErrorCode =
  | 'bad_input'
  | 'not_found'
  | 'conflict'
  | 'ambiguous'
  | 'unauthorized'
  | 'forbidden'
  | 'too_large'
  | 'unavailable'
  | 'internal';

export class MspError extends Error {
  constructor(readonly code: MspErrorCode, message: string, readonly field?: string) {
    super(message);
    this.name = 'MspError';
  }
}

export const badInput = (field: string, message: string) => new MspError('bad_input', message, field);
export const notFound = (message: string) => new MspError('not_found', message);
export const conflict = (message: string) => new MspError('conflict', message);

export const httpStatusOf: Record<MspErrorCode, number> = {
  bad_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  ambiguous: 409,
  too_large: 413,
  unavailable: 503,
  internal: 500,
};
