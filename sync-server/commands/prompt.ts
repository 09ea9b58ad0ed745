/** Reading a password: from a hidden terminal prompt, or all of stdin for scripts (--password-stdin). */
import { UsageError } from './usage.js';

export async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is what `echo` and here-strings add; it is not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function askHidden(question: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    let typed = '';
    process.stderr.write(question);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (text: string) => {
      for (const char of text) {
        if (char === '\r' || char === '\n' || char === '\u0003') {
          finish(char === '\u0003' ? new UsageError('cancelled') : undefined);
          return;
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}

/** Asks twice on the terminal, without echo. */
export async function promptNewPassword(name: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError('no terminal to ask the password on: give it on stdin with --password-stdin');
  const first = await askHidden(`password for ${name}: `);
  const second = await askHidden('again: ');
  if (first !== second) throw new UsageError('the two passwords differ');
  return first;
}
