/**
 * Finds a program the way the shell would (PATH, and PATHEXT on Windows) without spawning one:
 * a lookup costs a few stat calls, a spawn costs tens of milliseconds and may hang.
 */
import path from 'node:path';
import type { FileAccess, ProbeErrors, RunCommand } from './probe.js';

export type Environment = Record<string, string | undefined>;

export interface PathLookup {
  platform: NodeJS.Platform;
  env: Environment;
  files: FileAccess;
}

/** What a probe that looks up and runs programs needs. */
export interface ProgramProbe extends PathLookup {
  run: RunCommand;
  errors: ProbeErrors;
  timeoutMs: number;
}

/** Windows environment names are case-insensitive (Path, PATH); an injected object is not. */
export function envValue(env: Environment, name: string, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') return env[name];
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : env[key];
}

export function pathFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** The full path of `program` on PATH, or null when it is not installed. */
export async function findOnPath(program: string, lookup: PathLookup): Promise<string | null> {
  const { platform, env, files } = lookup;
  const paths = pathFor(platform);
  const separator = platform === 'win32' ? ';' : ':';
  const dirs = (envValue(env, 'PATH', platform) ?? '').split(separator).filter((dir) => dir.length > 0);
  const extensions =
    platform === 'win32'
      ? (envValue(env, 'PATHEXT', platform) ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)
      : [''];
  for (const dir of dirs) {
    for (const extension of extensions) {
      const candidate = paths.join(dir.replace(/^"(.*)"$/, '$1'), program + extension.toLowerCase());
      if (await files.isExecutable(candidate, platform)) return candidate;
    }
  }
  return null;
}
