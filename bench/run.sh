#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Side-by-side benchmark: the sqlite3 baseline (../shared/bench-baseline) against cpm on the
# same generated extracts, alternating run by run, several repetitions, medians and ratios.
#
#   bench/run.sh [sizes...]      sizes like 100k 1M 10M, each optionally with the data shape:
#                                1M-wide is `cpm-cli generate --profile wide` (50k products at
#                                1M, long quoted names, dashed card numbers); default: 100k 1M 1M-wide
#   REPS=5 bench/run.sh 1M       repetitions per size (default 3)
#
# Environment: CPM_BENCH_BUILD (Release build dir, default build-bench), CPM_BENCH_DATA
# (extracts and warehouses, default build-bench/data), CPM_BENCH_BASELINE (sqlite scripts),
# CPM_BENCH_DUCKDB=off (leave out the DuckDB side, which otherwise runs when npm can install
# bench/duckdb's pinned @duckdb/node-api into $CPM_BENCH_BUILD/duckdb).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${CPM_BENCH_BUILD:-$ROOT/build-bench}
DATA=${CPM_BENCH_DATA:-$BUILD/data}
BASELINE=$(cd "${CPM_BENCH_BASELINE:-$ROOT/../shared/bench-baseline}" && pwd)
REPS=${REPS:-3}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(100k 1M 1M-wide)

# SIZE[-SHAPE]: the count, and the generator profile (standard unless "-wide" follows).
profile_of() { case $1 in *-wide) echo wide ;; *) echo standard ;; esac; }
count_of() {
  local s=${1%-wide}
  s=${s,,}
  case $s in
    *k) echo $(( ${s%k} * 1000 )) ;;
    *m) echo $(( ${s%m} * 1000000 )) ;;
    *) echo "$s" ;;
  esac
}

echo "== building (Release) in $BUILD" >&2
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$BUILD" cpm-cli cpm-bench >/dev/null
CLI=$BUILD/bin/cpm-cli
HARNESS=$BUILD/bin/cpm-bench
mkdir -p "$DATA"
RESULTS=$DATA/results.tsv
: > "$RESULTS"

# timed SIZE STEP CMD...: wall seconds and peak RSS (KiB, from /usr/bin/time -v) to RESULTS.
timed() {
  local size=$1 step=$2
  shift 2
  local log start end
  log=$(mktemp)
  start=$(date +%s.%N)
  if ! /usr/bin/time -v -o "$log" "$@" > "$log.out" 2> "$log.err"; then
    echo "failed: $*" >&2
    cat "$log.err" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  local rss cpu
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  # CPU seconds (user + system) too: on a shared machine they vary far less than wall time.
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")
  printf '%s\t%s\t%s\t%s\n' "$size" "$step" "$(echo "$end - $start" | bc)" "$rss" >> "$RESULTS"
  printf '%s\t%s_cpu\t%s\t0\n' "$size" "$step" "$cpu" >> "$RESULTS"
  LAST_OUT=$log.out
  rm -f "$log" "$log.err"
}

run_sqlite() {
  local size=$1 dir=$2 db=$DATA/base-$1.sqlite
  rm -f "$db"
  pushd "$dir" >/dev/null
  timed "$size" sqlite_import sqlite3 "$db" ".read $BASELINE/sqlite_import.sql"
  timed "$size" sqlite_transform sqlite3 "$db" ".read $BASELINE/sqlite_transform.sql"
  printf '%s\tsqlite_bytes\t%s\t0\n' "$size" "$(stat -c %s "$db")" >> "$RESULTS"
  timed "$size" sqlite_metrics sqlite3 "$db" ".read $BASELINE/sqlite_base.sql"
  timed "$size" sqlite_refilter sqlite3 "$db" ".read $BASELINE/sqlite_refilter.sql"
  timed "$size" sqlite_index sqlite3 "$db" ".read $BASELINE/sqlite_index.sql"
  timed "$size" sqlite_metrics_indexed sqlite3 "$db" ".read $BASELINE/sqlite_base.sql"
  timed "$size" sqlite_refilter_indexed sqlite3 "$db" ".read $BASELINE/sqlite_refilter.sql"
  popd >/dev/null
  rm -f "$db"
}

