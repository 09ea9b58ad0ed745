/** The users who may log in: added, disabled and listed by `msp-server user …` and the admin API. */
import { asc, eq } from 'drizzle-orm';
import type { UserView } from '../../src-shared/sync-api.js';
import { newId, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { users } from '../db/server-tables.js';
import { ServerError } from '../errors.js';
import { hashPassword, passwordProblem } from './passwords.js';

export type UserRow = typeof users.$inferSelect;

export const USER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export class UserDirectory {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async add(name: string, password: string, isAdmin: boolean): Promise<UserView> {
    if (!USER_NAME_PATTERN.test(name)) throw new ServerError('bad_input', `"${name}" is not a valid user name: letters, digits and . _ @ - (at most 64, starting with a letter or digit)`, 'name');
    const problem = passwordProblem(password);
    if (problem !== undefined) throw new ServerError('bad_input', problem, 'password');
    if (await this.findByName(name)) throw new ServerError('conflict', `user ${name} already exists`);
    const row = { id: newId(this.clock), name, passwordHash: await hashPassword(password), isAdmin, disabled: false, createdAt: this.clock.now() };
    try {
      await this.db.insert(users).values(row);
    } catch (error) {
      // Two adds of one name at once: the unique index decides.
      if ((error as { cause?: { code?: string } }).cause?.code === 'ER_DUP_ENTRY') throw new ServerError('conflict', `user ${name} already exists`);
      throw error;
    }
    return viewOf(row);
  }

  async findByName(name: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.name, name)).limit(1);
    return row;
  }

  async findById(id: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id)).limit(1);
    return row;
  }

  /** Marks the user disabled; the caller also revokes their tokens. */
  async disable(name: string): Promise<UserRow> {
    const user = await this.findByName(name);
    if (!user) throw new ServerError('not_found', `no user named ${name} (see msp-server user list)`);
    await this.db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    return { ...user, disabled: true };
  }

  async list(): Promise<UserView[]> {
    const rows = await this.db.select().from(users).orderBy(asc(users.name));
    return rows.map(viewOf);
  }
}

export function viewOf(row: UserRow): UserView {
  return { id: row.id, name: row.name, admin: row.isAdmin, disabled: row.disabled, createdAt: row.createdAt };
}
