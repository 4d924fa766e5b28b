#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A team warehouse on PostgreSQL next to the SQLite file, on the same generated extracts:
# cpm-cli import into each (and psql's untyped \copy of the same files as the server's raw
# baseline, like sqlite3's .import is SQLite's), then the filter changes of cpm-bench: on
# SQLite from the stored snapshot; on the server twice, as the app does it (the snapshot built
# in process from the server's models) and as cpm-cli does it (the server computes every metric).
# Pairs alternate in order, medians and ratios per size.
#
#   bench/postgres.sh [sizes...]     sizes like 100k 1M 10M (default: 1M)
#   REPS=3 bench/postgres.sh 1M 10M       (PG_REPEAT: cpm-bench passes on the server)
#
# Runs inside a throwaway cluster (scripts/with-postgres.sh) unless CPM_TEST_PG_URI names a
# server (then PGPASSWORD / ~/.pgpass must let psql and cpm in). Same build and data folders
# as bench/run.sh (CPM_BENCH_BUILD, CPM_BENCH_DATA).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${CPM_TEST_PG_URI:-}" ]; then
  exec "$ROOT/scripts/with-postgres.sh" "$0" "$@"
fi
BUILD=${CPM_BENCH_BUILD:-$ROOT/build-bench}
DATA=${CPM_BENCH_DATA:-$BUILD/data}
REPS=${REPS:-3}
# Filter passes of cpm-bench on the server (each is 56 filters; SQLite always does 5). A server
# pass at 10M takes minutes, so 1 there unless PG_REPEAT says otherwise.
PG_REPEAT=${PG_REPEAT:-}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1M)

