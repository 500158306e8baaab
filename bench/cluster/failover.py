#!/usr/bin/env python3
"""Failover time of a Vigil cluster (bench/cluster/run.sh MEASURE=1): SIGKILL one node, then measure how long until
the survivors see it dead (/ready) and until each model whose grain lived on it has run a scheduled check on another
node. Rows keep arriving through the survivors meanwhile (1000 per model per round, so a check is due each round)."""
import argparse, json, os, random, re, signal, time, urllib.request
from datetime import datetime, timezone

parser = argparse.ArgumentParser()
parser.add_argument("--key", required=True)
parser.add_argument("--victim", required=True)
parser.add_argument("--victim-pid", type=int, required=True)
parser.add_argument("--survivor", action="append", required=True)
parser.add_argument("--timeout", type=float, default=60)
args = parser.parse_args()


def call(url, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data, {"Content-Type": "application/json", "X-Api-Key": args.key})
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.load(response)


metrics = urllib.request.urlopen(urllib.request.Request(args.victim + "/metrics", headers={"X-Api-Key": args.key})).read().decode()
models = sorted(set(re.findall(r'^vigil_cluster_rows_pending\{model="([^"]+)"\}', metrics, re.M)))
print(f"models whose grain is on the victim: {', '.join(models) or '(none)'}")
if not models:
    raise SystemExit("the victim hosts no model grain yet (the grains deal the models over the nodes once they are 10 s old); run again")

os.kill(args.victim_pid, signal.SIGKILL)
killed = time.monotonic()
killed_at = datetime.now(timezone.utc)
dead_after = None
resumed = {}
sent = 0
while len(resumed) < len(models) and time.monotonic() - killed < args.timeout:
    if dead_after is None:
        try:
            if all(call(s + "/ready")["cluster"]["active_silos"] == 2 for s in args.survivor):
                dead_after = time.monotonic() - killed
        except Exception:
            pass
    for i, model in enumerate(models):
        if model in resumed:
            continue
        rows = [{"id": f"fo-{sent}-{j}", "features": {f"f{k}": random.gauss(0, 1) for k in range(20)}, "prediction": "1", "score": 0.5}
                for j in range(1000)]
        call(f"{args.survivor[i % len(args.survivor)]}/api/v1/models/{model}/predictions", rows)
        checks = call(f"{args.survivor[0]}/api/v1/models/{model}/checks?limit=1")
        if checks and datetime.fromisoformat(checks[0]["ran_at"]) > killed_at:
            resumed[model] = time.monotonic() - killed
    sent += 1
    time.sleep(0.2)

print(f"death declared (both survivors see 2 active silos) after {dead_after:.1f} s" if dead_after else "death not declared in time")
for model in models:
    print(f"{model}: first check on another node {resumed[model]:.1f} s after the SIGKILL" if model in resumed else f"{model}: no check within {args.timeout:.0f} s")
if resumed:
    print(f"failover (last model checked again): {max(resumed.values()):.1f} s")
