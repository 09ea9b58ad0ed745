import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { hookScript } from '../../src-main/services/capture/hook-script.js';
import { mspHookCommand } from '../../src-main/services/install/settings.js';

describe('the hook script for Windows (Git Bash) data dirs', () => {
  const windowsDir = "C:\\Users\\Tech O'Brien\\AppData\\Roaming\\MSP Mode";

  it('names the data dir with forward slashes, quoted, and parses as bash', () => {
    const script = hookScript(windowsDir);
    assert.ok(script.includes("dir='C:/Users/Tech O'\\''Brien/AppData/Roaming/MSP Mode'\n"), script.split('\n')[2]);
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    assert.equal(mspHookCommand(windowsDir), "bash 'C:/Users/Tech O'\\''Brien/AppData/Roaming/MSP Mode/hook.sh' # msp-mode-hook");
  });

  it('skips the pid check where kill cannot see Windows pids, and keeps it elsewhere', () => {
    const script = hookScript('/home/tech/.local/share/msp-mode');
    assert.match(script, /case "\$OSTYPE" in msys\*\|cygwin\*\) ;; \*\) kill -0 "\$pid" 2>\/dev\/null \|\| spool ;; esac/);
    assert.ok(script.includes("dir='/home/tech/.local/share/msp-mode'\n"));
  });
});
