import type { ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MspError } from '../core/errors.js';
import { buildApi } from '../api/server.js';
import { openServiceContext, type OpenedContext } from '../services/bootstrap.js';
import { machineProfile } from '../services/machine-profile.js';
import { refreshCapabilitiesInBackground } from './capability-refresh.js';
import { BackgroundCheckpoints } from '../store/checkpointer.js';
import type { BackgroundSync } from '../sync/background.js';
import { acquireAgentLock } from './lock.js';
import { loadOrCreateToken } from './token.js';
import { writeHookFiles } from '../services/capture/hook-script.js';
import { spoolHasEvents } from '../services/capture/spool-dir.js';

const HELP = `Usage: msp agent [--port N]

Runs the MSP Mode agent: opens the store in the data dir (MSP_HOME), serves the local API on
127.0.0.1 only (token in agent.token), and prints "ready on http://127.0.0.1:PORT" when ready.
One agent runs per data dir. Stop it with Ctrl-C or SIGTERM: requests in flight finish first.

  --port N     listen on port N (default agent.port from config, 47470; 0 picks a free port)
  -h, --help   show this help`;

function fail(message: string): never {
  process.stderr.write(`msp agent: ${message}\n`);
  process.exit(1);
}

function parsePort(argv: string[]): number | undefined {
  let values;
  try {
    values = parseArgs({ args: argv, options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }).values;
  } catch (error) {
    fail(`${(error as Error).message.split('.')[0] ?? 'bad arguments'} (see msp agent --help)`);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  }
  if (values.port === undefined) return undefined;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535 (got "${values.port}")`);
  return port;
}

/** Entry point of the agent bundle: composition root of the agent process. */
export async function runAgent(argv: string[]): Promise<void> {
  const portOverride = parsePort(argv);
  let context: OpenedContext;
  try {
    context = openServiceContext();
  } catch (error) {
    fail(error instanceof MspError ? error.message : `cannot start: ${(error as Error).message}`);
  }
  let lock;
  try {
    lock = acquireAgentLock(context.files.agentLock, context.files.dir, context.store.clock.now());
  } catch (error) {
    context.close();
    fail((error as Error).message);
  }
  let backgroundSync: BackgroundSync | undefined;
  const checkpoints = new BackgroundCheckpoints(context.store.sqlite, { onProblem: (message) => { process.stderr.write(`msp agent: ${message}\n`); } });
  const token = loadOrCreateToken(context.files.token);
  const hookFiles = writeHookFiles(context.files.dir);
  const app = buildApi({
    context,
    token,
    bodyLimitBytes: context.config.agent.bodyLimitBytes,
    machine: { describe: () => machineProfile(context) },
    onHookBatch: () => { checkpoints.busy(); backgroundSync?.changed(); },
    logLevel: process.env.MSP_LOG_LEVEL,
  });
  // Events the hook spooled while the agent was away go in first, before any live event.
  const drainSpool = async () => {
    if (!spoolHasEvents(hookFiles.spool)) return;
    const { ingestSpool } = await import('../services/capture/spool.js');
    const report = ingestSpool(context, hookFiles.spool, (message) => { app.log.warn(message); });
    if (report.ingested + report.duplicates > 0) app.log.info({ spool: report }, 'spooled hook events ingested');
  };
  await drainSpool().catch((error: unknown) => { app.log.warn({ err: error }, 'spool ingest failed: events stay spooled'); });
  const port = portOverride ?? context.config.agent.port;
  try {
    await app.listen({ host: '127.0.0.1', port });
  } catch (error) {
    lock.release();
    await checkpoints.stop();
    context.close();
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `port ${port} is in use: choose another with --port N or msp config set agent.port N` : `cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`);
  }
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  lock.update({ port: boundPort });
  // The hook script reads the port with a shell builtin: no process to parse JSON on every tool call.
  writeFileSync(hookFiles.port, `${boundPort} ${process.pid}\n`, { mode: 0o600 });
  process.stdout.write(`ready on http://127.0.0.1:${boundPort}\n`);

  // Capability probes take seconds: they run after ready, in their own process.
  let probeProcess: ChildProcess | undefined;
  const probe = setTimeout(() => {
    probeProcess = refreshCapabilitiesInBackground(context, {
      maxAgeMs: 6 * 60 * 60_000,
      timeoutMs: 30_000,
      env: process.env,
      onProblem: (message) => { app.log.warn(message); },
    });
    import('../services/capture/ingest.js')
      .then(({ pruneCaptureBookkeeping }) => pruneCaptureBookkeeping(context))
      .catch((error: unknown) => { app.log.warn({ err: error }, 'pruning capture bookkeeping failed'); });
  }, 200);
  probe.unref();

  // Sync with the team server in the background while this machine is logged in (msp login).
  void import('../sync/background.js').then(({ BackgroundSync: Sync }) => {
    if (stopping) return;
    backgroundSync = new Sync(context.store, context.files.syncLogin, {
      intervalMs: context.config.sync.intervalSeconds * 1000,
      onSynced: (report) => { if (report.pushed + report.pulled > 0) app.log.info({ sync: report }, 'synced'); },
      onProblem: (message) => { app.log.warn(message); },
      onRefused: () => {
        // A revoked machine must not keep the team's secrets: wipe what this keychain cached.
        import('../vault/credentials.js')
          .then(async ({ wipeLocalSecrets }) => {
            const { osKeychain } = await import('../vault/keychain.js');
            const removed = wipeLocalSecrets({ store: context.store, keychain: osKeychain() });
            app.log.warn(`revoked by the sync server: ${removed} cached secrets removed from this machine's keychain`);
          })
          .catch((error: unknown) => { app.log.warn(`revoked, but the cached secrets could not be wiped: ${(error as Error).message}`); });
      },
    });
    backgroundSync.start();
  });

  // Events the hook spooled while the agent was away (or slow) are ingested every few seconds.
  const spoolTimer = setInterval(() => { drainSpool().catch((error: unknown) => { app.log.warn({ err: error }, 'spool ingest failed'); }); }, 3000);
  spoolTimer.unref();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearTimeout(probe);
    clearInterval(spoolTimer);
    if (probeProcess && probeProcess.exitCode === null) probeProcess.kill();
    // close() lets requests in flight finish; only then the store closes (WAL checkpoint).
    app.close().then(() => backgroundSync?.stop()).then(() => checkpoints.stop()).then(
      () => {
        context.close();
        rmSync(hookFiles.port, { force: true });
        lock.release();
        process.stdout.write(`stopped (${signal})\n`);
        process.exit(0);
      },
      (error: unknown) => {
        context.close();
        lock.release();
        process.stderr.write(`msp agent: error while stopping: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => { stop('SIGINT'); });
  process.on('SIGTERM', () => { stop('SIGTERM'); });
}

export function main(argv: string[]): void {
  runAgent(argv).catch((error: unknown) => {
    fail(`unexpected error: ${(error as Error).message}`);
  });
}
