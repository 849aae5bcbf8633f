#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback, for the tests.
#   eval "$(scripts/pg.sh start)"   exports PG_DIR and TEST_DATABASE_URL
#   scripts/pg.sh stop "$PG_DIR"    stops it and removes its files
set -euo pipefail
source "$(dirname "$0")/lib.sh"

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] || die "PostgreSQL is not installed: run scripts/setup.sh test"
  echo "$dir"
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

case "${1:-}" in
  start)
    bin="$(pg_bin)"
    dir="$(mktemp -d /tmp/aftersales-pg.XXXXXX)"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir"
    port="$(free_port)"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    # fsync off: the cluster is thrown away, durability buys nothing here.
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=400" \
      start >/dev/null || { cat "$dir/server.log" >&2; die "PostgreSQL did not start"; }
    echo "export PG_DIR='$dir'"
    echo "export TEST_DATABASE_URL='postgres://postgres@127.0.0.1:$port/postgres'"
    ;;
  stop)
    dir="${2:-${PG_DIR:-}}"
    [ -n "$dir" ] && [ -d "$dir" ] || exit 0
    as_postgres "$(pg_bin)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop [dir]" >&2
    exit 2
    ;;
esac
