/**
 * Who and where this agent runs. The fingerprint is the seed's formula exactly,
 * SHA-256 of "hostname|username|platform|homedir", so every install on the same account of the
 * same computer finds the same machines row.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { UNKNOWN } from '../../src-shared/machine.js';

export interface OsFacts {
  hostname: string;
  username: string;
  platform: string;
  homeDir: string;
}

export interface MachineIdentity extends OsFacts {
  fingerprint: string;
}

export function currentOsFacts(): OsFacts {
  return {
    hostname: os.hostname(),
    username: currentUsername(),
    platform: process.platform,
    homeDir: os.homedir(),
  };
}

export function machineIdentity(facts: OsFacts = currentOsFacts()): MachineIdentity {
  const { hostname, username, platform, homeDir } = facts;
  const fingerprint = createHash('sha256')
    .update(`${hostname}|${username}|${platform}|${homeDir}`)
    .digest('hex');
  return { hostname, username, platform, homeDir, fingerprint };
}

/** os.userInfo() throws when the uid has no passwd entry (common in containers). */
function currentUsername(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? UNKNOWN;
  }
}
