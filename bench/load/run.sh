#!/usr/bin/env bash
# Ingestion throughput and /predict latency of `vigil serve` on loopback (figures in docs/server.md).
# Usage: bench/load/run.sh [workspace-dir]   — builds Release, trains the 20-feature model, starts the server,
# runs the load generator, stops the server. Check `uptime` first: other processes' load skews the figures.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
ws="${1:-$(mktemp -d /tmp/vigil-load-XXXX)}"
port=5099
key="bench-write-key"
dotnet build -c Release "$root/src/Vigil.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/Vigil.LoadGen" -v q -nologo >/dev/null
gen="dotnet $root/bench/Vigil.LoadGen/bin/Release/net10.0/Vigil.LoadGen.dll"
[ -f "$ws/vigil.db" ] || $gen setup --workspace "$ws" --model load
echo "load before: $(uptime)"
Vigil__ApiKeys__0__Key=$key Vigil__ApiKeys__0__Scope=write Vigil__Scheduler__Enabled=false \
  dotnet "$root/src/Vigil.Cli/bin/Release/net10.0/vigil.dll" serve --workspace "$ws" --urls "http://127.0.0.1:$port" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/ready" >/dev/null; do sleep 0.2; done
# Warm-up (JIT tiering, SQLite page cache), then the measured runs.
$gen ingest  --url "http://127.0.0.1:$port" --key $key --batch 1000 --concurrency 4 --seconds 10 >/dev/null
$gen ingest  --url "http://127.0.0.1:$port" --key $key --batch 1000 --concurrency 4 --seconds 40
$gen predict --url "http://127.0.0.1:$port" --key $key --rps 500 --seconds 20
if [ "${RETRAIN:-0}" = 1 ]; then
  $gen ingest --url "http://127.0.0.1:$port" --key $key --batch 1000 --concurrency 4 --seconds 40 --retrain-after 8 --retrain-budget 20
fi
echo "load after: $(uptime)"
