#!/usr/bin/env bash
# Reference strategies beside the elec benchmark: periodic retraining at vigil's retrain rates, and the
# non-default performance-only policy (vigil-perf). Same data, budget and seed as run-elec.sh.
set -euo pipefail
start=$(date +%s)
dotnet src/Vigil.Cli/bin/Release/net10.0/vigil.dll replay \
  --data ../shared/datasets/elec-stream/elec.csv --label class \
  --strategy periodic:2 periodic:7 vigil-perf \
  --time-budget 0 --max-trials 12 --seed 1 --parallel "${PARALLEL:-2}" \
  --json bench/replay/elec-extra.json --html bench/replay/elec-extra.html
echo "wall time: $(( $(date +%s) - start )) s"
