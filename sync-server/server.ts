/**
 * One running sync server: services, request log and HTTP app over an open database. main.ts
 * builds it from the configuration; tests build it in-process with a fake clock.
 */
import type { FastifyInstance } from 'fastify';
import { RequestLog } from './audit/request-log.js';
import type { Clock } from './clock.js';
import type { Database } from './db/connection.js';
import { buildApp } from './http/app.js';
import type { LimitTable } from './http/rate-limit.js';
import type { RouteSpec } from './http/route.js';
import type { Keyring } from './keys.js';
import { allRoutes } from './routes/index.js';
import { createServices, type Services } from './services.js';

export interface SyncServerOptions {
  database: Database;
  keyring: Keyring;
  clock: Clock;
  bodyLimitBytes: number;
  logLevel: string;
  revocationCacheMs: number;
  trustProxy?: string[];
  https?: { cert: Buffer; key: Buffer };
  limits?: Partial<LimitTable>;
  /** Routes registered beside the real ones (tests only). */
  extraRoutes?: (services: Services) => RouteSpec[];
}

export interface SyncServer {
  app: FastifyInstance;
  services: Services;
  routes: readonly RouteSpec[];
  requestLog: RequestLog;
  /** Listens and resolves with the base URL (http or https). */
  listen(host: string, port: number): Promise<string>;
  /** Stops taking requests, lets those in flight finish, writes the audit rows still queued. */
  close(): Promise<void>;
}

export function createSyncServer(options: SyncServerOptions): SyncServer {
  const services = createServices(options.database.db, options.database.pool, options.keyring, options.clock, { revocationCacheMs: options.revocationCacheMs, ...(options.limits ? { limits: options.limits } : {}) });
  const requestLog = new RequestLog(options.database.db, options.clock, (message) => { app.log.error(message); });
  const routes = allRoutes(services, options.extraRoutes?.(services) ?? []);
  const app = buildApp({
    routes,
    accessTokens: services.accessTokens,
    revocations: services.revocations,
    limits: services.limits,
    requestLog,
    bodyLimitBytes: options.bodyLimitBytes,
    logLevel: options.logLevel,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.https ? { https: options.https } : {}),
  });
  return {
    app,
    services,
    routes,
    requestLog,
    listen: async (host, port) => {
      await app.listen({ host, port });
      const address = app.server.address();
      const boundPort = typeof address === 'object' && address !== null ? address.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      return `${options.https ? 'https' : 'http'}://${shownHost}:${boundPort}`;
    },
    close: async () => {
      await app.close();
      await requestLog.close();
    },
  };
}
