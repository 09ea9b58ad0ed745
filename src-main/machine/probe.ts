/**
 * The small toolkit every capability probe shares: a bounded process runner, a bounded attempt
 * that turns a hang or a failure into an entry in probeErrors, and file access that tests can
 * point at a temp folder. A probe never throws: a technician's `msp machine` must answer even
 * when Docker hangs or PowerShell is broken.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readdir, readFile, stat } from 'node:fs/promises';

export interface CommandResult {
  stdout: string;
  stderr: string;
  /** The exit code; version commands often print what we need and still exit non-zero. */
  exitCode: number;
}

/** Runs one executable (never a shell string); rejects when it cannot start or runs out of time. */
export type RunCommand = (command: string, args: string[], timeoutMs: number) => Promise<CommandResult>;

export interface FileAccess {
  readDir(path: string): Promise<string[]>;
  readFile(path: string): Promise<string>;
  /** True for a file this user may execute (on Windows: any existing file). */
  isExecutable(path: string, platform: NodeJS.Platform): Promise<boolean>;
}

/** Probe name -> "timeout" or a short reason; shared by all probes running in parallel. */
export type ProbeErrors = Record<string, string>;

export class ProbeTimeout extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'ProbeTimeout';
  }
}

export const runCommand: RunCommand = (command, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true, maxBuffer: 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) resolve({ stdout, stderr, exitCode: 0 });
        else if (typeof error.code === 'number') resolve({ stdout, stderr, exitCode: error.code });
        else if (error.killed && typeof error.code !== 'string') reject(new ProbeTimeout(command, timeoutMs));
        // It did not start (ENOENT, EACCES) or printed more than maxBuffer.
        else reject(error instanceof Error ? error : new Error(error.message));
      },
    );
    // A tool that falls into an interactive prompt would otherwise wait for input until killed.
    child.stdin?.end();
  });

export const nodeFileAccess: FileAccess = {
  readDir: (path) => readdir(path),
  readFile: (path) => readFile(path, 'utf8'),
  async isExecutable(path, platform) {
    try {
      // Windows app execution aliases (winget.exe) cannot be stat'ed, but access() sees them.
      if (platform === 'win32') return (await access(path, constants.F_OK), true);
      await access(path, constants.X_OK);
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  },
};

/**
 * Runs `work` for at most `timeoutMs`. On a hang or a failure, records "timeout" or a short reason
 * under `name` and yields null. The timer is always cleared so a finished probe holds nothing open.
 */
export async function attempt<T>(
  errors: ProbeErrors,
  name: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new ProbeTimeout(name, timeoutMs));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(), deadline]);
  } catch (error) {
    errors[name] = shortReason(error);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

export function shortReason(error: unknown): string {
  if (error instanceof ProbeTimeout) return 'timeout';
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine || 'failed';
}

/**
 * The time a step inside a probe gets: a quarter less than the probe's own, so a hanging step
 * costs only its own answer and the probe still returns what it found.
 */
export function stepTimeout(probeTimeoutMs: number): number {
  return Math.max(1, Math.floor(probeTimeoutMs * 0.75));
}

/** The first dotted version number a tool prints: "GNU bash, version 5.2.15(1)" -> "5.2.15". */
export function parseVersion(output: string): string | null {
  return /\d+(?:\.\d+)+/.exec(output)?.[0] ?? null;
}

/**
 * Asks `command args` for its version within `timeoutMs`; null when it prints none. A failure is
 * recorded under `name` so the technician sees which tool did not answer.
 */
export async function probeVersion(
  run: RunCommand,
  errors: ProbeErrors,
  name: string,
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<string | null> {
  const result = await attempt(errors, name, timeoutMs, () => run(command, args, timeoutMs));
  if (!result) return null;
  const version = parseVersion(result.stdout) ?? parseVersion(result.stderr);
  if (!version && result.exitCode !== 0) errors[name] = `exit ${result.exitCode}`;
  return version;
}

/** Files a bare execFile cannot start without a shell (Node refuses .cmd/.bat since 20.12). */
export function needsShell(path: string): boolean {
  return /\.(cmd|bat|ps1)$/i.test(path);
}
