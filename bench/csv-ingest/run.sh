#!/usr/bin/env bash
# CSV -> Iceberg benchmark: Dativo (./dativo, embedded catalog, -Xmx256m) against DuckDB CSV -> Parquet on the
# same file, at two input sizes to show the heap stays flat. Not a test: run it by hand.
#   bench/csv-ingest/run.sh [ROWS...]     (default: 1000000 5000000; REPEAT=3 runs of each tool, median shown)
#   JAVA_HOME=/usr/lib/jvm/jdk-25 bench/csv-ingest/run.sh   (Dativo on that Java; the launcher's AOT cache on 25+)
# PAIRS=N (default 3) then runs Dativo and DuckDB one after the other N times on the largest file (each tool going
# first in every other pair) and prints each pair's seconds, whole-process CPU seconds and whole-process wall
# seconds (JVM start and configuration for Dativo, Python's start and DuckDB's import for DuckDB) with their
# ratios: this machine's speed drifts between runs, and pairs taken back to back compare the tools under the same
# conditions. REPEAT=0 runs only the pairs.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/.work"
SIZES=("${@:-1000000 5000000}")
REPEAT="${REPEAT:-3}"
PAIRS="${PAIRS:-3}"
read -r -a SIZES <<< "${SIZES[*]}"
mkdir -p "$WORK"

if [[ ! -x "$WORK/venv/bin/python" ]]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q duckdb
fi

(cd "$ROOT" && mvn -B -q -DskipTests -Dspotless.check.skip=true package)
# Dativo runs as users run it: the ./dativo launcher (its class data sharing archive made here, before
# anything is timed), with the heap capped at 256 MB, on $JAVA_HOME's Java when set (else PATH's).
DATIVO_CDS=sync "$ROOT/dativo" --version > /dev/null
export DATIVO_JAVA_OPTS="-Xmx256m"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$ROOT/dativo" --version | sed -n 's/^Java /java /p'), duckdb $("$WORK/venv/bin/python" -c 'import duckdb; print(duckdb.__version__)')"
printf '%-10s %-22s %10s %12s %10s %14s %12s\n' rows tool seconds rows/s MB/s peak_heap_MB peak_rss_MB
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
  (( REPEAT > 0 )) || continue # REPEAT=0: only the pairs below
  # Each tool runs REPEAT times; the row shows the run with the median time.
  for variant in dativo dativo-iceberg-writer; do
    writer=auto
    [[ $variant == dativo-iceberg-writer ]] && writer=iceberg # Iceberg's generic Parquet writer
    : > "$job/runs"
    for ((i = 0; i < REPEAT; i++)); do
      rm -rf "$job/warehouse"
      DATIVO_PARQUET_WRITER=$writer /usr/bin/time -f "%M" -o "$job/rss" \
        "$ROOT/dativo" --format json run --config "$job/job.yaml" > "$job/result.json" 2> "$job/stderr"
      python3 - "$job/result.json" "$(cat "$job/rss")" >> "$job/runs" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(r["duration_ms"] / 1000, round(r["peak_heap_bytes"] / 1048576), int(sys.argv[2]) // 1024)
PY
    done
    read -r seconds heap rss < <(sort -n "$job/runs" | sed -n "$(( (REPEAT + 1) / 2 ))p")
    printf '%-10s %-22s %10.2f %12.0f %10.1f %14s %12s\n' "$rows" "$variant" "$seconds" "$(python3 -c "print($rows/$seconds)")" "$(python3 -c "print($mb/$seconds)")" "$heap" "$rss"
  done

  : > "$WORK/duck-runs"
  for ((i = 0; i < REPEAT; i++)); do
    rm -f "$WORK/out-$rows.parquet"
    /usr/bin/time -f "%M" -o "$WORK/duck-rss" "$WORK/venv/bin/python" "$HERE/duckdb_reference.py" "$csv" "$WORK/out-$rows.parquet" > "$WORK/duck-time"
    echo "$(cat "$WORK/duck-time") $(( $(cat "$WORK/duck-rss") / 1024 ))" >> "$WORK/duck-runs"
  done
  read -r dseconds drss < <(sort -n "$WORK/duck-runs" | sed -n "$(( (REPEAT + 1) / 2 ))p")
  printf '%-10s %-22s %10.2f %12.0f %10.1f %14s %12s\n' "$rows" duckdb "$dseconds" "$(python3 -c "print($rows/$dseconds)")" "$(python3 -c "print($mb/$dseconds)")" "-" "$drss"
done

if (( PAIRS > 0 )); then
  rows="${SIZES[-1]}"
  csv="$WORK/orders-$rows.csv"
  job="$WORK/job-$rows"
  echo
  echo "pairs on $rows rows (seconds as each tool measures itself; cpu = user + system, wall = elapsed, of the whole process)"
  : > "$WORK/pairs"
  run_dativo() {
    rm -rf "$job/warehouse"
    /usr/bin/time -f "%U %S %e" -o "$job/cpu" "$ROOT/dativo" --format json run --config "$job/job.yaml" \
      > "$job/result.json" 2> "$job/stderr"
  }
  run_duckdb() {
    rm -f "$WORK/out-$rows.parquet"
    /usr/bin/time -f "%U %S %e" -o "$WORK/duck-cpu" "$WORK/venv/bin/python" "$HERE/duckdb_reference.py" "$csv" \
      "$WORK/out-$rows.parquet" > "$WORK/duck-time"
  }
  for ((i = 0; i < PAIRS; i++)); do
    # Each tool goes first in every other pair: whatever the one before leaves (the file's pages in
    # the cache, a busy host) falls on both alike.
    if ((i % 2 == 0)); then run_dativo && run_duckdb; else run_duckdb && run_dativo; fi
    python3 - "$job/result.json" "$job/cpu" "$WORK/duck-time" "$WORK/duck-cpu" >> "$WORK/pairs" <<'PY'
import json, sys
dativo = json.load(open(sys.argv[1]))["duration_ms"] / 1000
user, system, dativo_wall = map(float, open(sys.argv[2]).read().split())
dativo_cpu = user + system
duck = float(open(sys.argv[3]).read())
user, system, duck_wall = map(float, open(sys.argv[4]).read().split())
duck_cpu = user + system
print(dativo, duck, dativo / duck, dativo_cpu, duck_cpu, dativo_cpu / duck_cpu,
      dativo_wall, duck_wall, dativo_wall / duck_wall)
PY
    read -r a b r ac bc rc aw bw rw < <(tail -1 "$WORK/pairs")
    printf 'pair %d: dativo %.2f s (%.1f cpu-s, %.2f s wall), duckdb %.2f s (%.1f cpu-s, %.2f s wall): %.2fx time, %.2fx cpu, %.2fx wall\n' \
      $((i + 1)) "$a" "$ac" "$aw" "$b" "$bc" "$bw" "$r" "$rc" "$rw"
  done
  python3 - "$WORK/pairs" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1])]
print("median of the pairs: %.2fx time, %.2fx cpu, %.2fx wall" % (
    statistics.median(r[2] for r in rows), statistics.median(r[5] for r in rows),
    statistics.median(r[8] for r in rows)))
PY
fi
