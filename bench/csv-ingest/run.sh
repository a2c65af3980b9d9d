#!/usr/bin/env bash
# CSV -> Iceberg benchmark: Dativo (embedded catalog, -Xmx256m) against DuckDB CSV -> Parquet on the
# same file, at two input sizes to show the heap stays flat. Not a test: run it by hand.
#   bench/csv-ingest/run.sh [ROWS...]     (default: 1000000 5000000)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/.work"
SIZES=("${@:-1000000 5000000}")
read -r -a SIZES <<< "${SIZES[*]}"
mkdir -p "$WORK"

if [[ ! -x "$WORK/venv/bin/python" ]]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q duckdb
fi

(cd "$ROOT" && mvn -B -q -DskipTests -Dspotless.check.skip=true package)
JAR="$ROOT/dativo-cli/target/dativo.jar"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), duckdb $("$WORK/venv/bin/python" -c 'import duckdb; print(duckdb.__version__)')"
printf '%-10s %-14s %10s %12s %10s %14s %12s\n' rows tool seconds rows/s MB/s peak_heap_MB peak_rss_MB
for rows in "${SIZES[@]}"; do
  csv="$WORK/orders-$rows.csv"
  [[ -f "$csv" ]] || python3 "$HERE/generate.py" "$rows" "$csv"
  mb=$(du -m "$csv" | cut -f1)

  job="$WORK/job-$rows"
  rm -rf "$job" && mkdir -p "$job"
  cp "$ROOT/examples/assets/csv/v1.0/orders.yaml" "$job/asset.yaml"
  cat > "$job/job.yaml" <<YAML
tenant_id: bench
environment: dev
source_connector: csv
target_connector: iceberg
asset: csv_orders
asset_path: asset.yaml
source:
  files: ["$csv"]
target:
  warehouse: $job/warehouse
YAML
  # Second variant: Parquet dictionary encoding off (a table property the job can set).
  sed 's|^target:|target:\n  properties: {parquet.enable.dictionary: "false"}|' "$job/job.yaml" > "$job/job-nodict.yaml"
  for variant in dativo dativo-nodict; do
    config="$job/job.yaml"
    [[ $variant == dativo-nodict ]] && config="$job/job-nodict.yaml"
    rm -rf "$job/warehouse"
    /usr/bin/time -f "%M" -o "$job/rss" java -Xmx256m -jar "$JAR" --format json run --config "$config" > "$job/result.json" 2> "$job/stderr"
    seconds=$(python3 -c "import json; print(json.load(open('$job/result.json'))['duration_ms']/1000)")
    heap=$(python3 -c "import json; print(round(json.load(open('$job/result.json'))['peak_heap_bytes']/1048576))")
    rss=$(( $(cat "$job/rss") / 1024 ))
    printf '%-10s %-14s %10.2f %12.0f %10.1f %14s %12s\n' "$rows" "$variant" "$seconds" "$(python3 -c "print($rows/$seconds)")" "$(python3 -c "print($mb/$seconds)")" "$heap" "$rss"
  done

  rm -f "$WORK/out-$rows.parquet"
  /usr/bin/time -f "%M" -o "$WORK/duck-rss" "$WORK/venv/bin/python" "$HERE/duckdb_reference.py" "$csv" "$WORK/out-$rows.parquet" > "$WORK/duck-time"
  dseconds=$(cat "$WORK/duck-time")
  drss=$(( $(cat "$WORK/duck-rss") / 1024 ))
  printf '%-10s %-14s %10.2f %12.0f %10.1f %14s %12s\n' "$rows" duckdb "$dseconds" "$(python3 -c "print($rows/$dseconds)")" "$(python3 -c "print($mb/$dseconds)")" "-" "$drss"
done
