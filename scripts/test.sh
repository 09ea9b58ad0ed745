#!/usr/bin/env bash
# The README's test command: checks (and, as root, installs) what the tests need, builds the
# shipped bundles, then runs every test. Stops at once naming the command when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { # need COMMAND INSTALL_HINT
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "tests need $1: install it with: $2" >&2
  exit 1
}
need node "your OS package manager (Node 20 or newer)"
[ -d node_modules ] || { echo "dependencies missing: run npm ci" >&2; exit 1; }

bash scripts/test-deps.sh
node scripts/build.mjs
shopt -s globstar nullglob
# Node 20 does not expand globs itself: bash does.
# Inside a private D-Bus session with an unlocked gnome-keyring: the vault's tests use the real
# OS keychain (Secret Service), never the user's own.
# Its keyring files live in a temp folder (XDG_DATA_HOME of the daemon only): a fresh, empty login
# keyring unlocked with a test password, whatever the machine's user has.
keyrings="$(mktemp -d)"
trap 'rm -rf "$keyrings"' EXIT
KEYRING_HOME="$keyrings" dbus-run-session -- bash -c 'echo -n msp-test-keyring | XDG_DATA_HOME="$KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec node --import tsx --test --test-concurrency=2 --test-reporter=spec "$@"' test-runner test/**/*.test.ts
