#!/usr/bin/env bash
# A three-node Vigil cluster on this machine: Redis (membership), a store shared by the nodes, three
# `vigil serve --cluster` nodes on loopback ports, the demo model registered six times. Prints the dashboard URLs and
# waits; Ctrl+C stops everything (nodes, Redis, PostgreSQL) and deletes the temporary folder.
#
#   bench/cluster/run.sh               # start and wait (open a dashboard, kill a node: kill -9 <pid shown>)
#   MEASURE=1 bench/cluster/run.sh     # also measure: ingestion through the 3 nodes, then failover after a SIGKILL
#   STORE=sqlite bench/cluster/run.sh  # the nodes share one SQLite workspace instead of PostgreSQL (one machine only)
#
# Needs Debian's redis-server and postgresql; run as root (PostgreSQL runs as the postgres user).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d /tmp/vigil-cluster-XXXX)"
chmod 755 "$work"
key="cluster-write-key-0123456789"
store="${STORE:-postgres}"
pids=()
. "$root/bench/lib/postgres.sh"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

stop_all() {
  set +e
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  [ -f "$work/redis.pid" ] && kill -TERM "$(cat "$work/redis.pid")" 2>/dev/null
  stop_postgres "$work"
  sleep 0.5
  rm -rf "$work"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

dotnet build -c Release "$root/src/Vigil.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/Vigil.LoadGen" -v q -nologo >/dev/null
vigil="dotnet $root/src/Vigil.Cli/bin/Release/net10.0/vigil.dll"
gen="dotnet $root/bench/Vigil.LoadGen/bin/Release/net10.0/Vigil.LoadGen.dll"

# Redis: loopback only, nothing saved to disk (it holds the membership table and the grains' cursors).
redis_port=$(free_port)
mkdir -p "$work/redis"
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work/redis" --save '' --appendonly no \
  --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis/redis.log"
until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.1; done
echo "redis     127.0.0.1:$redis_port"

# The store: PostgreSQL (bench/lib/postgres.sh: Debian's binaries, its own data folder, run as postgres, loopback,
# durable commits), with $ws as the nodes' local folder (bundle cache); or, with STORE=sqlite, one SQLite workspace
# in $ws shared by the three nodes.
ws="$work/workspace"
mkdir -p "$ws"
declare -a store_settings=()
if [ "$store" = postgres ]; then
  start_postgres "$work"
  store_settings=(--store "$pg_connection")
  echo "store     PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') ($pg_connection)"
else
  echo "store     SQLite workspace $ws shared by the three nodes"
fi

# Six demo models (20 numeric features, 5000 labelled rows each) trained into the store, so that the nodes have
# models to share.
for m in "" 1 2 3 4 5; do
  $gen setup --workspace "$ws" --model "load$m" "${store_settings[@]}" >/dev/null
done
echo "models    load, load1..load5 trained (5000 labelled rows each)"

declare -a urls=()
declare -a silo_ports=()
start_node() {
  local i=$1
  Vigil__ApiKeys__0__Key=$key Vigil__ApiKeys__0__Scope=write Vigil__OpenDashboard=true Vigil__OpenMetrics=true \
  Vigil__Cluster__Redis="127.0.0.1:$redis_port" Vigil__Cluster__SiloPort="${silo_ports[$i]}" \
  Vigil__Workspace="$ws" \
    $vigil serve --cluster $([ "${#store_settings[@]}" -gt 0 ] || echo --workspace "$ws") --urls "${urls[$i]}" "${store_settings[@]}" >"$work/node$i.log" 2>&1 &
  pids[$i]=$!
}
wait_ready() {
  until curl -sf "$1/ready" >/dev/null 2>&1; do sleep 0.2; done
}
for i in 0 1 2; do
  urls[$i]="http://127.0.0.1:$(free_port)"
  silo_ports[$i]=$(free_port)
done
start_node 0; wait_ready "${urls[0]}"
start_node 1; start_node 2
wait_ready "${urls[1]}"; wait_ready "${urls[2]}"
echo
for i in 0 1 2; do
  echo "node $i    ${urls[$i]}/   (pid ${pids[$i]}, silo port ${silo_ports[$i]}, log $work/node$i.log)"
done
echo "ready     $(curl -s "${urls[0]}/ready")"
echo "write key $key   (dashboards and /metrics are open)"

if [ "${MEASURE:-0}" = 1 ]; then
  echo
  echo "== ingestion through the three nodes at once (1000-row batches, 2 connections per node, 5 s warm-up, 20 s)"
  echo "load before: $(uptime)"
  for i in 0 1 2; do
    $gen ingest --url "${urls[$i]}" --key $key --batch 1000 --concurrency 2 --seconds 5 >/dev/null &
  done
  wait %?ingest 2>/dev/null || true
  sleep 1
  for i in 0 1 2; do
    $gen ingest --url "${urls[$i]}" --key $key --batch 1000 --concurrency 2 --seconds 20 >"$work/ingest$i.txt" &
  done
  for job in $(jobs -p); do case " ${pids[*]} " in *" $job "*) ;; *) wait "$job" || true;; esac; done
  total=0
  for i in 0 1 2; do
    line=$(grep -i "overall" "$work/ingest$i.txt" | tail -1)
    echo "node $i: $line"
    rate=$(echo "$line" | grep -oE '[0-9][0-9,]*[0-9] rows/s' | head -1 | tr -d ', rows/')
    total=$((total + ${rate:-0}))
  done
  echo "cluster: $total rows/s acknowledged"
  echo "load after: $(uptime)"

  echo
  echo "== failover: SIGKILL node 2, then time until each of its models has a check on another node"
  echo "load before: $(uptime)"
  python3 "$root/bench/cluster/failover.py" --key $key --victim "${urls[2]}" --victim-pid "${pids[2]}" \
    --survivor "${urls[0]}" --survivor "${urls[1]}"
  echo "load after: $(uptime)"
  exit 0
fi

echo
echo "Ctrl+C stops the cluster."
wait
