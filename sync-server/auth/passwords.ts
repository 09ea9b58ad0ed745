/**
 * Passwords are kept as argon2id PHC strings (memory-hard: 19 MiB, 2 passes, the OWASP minimum
 * for argon2id). An unknown user name still costs one verification, so response time does not
 * tell which names exist.
 */
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;

// The algorithm is @node-rs/argon2's default, Argon2id: its Algorithm is a const enum that
// isolated modules cannot name (a test checks that hashes start with $argon2id$).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let decoyHash: Promise<string> | undefined;

/** True when `password` matches; with no stored hash, spends the same time and answers false. */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    decoyHash ??= hash('not a password of anyone', OPTIONS);
    await verify(await decoyHash, password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `the password must be at least ${MIN_PASSWORD_LENGTH} characters long (a passphrase of a few words is easy to remember)`;
  if (password.length > 1024) return 'the password is longer than 1024 characters';
  return undefined;
}
