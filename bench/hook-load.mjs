// Load generator for the hook-ingest benchmark, in its own process so that neither the agent nor
// the baseline server shares a thread with the client.
// usage: node bench/hook-load.mjs PORT TOKEN COUNT CONCURRENCY [RATE_PER_S]
// Prints one JSON line: { rate, p50, p99, errors }.
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { setTimeout } from 'node:timers';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [port, token, count, concurrency, pace] = process.argv.slice(2);
const total = Number(count);
const payload = readFileSync(path.join(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'claude-code', 'post-tool-use-bash.json'), 'utf8');
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) });
const latencies = [];
let errors = 0;

function post(body) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const request = http.request(
      { host: '127.0.0.1', port: Number(port), path: '/v1/hooks', method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          if ((response.statusCode ?? 500) >= 300) errors++;
          resolve();
        });
      },
    );
    request.on('error', () => { errors++; resolve(); });
    request.end(body);
  });
}

const bodyFor = (i) => payload.replace('toolu_01H8xQk2VvB3nR7tYc9LmP4a', `toolu_load_${process.pid}_${i}`);
const started = process.hrtime.bigint();
if (pace) {
  // Open loop at a fixed rate: latency as a steady stream of events sees it.
  const interval = 1000 / Number(pace);
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = Number(started) / 1e6 + i * interval;
    const wait = due - Number(process.hrtime.bigint()) / 1e6;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(post(bodyFor(i)));
  }
  await Promise.all(pending);
} else {
  let next = 0;
  const worker = async () => { while (next < total) await post(bodyFor(next++)); };
  await Promise.all(Array.from({ length: Number(concurrency) }, worker));
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? NaN;
process.stdout.write(`${JSON.stringify({ rate: total / seconds, p50: at(0.5), p99: at(0.99), errors })}\n`);
agent.destroy();
