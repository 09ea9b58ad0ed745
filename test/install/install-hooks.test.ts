import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { MspError } from '../../src-main/core/errors.js';
import { AGENT_NAMES } from '../../src-main/services/install/agents.js';
import { installClaudeCode, uninstallClaudeCode } from '../../src-main/services/install/files.js';
import { MSP_HOOK_EVENTS, mergeMspHooks, mspHookCommand, removeMspHooks } from '../../src-main/services/install/settings.js';
import { tempHome } from '../helpers/processes.js';

const LAUNCHER = '/opt/msp mode/bin/msp.cjs';

const original = {
  model: 'opus',
  permissions: { allow: ['Bash(git status)'] },
  hooks: {
    PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'echo user-pre', timeout: 10 }] }],
    Notification: [{ hooks: [{ type: 'command', command: 'notify-send claude' }] }],
  },
};

function setup(t: { after(fn: () => void): void }, settings: unknown = original) {
  const home = tempHome(t, 'msp-install-home-');
  const data = tempHome(t, 'msp-install-data-');
  const settingsFile = path.join(home, '.claude', 'settings.json');
  mkdirSync(path.dirname(settingsFile), { recursive: true });
  if (settings !== undefined) writeFileSync(settingsFile, typeof settings === 'string' ? settings : `${JSON.stringify(settings, null, 2)}\n`);
  return { home, data, settingsFile, target: { kind: 'user' as const, home } };
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** Parses the `---` frontmatter of a markdown file into key/value strings (JSON-quoted values unquoted). */
function frontmatterOf(file: string): Record<string, string> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(file, 'utf8'));
  assert.ok(match, `${file} starts with frontmatter`);
  const fields: Record<string, string> = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const colon = line.indexOf(': ');
    assert.ok(colon > 0, `frontmatter line "${line}" is key: value`);
    const raw = line.slice(colon + 2);
    fields[line.slice(0, colon)] = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
  }
  return fields;
}

