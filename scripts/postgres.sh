#!/usr/bin/env bash
# A throwaway PostgreSQL server for the storage tests: trust auth, 127.0.0.1 only, data in a temp dir.
#   scripts/postgres.sh start   # prints RAPPORT_TEST_POSTGRES=...
#   scripts/postgres.sh stop
set -euo pipefail

PORT="${RAPPORT_PG_PORT:-55432}"
DIR="${RAPPORT_PG_DIR:-${TMPDIR:-/tmp}/rapport-postgres-$PORT}"
LINE="RAPPORT_TEST_POSTGRES=Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"

find_bin() {
  local name="$1" candidate
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$candidate/$name" ]]; then echo "$candidate/$name"; return 0; fi
  done
  return 1
}

as_postgres() {
  if [[ "$(id -u)" == "0" ]]; then
    # initdb refuses to run as root.
    su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

ensure_installed() {
  if find_bin initdb >/dev/null && find_bin pg_ctl >/dev/null; then return 0; fi
  echo "PostgreSQL binaries not found: installing the postgresql package" >&2
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
  find_bin initdb >/dev/null && find_bin pg_ctl >/dev/null
}

is_running() {
  local pg_ctl
  pg_ctl="$(find_bin pg_ctl)" || return 1
  [[ -f "$DIR/PG_VERSION" ]] && as_postgres "$pg_ctl" -D "$DIR" status >/dev/null 2>&1
}

start() {
  ensure_installed
  local initdb pg_ctl
  initdb="$(find_bin initdb)"
  pg_ctl="$(find_bin pg_ctl)"
  if is_running; then echo "$LINE"; return 0; fi
  if [[ ! -f "$DIR/PG_VERSION" ]]; then
    rm -rf "$DIR"
    mkdir -p "$DIR"
    [[ "$(id -u)" == "0" ]] && chown postgres:postgres "$DIR"
    chmod 700 "$DIR"
    as_postgres "$initdb" -D "$DIR" --auth=trust -U postgres -E UTF8 >"$DIR.initdb.log" 2>&1 \
      || { cat "$DIR.initdb.log" >&2; exit 1; }
  fi
  as_postgres "$pg_ctl" -D "$DIR" -w -t 30 -l "$DIR/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >/dev/null \
    || { cat "$DIR/server.log" >&2; exit 1; }
  echo "$LINE"
}

stop() {
  local pg_ctl
  if pg_ctl="$(find_bin pg_ctl)" && [[ -f "$DIR/PG_VERSION" ]]; then
    as_postgres "$pg_ctl" -D "$DIR" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR" "$DIR.initdb.log"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if is_running; then echo "running: $LINE"; else echo "stopped"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
