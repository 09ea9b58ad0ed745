// npm run bench: each figure beside a baseline measured in the same run, on this machine.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { manualClock } from '../src-main/core/clock.js';
import { uuidv7Source } from '../src-main/core/ids.js';
import { Store } from '../src-main/store/store.js';
import { mspBin, repoRoot } from '../test/helpers/processes.js';
import { median, percentile, row } from './stats.js';

const temp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));

function timeNodeBaseline(runs: number): number[] {
  return Array.from({ length: runs }, () => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '']);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
}

interface StartedAgent { ms: number; port: number; pid: number; stop(): Promise<void> }

function startAgentTimed(home: string): Promise<StartedAgent> {
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [mspBin, 'agent', '--port', '0'], { env: { ...process.env, MSP_HOME: home }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        resolve({
          ms, port: Number(match[1]), pid: child.pid ?? 0,
          stop: () => new Promise((done) => { child.once('exit', () => { done(); }); child.kill('SIGTERM'); }),
        });
      }
    });
    child.once('exit', (code) => { reject(new Error(`agent exited ${code}: ${output}`)); });
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

async function idleNodeRss(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rss = rssMb(child.pid ?? 0);
  child.kill();
  return rss;
}

function call(port: number, token: string, method: string, route: string, body?: string, via: http.Agent = keepAlive): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: route, agent: via, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => { resolve(res.statusCode ?? 0); });
    });
    req.on('error', reject);
    req.end(body);
  });
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

