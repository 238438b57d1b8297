#!/usr/bin/env bash
# Project-local PostgreSQL: a cluster in .data/postgres, reachable only through a Unix socket
# in that folder (no TCP port). As root the server runs as the `postgres` system user.
# Usage: scripts/localdb.sh start|stop|status
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="$PWD/.data/postgres"
DB_USER=newsreader
DB_NAME=newsreader

find_bindir() {
  local dir
  dir=$(pg_config --bindir 2>/dev/null || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  echo "PostgreSQL server not found: install it (Debian/Ubuntu: apt-get install postgresql) or set DATABASE_URL." >&2
  exit 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# The server side uses the resolved path: `postgres` may not be able to follow the link.
server_dir() { readlink -f "$DATA"; }

prepare_data_dir() {
  mkdir -p "$(dirname "$DATA")"
  if [ "$(id -u)" = 0 ] && ! as_owner test -x "$(dirname "$DATA")"; then
    # The checkout is somewhere `postgres` cannot enter (such as /root): keep the cluster in
    # a folder it owns and link it here, so the socket path stays .data/postgres.
    local real="/var/lib/newsreader/$(echo -n "$PWD" | sha1sum | cut -c1-12)"
    mkdir -p "$real" && chown postgres: "$real" && chmod 700 "$real"
    ln -sfn "$real" "$DATA"
  else
    mkdir -p "$DATA"
    chmod 700 "$DATA"
    [ "$(id -u)" = 0 ] && chown postgres: "$DATA"
  fi
  return 0
}

start() {
  local bin
  bin=$(find_bindir)
  if [ ! -f "$DATA/PG_VERSION" ]; then
    prepare_data_dir
    echo "Creating a local PostgreSQL cluster in .data/postgres"
    as_owner "$bin/initdb" -D "$(server_dir)" -A trust -U "$DB_USER" -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  local dir
  dir=$(server_dir)
  if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$dir" -w -l "$dir/server.log" \
      -o "-c listen_addresses='' -k $dir" start >/dev/null
    echo "Local PostgreSQL started (socket in .data/postgres)"
  fi
  if ! "$bin/psql" -h "$DATA" -U "$DB_USER" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
    "$bin/createdb" -h "$DATA" -U "$DB_USER" "$DB_NAME"
  fi
}

stop() {
  [ -f "$DATA/PG_VERSION" ] || { echo "No local cluster in .data/postgres"; return; }
  as_owner "$(find_bindir)/pg_ctl" -D "$(server_dir)" -m fast stop || true
}

status() {
  [ -f "$DATA/PG_VERSION" ] || { echo "No local cluster in .data/postgres"; return 1; }
  as_owner "$(find_bindir)/pg_ctl" -D "$(server_dir)" status
}

"${1:-start}"
