import http from 'node:http';
import https from 'node:https';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src-shared/sync-api.js';
import { MspError } from '../core/errors.js';

const TIMEOUT_MS = 30_000;

export interface ServerAnswer { status: number; body: unknown; retryAfterS?: number }

/**
 * The server URL, checked: plain HTTP only to loopback unless explicitly allowed (a token and
 * the team's data must not cross a network unencrypted).
 */
export function checkServerUrl(text: string, allowInsecure: boolean): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new MspError('bad_input', `"${text}" is not a URL: give the sync server as https://HOST[:PORT]`, 'server');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new MspError('bad_input', `the sync server URL must start with https:// (got ${url.protocol})`, 'server');
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && !loopback && !allowInsecure) {
    throw new MspError('bad_input', `refusing plain http to ${url.hostname}: use https://, or pass --insecure-http if this network is trusted`, 'server');
  }
  return url;
}

/** One JSON request to the sync server; network failures become one clear line. */
export function request(base: URL, method: 'GET' | 'POST' | 'PUT' | 'DELETE', route: string, options: { body?: unknown; token?: string; ca?: string } = {}): Promise<ServerAnswer> {
  const target = new URL(route, base);
  const client = target.protocol === 'https:' ? https : http;
  const payload: Buffer | undefined = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (payload) {
    // Request bodies go uncompressed: the server takes JSON as sent (answers may come gzipped).
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(payload.length);
  }
  return new Promise((resolve, reject) => {
    const req = client.request(target, { method, headers, timeout: TIMEOUT_MS, ...(options.ca ? { ca: options.ca } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        try {
          const text = raw.toString('utf8');
          const retry = Number(res.headers['retry-after']);
          resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined, ...(Number.isFinite(retry) ? { retryAfterS: retry } : {}) });
        } catch {
          reject(new MspError('unavailable', `the sync server at ${base.origin} answered ${res.statusCode ?? '?'} with something that is not JSON: is that URL the MSP Mode sync server?`));
        }
      });
      res.on('error', (error) => { reject(networkError(base, error)); });
    });
    req.on('timeout', () => { req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)); });
    req.on('error', (error) => { reject(networkError(base, error)); });
    req.end(payload);
  });
}

function networkError(base: URL, error: Error & { code?: string }): MspError {
  const why = error.code === 'ECONNREFUSED' ? 'connection refused (is msp-server running there?)'
    : error.code === 'ENOTFOUND' ? 'no such host'
    : error.code === 'CERT_HAS_EXPIRED' || error.code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || error.code === 'SELF_SIGNED_CERT_IN_CHAIN' || error.code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
      ? `its TLS certificate is not trusted (${error.code}): give its CA with sync.caFile`
      : error.message;
  return new MspError('unavailable', `cannot reach the sync server at ${base.origin}: ${why}`);
}

/** The server's error body as one line, or a generic one naming the status. */
export function serverMessage(answer: ServerAnswer): string {
  const body = answer.body as { error?: unknown } | undefined;
  return typeof body?.error === 'string' ? body.error : `the sync server answered ${answer.status}`;
}
