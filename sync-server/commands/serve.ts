/** `msp-server serve`: configuration, keys, migration, then HTTP(S) until SIGINT/SIGTERM. */
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { Clock } from '../clock.js';
import type { ServerConfig } from '../config.js';
import { ConfigError, ServerError } from '../errors.js';
import { loadKeyring } from '../keys.js';
import { createSyncServer } from '../server.js';
import { openMigrated } from './database.js';

function readTls(config: ServerConfig): { cert: Buffer; key: Buffer } | undefined {
  if (!config.tls) return undefined;
  const read = (file: string, setting: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new ConfigError(setting, `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  const tls = { cert: read(config.tls.certFile, 'MSP_SERVER_TLS_CERT'), key: read(config.tls.keyFile, 'MSP_SERVER_TLS_KEY') };
  try {
    createSecureContext(tls);
  } catch (error) {
    throw new ConfigError('MSP_SERVER_TLS_KEY', `the certificate and key cannot be used together (${(error as Error).message}): give the PEM key that belongs to MSP_SERVER_TLS_CERT`);
  }
  return tls;
}

function listenProblem(error: unknown, config: ServerConfig): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${config.host}:${config.port}`;
  if (code === 'EADDRINUSE') return new ConfigError('MSP_SERVER_PORT', `${where} is already in use: stop the other server or choose another port`);
  if (code === 'EACCES') return new ConfigError('MSP_SERVER_PORT', `not allowed to listen on ${where}: use a port above 1023 or run behind nginx`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new ConfigError('MSP_SERVER_HOST', `${config.host} is not an address of this machine`);
  return error instanceof Error ? error : new Error(String(error));
}

export async function serveCommand(config: ServerConfig, clock: Clock, out: (line: string) => void, warn: (line: string) => void): Promise<void> {
  const keyring = loadKeyring(config, { clock, create: true, warn });
  if (keyring === undefined) throw new ServerError('internal', 'no keys could be loaded or generated');
  const https = readTls(config);
  const { database, migration } = await openMigrated(config);
  if (migration.applied > 0) warn(`migrated database ${database.name}: ${migration.applied} migration(s) applied`);
  const server = createSyncServer({
    database, keyring, clock,
    bodyLimitBytes: config.bodyLimitBytes,
    logLevel: config.logLevel,
    revocationCacheMs: config.revocationCacheMs,
    trustProxy: config.trustProxy,
    ...(https ? { https } : {}),
  });
  let url: string;
  try {
    url = await server.listen(config.host, config.port);
  } catch (error) {
    await server.close().catch(() => undefined);
    await database.close();
    throw listenProblem(error, config);
  }
  out(`ready on ${url}`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void server.close().finally(() => { void database.close().finally(resolve); });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
