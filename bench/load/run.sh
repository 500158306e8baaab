#!/usr/bin/env bash
# Ingestion throughput and /predict latency of `vigil serve` on loopback (figures in docs/server.md).
# Usage: bench/load/run.sh [workspace-dir]   — (a given workspace is kept, a temporary one deleted) builds Release, trains the 20-feature model, starts the server,
# runs the load generator, stops the server. Check `uptime` first: other processes' load skews the figures.
#   STORE=postgres  the same against a throw-away PostgreSQL store (bench/lib/postgres.sh; run as root).
#   ONNX=FILE   register FILE (an ONNX model reading f0..f19 as one tensor, e.g. bench/onnx/wide-logreg.onnx) as the
#               champion instead of training one, so /predict scores through ONNX Runtime (docs/models.md#speed).
#   INGEST=0    skip the ingestion runs: only the /predict latency (warm-up included) is measured.
#   RPS=N       /predict requests per second (default 500; a lower rate shows the fixed cost when the machine is busy).
#   SHADOW=1    a second version shadows the champion (setup --shadow yes): during the measured ingestion,
#               `Vigil.LoadGen shadow-lag` prints how far the background scorer falls behind (every 2 s from the
#               first ingested row, over the 10 + 40 s of ingestion) and when it catches up (it waits up to 180 s).
#   FLOOR=1     after /predict, the same open-loop run against GET /health: the request path's own tail on this machine
#               (no JSON body, model or store), to read /predict's p99 against.
#   INGEST_SECONDS=N  the measured ingestion's length (default 40). Longer runs reach PostgreSQL's WAL-triggered
#               checkpoints (every ~4 GB of WAL at max_wal_size=8GB, about 50 s at 90,000 rows/s), their full-page
#               images and the recycling of WAL segments: the steady state of a store that ingests all day. A run
#               writes about 1.5 KB of table, index and WAL per row to the disk, so check the free space first.
#   CONCURRENCY=N  connections posting batches of 1000 rows during the ingestion (default 4).
#   MODELS=N    the ingestion spreads over N models (load, load-2 … load-N, each set up like load; connection i posts
#               to model i mod N). A model's groups insert one at a time on PostgreSQL (ModelInsertLock), so one model
#               measures that per-model bound; several show what one node takes from a deployment's many models.
#   PORT=N      the port the server listens on (default 5099; another run on the machine may hold it).
#   TRACE=1     where the bytes go (bench/lib/writeback-trace.sh): one line a second of rows/s, the kernel's Dirty,
#               Writeback and free MB and its share of processor time, and (PostgreSQL) WAL MB/s, full-page images/s, WAL syncs/s and their mean time, during the
#               measured ingestion and the /predict run; PostgreSQL's WAL bytes, full-page images and data pages
#               written (checkpointer / bgwriter / backends) per row; the table's and indexes' sizes.
#   PG_OPTS="-c name=value …"  extra PostgreSQL settings for STORE=postgres (bench/lib/postgres.sh).
#   DIRTY_BACKGROUND_BYTES=N  the kernel starts writing dirty pages back once N bytes are dirty (vm.dirty_background_bytes,
#               root) instead of at 10 % of memory; the machine's own setting is put back when the script ends.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# A workspace made here is deleted at exit: a run leaves 5-9 GB of SQLite, and writing back an earlier run's
# dirty pages slows the next run's fsyncs.
if [ -n "${1:-}" ]; then ws="$1"; own=0; else ws="$(mktemp -d /tmp/vigil-load-XXXX)"; own=1; fi
store=()
if [ "${STORE:-sqlite}" = postgres ]; then
  . "$root/bench/lib/postgres.sh"
  if [ "${TRACE:-0}" = 1 ]; then PG_OPTS="-c track_wal_io_timing=on ${PG_OPTS:-}"; fi
  pgdir="$(mktemp -d /tmp/vigil-load-pg-XXXX)"; chmod 755 "$pgdir"
  start_postgres "$pgdir"
  store=(--store "$pg_connection")
  echo "store: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') (synchronous_commit=on${PG_OPTS:+; $PG_OPTS})"
fi
if [ "${TRACE:-0}" = 1 ]; then . "$root/bench/lib/writeback-trace.sh"; fi
tracing() { [ "${TRACE:-0}" = 1 ]; }
port="${PORT:-5099}"
key="bench-write-key"
dotnet build -c Release "$root/src/Vigil.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/Vigil.LoadGen" -v q -nologo >/dev/null
gen="dotnet $root/bench/Vigil.LoadGen/bin/Release/net10.0/Vigil.LoadGen.dll"
shadow=(); if [ "${SHADOW:-0}" = 1 ]; then shadow=(--shadow yes); fi
onnx=(${ONNX:+--onnx "$(cd "$(dirname "$ONNX")" && pwd)/$(basename "$ONNX")"})
models="${MODELS:-1}"; kept=0; [ -f "$ws/vigil.db" ] && kept=1
for m in $(seq 1 "$models"); do
  name=load; [ "$m" = 1 ] || name="load-$m"
  if [ "${#store[@]}" -gt 0 ]; then $gen setup --model $name "${store[@]}" "${onnx[@]}" "${shadow[@]}"; else [ "$kept" = 1 ] || $gen setup --workspace "$ws" --model $name "${onnx[@]}" "${shadow[@]}"; fi
