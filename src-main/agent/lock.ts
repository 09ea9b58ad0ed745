import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { MspError } from '../core/errors.js';

export interface LockInfo {
  pid: number;
  port: number | null;
  startedAt: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

/**
 * One agent per data dir. The lock file is created exclusively; a lock left by a dead process
 * (kill -9, power cut) is taken over, a live one refuses the start with the running agent's address.
 */
export function acquireAgentLock(file: string, dataDir: string, now: number): { update(info: Partial<LockInfo>): void; release(): void } {
  const info: LockInfo = { pid: process.pid, port: null, startedAt: now };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      return {
        update(change) {
          Object.assign(info, change);
          writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
        },
        release() {
          if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new MspError('unavailable', `cannot create ${file}: ${(error as Error).message}`);
      const holder = readLock(file);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        const where = holder.port ? ` on http://127.0.0.1:${holder.port}` : '';
        throw new MspError('conflict', `another agent (pid ${holder.pid}) is already running for ${dataDir}${where}: stop it first, or set MSP_HOME to use another data dir`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new MspError('conflict', `could not take the agent lock ${file}: another agent is starting at the same moment`);
}
