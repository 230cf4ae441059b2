#!/usr/bin/env bash
# A throwaway Citus cluster on this machine — one coordinator and two workers — for the third CI
# run and for trying Yigong at province scale. Needs root (initdb/pg_ctl run as `postgres`).
#
#   npm run citus:cluster -- start          start it (installs Citus first if missing); prints DATABASE_URL
#   npm run citus:cluster -- createdb NAME  an empty application database on every node, citus in it, workers added
#   npm run citus:cluster -- dropdb NAME    drop it on every node
#   npm run citus:cluster -- stop           stop the three servers and remove their data
#
# State lives in $YIGONG_CITUS_DIR (default /tmp/yigong-citus). Citus is installed by
# $YIGONG_CITUS_INSTALL (default ../shared/citus/install beside the checkout); see docs/citus.md.
# Tables get $YIGONG_CITUS_SHARDS shards (default 8: four per worker).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
state=${YIGONG_CITUS_DIR:-/tmp/yigong-citus}
install=${YIGONG_CITUS_INSTALL:-$root/../shared/citus/install}
nodes=(coordinator worker1 worker2)

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
port_of() { cat "$state/$1.port"; }
psql_on() { # node db sql…
  local node=$1 db=$2; shift 2
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=terse -h 127.0.0.1 -p "$(port_of "$node")" -U postgres -d "$db" "$@"
}
free_port() { # first port from $1 nobody listens on
  local p=$1
  while (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

# Citus in a database: the extension on every node, then the coordinator learns the workers.
setup_db() {
  local db=$1
  for n in "${nodes[@]}"; do psql_on "$n" "$db" -c 'create extension if not exists citus' >/dev/null; done
  psql_on coordinator "$db" -c "select citus_set_coordinator_host('127.0.0.1', $(port_of coordinator))" >/dev/null
  for w in worker1 worker2; do
    psql_on coordinator "$db" -c "select citus_add_node('127.0.0.1', $(port_of "$w"))" >/dev/null
  done
}

cmd=${1:-}
case "$cmd" in
  start)
    bin=$(pgbin)
    if [ -z "$bin" ] || [ ! -f "$("$bin/pg_config" --pkglibdir)/citus.so" ]; then
      [ -x "$install" ] || { echo "Citus is not installed and $install is missing (set YIGONG_CITUS_INSTALL)" >&2; exit 1; }
      "$install" >&2
      bin=$(pgbin)
    fi
    if [ -f "$state/coordinator.port" ] && psql_on coordinator postgres -c 'select 1' >/dev/null 2>&1; then
      echo "DATABASE_URL=postgres://postgres@127.0.0.1:$(port_of coordinator)/postgres"; exit 0
    fi
    rm -rf "$state"; mkdir -p "$state"; chmod 755 "$state"
    next=${YIGONG_CITUS_PORT:-57640}
    for n in "${nodes[@]}"; do
      d="$state/$n"; mkdir -p "$d"; chown postgres:postgres "$d"; chmod 700 "$d"
      runuser -u postgres -- "$bin/initdb" -D "$d" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
      p=$(free_port "$next"); next=$((p + 1))
      runuser -u postgres -- "$bin/pg_ctl" -D "$d" -l "$d/log" -w -t 60 -o "-p $p -k /tmp -c listen_addresses=127.0.0.1 \
        -c shared_preload_libraries=citus -c citus.shard_count=${YIGONG_CITUS_SHARDS:-8} -c max_connections=300 -c fsync=off -c synchronous_commit=off \
        -c full_page_writes=off" start >/dev/null
      echo "$p" >"$state/$n.port"
    done
    setup_db postgres
    echo "Citus cluster: coordinator :$(port_of coordinator), workers :$(port_of worker1) :$(port_of worker2)" >&2
    echo "DATABASE_URL=postgres://postgres@127.0.0.1:$(port_of coordinator)/postgres"
    ;;
  createdb)
    db=${2:?database name}
    for n in "${nodes[@]}"; do psql_on "$n" postgres -c "create database \"$db\"" >/dev/null; done
    setup_db "$db"
    echo "postgres://postgres@127.0.0.1:$(port_of coordinator)/$db"
    ;;
  dropdb)
    db=${2:?database name}
    for n in coordinator worker1 worker2; do psql_on "$n" postgres -c "drop database if exists \"$db\" with (force)" >/dev/null; done
    ;;
  stop)
    bin=$(pgbin)
    for n in "${nodes[@]}"; do
      [ -d "$state/$n" ] && runuser -u postgres -- "$bin/pg_ctl" -D "$state/$n" -m immediate stop >/dev/null 2>&1 || true
    done
    rm -rf "$state"
    ;;
  *)
    sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
