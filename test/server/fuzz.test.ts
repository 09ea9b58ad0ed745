import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PROTOCOL_HEADER } from '../../src-shared/sync-api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { call, fingerprintOf, login, loginBody, PASSWORD, startInProcess, type InProcessServer } from './helpers.js';

const PER_ROUTE = 2000;
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

/** mulberry32: small, seeded, good enough to pick mutations. */
function random(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_STRINGS = ['', ' ', 'a'.repeat(300), 'x'.repeat(5000), '\u0000', '💥'.repeat(40), '<script>', "' OR 1=1 --", '../../etc/passwd', 'ffff', '0'.repeat(64), 'G'.repeat(64), '01a2-not-a-uuid', '%00'];

function fuzzer(next: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const value = (depth = 0): unknown => {
    switch (Math.floor(next() * 9)) {
      case 0: return null;
      case 1: return next() < 0.5;
      case 2: return pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 42]);
      case 3: return pick(ODD_STRINGS);
      case 4: return depth > 2 ? [] : Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      case 5: return depth > 2 ? {} : Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, i) => [pick(['user', 'kind', 'x', '__proto__', 'constructor', `k${i}`]), value(depth + 1)]));
      case 6: return { __proto__: { admin: true }, polluted: true };
      case 7: return pick(ODD_STRINGS).repeat(3);
      default: return undefined;
    }
  };
  /** A body near a valid one: a field replaced, removed or added. */
  const mutate = (valid: Record<string, unknown>): unknown => {
    const keys = Object.keys(valid);
    const key = pick(keys);
    const choice = Math.floor(next() * 4);
    if (choice === 1) return Object.fromEntries(Object.entries(valid).filter(([name]) => name !== key));
    const copy: Record<string, unknown> = structuredClone(valid);
    switch (choice) {
      case 0: copy[key] = value(); break;
      case 2: copy[pick(['extra', 'isAdmin', 'scope', '__proto__'])] = value(); break;
      default: {
        const inner = copy[key];
        if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
          const innerCopy = { ...(inner as Record<string, unknown>) };
          innerCopy[pick(Object.keys(innerCopy).concat('extra'))] = value();
          copy[key] = innerCopy;
        } else copy[key] = value();
      }
    }
    return copy;
  };
  const rawTexts = ['{', '{"user":', 'null', '[]', '"text"', '{"a":1}{"b":2}', '\u0000\u0001', '{"user":"alice","password":"x"', 'true', '1e999'];
  return { pick, value, mutate, raw: () => pick(rawTexts) };
}

describe(`fuzzed bad requests on every route (seed ${seed}; replay with FUZZ_SEED=${seed})`, () => {
  let database: TestDatabase;
  let server: InProcessServer;
  before(async () => {
    database = await createTestDatabase();
    server = await startInProcess(database.url, { bodyLimitBytes: 16 * 1024 });
    await server.services.users.add('admin', PASSWORD, true);
  });
  after(async () => {
    await server.close();
    await database.drop();
  });

  const stateCounts = async () => {
    const counts: Record<string, number> = {};
    for (const table of ['users', 'registered_machines', 'refresh_tokens', 'revocations']) {
      counts[table] = (await database.query<{ n: number }>(`SELECT COUNT(*) AS n FROM \`${table}\``))[0]?.n ?? -1;
    }
    return counts;
  };

  it(`answers ${PER_ROUTE} fuzzed requests per route with 4xx only and writes nothing`, async (t) => {
    const admin = await login(server.base, 'admin', { fingerprint: fingerprintOf('a') });
    const before = await stateCounts();
    const fuzz = fuzzer(random(seed));
    const validBodies: Record<string, Record<string, unknown>> = {
      '/v1/auth/login': loginBody('admin', 'a wrong password'),
      '/v1/auth/refresh': { refreshToken: 'A'.repeat(43) },
      '/v1/auth/logout': { refreshToken: 'B'.repeat(43) },
      '/v1/admin/revoke': { kind: 'user', subject: '01a211fe-18c4-7f60-a58b-e3ff75745793', reason: 'fuzz' },
    };
    const { revokeRequest } = await import('../../src-shared/sync-api.js');
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const route of server.server.routes) {
      const valid = validBodies[route.url];
      const jobs = Array.from({ length: PER_ROUTE }, () => {
        const headers: Record<string, string> = {};
        const roll = fuzz.value();
        if (roll === null) headers[PROTOCOL_HEADER] = fuzz.pick(['0', '2', 'one', '1, 1', '']);
        const token = fuzz.pick([admin.accessToken, admin.accessToken, admin.accessToken, 'garbage', `${admin.accessToken}x`, undefined]);
        if (route.method === 'GET') {
          const query = `?${fuzz.pick(['a=1', 'limit=-1', '__proto__[x]=1', 'x'.repeat(2000), '%ff%fe'])}`;
          return { url: `${route.url}${fuzz.pick(['', query, '/extra', '%2e%2e'])}`, options: { token, headers, ...(fuzz.value() === null ? { protocol: false } : {}) } };
        }
        let body: unknown = valid && fuzz.value() !== null ? fuzz.mutate(valid) : fuzz.value();
        // A revocation the fuzzer happens to make valid (as the server will see it, after JSON) would be obeyed: spoil it.
        if (route.url === '/v1/admin/revoke' && body !== undefined && revokeRequest.safeParse(JSON.parse(JSON.stringify(body))).success) body = { ...(body as object), extra: 1 };
        const raw = fuzz.pick([false, false, false, false, true]);
        return {
          url: route.url,
          options: { token, headers: raw && fuzz.value() === null ? { ...headers, 'content-type': 'text/plain' } : headers, ...(raw ? { rawBody: fuzz.raw() } : body === undefined ? {} : { rawBody: JSON.stringify(body) }) },
        };
      });
      // GET routes that need no input have nothing to refuse: only their headers and paths are fuzzed.
      for (let i = 0; i < jobs.length; i += 16) {
        const replies = await Promise.all(jobs.slice(i, i + 16).map(async (job) => {
          const reply = await call(server.base, route.method, job.url, job.options).catch((error: unknown) => ({ status: -1, body: { error: String(error) } }));
          return { job, reply };
        }));
        for (const { job, reply } of replies) {
          sent += 1;
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          const harmlessGet = route.method === 'GET' && reply.status === 200;
          assert.ok(harmlessGet || (reply.status >= 400 && reply.status < 500), `${route.method} ${job.url} answered ${reply.status} to ${JSON.stringify({ ...job.options, token: job.options.token?.slice(0, 8) })}: ${JSON.stringify(reply.body)}`);
          if (reply.status >= 400) assert.equal(typeof reply.body.error, 'string');
        }
      }
    }
    assert.ok(sent >= PER_ROUTE * server.server.routes.length);
    assert.deepEqual(await stateCounts(), before, 'refused requests wrote rows');
    t.diagnostic(`fuzz: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  });
});
