#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The scaling charts of docs/benchmarks.md: import time and filter-change latency against
# extract size, log–log, drawn from bench/run.sh's results by cpm-bench-chart
# (bench/scaling_chart.cpp) through the app's chart export (PNG at 2× and SVG).
#
#   bench/chart.sh                       every $CPM_BENCH_DATA/results*.tsv (default build-bench/data)
#   bench/chart.sh a.tsv b.tsv ...       these files; a size found in several is pooled (medians)
#
# Writes bench-import-scaling.{png,svg} and bench-filter-scaling.{png,svg} into
# $CPM_BENCH_CHARTS (default docs/screenshots). run.sh rewrites results.tsv on every run, so
# keep a copy (e.g. results-10M.tsv) of the runs the chart should combine.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${CPM_BENCH_BUILD:-$ROOT/build-bench}
DATA=${CPM_BENCH_DATA:-$BUILD/data}
OUT=${CPM_BENCH_CHARTS:-$ROOT/docs/screenshots}
FILES=("$@")
if [ ${#FILES[@]} -eq 0 ]; then
  shopt -s nullglob
  FILES=("$DATA"/results*.tsv)
  shopt -u nullglob
fi
if [ ${#FILES[@]} -eq 0 ]; then
  echo "chart.sh: no results*.tsv in $DATA; run bench/run.sh first" >&2
  exit 1
fi

echo "== building cpm-bench-chart (Release) in $BUILD" >&2
[ -f "$BUILD/build.ninja" ] || cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
nice ninja -j2 -C "$BUILD" cpm-bench-chart >/dev/null
echo "== charting ${FILES[*]}" >&2
"$BUILD/bin/cpm-bench-chart" --out "$OUT" "${FILES[@]}"
