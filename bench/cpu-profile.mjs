// Preloaded with NODE_OPTIONS=--import (which refuses --cpu-prof) by the sync benchmark when
// MSP_BENCH_CPU_PROF=DIR is set: profiles this process and writes DIR/<name>-<pid>.cpuprofile at exit.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.MSP_BENCH_CPU_PROF;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.on('exit', () => {
    // An in-thread session answers synchronously, so the profile is written before the process ends.
    session.post('Profiler.stop', (error, result) => {
      if (error || !result) return;
      const name = path.basename(process.argv[1] || 'node').replace(/\W+/g, '-');
      writeFileSync(path.join(dir, `${name}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