async function latency(runs: number, once: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await once();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

async function bareHttpServer(): Promise<{ port: number; close(): void }> {
  const server = http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{}'); }); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, close: () => server.close() };
}

const COMMAND = { command: 'Get-ADUser -Filter * -SearchBase "OU=Staff,DC=corp,DC=local" | Select Name', shell: 'powershell', cwd: 'C:\\Users\\tech', exitCode: 0, success: true, durationMs: 812, stdoutTail: 'Name\n----\nJane Doe\nJohn Roe', source: 'capture' };

function insertRates(rows: number, batch: number): { store: number; bare: number } {
  const dir = temp('msp-bench-insert-');
  try {
    const clock = manualClock(Date.now());
    const store = Store.open({ file: path.join(dir, 'store.db'), clock, ids: uuidv7Source() });
    const sessionId = store.write((w) => w.insert('sessions', { machineId: 'm', mode: 'normal', billable: false, technician: 't', startedAt: 0, lastActivityAt: 0, pausedMs: 0, unconfirmedIdleMs: 0 }));
    // Both sides get the same command records, made before the clock starts.
    const records = Array.from({ length: batch }, (_, i) => ({ ...COMMAND, sessionId, durationMs: 800 + i, startedAt: clock.now(), finishedAt: clock.now() }));
    let start = process.hrtime.bigint();
    for (let done = 0; done < rows; done += batch) {
      store.write((w) => {
        for (const record of records) w.insert('commands_run', record);
      });
    }
    const storeRate = rows / (Number(process.hrtime.bigint() - start) / 1e9);
    store.close();

    // Baseline: the same table (same indexes), a bare prepared INSERT of the same values.
    const bare = Store.open({ file: path.join(dir, 'bare.db'), clock, ids: uuidv7Source() });
    bare.close();
    const db = new Database(path.join(dir, 'bare.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const insert = db.prepare(`INSERT INTO commands_run (id, session_id, command, shell, cwd, exit_code, success, duration_ms, stdout_tail, source, started_at, finished_at, created_at, updated_at, origin_id, hlc, deleted)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`);
    const ids = uuidv7Source();
    // The same bytes the store writes: a 36-character origin and a full-length HLC.
    const origin = randomUUID();
    const hlc = `${String(Date.now()).padStart(13, '0')}-00000-${origin}`;
    const transaction = db.transaction((count: number) => {
      for (let i = 0; i < count; i++) {
        const record = records[i % records.length] ?? records[0];
        if (!record) return;
        const now = Date.now();
        insert.run(ids.newId(), record.sessionId, record.command, record.shell, record.cwd, record.exitCode, record.success ? 1 : 0, record.durationMs, record.stdoutTail, record.source, record.startedAt, record.finishedAt, now, now, origin, hlc);
      }
    });
    start = process.hrtime.bigint();
    for (let done = 0; done < rows; done += batch) transaction(batch);
    const bareRate = rows / (Number(process.hrtime.bigint() - start) / 1e9);
    db.close();
    return { store: storeRate, bare: bareRate };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const lines: string[] = [`MSP Mode benchmarks — node ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString()}`, ''];
  const print = (line: string) => { lines.push(line); console.log(line); };

  // 1. Cold start to ready.
  const nodeBaseline = median(timeNodeBaseline(10));
  const home = temp('msp-bench-start-');
  const first = await startAgentTimed(home);
  await first.stop();
  // As on a technician's machine: capabilities were probed recently, so a restart does not probe.
  spawnSync(process.execPath, [mspBin, 'machine'], { env: { ...process.env, MSP_HOME: home } });
  const starts: number[] = [];
  for (let i = 0; i < 10; i++) {
    const agent = await startAgentTimed(home);
    starts.push(agent.ms);
    await agent.stop();
  }
  print(row('agent first start (new database, no code cache)', `${first.ms.toFixed(0)} ms`, `${nodeBaseline.toFixed(0)} ms`, "node -e ''"));
  print(row('agent cold start to ready (median of 10)', `${median(starts).toFixed(0)} ms`, `${nodeBaseline.toFixed(0)} ms`, `goal < 300 ms: ${median(starts) < 300 ? 'met' : 'MISSED'}`));

  // 2. Idle RSS, after the background capability probe has run.
  const agent = await startAgentTimed(home);
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const agentRss = rssMb(agent.pid);
  const nodeRss = await idleNodeRss();
  print(row('agent idle RSS (5 s after ready)', `${agentRss.toFixed(1)} MB`, `${nodeRss.toFixed(1)} MB`, `idle node; goal < 80 MB: ${agentRss < 80 ? 'met' : 'MISSED'}`));

  // 3. What a Claude Code hook costs (the installed hook command, wall time), agent up and down.
  const hookScript = path.join(home, 'hook.sh');
  const payload = readFileSync(path.join(repoRoot, '..', 'shared', 'fixtures', 'claude-code', 'post-tool-use-bash.json'), 'utf8');
  const timeCommand = (command: string, args: string[], input: string) => {
    const started = process.hrtime.bigint();
    spawnSync(command, args, { input });
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const trueSamples = Array.from({ length: 50 }, () => timeCommand('true', [], ''));
  const hookUp = Array.from({ length: 50 }, (_, i) => timeCommand('bash', [hookScript], payload.replace('toolu_01H8xQk2VvB3nR7tYc9LmP4a', `toolu_bench_${i}`)));
  print(row('hook command, agent up, p50 / p95', `${median(hookUp).toFixed(1)} / ${percentile(hookUp, 95).toFixed(1)} ms`, `${median(trueSamples).toFixed(1)} ms`, 'spawning `true`; goal p95 <= 30 ms'));

  const token = readFileSync(path.join(home, 'agent.token'), 'utf8').trim();
  // 4. Sustained hook ingest over loopback HTTP (PostToolUse Bash, each durable before its answer).
  const ingestOnce = async (port: number, count: number, concurrency: number) => {
    let sent = 0;
    const started = process.hrtime.bigint();
    const worker = async () => {
      while (sent < count) {
        sent += 1;
        const body = payload.replace('toolu_01H8xQk2VvB3nR7tYc9LmP4a', `toolu_ingest_${sent}_${Math.random()}`);
        const status = await call(port, token, 'POST', '/v1/hooks', body, ingestAgent);
        if (status >= 300) throw new Error(`ingest answered ${status}`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return count / (Number(process.hrtime.bigint() - started) / 1e9);
  };
  const ingestAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  await ingestOnce(agent.port, 500, 8);
  const ingestRate = await ingestOnce(agent.port, 5000, 8);

  // 5. Session start/end latency over the API vs a bare node:http server on loopback.
  let client = 0;
  const sessionSamples = await latency(300, async () => {
    client += 1;
    const started = await call(agent.port, token, 'POST', '/v1/sessions/start', JSON.stringify({ mode: 'msp', client: `Client ${client % 20}` }));
    const ended = await call(agent.port, token, 'POST', '/v1/sessions/end', '{}');
    if (started !== 201 || ended !== 200) throw new Error(`unexpected status ${started}/${ended}`);
  });
  await agent.stop();
  const bare = await bareHttpServer();
  const bareSamples = await latency(300, async () => {
    await call(bare.port, token, 'POST', '/', '{}');
    await call(bare.port, token, 'POST', '/', '{}');
  });
  const bareIngest = await ingestOnce(bare.port, 5000, 8);
  bare.close();
  ingestAgent.destroy();
  print(row('hook ingest, PostToolUse Bash over HTTP', `${Math.round(ingestRate)}/s`, `${Math.round(bareIngest)}/s`, `bare node:http; ${((100 * ingestRate) / bareIngest).toFixed(0)}% (goal >= 10,000/s and >= 40%)`));
  print(row('session start+end over the API, p50', `${median(sessionSamples).toFixed(2)} ms`, `${median(bareSamples).toFixed(2)} ms`, 'two bare node:http POSTs'));
  print(row('session start+end over the API, p95', `${percentile(sessionSamples, 95).toFixed(2)} ms`, `${percentile(bareSamples, 95).toFixed(2)} ms`));
  const hookDown = Array.from({ length: 50 }, (_, i) => timeCommand('bash', [hookScript], payload.replace('toolu_01H8xQk2VvB3nR7tYc9LmP4a', `toolu_down_${i}`)));
  print(row('hook command, agent down (spooled), p50 / p95', `${median(hookDown).toFixed(1)} / ${percentile(hookDown, 95).toFixed(1)} ms`, `${median(trueSamples).toFixed(1)} ms`, 'spawning `true`'));
  rmSync(home, { recursive: true, force: true });

  // 6. Insert rate of commands through the store (row + outbox) vs bare better-sqlite3.
  insertRates(5_000, 500);
  const rates = insertRates(200_000, 1000);
  const ratio = rates.store / rates.bare;
  print(row('commands_run inserts through the store', `${Math.round(rates.store)}/s`, `${Math.round(rates.bare)}/s`, `bare prepared insert; ratio ${(ratio * 100).toFixed(0)}% (goal >= 50%: ${ratio >= 0.5 ? 'met' : 'MISSED'})`));
  keepAlive.destroy();
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exit(1);
});
