// A real HTTP proxy between the machines and msp-server that injects faults at exact protocol
// points: an `msp sync` process killed before its push reaches the server or after the server
// committed it but before the acknowledgement arrives, killed halfway through a pull page or
// while applying one; the server killed before, during or after a push. Timing alone would hit
// these points only by luck; the proxy hits them every time a seed asks for them. It also
// records every push body, so the test can replay them later (duplicated, reordered delivery),
// and hides the server's port, which changes each time the server is restarted.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { pushRequest, type PushRequest } from '../../../src-shared/sync-protocol.js';

export const FAULT_KINDS = [
  'kill agent before its push reaches the server',
  'kill agent after the server applied its push',
  'kill agent halfway through a pull page',
  'kill agent while it applies a pull page',
  'kill agent at a random moment',
  'kill server before a push reaches it',
  'kill server while it applies a push',
  'kill server after it committed a push',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  kind: FaultKind;
  /** Milliseconds to wait before the kill, for faults that kill "during" something. */
  delayMs: number;
}

export const faultRoute = (kind: FaultKind): 'push' | 'pull' | 'none' =>
  kind.includes('push') ? 'push' : kind.includes('pull') ? 'pull' : 'none';

export interface RecordedPush {
  /** The machine (server-side id) whose access token sent it. */
  machineId: string;
  authorization: string;
  body: PushRequest;
}

export interface ProxyHooks {
  /** The fault to inject into this request of this machine, if one is armed (consumed). */
  faultFor(machineId: string, route: 'push' | 'pull'): Fault | undefined;
  killAgent(machineId: string): void;
  killServer(): Promise<void>;
}

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** The `mch` claim of a bearer token (decoded, not verified: the server verifies it). */
export function machineOfToken(authorization: string | undefined): string | undefined {
  const payload = authorization?.replace(/^Bearer /, '').split('.')[1];
  if (payload === undefined) return undefined;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { mch?: unknown };
  return typeof claims.mch === 'string' ? claims.mch : undefined;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export class FaultProxy {
  /** The server's port while it runs. */
  upstreamPort: number | undefined;
  readonly pushes: RecordedPush[] = [];
  private readonly server: http.Server;

  private constructor(private readonly hooks: ProxyHooks) {
    this.server = http.createServer((request, response) => {
      this.handle(request, response).catch(() => { request.socket.destroy(); });
    });
  }

  static async start(hooks: ProxyHooks): Promise<FaultProxy & { url: string }> {
    const proxy = new FaultProxy(hooks);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.server.address() as AddressInfo;
    return Object.assign(proxy, { url: `http://127.0.0.1:${port}` });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => { resolve(); }));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const route = request.url === '/v1/sync/push' ? 'push' : request.url === '/v1/sync/pull' ? 'pull' : 'other';
    const machineId = machineOfToken(request.headers.authorization);
    if (route === 'push' && machineId !== undefined) this.record(machineId, request, raw);
    const fault = machineId !== undefined && route !== 'other' ? this.hooks.faultFor(machineId, route) : undefined;
    const drop = () => { request.socket.destroy(); };

    if (fault?.kind === 'kill agent before its push reaches the server') {
      this.hooks.killAgent(machineId ?? '');
      drop();
      return;
    }
    if (fault?.kind === 'kill server before a push reaches it') {
      await this.hooks.killServer();
      drop();
      return;
    }
    const midPush = fault?.kind === 'kill server while it applies a push' ? setTimeout(() => { void this.hooks.killServer(); }, fault.delayMs) : undefined;
    let answer: Answer;
    try {
      answer = await this.forward(request, raw);
    } catch {
      drop();
      return;
    } finally {
      clearTimeout(midPush);
    }
    if (fault?.kind === 'kill agent after the server applied its push') {
      this.hooks.killAgent(machineId ?? '');
      drop();
      return;
    }
    if (fault?.kind === 'kill server after it committed a push') {
      await this.hooks.killServer();
      drop();
      return;
    }
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
    if (fault?.kind === 'kill agent halfway through a pull page') {
      response.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => {
        this.hooks.killAgent(machineId ?? '');
        drop();
      });
      return;
    }
    response.end(answer.body);
    if (fault?.kind === 'kill agent while it applies a pull page') {
      setTimeout(() => { this.hooks.killAgent(machineId ?? ''); }, fault.delayMs);
    }
  }

  private record(machineId: string, request: http.IncomingMessage, raw: Buffer): void {
    const text = (request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
    const parsed = pushRequest.safeParse(JSON.parse(text));
    if (parsed.success) this.pushes.push({ machineId, authorization: request.headers.authorization ?? '', body: parsed.data });
  }

  private forward(request: http.IncomingMessage, raw: Buffer): Promise<Answer> {
    const port = this.upstreamPort;
    if (port === undefined) return Promise.reject(new Error('the server is down'));
    return new Promise((resolve, reject) => {
      const upstream = http.request(
        { host: '127.0.0.1', port, method: request.method, path: request.url, headers: { ...request.headers, host: `127.0.0.1:${port}`, connection: 'close' } },
        (reply) => {
          const parts: Buffer[] = [];
          reply.on('data', (chunk: Buffer) => parts.push(chunk));
          reply.on('end', () => { resolve({ status: reply.statusCode ?? 502, headers: reply.headers, body: Buffer.concat(parts) }); });
          reply.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(raw);
    });
  }
}
