import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The command Claude Code runs for every MSP Mode hook: POSIX sh and curl (Git Bash on Windows
 * has both), ~20 ms a call where a Node process would cost ~100 ms. It posts the hook input to
 * the agent with a 1 s limit; when the agent is away or fails, it spools the input to a file that
 * the agent ingests when it is back. It always exits 0, so Claude is never blocked.
 * The bearer token is read by curl from a 0600 header file: it never appears in argv (ps).
 */
export function hookScript(dataDir: string): string {
  const quoted = `'${dataDir.replace(/'/g, `'\\''`)}'`;
  return `#!/bin/sh
# MSP Mode hook (written by the MSP Mode agent; do not edit: it is rewritten at every start).
dir=${quoted}
payload=$(cat)
port=$(sed -n 's/.*"port":\\([0-9][0-9]*\\).*/\\1/p' "$dir/agent.lock" 2>/dev/null)
if [ -n "$port" ] && [ -r "$dir/agent.header" ]; then
  answer=$(printf '%s' "$payload" | curl -sS -m 1 -H @"$dir/agent.header" -H 'Content-Type: application/json' --data-binary @- -w '\\n%{http_code}' "http://127.0.0.1:$port/v1/hooks" 2>/dev/null)
  status=$(printf '%s' "$answer" | tail -n 1)
  case "$status" in
    2*) printf '%s' "$answer" | sed '$d'; exit 0 ;;
  esac
fi
umask 077
mkdir -p "$dir/spool" 2>/dev/null
count=$(ls "$dir/spool" 2>/dev/null | wc -l)
if [ "$count" -ge 20000 ]; then
  echo "MSP Mode: hook spool full ($count events waiting): start the agent with msp agent" >&2
  exit 0
fi
stamp=$(date +%s%N 2>/dev/null)
case "$stamp" in *N*|'') stamp="$(date +%s)000000000" ;; esac
file="$dir/spool/$stamp-$$.json"
printf '%s' "$payload" > "$file.tmp" 2>/dev/null && mv "$file.tmp" "$file" 2>/dev/null
exit 0
`;
}

/** Writes the hook script and the curl header file (both private to the user) into the data dir. */
export function writeHookFiles(dataDir: string, token: string): { script: string; header: string; spool: string } {
  const script = path.join(dataDir, 'hook.sh');
  const header = path.join(dataDir, 'agent.header');
  const spool = path.join(dataDir, 'spool');
  mkdirSync(spool, { recursive: true, mode: 0o700 });
  writeFileSync(header, `Authorization: Bearer ${token}\n`, { mode: 0o600 });
  chmodSync(header, 0o600);
  writeFileSync(script, hookScript(dataDir), { mode: 0o700 });
  chmodSync(script, 0o700);
  return { script, header, spool };
}
