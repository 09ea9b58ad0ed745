/** `msp-server user add|disable|list`: managing who may log in, from the server's own shell. */
import { parseArgs } from 'node:util';
import { Revocations } from '../auth/revocations.js';
import { UserDirectory } from '../auth/users.js';
import type { Clock } from '../clock.js';
import type { ServerConfig } from '../config.js';
import { withDatabase } from './database.js';
import { promptNewPassword, readPasswordFromStdin } from './prompt.js';
import { UsageError } from './usage.js';

function parse(args: string[], options: Record<string, { type: 'boolean' }>, usage: string): { name: string; flags: Record<string, boolean | undefined> } {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('.')[0] ?? 'bad arguments'} (usage: ${usage})`);
  }
  const [name, ...rest] = parsed.positionals;
  if (name === undefined || rest.length > 0) throw new UsageError(`usage: ${usage}`);
  return { name, flags: parsed.values };
}

export async function userCommand(args: string[], config: ServerConfig, clock: Clock, out: (line: string) => void): Promise<void> {
  const [action, ...rest] = args;
  switch (action) {
    case 'add': {
      const { name, flags } = parse(rest, { admin: { type: 'boolean' }, 'password-stdin': { type: 'boolean' } }, 'msp-server user add NAME [--admin] [--password-stdin]');
      const password = flags['password-stdin'] === true ? await readPasswordFromStdin() : await promptNewPassword(name);
      const user = await withDatabase(config, (database) => new UserDirectory(database.db, clock).add(name, password, flags.admin === true));
      out(`added user ${user.name}${user.admin ? ' (admin)' : ''}`);
      return;
    }
    case 'disable': {
      const { name } = parse(rest, {}, 'msp-server user disable NAME');
      const revoked = await withDatabase(config, async (database) => {
        const user = await new UserDirectory(database.db, clock).disable(name);
        const revocations = new Revocations(database.db, clock, 0);
        return revocations.revoke('user', user.id, 'user disabled', 'msp-server user disable');
      });
      out(`disabled user ${name}; ${revoked.refreshFamiliesRevoked} login(s) revoked`);
      return;
    }
    case 'list': {
      if (rest.length > 0) throw new UsageError('usage: msp-server user list');
      const users = await withDatabase(config, (database) => new UserDirectory(database.db, clock).list());
      if (users.length === 0) {
        out('no users yet: add one with msp-server user add NAME --admin');
        return;
      }
      const width = Math.max(4, ...users.map((user) => user.name.length));
      out(`${'name'.padEnd(width)}  admin  disabled  created`);
      for (const user of users) {
        out(`${user.name.padEnd(width)}  ${(user.admin ? 'yes' : 'no').padEnd(5)}  ${(user.disabled ? 'yes' : 'no').padEnd(8)}  ${new Date(user.createdAt).toISOString()}`);
      }
      return;
    }
    default:
      throw new UsageError('usage: msp-server user add|disable|list (see msp-server --help)');
  }
}
