#!/usr/bin/env bash
# Peak and settled memory of `vigil serve` while it refuses hostile bundle uploads (figures in docs/security.md).
# Usage: bench/upload/memory.sh [Release|Debug]   — builds src/Vigil.Cli, trains a small bundle with `vigil train --out`,
# then for each archive below starts the server on a fresh workspace, uploads the archive once and prints the
# server's resident memory from /proc/PID/status (Linux only): VmRSS when idle before, VmHWM (the peak since start)
# and VmRSS 5 s after the answer. Each archive is about 1 MB and unpacks to under the default MaxBundleBytes (1 GiB).
#   model-1000MiB:    the real bundle with model.lightgbm.txt replaced by 1000 MiB of zeros
#   manifest-1000MiB: manifest.json alone, 1000 MiB of zeros
#   profile-1000MiB:  the real bundle with profile.json replaced by 1000 MiB of zeros
#   training-500MiB:  the real bundle without profile.json, training.csv replaced by 500 MiB of zeros (under its limit)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
config="${1:-Release}"
port=5098
key="bench-write-key"
work="$(mktemp -d /tmp/vigil-upload-mem-XXXX)"
trap 'rm -rf "$work"' EXIT
dotnet build -c "$config" "$root/src/Vigil.Cli" -v q -nologo >/dev/null
vigil="$root/src/Vigil.Cli/bin/$config/net10.0/vigil.dll"

python3 - "$work/train.csv" <<'PY'
import sys, random
random.seed(1)
with open(sys.argv[1], "w") as f:
    f.write("a,b,c,y\n")
    for _ in range(500):
        a, b, c = random.gauss(0, 1), random.gauss(0, 1), random.gauss(0, 1)
        f.write(f"{a:.4f},{b:.4f},{c:.4f},{int(a + b + random.gauss(0, 0.5) > 0)}\n")
PY
dotnet "$vigil" train --data "$work/train.csv" --label y --time-budget 5 --learners lgbm --out "$work/model" >/dev/null

python3 - "$work" <<'PY'
import sys, zipfile, os
work = sys.argv[1]
model = os.path.join(work, "model")
MiB = 1 << 20
def make(name, replace, drop=()):
    with zipfile.ZipFile(os.path.join(work, name + ".zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for member in sorted(os.listdir(model)):
            if member in drop or member in replace:
                continue
            z.write(os.path.join(model, member), member)
        for member, mib in replace.items():
            info = zipfile.ZipInfo(member)
            info.compress_type = zipfile.ZIP_DEFLATED
            with z.open(info, "w", force_zip64=True) as f:
                block = bytes(MiB)
                for _ in range(mib):
                    f.write(block)
make("model-1000MiB", {"model.lightgbm.txt": 1000})
with zipfile.ZipFile(os.path.join(work, "manifest-1000MiB.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    info = zipfile.ZipInfo("manifest.json")
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w", force_zip64=True) as f:
        for _ in range(1000):
            f.write(bytes(MiB))
make("profile-1000MiB", {"profile.json": 1000})
make("training-500MiB", {"training.csv": 500}, drop=("profile.json",))
PY
ls -la "$work"/*.zip | awk '{print "archive", $NF, $5, "bytes"}'

status() { grep -E "^$1:" "/proc/$server/status" | awk '{printf "%.0f MiB", $2/1024}'; }
for archive in model-1000MiB manifest-1000MiB profile-1000MiB training-500MiB; do
  ws="$work/ws-$archive"
  Vigil__ApiKeys__0__Key=$key Vigil__ApiKeys__0__Scope=write Vigil__Scheduler__Enabled=false Logging__LogLevel__Default=Warning \
    dotnet "$vigil" serve --workspace "$ws" --urls "http://127.0.0.1:$port" >"$work/server-$archive.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/ready" >/dev/null; do sleep 0.2; done
  before="$(status VmRSS)"
  code=$(curl -s -o "$work/answer.json" -w '%{http_code}' -H "X-Api-Key: $key" -H "Content-Type: application/zip" \
    --data-binary @"$work/$archive.zip" "http://127.0.0.1:$port/api/v1/models/m/versions/upload")
  sleep 5
  echo "$archive: HTTP $code; RSS idle $before, peak $(status VmHWM), 5 s after $(status VmRSS); staging files left: $(find "$ws/.staging" -type f 2>/dev/null | wc -l)"
  echo "  $(head -c 400 "$work/answer.json")"
  kill -TERM $server; wait $server 2>/dev/null || true
done
