#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh CMD [ARG...]
#
# Runs CMD against a throwaway PostgreSQL cluster: initdb in a temporary directory (as the
# `postgres` user), start it listening only on a unix socket inside that directory (so it
# collides with nothing), create database `gongkai`, run CMD with DATABASE_URL pointing at it,
# then stop the server and delete the directory, whatever CMD's outcome. CMD's exit status is
# returned. Needs PostgreSQL's initdb/pg_ctl on PATH (or PG_BIN) and root or the postgres user.
# Example: scripts/with-postgres.sh .venv/bin/pytest tests/web
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARG...]" >&2
  exit 2
fi

PG_BIN="${PG_BIN:-$(dirname "$(readlink -f "$(command -v pg_ctl || echo /usr/local/bin/pg_ctl)")")}"
for tool in initdb pg_ctl createdb; do
  if [ ! -x "$PG_BIN/$tool" ]; then
    echo "with-postgres: $PG_BIN/$tool not found; install PostgreSQL or set PG_BIN" >&2
    exit 2
  fi
done

as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    echo "with-postgres: run as root or as the postgres user" >&2
    return 2
  fi
}

PORT=5432 # only names the socket file; no TCP port is opened
TMP="$(mktemp -d "${TMPDIR:-/tmp}/gongkai-pg.XXXXXX")"
chmod 755 "$TMP"
[ "$(id -un)" = postgres ] || chown postgres "$TMP"

cleanup() {
  as_postgres "$PG_BIN/pg_ctl" -D "$TMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_postgres "$PG_BIN/initdb" -D "$TMP/data" -U postgres --auth=trust --encoding=UTF8 \
  --locale=C >"$TMP/initdb.log" 2>&1 || { cat "$TMP/initdb.log" >&2; exit 2; }
# Durability is pointless for a throwaway cluster; turning it off makes tests faster.
as_postgres "$PG_BIN/pg_ctl" -D "$TMP/data" -l "$TMP/server.log" -w -s start \
  -o "-k $TMP -p $PORT -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  || { cat "$TMP/server.log" >&2; exit 2; }
as_postgres "$PG_BIN/createdb" -h "$TMP" -p "$PORT" -U postgres gongkai

SOCKET_DIR_ENCODED="$(printf '%s' "$TMP" | sed 's|/|%2F|g')"
export DATABASE_URL="postgres://postgres@${SOCKET_DIR_ENCODED}:${PORT}/gongkai"
echo "with-postgres: PostgreSQL $("$PG_BIN/pg_ctl" --version | awk '{print $3}') at $TMP" >&2

set +e
"$@"
status=$?
set -e
exit $status
