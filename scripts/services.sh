#!/usr/bin/env bash
# Real components for the test suite, shared by .ci/run and developers:
#   source scripts/services.sh && install_system_packages && start_postgres
# PostgreSQL listens on 127.0.0.1 only; its URL is exported as
# ENTRE_PAIRS_PG_URL, the variable the PostgreSQL suites read.

PG_PORT="${PG_PORT:-54329}"
PG_DATA="${PG_DATA:-/var/tmp/entre-pairs-pgdata}"
SYSTEM_PACKAGES=(postgresql poppler-utils libreoffice-writer-nogui chromium fonts-dejavu-core)

install_system_packages() {
  local missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL binaries not found" >&2; return 1; }
  echo "$dir"
}

start_postgres() {
  local bin
  bin=$(pg_bin) || return 1
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    mkdir -p "$PG_DATA"
    chown postgres:postgres "$PG_DATA"
    runuser -u postgres -- "$bin/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  PG_STARTED_HERE=0
  if ! runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    PG_STARTED_HERE=1
    runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DATA" -w -l "$PG_DATA/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  fi
  export ENTRE_PAIRS_PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  # The PostgreSQL suites must run in CI: they fail (never skip) when the
  # server is unreachable and this variable is set.
  export ENTRE_PAIRS_REQUIRE_PG=1
  echo "PostgreSQL on $ENTRE_PAIRS_PG_URL"
}

# Stops the server only if start_postgres started it (a developer's running
# server is left alone).
stop_postgres() {
  [ "${PG_STARTED_HERE:-0}" = 1 ] || return 0
  local bin
  bin=$(pg_bin) || return 0
  runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
}
