/** Opening the configured database with its schema current: what every command that needs MariaDB starts with. */
import type { ServerConfig } from '../config.js';
import { openDatabase, type Database } from '../db/connection.js';
import { migrateDatabase, type MigrationResult } from '../db/migrate.js';

export async function openMigrated(config: ServerConfig): Promise<{ database: Database; migration: MigrationResult }> {
  const database = await openDatabase(config.databaseUrl);
  try {
    return { database, migration: await migrateDatabase(database) };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function withDatabase<T>(config: ServerConfig, work: (database: Database) => Promise<T>): Promise<T> {
  const { database } = await openMigrated(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
