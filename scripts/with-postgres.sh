#!/usr/bin/env bash
# Runs a command inside a throwaway PostgreSQL cluster, for the PostgreSQL test suites:
#   scripts/with-postgres.sh ctest --test-dir build
# The command sees CPM_TEST_PG_URI=postgresql://USER@localhost:PORT/postgres (no password in
# it: the password is in PGPASSWORD, where libpq looks) plus PGHOST/PGPORT/PGUSER. The cluster
# is dropped when the command ends, however it ends. Without PostgreSQL the command still runs,
# CPM_TEST_PG_URI stays unset and the PostgreSQL suites skip, saying why.
# CPM_TEST_PG_URI already set (your own server, or a nested call): the command just runs.
# CPM_TEST_PG=off: no cluster, as if PostgreSQL were not installed.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

if [ -n "${CPM_TEST_PG_URI:-}" ] || [ "${CPM_TEST_PG:-}" = "off" ]; then
  exec "$@"
fi

# A random free port rather than pg_createcluster's first free one from 5432: helpers and
# CI jobs sharing a machine start clusters at the same moment and would race for one port.
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  return 1
}

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
[ -z "$bindir" ] && bindir="$(dirname "$(command -v initdb 2>/dev/null || echo /none/initdb)")"
port="$(free_port)"
inner='export CPM_TEST_PG_URI="postgresql://${PGUSER}@localhost:${PGPORT}/postgres"; exec "$@"'

# pg_virtualenv (postgresql-common) works as root too; -t keeps the cluster in a temporary
# directory instead of /etc/postgresql/*/regress, which two concurrent runs would share.
if command -v pg_virtualenv >/dev/null && [ -x "$bindir/pg_ctl" ]; then
  echo "with-postgres: throwaway cluster on port $port (pg_virtualenv)" >&2
  exec pg_virtualenv -t -c "-p $port" bash -c "$inner" with-postgres "$@"
fi

# Plain initdb + pg_ctl on a temporary directory (other distributions); initdb refuses root.
if [ -x "$bindir/initdb" ] && [ "$(id -u)" -ne 0 ]; then
  dir="$(mktemp -d -t cpm-pg.XXXXXX)"
  stop() { "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
  trap stop EXIT
  export PGUSER="$(id -un)" PGHOST=localhost PGPORT="$port"
  PGPASSWORD="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export PGPASSWORD
  echo "$PGPASSWORD" > "$dir/pw"
  "$bindir/initdb" -D "$dir/data" -U "$PGUSER" --pwfile="$dir/pw" --auth=scram-sha-256 >/dev/null
  echo "with-postgres: throwaway cluster on port $port ($dir)" >&2
  "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=localhost" start >/dev/null
  status=0
  bash -c "$inner" with-postgres "$@" || status=$?
  exit "$status"
fi

echo "with-postgres: PostgreSQL is not installed (packaging/install-deps.sh adds it);" \
     "the PostgreSQL suites will skip" >&2
exec "$@"