run_cpm() {
  local size=$1 dir=$2 db=$DATA/cpm-$1.sqlite
  rm -f "$db" "$db-wal" "$db-shm"
  timed "$size" cpm_import "$CLI" import --db "$db" "$dir/stores.csv" "$dir/devices.csv" "$dir/transactions.csv"
  # The import's share spent building and storing the persisted columnar snapshot.
  sed -n 's/.*columnar snapshot \([0-9.]*\) s.*/\1/p' "$LAST_OUT" | awk -v size="$size" '{printf "%s\tcpm_snapshot_store\t%s\t0\n", size, $1}' >> "$RESULTS"
  local bytes
  bytes=$(( $(stat -c %s "$db") + $( [ -f "$db-wal" ] && stat -c %s "$db-wal" || echo 0) ))
  printf '%s\tcpm_bytes\t%s\t0\n' "$size" "$bytes" >> "$RESULTS"
  timed "$size" cpm_metrics "$HARNESS" --db "$db" --repeat 5
  # key=value lines of the harness become rows too (milliseconds).
  tr ' ' '\n' < "$LAST_OUT" | awk -F= -v size="$size" 'NF == 2 && ($1 ~ /_ms$/ || $1 == "snapshot_bytes") {printf "%s\tcpm_%s\t%s\t0\n", size, $1, $2}' >> "$RESULTS"
  # The fallback path (no valid persisted snapshot): a rebuild from the models, own process.
  timed "$size" cpm_rebuild "$HARNESS" --db "$db" --rebuild
  tr ' ' '\n' < "$LAST_OUT" | awk -F= -v size="$size" 'NF == 2 && $1 ~ /_ms$/ {printf "%s\tcpm_%s\t%s\t0\n", size, $1, $2}' >> "$RESULTS"
  run_gui "$size" "$dir" "$db"
  # Incremental: the next extract of the same network (1 % more transactions, new ids) into
  # the full warehouse: upsert, model refresh and the snapshot extended, ready to answer.
  timed "$size" cpm_incremental "$CLI" import --db "$db" "$dir-next/transactions.csv"
  sed -n 's/.*columnar snapshot \([0-9.]*\) s, \(.*\)).*/\2/p' "$LAST_OUT" | sed 's/^/  incremental snapshot: /' >&2
}

# next_extract SIZE DIR N: 1 % of N more transactions for DIR's stores and devices, ids after N.
next_extract() {
  local dir=$2 n=$3
  [ -f "$dir-next/transactions.csv" ] && return
  local stores devices
  stores=$(( $(wc -l < "$dir/stores.csv") - 1 ))
  devices=$(( $(wc -l < "$dir/devices.csv") - 1 ))
  "$CLI" generate --transactions $(( n / 100 )) --stores "$stores" --devices "$devices" --first-id $(( n + 1 )) \
    --seed 7 --profile "$(profile_of "$1")" --out "$dir-next" >/dev/null
}

# DuckDB through @duckdb/node-api (bench/duckdb/): typed read_csv load, the five metrics, the
# filter change, each a node process. Installed on first use with `npm ci` into the build tree
# (reused while bench/duckdb/package-lock.json is unchanged); without npm, or when the install
# or a smoke test fails, a note is printed and DuckDB is left out of the run.
DUCKDB_STATE=
run_duckdb() {
  local size=$1 dir=$2 prefix=$BUILD/duckdb src=$ROOT/bench/duckdb
  local db=$DATA/duck-$1.duckdb
  if [ -z "$DUCKDB_STATE" ]; then
    DUCKDB_STATE=skip
    if [ "${CPM_BENCH_DUCKDB:-on}" = off ]; then
      echo "note: CPM_BENCH_DUCKDB=off, DuckDB left out" >&2
    elif ! command -v npm >/dev/null || ! command -v node >/dev/null; then
      echo "note: npm or node not found, DuckDB left out" >&2
    else
      mkdir -p "$prefix"
      # installed.lock: the lock file of the last install that succeeded.
      if cmp -s "$src/package-lock.json" "$prefix/installed.lock" ||
         { echo "== installing @duckdb/node-api into $prefix" >&2
           rm -f "$prefix/installed.lock"
           cp "$src/package.json" "$src/package-lock.json" "$prefix/" &&
           npm ci --prefix "$prefix" --no-audit --no-fund --loglevel=error >&2 &&
           cp "$src/package-lock.json" "$prefix/installed.lock"; }; then
        export CPM_DUCKDB_PREFIX=$prefix
        if [ "$(node "$src/run-sql.mjs" :memory: -c 'SELECT 42' 2>/dev/null)" = 42 ]; then
          DUCKDB_STATE=ready
        else
          echo "note: @duckdb/node-api does not run here, DuckDB left out" >&2
        fi
      else
        echo "note: npm ci of @duckdb/node-api failed, DuckDB left out" >&2
      fi
    fi
  fi
  [ "$DUCKDB_STATE" = ready ] || return 0
  rm -f "$db" "$db.wal"
  pushd "$dir" >/dev/null
  timed "$size" duckdb_import node "$src/run-sql.mjs" "$db" "$src/duckdb_import.sql"
  popd >/dev/null
  printf '%s\tduckdb_bytes\t%s\t0\n' "$size" "$(stat -c %s "$db")" >> "$RESULTS"
  # What every step below pays before its first query: node, the native library, the open.
  timed "$size" duckdb_start node "$src/run-sql.mjs" "$db" -c 'SELECT 1'
  timed "$size" duckdb_metrics node "$src/run-sql.mjs" "$db" "$src/duckdb_base.sql"
  timed "$size" duckdb_refilter node "$src/run-sql.mjs" "$db" "$src/duckdb_refilter.sql"
  rm -f "$db" "$db.wal"
}

