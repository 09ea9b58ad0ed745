import { readFileSync } from 'node:fs';
import path from 'node:path';
import { badInput } from '../../core/errors.js';
import { forgetSecret } from '../../services/capture/forget.js';
import type { CommandSpec } from '../args.js';
import { print, withContext } from './with-context.js';

const forget: CommandSpec = {
  name: 'forget',
  summary: 'Scrubs a secret that slipped past redaction from every captured row, pending sync change and spooled hook event on this machine: it becomes [REDACTED:forgotten].',
  positionals: [{ name: 'text', description: 'the exact text to forget (prefer --stdin: argv ends up in shell history)' }],
  options: { stdin: { type: 'boolean', description: 'read the text from standard input (one trailing newline is dropped)' } },
  notes: [
    'Examples: printf %s "$LEAKED" | msp forget --stdin',
    '          msp forget --stdin   (type the text, then Ctrl-D)',
    'The text itself is never stored or printed. The scrub is recorded like any change, so it syncs.',
  ],
  run: (parsed, io) => {
    const fromArgs = parsed.positionals[0];
    if (fromArgs !== undefined && parsed.options.stdin === true) throw badInput('text', 'give the text either as an argument or with --stdin, not both');
    let text = fromArgs;
    if (parsed.options.stdin === true) {
      try {
        text = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
      } catch (error) {
        throw badInput('stdin', `cannot read standard input: ${(error as Error).message}`);
      }
    }
    if (text === undefined || text === '') throw badInput('text', 'say what to forget: printf %s "TEXT" | msp forget --stdin (or msp forget TEXT)');
    const secret = text;
    return withContext(io, (opened) => {
      const report = forgetSecret(opened, secret, path.join(opened.files.dir, 'spool'));
      print(io, parsed.json, report, () => {
        if (report.rows + report.outbox + report.spoolFiles === 0) return 'Nothing held that text: nothing changed.';
        const where = Object.entries(report.tables).map(([table, n]) => `${table} ${n}`).join(', ');
        return [
          `Forgotten: ${report.rows} rows scrubbed${where ? ` (${where})` : ''}, ${report.outbox} pending sync changes, ${report.spoolFiles} spooled hook events.`,
          'Each now reads [REDACTED:forgotten]; the scrub syncs like any other change.',
        ].join('\n');
      });
    });
  },
};

export const forgetCommands = [forget];
