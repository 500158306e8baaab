#!/usr/bin/env bash
# The synthetic-stream benchmark of docs/replay.md (abrupt, gradual and covariate drift from the Vigil.Data generators).
set -euo pipefail
dotnet build src/Vigil.Cli -c Release -v quiet -nologo
dotnet run --project bench/replay/StreamGen -c Release -- bench/replay/synthetic-stream.csv 2024
start=$(date +%s)
dotnet src/Vigil.Cli/bin/Release/net10.0/vigil.dll replay \
  --data bench/replay/synthetic-stream.csv --label target \
  --batch 336 --initial 4 --window 4 \
  --strategy static periodic:1 seed vigil vigil-perf \
  --time-budget 0 --max-trials 12 --seed 1 --parallel "${PARALLEL:-2}" \
  --json bench/replay/synthetic.json --html bench/replay/synthetic.html
echo "wall time: $(( $(date +%s) - start )) s"
