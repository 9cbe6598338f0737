#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for claimtrace's tests and benchmarks.
#
#   bash scripts/postgres.sh start    # install if missing, initdb, start; prints the URL
#   bash scripts/postgres.sh url      # prints the URL of the running cluster
#   bash scripts/postgres.sh status   # exit 0 if running
#   bash scripts/postgres.sh stop     # stop it and delete its data directory
#
# `start` writes exactly one line on stdout, the SQLAlchemy URL, so CI can do
#   export CLAIMTRACE_TEST_POSTGRES_URL="$(bash scripts/postgres.sh start)"
# Everything else (install log, server log) goes to stderr or the data directory.
#
# Settings (environment): CLAIMTRACE_PG_DIR (data directory, default
# /tmp/claimtrace-pg-$UID), CLAIMTRACE_PG_PORT (default 54329), CLAIMTRACE_PG_DB
# (default claimtrace), CLAIMTRACE_PG_NO_INSTALL (set: never apt-get). The cluster
# trusts local connections and runs with fsync off: it is for tests only, never for
# data you want to keep.
set -euo pipefail

PGDIR="${CLAIMTRACE_PG_DIR:-/tmp/claimtrace-pg-$(id -u)}"
PORT="${CLAIMTRACE_PG_PORT:-54329}"
DB="${CLAIMTRACE_PG_DB:-claimtrace}"
DATA="$PGDIR/data"
LOG="$PGDIR/server.log"
URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    done
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"; return 0
    fi
    return 1
}

install_postgres() {
    if find_bindir >/dev/null; then return 0; fi
    if [ -n "${CLAIMTRACE_PG_NO_INSTALL:-}" ]; then
        log "PostgreSQL is not installed (and CLAIMTRACE_PG_NO_INSTALL is set)"
        return 1
    fi
    if [ "$(id -u)" != 0 ]; then
        log "PostgreSQL is not installed and this user cannot install it (need root for apt-get)"
        return 1
    fi
    log "installing PostgreSQL from Debian's packages (apt-get install -y postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y --no-install-recommends postgresql >&2
    find_bindir >/dev/null
}

# Run a command as the cluster's owner: initdb and postgres refuse to run as root.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

is_running() {
    local bindir
    bindir="$(find_bindir)" || return 1
    [ -f "$DATA/postmaster.pid" ] && as_owner "$bindir/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
    install_postgres || { log "cannot install PostgreSQL"; exit 1; }
    local bindir
    bindir="$(find_bindir)"
    if is_running; then
        log "already running in $DATA"
        echo "$URL"
        return 0
    fi
    mkdir -p "$PGDIR"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$PGDIR"; fi
    if [ ! -f "$DATA/PG_VERSION" ]; then
        as_owner "$bindir/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
            || { cat "$PGDIR/initdb.log" >&2; exit 1; }
    fi
    # -F: no fsync (a throwaway cluster); the socket lives in the data directory.
    as_owner "$bindir/pg_ctl" -D "$DATA" -l "$LOG" -w -t 30 \
        -o "-h 127.0.0.1 -p $PORT -k $PGDIR -F -c max_connections=200" start >&2 \
        || { log "server did not start; its log:"; tail -n 30 "$LOG" >&2 || true; exit 1; }
    if ! as_owner "$bindir/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
        as_owner "$bindir/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" >&2
    fi
    echo "$URL"
}

stop() {
    local bindir
    if bindir="$(find_bindir)" && [ -f "$DATA/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
    fi
    rm -rf "$PGDIR"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status)
        if is_running; then log "running: $URL"; exit 0; else log "not running"; exit 3; fi ;;
    url)
        if is_running; then echo "$URL"; else log "not running"; exit 3; fi ;;
    *) echo "usage: $0 start|stop|status|url" >&2; exit 64 ;;
esac
