import { readFileSync } from 'node:fs';
import { badInput } from '../core/errors.js';

/**
 * A secret typed at a hidden prompt (nothing echoed) when stdin is a terminal, else read from
 * stdin (one trailing newline dropped). Never from argv: argv lands in shell history and `ps`.
 */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text: string;
    try {
      text = readFileSync(0, 'utf8');
    } catch (error) {
      throw badInput('secret', `cannot read the secret from standard input: ${(error as Error).message}`);
    }
    return text.replace(/\r?\n$/, '');
  }
  process.stderr.write(prompt);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') { done(); return; }
        if (char === '\u0003') { done(badInput('secret', 'cancelled')); return; }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