# GUI probes (cpm-gui-bench, offscreen): process start → the dashboard showing the default
# filter's numbers for the warehouse run_cpm imported, then an import through the wizard into
# a fresh warehouse while a 10 ms timer on the GUI thread measures how late it ticks.
run_gui() {
  local size=$1 dir=$2 db=$3 fresh=$DATA/gui-import-$1.sqlite
  ninja -C "$BUILD" cpm-gui-bench >/dev/null
  timed "$size" cpm_gui_open env QT_QPA_PLATFORM=offscreen "$BUILD/bin/cpm-gui-bench" --open "$db"
  tr ' ' '\n' < "$LAST_OUT" | awk -F= -v size="$size" 'NF == 2 && $1 ~ /_ms$/ {printf "%s\tcpm_gui_open_%s\t%s\t0\n", size, $1, $2}' >> "$RESULTS"
  local open_out=$LAST_OUT
  rm -f "$fresh" "$fresh-wal" "$fresh-shm"
  timed "$size" cpm_gui_import env QT_QPA_PLATFORM=offscreen "$BUILD/bin/cpm-gui-bench" --import-lag "$fresh" \
    "$dir/stores.csv" "$dir/devices.csv" "$dir/transactions.csv"
  tr ' ' '\n' < "$LAST_OUT" | awk -F= -v size="$size" 'NF == 2 && $1 ~ /_(ms|s)$/ {printf "%s\tcpm_gui_%s\t%s\t0\n", size, $1, $2}' >> "$RESULTS"
  rm -f "$fresh" "$fresh-wal" "$fresh-shm"
  # The worst stalls of both runs with the GUI thread's own CPU time and what was on screen.
  [ "${rep:-1}" = 1 ] && : > "$DATA/gui-stalls-$size.log"
  grep -h '^stall:' "$open_out" "$LAST_OUT" >> "$DATA/gui-stalls-$size.log" || true
  rm -f "$open_out"
}

for size in "${SIZES[@]}"; do
  n=$(count_of "$size")
  dir=$DATA/extract-$size
  if [ ! -f "$dir/transactions.csv" ]; then
    echo "== generating $n transactions into $dir" >&2
    "$CLI" generate --transactions "$n" --profile "$(profile_of "$size")" --out "$dir" >/dev/null
  fi
  next_extract "$size" "$dir" "$n"
  printf '%s\ttransactions\t%s\t0\n' "$size" "$n" >> "$RESULTS"
  for rep in $(seq 1 "$REPS"); do
    echo "== $size: repetition $rep of $REPS" >&2
    # Alternate the order (reversed every other repetition) so no side always gets the warmer cache.
    if (( rep % 2 )); then run_sqlite "$size" "$dir"; run_cpm "$size" "$dir"; run_duckdb "$size" "$dir"
    else run_duckdb "$size" "$dir"; run_cpm "$size" "$dir"; run_sqlite "$size" "$dir"; fi
  done
done

python3 "$ROOT/bench/summarize.py" "$RESULTS"
