/**
 * Machines users have logged in from. Kept in the server's own registered_machines table, not in
 * the synced machines table: that one is written by agents through sync, and what authorises a
 * machine must never be writable through sync. Both use the same machine id (UUIDv5 of the
 * fingerprint), so sync can join them.
 */
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { MachineDescription, MachineView } from '../../src-shared/sync-api.js';
import { machineIdOf, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { registeredMachines, revocations, users } from '../db/server-tables.js';

export class MachineRegistry {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  /** Registers (or refreshes) the machine for the user; returns its machine id. */
  async register(userId: string, machine: MachineDescription): Promise<string> {
    const machineId = machineIdOf(machine.fingerprint);
    const now = this.clock.now();
    await this.db
      .insert(registeredMachines)
      .values({ machineId, userId, fingerprint: machine.fingerprint, hostname: machine.hostname, platform: machine.platform, firstSeenAt: now, lastSeenAt: now })
      .onDuplicateKeyUpdate({ set: { hostname: machine.hostname, platform: machine.platform, lastSeenAt: now } });
    return machineId;
  }

  async list(): Promise<MachineView[]> {
    const rows = await this.db
      .select({ machine: registeredMachines, user: users.name })
      .from(registeredMachines)
      .innerJoin(users, eq(users.id, registeredMachines.userId))
      .orderBy(asc(users.name), asc(registeredMachines.hostname));
    const ids = [...new Set(rows.map((row) => row.machine.machineId))];
    // A machine revoked after its last login stays revoked; a login after the revocation (the
    // password proves the user again) makes it active.
    const revokedAt = new Map(ids.length === 0 ? [] : (await this.db
      .select({ subject: revocations.subject, at: max(revocations.at) })
      .from(revocations)
      .where(and(eq(revocations.kind, 'machine'), inArray(revocations.subject, ids)))
      .groupBy(revocations.subject)).map((row) => [row.subject, row.at ?? 0]));
    return rows.map(({ machine, user }) => ({
      machineId: machine.machineId,
      userId: machine.userId,
      user,
      hostname: machine.hostname,
      platform: machine.platform,
      firstSeenAt: machine.firstSeenAt,
      lastSeenAt: machine.lastSeenAt,
      revoked: (revokedAt.get(machine.machineId) ?? -1) >= machine.lastSeenAt,
    }));
  }
}
