#!/usr/bin/env bash
# Peak and settled memory of `vigil serve` while it refuses hostile bundle uploads (figures in docs/security.md).
# Usage: bench/upload/memory.sh [Debug|Release]   — builds src/Vigil.Cli, starts the server on a temporary workspace,
# uploads each archive below once, and prints the server's resident memory: VmHWM (the peak since start) and VmRSS
# (after the upload was answered and the server idled 5 s), both from /proc/PID/status (Linux only).
# Archives (made with python3's zipfile, deflated zeros; each under the default MaxBundleBytes of 1 GiB):
#   model-1000MiB:    manifest.json {} and model.zip = 1000 MiB of zeros (≈1 MB compressed)
#   manifest-1000MiB: manifest.json = 1000 MiB of zeros
#   profile-1000MiB:  a real bundle's manifest.json and featurizer.json, profile.json = 1000 MiB of zeros
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
config="${1:-Release}"
port=5098
key="bench-write-key"
work="$(mktemp -d /tmp/vigil-upload-mem-XXXX)"
dotnet build -c "$config" "$root/src/Vigil.Cli" -v q -nologo >/dev/null
vigil="$root/src/Vigil.Cli/bin/$config/net10.0/vigil.dll"

python3 - "$work" <<'PY'
import sys, zipfile, os
work = sys.argv[1]
MiB = 1 << 20
def zeros(z, name, mib):
    with z.open(zipfile.ZipInfo(name), "w", force_zip64=True) as f:
        block = bytes(MiB)
        for _ in range(mib):
            f.write(block)
def make(name, members):
    with zipfile.ZipFile(os.path.join(work, name + ".zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for member, content in members:
            if isinstance(content, int):
                zinfo = zipfile.ZipInfo(member); zinfo.compress_type = zipfile.ZIP_DEFLATED
                with z.open(zinfo, "w", force_zip64=True) as f:
                    block = bytes(MiB)
                    for _ in range(content):
                        f.write(block)
            else:
                z.writestr(member, content)
make("model-1000MiB", [("manifest.json", "{}"), ("model.zip", 1000)])
make("manifest-1000MiB", [("manifest.json", 1000)])
manifest = '{"format_version": 2, "task": "binary", "members": [{"learner": "lgbm", "config": {}, "weight": 1, "imputed_features": false, "file": "model.lightgbm.txt", "format": "lightgbm"}]}'
make("profile-1000MiB", [("manifest.json", manifest), ("featurizer.json", "{}"), ("profile.json", 1000)])
PY

status() { grep -E "^$1:" "/proc/$server/status" | awk '{printf "%.0f MiB", $2/1024}'; }
for archive in model-1000MiB manifest-1000MiB profile-1000MiB; do
  ws="$work/ws-$archive"
  Vigil__ApiKeys__0__Key=$key Vigil__ApiKeys__0__Scope=write Vigil__Scheduler__Enabled=false Logging__LogLevel__Default=Warning \
    dotnet "$vigil" serve --workspace "$ws" --urls "http://127.0.0.1:$port" >"$work/server-$archive.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/ready" >/dev/null; do sleep 0.2; done
  before="$(status VmRSS)"
  code=$(curl -s -o "$work/answer.json" -w '%{http_code}' -H "X-Api-Key: $key" -H "Content-Type: application/zip" \
    --data-binary @"$work/$archive.zip" "http://127.0.0.1:$port/api/v1/models/m/versions/upload")
  sleep 5
  echo "$archive ($(du -k "$work/$archive.zip" | cut -f1) KiB): HTTP $code; RSS idle before $before, peak $(status VmHWM), after $(status VmRSS); staging left: $(find "$ws/.staging" -type f 2>/dev/null | wc -l) files"
  echo "  $(head -c 300 "$work/answer.json")"
  kill -TERM $server; wait $server 2>/dev/null || true
done
rm -rf "$work"
