# Sourced by the bench scripts: a throw-away PostgreSQL server for a benchmark run.
#   start_postgres DIR   — Debian's binaries, data in DIR/pg (owned by postgres), loopback on a free port, durable
#                          commits (synchronous_commit=on, fsync on: the figures are for acknowledged = on disk);
#                          sets $pg_connection (a Vigil store connection string), $pg_bin and $pg_port.
#                          PG_OPTS="-c name=value …" adds or overrides server settings (to compare variants).
#   stop_postgres DIR    — fast shutdown; the caller deletes DIR.
# Needs root (PostgreSQL runs as the postgres user) and Debian's postgresql package.

start_postgres() {
  local dir="$1"
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -z "$pg_bin" ]; then
    echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
    return 1
  fi
  local port
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  port=$pg_port
  install -d -o postgres -g postgres "$dir/pg"
  runuser -u postgres -- "$pg_bin/initdb" -D "$dir/pg/data" -A trust -U postgres -E UTF8 >/dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir/pg -c synchronous_commit=on -c max_connections=200 -c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=15min ${PG_OPTS:-}" start >/dev/null
  runuser -u postgres -- "$pg_bin/createdb" -h 127.0.0.1 -p "$port" vigil
  pg_connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=vigil"
}

stop_postgres() {
  local dir="$1"
  [ -n "${pg_bin:-}" ] && [ -d "$dir/pg/data" ] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null 2>&1
  return 0
}
