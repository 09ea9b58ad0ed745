import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { machineProfile } from '../services/machine-profile.js';
import type { ServiceContext } from '../services/context.js';

export interface RefreshOptions {
  /** Probe again when the cached result is older than this. */
  maxAgeMs: number;
  /** Kill the probe if it has not finished by then. */
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  onProblem(message: string): void;
}

/** The `msp` launcher beside the one this agent was started from (bin/msp.cjs). */
export function mspLauncher(argv1: string | undefined = process.argv[1]): string | undefined {
  if (!argv1) return undefined;
  return path.join(path.dirname(argv1), 'msp.cjs');
}

/**
 * Refreshes the machine's capabilities in a separate `msp machine --refresh` process: the probes
 * (systeminformation, shells, Docker…) then cost the long-running agent neither memory nor a
 * blocked event loop, and a probe that hangs is killed with its process.
 */
export function refreshCapabilitiesInBackground(context: ServiceContext, options: RefreshOptions): ChildProcess | undefined {
  const cached = machineProfile(context).capabilities;
  if (cached && context.store.clock.now() - cached.probedAt < options.maxAgeMs) return undefined;
  const launcher = mspLauncher();
  if (!launcher) return undefined;
  const child = spawn(process.execPath, [launcher, 'machine', '--refresh', '--json'], {
    env: options.env,
    stdio: ['ignore', 'ignore', 'pipe'],
    windowsHide: true,
    timeout: options.timeoutMs,
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.on('error', (error) => { options.onProblem(`capability probe could not start: ${error.message}`); });
  child.on('exit', (code, signal) => {
    if (code !== 0) options.onProblem(`capability probe ended with ${signal ?? `exit ${code}`}: ${stderr.trim().split('\n')[0] ?? ''}`);
  });
  child.unref();
  return child;
}
