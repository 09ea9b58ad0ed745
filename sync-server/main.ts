/**
 * Entry point of the `msp-server` bundle (bin/msp-server.cjs) and composition root of the sync
 * server process: the real clock, the environment's configuration, stdout/stderr. Exit codes:
 * 0 done, 1 failed (one line saying why), 2 wrong command line.
 */
import { systemClock } from './clock.js';
import { auditCommand } from './commands/audit.js';
import { keysCommand } from './commands/keys.js';
import { serveCommand } from './commands/serve.js';
import { HELP, UsageError } from './commands/usage.js';
import { userCommand } from './commands/users.js';
import { keysRetireCommand, keysRotateCommand, vaultRewrapCommand } from './commands/vault.js';
import { openMigrated } from './commands/database.js';
import { loadConfig } from './config.js';
import { ConfigError, ServerError } from './errors.js';

const out = (line: string) => { process.stdout.write(`${line}\n`); };
const warn = (line: string) => { process.stderr.write(`${line}\n`); };

async function run(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
    out(HELP);
    return;
  }
  const [command = 'serve', ...rest] = argv;
  const expectNothing = (usage: string) => { if (rest.length > 0) throw new UsageError(`usage: ${usage}`); };
  switch (command) {
    case 'serve':
      expectNothing('msp-server [serve]');
      await serveCommand(loadConfig(), systemClock, out, warn);
      return;
    case 'migrate': {
      expectNothing('msp-server migrate');
      const { database, migration } = await openMigrated(loadConfig());
      await database.close();
      out(migration.applied > 0 ? `applied ${migration.applied} migration(s); database ${database.name} is current (${migration.total} migrations)` : `database ${database.name} is already current (${migration.total} migrations)`);
      return;
    }
    case 'user':
      await userCommand(rest, loadConfig(), systemClock, out);
      return;
    case 'keys': {
      const [action, kid, ...extra] = rest;
      if (action === 'list' && kid === undefined) keysCommand(loadConfig(), systemClock, out, warn);
      else if (action === 'rotate' && kid === undefined) await keysRotateCommand(loadConfig(), systemClock, out, warn);
      else if (action === 'retire' && kid !== undefined && extra.length === 0) await keysRetireCommand(kid, loadConfig(), systemClock, out, warn);
      else throw new UsageError('usage: msp-server keys list|rotate|retire KID');
      return;
    }
    case 'vault':
      if (rest.length !== 1 || rest[0] !== 'rewrap') throw new UsageError('usage: msp-server vault rewrap');
      await vaultRewrapCommand(loadConfig(), systemClock, out, warn);
      return;
    case 'audit':
      await auditCommand(rest, loadConfig(), systemClock, out);
      return;
    default:
      throw new UsageError(`unknown command "${command}" (see msp-server --help)`);
  }
}

export function main(argv: string[]): void {
  run(argv).then(
    () => { process.exit(0); },
    (error: unknown) => {
      // A refused value (a short password, a bad name) is wrong input, like a wrong command line.
      if (error instanceof UsageError || (error instanceof ServerError && error.code === 'bad_input')) {
        warn(`msp-server: ${error.message}`);
        process.exit(2);
      }
      const message = error instanceof ConfigError || error instanceof ServerError ? error.message : `unexpected error: ${(error as Error).message}`;
      warn(`msp-server: ${message}`);
      process.exit(1);
    },
  );
}
