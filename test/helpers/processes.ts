// Runs the shipped artifacts (bin/*.cjs over dist/) the way a user does, on a temp data dir.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const mspBin = path.join(repoRoot, 'bin', 'msp.cjs');

/** A fresh data dir (MSP_HOME) removed when the test ends. */
export function tempHome(t: { after(fn: () => void): void }, prefix = 'msp-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => { rmSync(dir, { recursive: true, force: true }); });
  return dir;
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runMsp(home: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [mspBin, ...args], {
    env: { ...process.env, MSP_HOME: home, ...extraEnv },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function runMspJson<T = unknown>(home: string, args: string[]): T {
  const result = runMsp(home, [...args, '--json']);
  if (result.status !== 0) throw new Error(`msp ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
  return JSON.parse(result.stdout) as T;
}

export interface RunningAgent {
  child: ChildProcess;
  port: number;
  token: string;
  base: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `msp agent --port 0` and resolves when it prints its ready line. */
export function startAgent(home: string, args: string[] = ['--port', '0'], timeoutMs = 15_000): Promise<RunningAgent> {
  const child = spawn(process.execPath, [mspBin, 'agent', ...args], { env: { ...process.env, MSP_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let ready = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`agent not ready after ${timeoutMs} ms: ${output}`));
    }, timeoutMs);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => { done(code); }));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match && !ready) {
        ready = true;
        clearTimeout(timer);
        const port = Number(match[1]);
        const token = readFileSync(path.join(home, 'agent.token'), 'utf8').trim();
        resolve({
          child, port, token, base: `http://127.0.0.1:${port}`, output: () => output,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`agent exited (${code}) before ready: ${output}`));
    });
  });
}