describe('msp install: Claude Code settings', () => {
  it('merges one handler per event next to the user\'s hooks and keys, idempotently', () => {
    const command = mspHookCommand('/data/MSP Mode');
    const once = mergeMspHooks(original, command);
    assert.equal(once.changed, true);
    const merged = once.settings as typeof original & { hooks: Record<string, { matcher?: string; hooks: { command: string; timeout: number }[] }[]> };
    assert.equal(merged.model, 'opus');
    assert.deepEqual(merged.permissions, original.permissions);
    assert.deepEqual(merged.hooks.Notification, original.hooks.Notification);
    assert.deepEqual(merged.hooks.PreToolUse[0], original.hooks.PreToolUse[0], 'the user\'s PreToolUse group is untouched and first');
    for (const spec of MSP_HOOK_EVENTS) {
      const ours = (merged.hooks[spec.event] ?? []).filter((g) => g.hooks.some((h) => h.command === command));
      assert.equal(ours.length, 1, `${spec.event} has exactly one MSP Mode group`);
      assert.equal(ours[0]?.matcher, spec.matcher);
      assert.equal(ours[0]?.hooks[0]?.timeout, spec.timeout);
    }
    assert.equal(merged.hooks.SessionStart?.[0]?.hooks[0]?.timeout, 5);
    assert.equal(merged.hooks.SessionEnd?.[0]?.hooks[0]?.timeout, 2);
    assert.equal(merged.hooks.PostToolUse?.[0]?.matcher, 'Bash|PowerShell|Write|Edit|MultiEdit|NotebookEdit');
    assert.match(command, /^bash '\/data\/MSP Mode\/hook\.sh'/);
    const twice = mergeMspHooks(once.settings, command);
    assert.equal(twice.changed, false);
    assert.deepEqual(twice.settings, once.settings);
    const removed = removeMspHooks(once.settings);
    assert.equal(removed.changed, true);
    assert.deepEqual(removed.settings, original);
    assert.equal(removeMspHooks(original).changed, false);
    assert.deepEqual(removeMspHooks(mergeMspHooks({}, command).settings).settings, {});
  });

  it('rejects a non-object settings value or hooks with a clear bad_input error', () => {
    assert.throws(() => mergeMspHooks([], 'x'), (e: unknown) => e instanceof MspError && e.code === 'bad_input' && /JSON object.*nothing was changed/.test(e.message));
    assert.throws(() => mergeMspHooks({ hooks: 'no' }, 'x'), /"hooks" must be an object of arrays \(got string\); nothing was changed/);
    assert.throws(() => removeMspHooks({ hooks: { Stop: {} } }), /"hooks\.Stop" must be an array/);
  });

  it('install twice equals once; uninstall restores the original settings exactly', (t) => {
    const { data, settingsFile, target } = setup(t);
    const before = readFileSync(settingsFile, 'utf8');
    const first = installClaudeCode(target, data, LAUNCHER);
    assert.equal(first.settingsChanged, true);
    assert.equal(readFileSync(`${settingsFile}.msp-backup`, 'utf8'), before, 'backup holds the original bytes');
    const afterFirst = readFileSync(settingsFile, 'utf8');
    assert.match(afterFirst, /^\{\n {2}"model": "opus",/, '2-space JSON');
    assert.ok(existsSync(path.join(data, 'hook.sh')), 'the hook script is there for the hooks to run');
    const second = installClaudeCode(target, data, LAUNCHER);
    assert.equal(second.settingsChanged, false);
    assert.deepEqual(second.written, []);
    assert.equal(readFileSync(settingsFile, 'utf8'), afterFirst);
    const removed = uninstallClaudeCode(target, data, LAUNCHER);
    assert.equal(removed.settingsChanged, true);
    assert.deepEqual(readJson(settingsFile), original);
    assert.equal(readFileSync(settingsFile, 'utf8'), before, 'even byte for byte');
    assert.equal(removed.removed.length, 4 + 13);
    assert.ok(!existsSync(path.join(target.home, '.claude', 'agents')), 'the agents folder install created is gone');
  });

  it('uninstall keeps empty containers that existed before, and deletes a settings file it created', (t) => {
    const withEmpty = { hooks: { Stop: [] } };
    const { data, settingsFile, target } = setup(t, withEmpty);
    installClaudeCode(target, data, LAUNCHER);
    uninstallClaudeCode(target, data, LAUNCHER);
    assert.deepEqual(readJson(settingsFile), withEmpty);
    const project = tempHome(t, 'msp-install-project-');
    const projectTarget = { kind: 'project' as const, dir: project };
    const report = installClaudeCode(projectTarget, data, LAUNCHER);
    assert.equal(report.settingsFile, path.join(project, '.claude', 'settings.local.json'));
    assert.ok(existsSync(report.settingsFile));
    uninstallClaudeCode(projectTarget, data, LAUNCHER);
    assert.ok(!existsSync(report.settingsFile));
  });

  it('invalid JSON and a non-object hooks leave the file byte-identical', (t) => {
    for (const content of ['{"hooks": {', JSON.stringify({ hooks: ['x'] }), JSON.stringify({ hooks: { Stop: 'x' } }), '[1]']) {
      const { data, settingsFile, target } = setup(t, content);
      assert.throws(() => installClaudeCode(target, data, LAUNCHER), (e: unknown) => e instanceof MspError && e.code === 'bad_input' && e.message.includes(settingsFile) && /nothing was changed/.test(e.message));
      assert.throws(() => uninstallClaudeCode(target, data, LAUNCHER), /nothing was changed/);
      assert.equal(readFileSync(settingsFile, 'utf8'), content);
      assert.ok(!existsSync(`${settingsFile}.msp-backup`));
      assert.ok(!existsSync(path.join(target.home, '.claude', 'agents')));
    }
  });

  it('writes the slash commands and 13 subagents with valid frontmatter and absolute paths', (t) => {
    const { home, data, target } = setup(t, undefined);
    installClaudeCode(target, data, LAUNCHER);
    const commands = path.join(home, '.claude', 'commands');
    assert.deepEqual(readdirSync(commands).sort(), ['dev.md', 'msp-end.md', 'msp.md', 'normal.md']);
    for (const file of readdirSync(commands)) {
      const fields = frontmatterOf(path.join(commands, file));
      assert.ok(fields.description, `${file} has a description`);
      assert.equal(fields['allowed-tools'], `Bash("${process.execPath}" "${LAUNCHER}" *)`);
    }
    const msp = readFileSync(path.join(commands, 'msp.md'), 'utf8');
    assert.ok(msp.includes(`!\`"${process.execPath}" "${LAUNCHER}" start msp --client "$0"\``));
    assert.ok(readFileSync(path.join(commands, 'msp-end.md'), 'utf8').includes('end --summary "$ARGUMENTS"'));
    const agents = path.join(home, '.claude', 'agents');
    const names = readdirSync(agents).map((f) => f.replace(/\.md$/, '')).sort();
    assert.equal(names.length, 13);
    assert.deepEqual(names, [...AGENT_NAMES].sort());
    for (const name of names) {
      const fields = frontmatterOf(path.join(agents, `${name}.md`));
      assert.equal(fields.name, name);
      assert.match(name, /^[a-z]+(-[a-z]+)*$/);
      assert.ok((fields.description ?? '').length > 20, `${name} has a description`);
      assert.equal(fields.tools, 'Bash');
      assert.match(readFileSync(path.join(agents, `${name}.md`), 'utf8'), /installed by MSP Mode[\s\S]*msp\.cjs" \w+/);
    }
  });

  it('leaves a user\'s own same-named file alone on install and uninstall, and reports it', (t) => {
    const { home, data, target } = setup(t);
    const own = path.join(home, '.claude', 'agents', 'database-query.md');
    mkdirSync(path.dirname(own), { recursive: true });
    writeFileSync(own, '---\nname: database-query\ndescription: mine\n---\nmy agent\n');
    const installed = installClaudeCode(target, data, LAUNCHER);
    assert.deepEqual(installed.skipped, [own]);
    assert.equal(readFileSync(own, 'utf8'), '---\nname: database-query\ndescription: mine\n---\nmy agent\n');
    const later = path.join(home, '.claude', 'commands', 'dev.md');
    writeFileSync(later, 'my own /dev\n');
    const removed = uninstallClaudeCode(target, data, LAUNCHER);
    assert.deepEqual(removed.skipped.sort(), [own, later].sort());
    assert.equal(readFileSync(own, 'utf8'), '---\nname: database-query\ndescription: mine\n---\nmy agent\n');
    assert.equal(readFileSync(later, 'utf8'), 'my own /dev\n');
    assert.deepEqual(readdirSync(path.dirname(own)), ['database-query.md']);
  });
});
