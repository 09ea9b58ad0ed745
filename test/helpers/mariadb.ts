// A fresh MariaDB database per test file (msp_t_<random>), dropped when the file's tests end.
// When MariaDB is not reachable the tests fail at once, naming the command that starts it.
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

export const MARIADB_HOST = process.env.MSP_TEST_MARIADB_HOST ?? '127.0.0.1';
export const MARIADB_PORT = Number(process.env.MSP_TEST_MARIADB_PORT ?? 3306);
export const START_MARIADB = 'mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld; start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql';

async function connect(): Promise<mysql.Connection> {
  try {
    return await mysql.createConnection({ host: MARIADB_HOST, port: MARIADB_PORT, user: 'root', connectTimeout: 5000 });
  } catch (error) {
    throw new Error(`MariaDB is not reachable at ${MARIADB_HOST}:${MARIADB_PORT} (${(error as Error).message}): start it with: ${START_MARIADB}`);
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  /** Runs a query on the test database (own connection). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** Creates an empty database; the caller drops it (usually in after()). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = await connect();
  const name = `msp_t_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.query(`USE \`${name}\``);
  return {
    name,
    url: `mysql://root@${MARIADB_HOST}:${MARIADB_PORT}/${name}`,
    query: async <T>(sql: string, params: unknown[] = []) => {
      const [rows] = await admin.query(sql, params);
      return rows as T[];
    },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

/** A database name that does not exist yet (for tests of "created if missing"), dropped afterwards. */
export function unusedDatabaseName(): { name: string; url: string; drop(): Promise<void> } {
  const name = `msp_t_${randomBytes(6).toString('hex')}`;
  return {
    name,
    url: `mysql://root@${MARIADB_HOST}:${MARIADB_PORT}/${name}`,
    drop: async () => {
      const admin = await connect();
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}
