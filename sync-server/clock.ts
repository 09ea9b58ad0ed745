/**
 * Time and randomness of the server, injected so token expiry, refresh lifetimes and rate-limit
 * windows are testable with a fake clock. Only sync-server/main.ts picks the real ones.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** UUIDv7 (RFC 9562): time-ordered ids whose first 48 bits are the creation millisecond. */
export function newId(clock: Clock): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(clock.now(), 0, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  return formatUuid(bytes);
}

/** The creation millisecond of a UUIDv7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

// The agent's namespace for deterministic ids (src-main/core/ids.ts; the server may not import
// it, so a test proves both give the same machine id).
const MSP_NAMESPACE = '6f1c0d1e-8d3a-4c52-9b7e-2a4f5e8c9d10';

/** The agent's id for a machine: UUIDv5 of its fingerprint, so the server and the agent agree. */
export function machineIdOf(fingerprint: string): string {
  const hash = createHash('sha1').update(Buffer.from(MSP_NAMESPACE.replace(/-/g, ''), 'hex')).update(`machine:${fingerprint}`, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = 0x50 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  return formatUuid(bytes);
}

function formatUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
