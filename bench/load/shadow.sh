#!/usr/bin/env bash
# Ingestion with and without a shadow (figures in docs/models.md, Speed): the same server and workspace, phases
# alternating shadow on / off, 20 s of closed-loop ingestion each; after each phase with a shadow, how many of the
# rows logged in it the background scorer had scored. Check `uptime` first: other processes' load skews the figures.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
ws="$(mktemp -d /tmp/vigil-shadow-load-XXXX)"
port=5098
key="bench-write-key"
dotnet build -c Release "$root/src/Vigil.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/Vigil.LoadGen" -v q -nologo >/dev/null
gen="dotnet $root/bench/Vigil.LoadGen/bin/Release/net10.0/Vigil.LoadGen.dll"
$gen setup --workspace "$ws" --model load --shadow
echo "load before: $(uptime)"
Vigil__ApiKeys__0__Key=$key Vigil__ApiKeys__0__Scope=write Vigil__Scheduler__Enabled=false \
  dotnet "$root/src/Vigil.Cli/bin/Release/net10.0/vigil.dll" serve --workspace "$ws" --urls "http://127.0.0.1:$port" >/dev/null &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$ws"' EXIT
until curl -sf "http://127.0.0.1:$port/ready" >/dev/null; do sleep 0.2; done
api="http://127.0.0.1:$port/api/v1/models/load/shadow"
scored() { curl -sf -H "X-Api-Key: $key" "$api" | python3 -c 'import json,sys; s=json.load(sys.stdin)["status"]; print(f"{s[\"scored_rows\"]} scored, {s[\"backlog_rows\"]} waiting")'; }
$gen ingest --url "http://127.0.0.1:$port" --key $key --batch 1000 --concurrency 4 --seconds 10 >/dev/null   # warm-up
for phase in shadow none shadow none; do
  if [ $phase = shadow ]; then
    curl -sf -X PUT -H "X-Api-Key: $key" -H "Content-Type: application/json" -d '{"version":2}' "$api" >/dev/null
  else
    curl -sf -X DELETE -H "X-Api-Key: $key" "$api" >/dev/null
  fi
  echo "== $phase"
  $gen ingest --url "http://127.0.0.1:$port" --key $key --batch 1000 --concurrency 4 --seconds 20
  if [ $phase = shadow ]; then echo "shadow at the end of the phase: $(scored)"; sleep 10; echo "10 s later: $(scored)"; fi
done
echo "load after: $(uptime)"
