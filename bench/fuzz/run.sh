#!/usr/bin/env bash
# Coverage-guided fuzzing of one of Vigil's readers with SharpFuzz + AFL++ (see README.md beside this file).
#   bench/fuzz/run.sh TARGET SECONDS [FINDINGS_DIR]
# TARGET is csv, json, zip, manifest or parquet. Builds bench/Vigil.Fuzz once into bench/fuzz/out/build (instrumenting the Vigil
# assemblies and Sep with SharpFuzz), fuzzes for SECONDS from the committed seed corpus bench/fuzz/corpus/TARGET and
# replays what AFL++ kept as crashes. FUZZ_SEED=N fixes AFL++'s random seed (CI uses 1, so its short run is repeatable). Prints one summary line "fuzz TARGET: …" and exits 1 when a crash was found,
# 3 when afl-fuzz is not installed (apt-get install afl++).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
target="${1:?usage: run.sh TARGET SECONDS [FINDINGS_DIR]}"
seconds="${2:?usage: run.sh TARGET SECONDS [FINDINGS_DIR]}"
findings="${3:-$here/out/findings-$target}"
configuration="${FUZZ_CONFIGURATION:-Release}"
build="$here/out/build-$configuration"

case "$target" in csv|json|zip|manifest|parquet) ;; *) echo "unknown target '$target' (csv, json, zip, manifest, parquet)" >&2; exit 2 ;; esac
if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "afl-fuzz not found; install AFL++ (apt-get install afl++)" >&2
  exit 3
fi

mkdir -p "$here/out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Instrument once per build: the stamp holds the commit and the state of the sources the harness compiles.
stamp="$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo none)-$(git -C "$repo" status --porcelain -- src bench/Vigil.Fuzz bench/fuzz/fixtures 2>/dev/null | md5sum | cut -c1-8)"
if [ ! -f "$build/.stamp" ] || [ "$(cat "$build/.stamp")" != "$stamp" ]; then
  rm -rf "$build"
  dotnet publish "$repo/bench/Vigil.Fuzz" -c "$configuration" -o "$build" -v q -nologo >"$here/out/publish.log" 2>&1 \
    || { echo "build failed, see $here/out/publish.log" >&2; exit 2; }
  (cd "$here" && dotnet tool restore >/dev/null)
  # Vigil's own assemblies, the CSV splitter and the Parquet library are instrumented; the framework and ML.NET are not (they are not under test).
  for dll in "$build"/Vigil.Data.dll "$build"/Vigil.AutoML.dll "$build"/Vigil.Monitoring.dll "$build"/Vigil.Server.dll "$build"/Sep.dll "$build"/Parquet.dll; do
    (cd "$here" && dotnet sharpfuzz "$dll") >/dev/null
  done
  echo "$stamp" >"$build/.stamp"
fi

rm -rf "$findings"
mkdir -p "$findings"
# The harness is a managed program, not an AFL-compiled binary: skip AFL's binary check and CPU-frequency check;
# no memory limit (the runtime reserves address space far beyond its use); 10 s per input covers a cold start.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
export AFL_IGNORE_PROBLEMS=1 AFL_FORKSRV_INIT_TMOUT=60000
timeout --signal=INT $((seconds + 60)) afl-fuzz -V "$seconds" ${FUZZ_SEED:+-s "$FUZZ_SEED"} -i "$here/corpus/$target" -o "$findings" -t 10000 -m none \
  -- "$build/Vigil.Fuzz" "$target" >"$findings/afl.log" 2>&1 || true

stats="$findings/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  echo "fuzz $target: afl-fuzz did not start, see $findings/afl.log" >&2
  tail -20 "$findings/afl.log" >&2
  exit 2
fi
value() { sed -nE "s/^$1 *: *(.*)$/\1/p" "$stats"; }
crashes=$(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
echo "fuzz $target: ${seconds}s, $(value execs_done) execs ($(value execs_per_sec)/s), $(value corpus_count) paths, $crashes crashes, $(value saved_hangs) hangs"
if [ "$crashes" -gt 0 ]; then
  "$build/Vigil.Fuzz" replay "$target" "$findings/default/crashes" | grep UNDOCUMENTED | head -5 >&2 || true
  exit 1
fi
