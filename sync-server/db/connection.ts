/**
 * The MariaDB connection pool and its drizzle handle. The database named in the URL is created
 * when missing, so `msp-server` starts on a bare MariaDB. Connection problems become one line
 * naming the address and what to do.
 */
import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import mysql, { type Pool } from 'mysql2/promise';
import { ServerError } from '../errors.js';

export type Db = MySql2Database;

export interface Database {
  pool: Pool;
  db: Db;
  /** Database name from the URL. */
  name: string;
  close(): Promise<void>;
}

interface Target {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

function targetOf(url: string): Target {
  const parsed = new URL(url);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port === '' ? 3306 : Number(parsed.port),
    user: decodeURIComponent(parsed.username) || 'root',
    password: decodeURIComponent(parsed.password),
    database: parsed.pathname.replace(/^\//, ''),
  };
}

/** One line a technician can act on, for errors met while connecting. */
export function explainConnectionError(error: unknown, target: { host: string; port: number; user?: string }): ServerError {
  const code = (error as { code?: string }).code;
  const where = `${target.host}:${target.port}`;
  switch (code) {
    case 'ECONNREFUSED':
      return new ServerError('unavailable', `MariaDB refused the connection at ${where}: is it running? (systemctl start mariadb) — or fix MSP_SERVER_DATABASE_URL`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ServerError('unavailable', `MariaDB host ${target.host} is unknown: fix MSP_SERVER_DATABASE_URL`);
    case 'ETIMEDOUT':
      return new ServerError('unavailable', `MariaDB at ${where} did not answer in time: check the address and firewall (MSP_SERVER_DATABASE_URL)`);
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_DBACCESS_DENIED_ERROR':
      return new ServerError('unavailable', `MariaDB at ${where} refused user ${target.user ?? '?'}: check the user and password in MSP_SERVER_DATABASE_URL and its grants`);
    default:
      return new ServerError('unavailable', `cannot use MariaDB at ${where}: ${(error as Error).message}`);
  }
}

/** Connects, creating the database when it does not exist yet. */
export async function openDatabase(url: string, options: { connectionLimit?: number } = {}): Promise<Database> {
  const target = targetOf(url);
  const common = { host: target.host, port: target.port, user: target.user, password: target.password, supportBigNumbers: true, connectTimeout: 10_000 };
  try {
    const bootstrap = await mysql.createConnection(common);
    try {
      await bootstrap.query(`CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    } finally {
      await bootstrap.end();
    }
  } catch (error) {
    throw explainConnectionError(error, target);
  }
  const pool = mysql.createPool({ ...common, database: target.database, connectionLimit: options.connectionLimit ?? 10, waitForConnections: true });
  const db = drizzle({ client: pool });
  return { pool, db, name: target.database, close: () => pool.end() };
}