echo "== building (Release) in $BUILD" >&2
# An existing build folder is used as configured (CPM_BENCH_BUILD=build reuses the test build).
[ -f "$BUILD/CMakeCache.txt" ] || cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
echo "== build type: $(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt"), commit $(git -C "$ROOT" rev-parse --short HEAD)" >&2
ninja -C "$BUILD" cpm-cli cpm-bench >/dev/null
CLI=$BUILD/bin/cpm-cli
HARNESS=$BUILD/bin/cpm-bench
mkdir -p "$DATA"
RESULTS=$DATA/postgres-results.tsv
: > "$RESULTS"
BASE_URI=${CPM_TEST_PG_URI%/*}

count_of() {
  local s=${1,,}
  case $s in *k) echo $(( ${s%k} * 1000 )) ;; *m) echo $(( ${s%m} * 1000000 )) ;; *) echo "$s" ;; esac
}

# timed SIZE STEP CMD...: wall seconds and peak RSS (KiB) to RESULTS; output kept in LAST_OUT.
timed() {
  local size=$1 step=$2 start end
  shift 2
  LAST_OUT=$(mktemp)
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$LAST_OUT.rss" "$@" > "$LAST_OUT" 2> "$LAST_OUT.err" \
    || { echo "failed: $*" >&2; cat "$LAST_OUT.err" >&2; exit 1; }
  end=$(date +%s.%N)
  printf '%s\t%s\t%s\t%s\n' "$size" "$step" "$(echo "$end - $start" | bc)" "$(tail -1 "$LAST_OUT.rss")" >> "$RESULTS"
}

# harness_row SIZE PREFIX: cpm-bench's median/range figures of LAST_OUT as rows.
harness_rows() {
  tr ' ' '\n' < "$LAST_OUT" | awk -F= -v size="$1" -v p="$2" \
    'NF == 2 && $1 ~ /^(load|median|range_median|open_median|max)_ms$/ {printf "%s\t%s_%s\t%s\t0\n", size, p, $1, $2}' >> "$RESULTS"
}

fresh_db() {
  psql -q -d postgres -c "drop database if exists $1" -c "create database $1" >/dev/null
  echo "$BASE_URI/$1"
}

run_sqlite() {
  local size=$1 dir=$2 db=$DATA/pg-side-$1.sqlite
  rm -f "$db" "$db-wal" "$db-shm"
  timed "$size" sqlite_cpm_import "$CLI" import --db "$db" "$dir/stores.csv" "$dir/devices.csv" "$dir/transactions.csv"
  timed "$size" sqlite_cpm_metrics "$HARNESS" --db "$db" --repeat 5
  harness_rows "$size" sqlite
  rm -f "$db" "$db-wal" "$db-shm"
}

run_postgres() {
  local size=$1 dir=$2 uri
  uri=$(fresh_db cpm_bench)
  timed "$size" pg_cpm_import "$CLI" import --db "$uri" "$dir/stores.csv" "$dir/devices.csv" "$dir/transactions.csv"
  # The app's way: the snapshot built in process from the server's models, then filters.
  timed "$size" pgapp_cpm_metrics "$HARNESS" --db "$uri" --repeat 5
  harness_rows "$size" pgapp
  # The server alone computing every metric (cpm-cli's way); PG_SQL=off skips it.
  if [ "${PG_SQL:-on}" != off ]; then
    local repeat=${PG_REPEAT:-$([ "$(count_of "$size")" -ge 10000000 ] && echo 1 || echo 2)}
    timed "$size" pg_cpm_metrics "$HARNESS" --db "$uri" --backend sql --repeat "$repeat"
    harness_rows "$size" pg
  fi
  printf '%s\tpg_bytes\t%s\t0\n' "$size" "$(psql -tA -d cpm_bench -c "select pg_database_size('cpm_bench')")" >> "$RESULTS"
  # The server's own raw baseline: every column as text, no parsing, no keys, no models.
  psql -q -d cpm_bench -c "create table raw_copy ($(head -1 "$dir/transactions.csv" | tr -d '\r\357\273\277' \
    | sed 's/,/ text, /g; s/$/ text/'))" >/dev/null
  timed "$size" pg_copy_baseline psql -q -d cpm_bench -c "\\copy raw_copy from '$dir/transactions.csv' with (format csv, header true)"
}

for size in "${SIZES[@]}"; do
  n=$(count_of "$size")
  dir=$DATA/extract-$size
  [ -f "$dir/transactions.csv" ] || "$CLI" generate --transactions "$n" --out "$dir" >/dev/null
  for rep in $(seq 1 "$REPS"); do
    echo "== $size: repetition $rep of $REPS" >&2
    if (( rep % 2 )); then run_sqlite "$size" "$dir"; run_postgres "$size" "$dir"
    else run_postgres "$size" "$dir"; run_sqlite "$size" "$dir"; fi
  done
done

python3 - "$RESULTS" <<'PY'
import statistics, sys, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    size, step, value, _ = line.rstrip('\n').split('\t')
    rows[(size, step)].append(float(value))
med = {k: statistics.median(v) for k, v in rows.items()}
for size in dict.fromkeys(k[0] for k in med):
    g = lambda s: med.get((size, s))
    print(f"## {size}")
    for step in sorted(s for (z, s) in med if z == size):
        print(f"  {step:28s} {g(step):12.3f}  (n={len(rows[(size, step)])})")
    if g('pg_cpm_import') and g('sqlite_cpm_import'):
        print(f"  import: PostgreSQL {g('pg_cpm_import'):.2f} s = {g('pg_cpm_import') / g('sqlite_cpm_import'):.2f}x the SQLite file's; "
              f"{g('pg_cpm_import') / g('pg_copy_baseline'):.2f}x psql's untyped \\copy of transactions.csv")
    if g('pgapp_median_ms') and g('sqlite_median_ms'):
        print(f"  app on PostgreSQL: snapshot built from the server in {g('pgapp_load_ms'):.0f} ms (SQLite file: {g('sqlite_load_ms'):.0f} ms stored snapshot); "
              f"then filter changes {g('pgapp_median_ms'):.1f} ms median ({g('pgapp_median_ms') / g('sqlite_median_ms'):.2f}x SQLite's)")
    if g('pg_median_ms') and g('sqlite_median_ms'):
        print(f"  filter change (median): PostgreSQL {g('pg_median_ms'):.1f} ms, SQLite {g('sqlite_median_ms'):.1f} ms; "
              f"dated ranges {g('pg_range_median_ms'):.1f} ms vs {g('sqlite_range_median_ms'):.1f} ms")
PY
