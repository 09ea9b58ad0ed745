import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The command Claude Code runs for every MSP Mode hook. bash talks HTTP to the agent itself through
 * /dev/tcp with builtins only, so the path with the agent up starts no process but bash (each
 * process costs 5-10 ms here; curl alone costs ~20 ms). Git Bash on Windows and macOS's bash 3.2
 * have /dev/tcp too. When the agent is away, slow (1 s) or refuses, the input is spooled to a 0600
 * file that the agent ingests when it is back. It always exits 0: Claude is never blocked.
 * The bearer token is read from the 0600 token file by a builtin: it never appears in argv (ps).
 */
export function hookScript(dataDir: string): string {
  // Git Bash (MSYS) takes C:/Users/... as it is; forward slashes spare every backslash question.
  const unixStyle = /^[A-Za-z]:[\\/]/.test(dataDir) ? dataDir.replace(/\\/g, '/') : dataDir;
  const quoted = `'${unixStyle.replace(/'/g, `'\\''`)}'`;
  return `#!/usr/bin/env bash
# MSP Mode hook (written by the MSP Mode agent; do not edit: it is rewritten at every start).
dir=${quoted}
IFS= read -r -d '' payload
spool() {
  umask 077
  mkdir -p "$dir/spool" 2>/dev/null
  local waiting=("$dir"/spool/*.json)
  if [ "\${#waiting[@]}" -ge 20000 ]; then
    echo "MSP Mode: hook spool full (\${#waiting[@]} events waiting): start the agent with msp agent" >&2
    exit 0
  fi
  # Microseconds where bash has them (5.0+), else seconds; same-time files are ordered by mtime.
  local stamp=\${EPOCHREALTIME/[.,]/}
  [ -n "$stamp" ] || stamp="$(date +%s)000000"
  local file="$dir/spool/$stamp-$$-\${RANDOM}.json"
  printf '%s' "$payload" > "$file.tmp" 2>/dev/null && mv "$file.tmp" "$file" 2>/dev/null
  exit 0
}
port= pid= token=
[ -r "$dir/agent.port" ] && read -r port pid < "$dir/agent.port"
[ -r "$dir/agent.token" ] && read -r token < "$dir/agent.token"
[ -n "$port" ] && [ -n "$token" ] || spool
# A port left by an agent that died (kill -9) may belong to another program now: never send it the token.
# Git Bash's kill knows only MSYS pids, not the agent's Windows pid: there the check cannot be made.
case "$OSTYPE" in msys*|cygwin*) ;; *) kill -0 "$pid" 2>/dev/null || spool ;; esac
{ exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || spool
LC_ALL=C
length=\${#payload}
printf 'POST /v1/hooks HTTP/1.1\\r\\nHost: 127.0.0.1:%s\\r\\nAuthorization: Bearer %s\\r\\nContent-Type: application/json\\r\\nContent-Length: %s\\r\\nConnection: close\\r\\n\\r\\n%s' "$port" "$token" "$length" "$payload" >&3 2>/dev/null || spool
IFS= read -r -t 1 status <&3 || spool
case "$status" in
  'HTTP/1.1 2'*) ;;
  *) spool ;;
esac
# Claude Code reads the answer's body (SessionStart context); headers end at the empty line.
while IFS= read -r -t 1 line <&3; do [ "$line" = $'\\r' ] || [ -z "$line" ] && break; done
IFS= read -r -d '' -t 1 body <&3
printf '%s' "$body"
exit 0
`;
}

/** Writes the hook script (private to the user) into the data dir, with the spool folder beside it. */
export function writeHookFiles(dataDir: string): { script: string; spool: string; port: string } {
  const script = path.join(dataDir, 'hook.sh');
  const spool = path.join(dataDir, 'spool');
  mkdirSync(spool, { recursive: true, mode: 0o700 });
  writeFileSync(script, hookScript(dataDir), { mode: 0o700 });
  chmodSync(script, 0o700);
  return { script, spool, port: path.join(dataDir, 'agent.port') };
}
