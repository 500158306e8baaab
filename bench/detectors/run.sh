#!/usr/bin/env bash
# The online-detector benchmark of docs/detectors.md: the elec stream and the synthetic stream (static champion,
# weekly batch checks beside the detectors), then false changes on long stationary streams. About 3 minutes.
set -euo pipefail
dotnet build bench/Vigil.Bench -c Release -v quiet -nologo
bench=bench/Vigil.Bench/bin/Release/net10.0/Vigil.Bench.dll
start=$(date +%s)
dotnet "$bench" detectors --data ../shared/datasets/elec-stream/elec.csv --label class \
  --batch 336 --initial 4 --max-trials 12 --seed 1 --out bench/detectors/elec.md
[ -f bench/replay/synthetic-stream.csv ] || dotnet run --project bench/replay/StreamGen -c Release -- bench/replay/synthetic-stream.csv 2024
# Weeks 4–15 of the synthetic stream are concept A throughout (the abrupt change comes at week 16).
dotnet "$bench" detectors --data bench/replay/synthetic-stream.csv --label target \
  --batch 336 --initial 4 --max-trials 12 --seed 1 --calm 4-15 --out bench/detectors/synthetic.md
dotnet "$bench" detectors-stationary 1000000 | tee bench/detectors/stationary.md
echo "wall time: $(( $(date +%s) - start )) s"
