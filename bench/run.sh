#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Side-by-side benchmark: the sqlite3 baseline (../shared/bench-baseline) against cpm on the
# same generated extracts, alternating run by run, several repetitions, medians and ratios.
#
#   bench/run.sh [sizes...]      sizes like 100k 1M 10M (default: 100k 1M)
#   REPS=5 bench/run.sh 1M       repetitions per size (default 3)
#
# Environment: CPM_BENCH_BUILD (Release build dir, default build-bench), CPM_BENCH_DATA
# (extracts and warehouses, default build-bench/data), CPM_BENCH_BASELINE (sqlite scripts).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${CPM_BENCH_BUILD:-$ROOT/build-bench}
DATA=${CPM_BENCH_DATA:-$BUILD/data}
BASELINE=$(cd "${CPM_BENCH_BASELINE:-$ROOT/../shared/bench-baseline}" && pwd)
REPS=${REPS:-3}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(100k 1M)

count_of() {
  local s=${1,,}
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
  sed -n 's/.*(columnar snapshot \([0-9.]*\) s).*/\1/p' "$LAST_OUT" | awk -v size="$size" '{printf "%s\tcpm_snapshot_store\t%s\t0\n", size, $1}' >> "$RESULTS"
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
    "$CLI" generate --transactions "$n" --out "$dir" >/dev/null
  fi
  printf '%s\ttransactions\t%s\t0\n' "$size" "$n" >> "$RESULTS"
  for rep in $(seq 1 "$REPS"); do
    echo "== $size: repetition $rep of $REPS" >&2
    # Alternate which side goes first so neither always gets the warmer cache.
    if (( rep % 2 )); then run_sqlite "$size" "$dir"; run_cpm "$size" "$dir"
    else run_cpm "$size" "$dir"; run_sqlite "$size" "$dir"; fi
  done
done

python3 "$ROOT/bench/summarize.py" "$RESULTS"