done
echo "load before: $(uptime)"
Vigil__ApiKeys__0__Key=$key Vigil__ApiKeys__0__Scope=write Vigil__Scheduler__Enabled=false \
  dotnet "$root/src/Vigil.Cli/bin/Release/net10.0/vigil.dll" serve $([ "${#store[@]}" -gt 0 ] || echo --workspace "$ws") "${store[@]}" --urls "http://127.0.0.1:$port" &
server=$!
trap 'if tracing; then trace_stop; fi; if [ -n "${vm_bytes:-}" ]; then vm_restore; fi; kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true; if [ "$own" = 1 ]; then rm -rf "$ws"; fi; if [ -n "${pgdir:-}" ]; then stop_postgres "$pgdir"; rm -rf "$pgdir"; fi' EXIT
if [ -n "${DIRTY_BACKGROUND_BYTES:-}" ]; then
  vm_bytes=$(cat /proc/sys/vm/dirty_background_bytes); vm_ratio=$(cat /proc/sys/vm/dirty_background_ratio)
  # Writing one of the pair zeroes the other, so the one that was set is the one written back.
  vm_restore() { if [ "$vm_bytes" != 0 ]; then echo "$vm_bytes" > /proc/sys/vm/dirty_background_bytes; else echo "$vm_ratio" > /proc/sys/vm/dirty_background_ratio; fi; }
  echo "$DIRTY_BACKGROUND_BYTES" > /proc/sys/vm/dirty_background_bytes
  echo "kernel: vm.dirty_background_bytes=$DIRTY_BACKGROUND_BYTES for this run (was bytes $vm_bytes, ratio $vm_ratio)"
fi
until curl -sf "http://127.0.0.1:$port/ready" >/dev/null; do sleep 0.2; done
# utime+stime ticks of a process (with a second argument 1, plus those of the children it reaped).
ticks() { awk -v r="${2:-0}" '{ sub(/^.*\) /, ""); print $12 + $13 + r * ($14 + $15) }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# "server-ticks postgres-ticks": PostgreSQL is its postmaster, the postmaster's live children and the ones it reaped.
cpu_ticks() {
  local pg=0 pm c
  if [ -n "${pgdir:-}" ]; then
    pm=$(head -1 "$pgdir/pg/data/postmaster.pid")
    pg=$(ticks "$pm" 1)
    for c in $(pgrep -P "$pm"); do pg=$((pg + $(ticks "$c"))); done
  fi
  echo "$(ticks $server) $pg"
}
# Warm-up (JIT tiering, SQLite page cache), then the measured runs.
if [ "${INGEST:-1}" != 0 ]; then
  if [ "${SHADOW:-0}" = 1 ]; then
    # From the first row on (the warm-up's rows wait for the shadow too), so "seconds behind" is exact.
    $gen shadow-lag --url "http://127.0.0.1:$port" --key $key --seconds $((10 + ${INGEST_SECONDS:-40})) --max-wait 180 &
    lag=$!
  fi
  $gen ingest  --url "http://127.0.0.1:$port" --key $key --batch 1000 --concurrency "${CONCURRENCY:-4}" --models "$models" --seconds 10 >/dev/null
  # Processor time per row beside the wall clock: the figure to compare when the machine is not quiet.
  if tracing; then w0=$([ -z "${pgdir:-}" ] || pg_counters); trace_start ingestion; fi
  c0=$(cpu_ticks); out=$($gen ingest --url "http://127.0.0.1:$port" --key $key --batch 1000 --concurrency "${CONCURRENCY:-4}" --models "$models" --seconds "${INGEST_SECONDS:-40}"); c1=$(cpu_ticks)
  if tracing; then trace_stop; fi
  echo "$out"
  rows=$(echo "$out" | sed -n 's/^ingest: \([0-9,]*\) rows.*/\1/p' | tr -d ,)
  read -r s0 p0 <<<"$c0"; read -r s1 p1 <<<"$c1"
  [ "${rows:-0}" -gt 0 ] && awk -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v n="$rows" -v hz="$(getconf CLK_TCK)" -v pg="${pgdir:+1}" 'BEGIN {
    printf "processor time per row in the measured ingestion: server %.1f µs", s / hz * 1e6 / n
    if (pg) printf ", PostgreSQL %.1f µs (all its processes)", p / hz * 1e6 / n
    printf "\n" }'
  if tracing && [ -n "${pgdir:-}" ]; then pg_counters_report "$w0" "$(pg_counters)" "${rows:-0}"; pg_sizes; fi
  if [ -n "${lag:-}" ]; then wait $lag; fi
fi
if tracing; then trace_start predict; fi
# 10 s of warm-up: the first seconds of a new client and of the server's predict path carry JIT tier-up and thread
# pool growth (with 2 s the measured p99 varied 2-11 ms between identical runs; with 10 s it is steady state).
$gen predict --url "http://127.0.0.1:$port" --key $key --rps "${RPS:-500}" --seconds 20 --warmup 10 --slow-ms 5
if [ "${FLOOR:-0}" = 1 ]; then
  $gen predict --endpoint health --url "http://127.0.0.1:$port" --key $key --rps "${RPS:-500}" --seconds 20 --warmup 10 --slow-ms 5
fi
if tracing; then trace_stop; fi
if [ "${RETRAIN:-0}" = 1 ]; then
  $gen ingest --url "http://127.0.0.1:$port" --key $key --batch 1000 --concurrency 4 --seconds 40 --retrain-after 8 --retrain-budget 20
fi
echo "load after: $(uptime)"
