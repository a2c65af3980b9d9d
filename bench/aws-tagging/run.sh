#!/usr/bin/env bash
# Tagging benchmark: N S3 buckets or RDS instances on moto_server (loopback), `dativo infra
# apply-tags` first run and re-run, counting API calls (retries included) and wall time. Not a test:
# run it by hand. moto's Tagging API tags RDS but not S3, so `rds` shows the batched writes (20
# ARNs per TagResources call) and `s3` the per-service fallback.
#   bench/aws-tagging/run.sh [N] [s3|rds]      (default 10000 s3)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/.work"
N="${1:-10000}"
KIND="${2:-s3}"
mkdir -p "$WORK"
(cd "$ROOT" && mvn -B -q -DskipTests -Dspotless.check.skip=true package)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# moto snapshots every new RDS instance and refuses more than 1,000 snapshots by default.
MOTO_RDS_SNAPSHOT_LIMIT=1000000 moto_server -H 127.0.0.1 -p "$PORT" > "$WORK/moto.log" 2>&1 &
MOTO=$!
trap 'kill $MOTO 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do (echo > /dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
ENDPOINT="http://127.0.0.1:$PORT"
start=$(date +%s.%N)
python3 "$HERE/setup.py" "$ENDPOINT" "$N" "$WORK/job.yaml" "$KIND"
echo "created $N $KIND resources in $(python3 -c "print(round($(date +%s.%N)-$start,1))") s"
export AWS_ENDPOINT_URL="$ENDPOINT" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
printf '%-8s %8s %10s %10s %10s %12s\n' run updated unchanged failed api_calls seconds
for run in first re-run; do
  s=$(date +%s.%N)
  java -jar "$ROOT/dativo-cli/target/dativo.jar" infra apply-tags --config "$WORK/job.yaml" --format json > "$WORK/$run.json"
  e=$(python3 -c "print(round($(date +%s.%N)-$s,1))")
  python3 - "$WORK/$run.json" "$run" "$e" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))["summary"]
print(f"{sys.argv[2]:<8} {summary['update']:>8} {summary['unchanged']:>10} {summary['failed']:>10} {summary['api_calls']:>10} {sys.argv[3]:>12}")
PY
done
