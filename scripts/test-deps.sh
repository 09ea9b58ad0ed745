#!/usr/bin/env bash
# What the test suite needs from the machine, installed where we can (as root, with apt) and
# otherwise named with the command that installs it. Used by `npm test` and by .ci/run.
set -euo pipefail

missing=()
as_root() { [ "$(id -u)" = "0" ]; }

# MariaDB: the sync server's tests (sync issue) run against a real one on 127.0.0.1:3306.
mariadb_up() { mysqladmin --protocol=tcp -h 127.0.0.1 -P 3306 -u root status >/dev/null 2>&1; }
if command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ]; then
  if ! mariadb_up && as_root; then
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    for _ in $(seq 1 30); do mariadb_up && break; sleep 1; done
  fi
  mariadb_up || missing+=("MariaDB is installed but not running on 127.0.0.1:3306: start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql")
fi

# OS keychain: the credential vault's tests use a real Secret Service (gnome-keyring on a private
# D-Bus session, started by scripts/test.sh).
if ! command -v gnome-keyring-daemon >/dev/null 2>&1 || ! command -v dbus-run-session >/dev/null 2>&1; then
  if as_root && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnome-keyring dbus dbus-x11 >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnome-keyring dbus dbus-x11 >/dev/null 2>&1; } || true
  fi
  command -v gnome-keyring-daemon >/dev/null 2>&1 && command -v dbus-run-session >/dev/null 2>&1 \
    || missing+=("an OS keychain (Secret Service) for the vault tests: install it with: apt-get install -y gnome-keyring dbus dbus-x11")
fi

if [ ${#missing[@]} -gt 0 ]; then
  printf 'tests cannot run yet:\n' >&2
  printf ' - %s\n' "${missing[@]}" >&2
  exit 1
fi
