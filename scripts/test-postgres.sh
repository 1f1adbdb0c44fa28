#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suites.
#
#   scripts/test-postgres.sh start   initdb in ${TMPDIR:-/tmp}/puente-pg-XXXX, start on a free
#                                    loopback port, print the URL
#   scripts/test-postgres.sh url     print the URL of the running server
#   scripts/test-postgres.sh env     print the state file (shell syntax: source it)
#   scripts/test-postgres.sh stop    stop the server and delete its folder
#
# The state lives in .test-artifacts/postgres.env (override with PUENTE_PG_STATE).
# Run as root, the server runs as the `postgres` system user (created if missing),
# because PostgreSQL refuses to run as root. Durability is switched off: the data
# is disposable and the tests are faster without fsync.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state_file="${PUENTE_PG_STATE:-$repo_root/.test-artifacts/postgres.env}"
first_port="${PUENTE_PG_PORT:-54329}"

log() { printf 'test-postgres: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Directory holding initdb and pg_ctl: PUENTE_PG_BIN, then PATH, then Debian's layout
# (/usr/lib/postgresql/15/bin first: CI's server is 15; else the newest installed).
find_pg_bin() {
  if [[ -n "${PUENTE_PG_BIN:-}" ]]; then
    [[ -x "$PUENTE_PG_BIN/initdb" ]] || die "PUENTE_PG_BIN=$PUENTE_PG_BIN has no initdb"
    printf '%s\n' "$PUENTE_PG_BIN"
    return
  fi
  local initdb_path
  if initdb_path="$(command -v initdb 2>/dev/null)" && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$initdb_path")"
    return
  fi
  local dir
  for dir in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      printf '%s\n' "$dir"
      return
    fi
  done
  die "initdb/pg_ctl not found on PATH nor under /usr/lib/postgresql/*/bin (apt-get install postgresql-15)"
}

is_root() { [[ "$(id -u)" == 0 ]]; }

ensure_postgres_user() {
  if ! id -u postgres >/dev/null 2>&1; then
    log "creating system user postgres"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin postgres
  fi
}

# Run a command as the server's owner: postgres when we are root, ourselves otherwise.
as_owner() {
  if is_root; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      local quoted="" arg
      for arg in "$@"; do quoted+="'${arg//\'/\'\\\'\'}' "; done
      su postgres -s /bin/sh -c "$quoted"
    fi
  else
    "$@"
  fi
}

port_is_free() {
  node -e '
    const server = require("node:net").createServer();
    server.once("error", () => process.exit(1));
    server.listen({ host: "127.0.0.1", port: Number(process.argv[1]), exclusive: true }, () =>
      server.close(() => process.exit(0)));
  ' "$1" 2>/dev/null
}

c_utf8_locale_exists() {
  locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'
}

read_state() {
  [[ -f "$state_file" ]] || return 1
  # shellcheck disable=SC1090
  source "$state_file"
  [[ -n "${PUENTE_PG_DIR:-}" && -n "${DATABASE_URL_TEST:-}" ]]
}

server_running() {
  read_state || return 1
  [[ -d "$PUENTE_PG_DIR/data" ]] || return 1
  (cd "$PUENTE_PG_DIR" && as_owner "$PUENTE_PG_BIN/pg_ctl" status -D "$PUENTE_PG_DIR/data" >/dev/null 2>&1)
}

verify() {
  local url="$1" bin="$2" psql_cmd
  if command -v psql >/dev/null 2>&1; then psql_cmd=psql
  elif [[ -x "$bin/psql" ]]; then psql_cmd="$bin/psql"
  else
    log "psql not found; skipping the connection check"
    return 0
  fi
  local version
  version="$("$psql_cmd" "$url" -X -At -c 'show server_version' 2>&1)" ||
    die "psql could not connect to $url: $version"
  log "connected: PostgreSQL $version"
}

cmd_start() {
  if server_running; then
    log "already running ($PUENTE_PG_DIR)"
    printf '%s\n' "$DATABASE_URL_TEST"
    return 0
  fi
  if read_state; then
    log "removing the state of a server that is no longer running ($PUENTE_PG_DIR)"
    case "$PUENTE_PG_DIR" in */puente-pg-*) rm -rf "$PUENTE_PG_DIR" ;; esac
    rm -f "$state_file"
  fi
  local bin
  bin="$(find_pg_bin)"
  is_root && ensure_postgres_user

  local base="${TMPDIR:-/tmp}"
  base="${base%/}"
  local dir
  dir="$(mktemp -d "$base/puente-pg-XXXX" 2>/dev/null)" || dir=""
  # The socket path must stay under 107 bytes, and postgres must be able to reach the folder.
  if [[ -n "$dir" ]] && { (( ${#dir} > 80 )) || { is_root && ! as_owner test -x "$dir/.." 2>/dev/null; }; }; then
    rmdir "$dir"
    dir=""
  fi
  [[ -n "$dir" ]] || dir="$(mktemp -d /tmp/puente-pg-XXXX)"
  is_root && chown postgres: "$dir"
  chmod 700 "$dir"

  local locale_args=(--locale=C.UTF-8)
  c_utf8_locale_exists || locale_args=(--no-locale)
  local initdb_log="$dir/initdb.log"
  if ! (cd "$dir" && as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
        "${locale_args[@]}" >"$initdb_log" 2>&1); then
    if [[ "${locale_args[0]}" != --no-locale ]]; then
      log "initdb with ${locale_args[0]} failed, retrying with --no-locale"
      rm -rf "$dir/data"
      (cd "$dir" && as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
        --no-locale >"$initdb_log" 2>&1) || { cat "$initdb_log" >&2; die "initdb failed"; }
    else
      cat "$initdb_log" >&2
      die "initdb failed"
    fi
  fi

  local port="$first_port" attempts=0 started=0
  while (( attempts < 20 )); do
    while ! port_is_free "$port"; do
      port=$((port + 1))
      (( port < first_port + 200 )) || die "no free port in $first_port..$((first_port + 199))"
    done
    attempts=$((attempts + 1))
    # -l: the server's output goes to a file, so it never holds the caller's pipes open.
    if (cd "$dir" && as_owner "$bin/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/postgres.log" \
          -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
          >/dev/null 2>&1); then
      started=1
      break
    fi
    if grep -qiE 'could not bind|address already in use|lock file .* already exists' "$dir/postgres.log" 2>/dev/null; then
      log "port $port was taken meanwhile, trying the next one"
      port=$((port + 1))
      continue
    fi
    tail -n 30 "$dir/postgres.log" >&2 || true
    die "pg_ctl start failed (log: $dir/postgres.log)"
  done
  (( started )) || die "could not start PostgreSQL after $attempts attempts"

  local url="postgres://postgres@127.0.0.1:$port/postgres"
  mkdir -p "$(dirname "$state_file")"
  {
    printf "PUENTE_PG_DIR='%s'\n" "$dir"
    printf "PUENTE_PG_PORT='%s'\n" "$port"
    printf "PUENTE_PG_BIN='%s'\n" "$bin"
    printf "DATABASE_URL_TEST='%s'\n" "$url"
  } >"$state_file"
  verify "$url" "$bin"
  log "started PostgreSQL in $dir on 127.0.0.1:$port"
  printf '%s\n' "$url"
}

cmd_stop() {
  if ! read_state; then
    log "not running (no $state_file)"
    return 0
  fi
  if [[ -d "$PUENTE_PG_DIR/data" ]]; then
    (cd "$PUENTE_PG_DIR" && as_owner "$PUENTE_PG_BIN/pg_ctl" stop -D "$PUENTE_PG_DIR/data" -m fast -w -t 60 \
      >/dev/null 2>&1) || log "pg_ctl stop failed (was it running?)"
  fi
  case "$PUENTE_PG_DIR" in
    */puente-pg-*) rm -rf "$PUENTE_PG_DIR" ;;
    *) log "not deleting unexpected folder $PUENTE_PG_DIR" ;;
  esac
  rm -f "$state_file"
  log "stopped"
}

cmd_url() {
  server_running || die "no server running (scripts/test-postgres.sh start)"
  printf '%s\n' "$DATABASE_URL_TEST"
}

cmd_env() {
  server_running || die "no server running (scripts/test-postgres.sh start)"
  cat "$state_file"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  url) cmd_url ;;
  env) cmd_env ;;
  *) echo "usage: $0 start|stop|url|env" >&2; exit 2 ;;
esac
