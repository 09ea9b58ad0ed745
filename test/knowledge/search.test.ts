import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { manualClock } from '../../src-main/core/clock.js';
import { openServiceContext } from '../../src-main/services/bootstrap.js';
import { forgetSecret } from '../../src-main/services/capture/forget.js';
import { requireClient } from '../../src-main/services/clients.js';
import { ftsQuery, search } from '../../src-main/services/knowledge/search.js';
import { endSession, startSession } from '../../src-main/services/sessions.js';
import { addTask } from '../../src-main/services/tasks.js';
import { tempHome } from '../helpers/processes.js';

const DAY = 86_400_000;

function history(t: { after(fn: () => void): void }) {
  const home = tempHome(t);
  const clock = manualClock(Date.UTC(2026, 8, 1, 9));
  const context = openServiceContext({ env: { MSP_HOME: home }, clock });
  t.after(() => { context.close(); });
  const command = (text: string, ok: boolean, error?: string) => {
    const session = context.store.sqlite.prepare('SELECT id, client_id AS clientId FROM sessions WHERE ended_at IS NULL').get() as { id: string; clientId: string | null };
    context.store.write((w) => w.insert('commands_run', { sessionId: session.id, clientId: session.clientId, command: text, shell: 'powershell', success: ok, exitCode: ok ? 0 : 1, errorMessage: error ?? null, startedAt: clock.now(), finishedAt: clock.now(), source: 'capture' }));
    clock.advance(60_000);
  };
  startSession(context, { mode: 'msp', client: 'Acme' });
  command('Get-Service -Name Spooler', true);
  command('Restart-Service -Name Spooler -Force', true);
  endSession(context, 'Print queue stuck on ACME-PRN02: restarted the spooler, cleared 14 jobs');
  clock.advance(3 * DAY);
  startSession(context, { mode: 'msp', client: 'Beta Dental' });
  command('Get-LocalUser -Name frontdesk', false, "The term 'Get-LocalUser' is not recognized as the name of a cmdlet");
  command('Get-WmiObject Win32_UserAccount -Filter "Name=\'frontdesk\'"', true);
  endSession(context, 'Reset the front-desk account on BD-SRV01 (Server 2008: no Get-LocalUser, used WMI)');
  addTask(context, { title: 'Replace the spooler-crashing printer driver on ACME-PRN02', client: 'Acme' });
  return { context, clock, home };
}

describe('msp search (FTS5)', () => {
  it('finds the session a problem was solved in, with its outcome and the matching commands', (t) => {
    const { context } = history(t);
    const answer = search(context, { text: 'spooler' });
    assert.match(answer.text, /^Found \d+ matches in \d+ places \[2026-09-01 – 2026-09-04\], best first:/);
    assert.match(answer.text, /Acme, \d+ min: Print queue stuck on ACME-PRN02: restarted the spooler, cleared 14 jobs\n {4}`Restart-Service -Name Spooler -Force` ok/);
    assert.match(answer.text, /task \[[0-9a-f]{8}\] \(open\): Replace the spooler-crashing printer driver/);
    assert.doesNotMatch(answer.text, /Beta Dental/);
    assert.ok(answer.text.split(/\s+/).length <= 300);
  });

  it('keeps a hyphenated command one phrase, filters by client and kind, and matches error text', (t) => {
    const { context } = history(t);
    const answer = search(context, { text: 'Get-LocalUser not recognized' });
    assert.match(answer.text, /Beta Dental, \d+ min: Reset the front-desk account .*\n {4}`Get-LocalUser -Name frontdesk` failed \(exit 1\): The term 'Get-LocalUser' is not recognized/);
    const acme = requireClient(context.store, 'Acme').id;
    assert.match(search(context, { text: 'Get-LocalUser', clientId: acme }).text, /^Found nothing/);
    const tasksOnly = search(context, { text: 'spooler', kind: 'task' });
    assert.equal(tasksOnly.matches, 1);
    assert.equal(ftsQuery('Get-ADUser "quoted" NEAR(x) * spool*'), '"get aduser" AND "quoted" AND "near x" AND "spool"*');
    assert.equal(search(context, { text: 'spool*' }).matches, search(context, { text: 'spooler' }).matches, 'a prefix when asked for');
    assert.throws(() => search(context, { text: ' "" * ' }), /no words to look for/);
  });

  it('pages long answers at 300 words and says where the next page is', (t) => {
    const { context, clock } = history(t);
    for (let i = 0; i < 60; i++) {
      startSession(context, { mode: 'msp', client: `Client ${i}` });
      endSession(context, `Checked the backup job of site ${i}; the backup completed and was verified by a sample restore of ${i} files`);
      clock.advance(DAY);
    }
    const first = search(context, { text: 'backup' });
    assert.ok(first.more, "a second page follows");
    assert.ok(first.text.split(/\s+/).length <= 300, `${first.text.split(/\s+/).length} words`);
    assert.match(first.text, /More: --page 2\./);
    const second = search(context, { text: 'backup', page: 2 });
    assert.notEqual(second.text, first.text);
  });

  it('a secret scrubbed with msp forget cannot be found any more, and is gone from the index files', (t) => {
    const { context, home } = history(t);
    const secret = 'Vk9-lantern-orchid-77';
    startSession(context, { mode: 'msp', client: 'Acme' });
    context.store.write((w) => w.insert('commands_run', { command: `net use Z: \\\\nas\\share ${secret}`, shell: 'cmd', success: true, startedAt: 1, finishedAt: 2, source: 'capture' }));
    assert.equal(search(context, { text: secret }).matches, 1);
    context.store.sqlite.exec("CREATE VIRTUAL TABLE temp.search_terms USING fts5vocab(main, 'search_index', 'row')");
    const vocabulary = () => new Set((context.store.sqlite.prepare('SELECT term FROM temp.search_terms').all() as { term: string }[]).map((r) => r.term));
    assert.ok(vocabulary().has('orchid'), 'the secret\'s words are indexed before forget');
    forgetSecret(context, secret, path.join(home, 'spool'));
    assert.equal(search(context, { text: secret }).matches, 0);
    assert.equal(search(context, { text: 'nas share' }).matches, 1, 'the rest of the command is still found');
    // Every term of the index, as FTS5 itself lists them: the secret's words are no longer there.
    const terms = vocabulary();
    assert.ok(terms.has('share') && terms.has('nas'), 'the vocabulary is readable');
    for (const word of ['vk9', 'lantern', 'orchid']) assert.ok(!terms.has(word), `the index still holds "${word}"`);
    for (const file of ['msp.db', 'msp.db-wal']) {
      let bytes: Buffer;
      try { bytes = readFileSync(path.join(home, file)); } catch { continue; }
      assert.ok(!bytes.includes(Buffer.from(secret.toLowerCase())) && !bytes.includes(Buffer.from(secret)), `${file} still holds the secret (or its index tokens)`);
    }
  });
});
