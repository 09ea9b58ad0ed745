import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { manualClock } from '../../src-main/core/clock.js';
import { errorSignature } from '../../src-main/core/error-signature.js';
import { openServiceContext } from '../../src-main/services/bootstrap.js';
import { addClient } from '../../src-main/services/clients.js';
import { addProblem, matchProblems } from '../../src-main/services/knowledge/problems.js';
import { endSession, startSession } from '../../src-main/services/sessions.js';
import { runMsp, tempHome } from '../helpers/processes.js';

describe('error signatures', () => {
  it('are the same for the same failure on other hosts, paths, numbers, GUIDs and quoting', () => {
    const pairs: [string, string][] = [
      ['ssh: connect to host ACME-NAS01 port 22: Connection timed out', 'ssh: connect to host BETA-SW07 port 2222: Connection timed out'],
      ["Access to the path 'C:\\Users\\jdoe\\AppData\\x.tmp' is denied.", 'Access to the path "D:\\Shares\\Finance\\2025.xlsx" is denied.'],
      ['User {3F2504E0-4F89-11D3-9A0C-0305E82C3301} not found in dc01.acme.local', 'User {0A1B2C3D-0000-4000-8000-123456789ABC} not found in dc02.beta.lan'],
      ["Job 'Nightly backup' failed: cannot reach \\\\ACME-NAS01\\backup (0x80070035)", 'Job "Weekly offsite" failed: cannot reach \\\\10.0.0.5\\bk (0x80070043)'],
      ['ping: 192.168.1.20: Destination Host Unreachable', 'ping: 10.20.30.40: Destination Host Unreachable'],
    ];
    for (const [a, b] of pairs) assert.equal(errorSignature(a), errorSignature(b), `${a}\n${b}`);
    assert.notEqual(errorSignature("The term 'Get-LocalUser' is not recognized"), errorSignature("The term 'Get-NetAdapter' is not recognized"), 'a quoted command name is kept');
  });
});

