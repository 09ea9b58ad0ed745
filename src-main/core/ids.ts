import { createHash, randomBytes } from 'node:crypto';

/** Source of new row ids; injected so tests and demo data can be deterministic. */
export interface IdSource {
  /** A time-ordered UUIDv7 (RFC 9562) for a new row. */
  newId(): string;
}

// Random bytes are drawn from the OS in blocks: one getrandom call per id costs ~20 µs on some
// virtual machines, more than the SQLite insert the id is for.
const POOL_SIZE = 16 * 256;
let pool = Buffer.alloc(0);
let poolOffset = POOL_SIZE;
function randomBlock(size: number): Buffer {
  if (poolOffset + size > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const block = Buffer.from(pool.subarray(poolOffset, poolOffset + size));
  poolOffset += size;
  return block;
}

function formatUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * UUIDv7 generator. Ids made in the same millisecond stay ordered: the 12-bit rand_a field
 * carries a counter seeded randomly each millisecond, as RFC 9562 section 6.2 (method 1) allows.
 */
export function uuidv7Source(now: () => number = Date.now): IdSource {
  let lastMs = -1;
  let sequence = 0;
  return {
    newId(): string {
      let ms = now();
      if (ms <= lastMs) {
        sequence += 1;
        if (sequence > 0xfff) {
          lastMs += 1;
          sequence = 0;
        }
        ms = lastMs;
      } else {
        lastMs = ms;
        sequence = randomBlock(2).readUInt16BE(0) & 0x7ff;
      }
      const bytes = randomBlock(16);
      bytes.writeUIntBE(ms, 0, 6);
      bytes[6] = 0x70 | ((sequence >> 8) & 0x0f);
      bytes[7] = sequence & 0xff;
      bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
      return formatUuid(bytes);
    },
  };
}

/** Milliseconds since the epoch encoded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

// Namespace for MSP Mode's deterministic ids (a fixed random UUID, never change it: ids of
// clients, projects and tags on every machine and the server derive from it).
const MSP_NAMESPACE = '6f1c0d1e-8d3a-4c52-9b7e-2a4f5e8c9d10';

/** UUIDv5 (SHA-1, RFC 9562) of a name inside MSP Mode's namespace. */
export function uuidv5(name: string, namespace: string = MSP_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = 0x50 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  return formatUuid(bytes);
}

/** How natural keys are normalised: case, accents and runs of spaces do not make a new entity. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Deterministic ids for entities with a natural key, so machines that create them offline converge. */
export const naturalIds = {
  client: (name: string) => uuidv5(`client:${normaliseName(name)}`),
  project: (clientId: string | null, name: string) => uuidv5(`project:${clientId ?? '-'}:${normaliseName(name)}`),
  tag: (name: string) => uuidv5(`tag:${normaliseName(name)}`),
  category: (name: string) => uuidv5(`category:${normaliseName(name)}`),
  machine: (fingerprint: string) => uuidv5(`machine:${fingerprint}`),
};

/** The short form shown to people: the random tail of the id (UUIDv7 heads are timestamps). */
export function shortId(id: string): string {
  return id.replace(/-/g, '').slice(-8);
}
