#!/usr/bin/env bash
# The elec closed-loop benchmark of docs/replay.md. Run from the repository root:
#   nohup bench/replay/run-elec.sh > bench/replay/elec-run.log 2>&1 &
set -euo pipefail
dotnet build src/Vigil.Cli -c Release -v quiet -nologo
start=$(date +%s)
dotnet src/Vigil.Cli/bin/Release/net10.0/vigil.dll replay \
  --data ../shared/datasets/elec-stream/elec.csv --label class \
  --batch 336 --initial 4 --window 4 \
  --strategy static periodic:1 seed vigil \
  --time-budget 0 --max-trials 12 --seed 1 --parallel "${PARALLEL:-2}" \
  --json bench/replay/elec.json --html bench/replay/elec.html
echo "wall time: $(( $(date +%s) - start )) s"