describe('msp problems', () => {
  function history(t: { after(fn: () => void): void }) {
    const home = tempHome(t);
    const clock = manualClock(Date.UTC(2026, 5, 1, 9));
    const context = openServiceContext({ env: { MSP_HOME: home }, clock });
    t.after(() => { context.close(); });
    for (const name of ['Acme', 'Beta']) addClient(context.store, name);
    addProblem(context, { client: 'Acme', problem: 'Scanner cannot save to ACME-NAS01', errorText: 'protocol negotiation failed: NT_STATUS_CONNECTION_RESET', solution: 'Allow SMB1 for the scanner share: smbclient with --option="client min protocol=NT1"; enabled SMB1 on the NAS for that share only' });
    addProblem(context, { client: 'Beta', problem: 'Local users script fails on BETA-APP01 (Server 2008 R2)', errorText: "The term 'Get-LocalUser' is not recognized as the name of a cmdlet, function, script file, or operable program.", solution: 'PowerShell 2.0 has no Get-LocalUser: used Get-WmiObject Win32_UserAccount -Filter "LocalAccount=True"' });
    addProblem(context, { client: 'Beta', problem: 'Adapter inventory fails on BETA-APP01', errorText: "The term 'Get-NetAdapter' is not recognized as the name of a cmdlet.", solution: 'Get-WmiObject Win32_NetworkAdapter' });
    addProblem(context, { client: 'Acme', problem: 'Switch ssh times out', errorText: 'ssh: connect to host ACME-SW01 port 22: Connection timed out', solution: 'The UniFi switch listens on 2222: ssh -p 2222 admin@ACME-SW01' });
    addProblem(context, { client: 'Acme', problem: 'Backup job cannot reach the NAS', errorText: "Job 'Nightly' failed: cannot reach \\\\ACME-NAS01\\backup (0x80070035)", solution: 'Restarted the Server service on ACME-NAS01, then re-ran the job' });
    // A failure and, minutes later in the same session, the command that worked.
    startSession(context, { mode: 'msp', client: 'Gamma' });
    const session = context.store.sqlite.prepare('SELECT id, client_id AS clientId FROM sessions WHERE ended_at IS NULL').get() as { id: string; clientId: string };
    const run = (command: string, ok: boolean, error?: string) => {
      context.store.write((w) => w.insert('commands_run', { sessionId: session.id, clientId: session.clientId, command, shell: 'bash', success: ok, exitCode: ok ? 0 : 255, errorMessage: error ?? null, startedAt: clock.now(), finishedAt: clock.now(), source: 'capture' }));
      clock.advance(90_000);
    };
    run('ssh admin@GAMMA-SW02', false, 'ssh: connect to host GAMMA-SW02 port 22: Connection timed out');
    run('ping -c 2 GAMMA-SW02', true);
    run('ssh -p 2222 admin@GAMMA-SW02', true);
    endSession(context);
    return { context, home };
  }

  it('finds the recorded fix of the same error seen elsewhere, first, in at most 250 words', (t) => {
    const { context } = history(t);
    const cases: [string, RegExp][] = [
      ['smbclient: protocol negotiation failed: NT_STATUS_CONNECTION_RESET (host BETA-NAS09)', /^Similar problems \(\d\):\n1\. \[[0-9a-f]{8}\] Scanner cannot save to ACME-NAS01 — fix: Allow SMB1/],
      ["Get-LocalUser : The term 'Get-LocalUser' is not recognized as the name of a cmdlet", /^Similar problems \(\d\):\n1\. \[[0-9a-f]{8}\] Local users script fails on BETA-APP01/],
      ["The term 'Get-NetAdapter' is not recognized", /^Similar problems \(\d\):\n1\. \[[0-9a-f]{8}\] Adapter inventory fails/],
      ['Job "Weekly offsite" failed: cannot reach \\\\10.0.0.9\\offsite (0x80070035)', /^Similar problems \(\d\):\n1\. \[[0-9a-f]{8}\] Backup job cannot reach the NAS — fix: Restarted the Server service/],
    ];
    for (const [error, expected] of cases) {
      const answer = matchProblems(context, error);
      assert.match(answer.text, expected, answer.text);
      assert.ok(answer.text.split(/\s+/).length <= 250);
      assert.match(answer.text, /worked 1×, last 2026-06-01 for (Acme|Beta)/);
    }
  });

  it('names past failed commands with the command that worked next in the same session', (t) => {
    const { context } = history(t);
    const answer = matchProblems(context, 'ssh: connect to host OTHER-SW11 port 22: Connection timed out');
    assert.match(answer.text, /1\. \[[0-9a-f]{8}\] Switch ssh times out — fix: The UniFi switch listens on 2222/);
    assert.match(answer.text, /Past failures with this error, and what worked next:\n- 2026-06-01 Gamma \[[0-9a-f]{8}\]: `ssh admin@GAMMA-SW02` failed → `ssh -p 2222 admin@GAMMA-SW02` worked \(after `ping -c 2 GAMMA-SW02`\)/);
  });

  it('says plainly when nothing is alike, and refuses an error with no words', (t) => {
    const { context } = history(t);
    assert.match(matchProblems(context, 'certificate chain expired for the RADIUS server').text, /^No recorded problem reads like/);
    assert.throws(() => matchProblems(context, '0x80070005 1234'), /give the error text/);
  });

  it('msp problem add records one (redacted) that msp problems then finds', (t) => {
    const home = tempHome(t);
    const added = runMsp(home, ['problem', 'add', '--problem', 'Outlook keeps asking for the password', '--error', 'Need password: the password is Hunter2-Secret-9', '--solution', 'Removed the cached credentials in Credential Manager and re-signed in', '--client', 'Acme']);
    assert.equal(added.status, 1, 'a client must exist first');
    assert.match(added.stderr, /no client named "Acme"/);
    runMsp(home, ['client', 'add', 'Acme']);
    const ok = runMsp(home, ['problem', 'add', '--problem', 'Outlook keeps asking for the password', '--error', 'Need password: the password is Hunter2-Secret-9', '--solution', 'Removed the cached credentials in Credential Manager and re-signed in', '--client', 'Acme']);
    assert.equal(ok.status, 0, ok.stderr);
    const found = runMsp(home, ['problems', 'Outlook: Need password prompt keeps coming back']);
    assert.match(found.stdout, /Outlook keeps asking for the password — fix: Removed the cached credentials/);
    assert.doesNotMatch(found.stdout + ok.stdout, /Hunter2/);
  });
});
