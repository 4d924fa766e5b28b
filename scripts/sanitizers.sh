#!/usr/bin/env bash
# Builds the test suites and cpm-cli with AddressSanitizer + UndefinedBehaviorSanitizer
# (CMakePresets.json, preset "asan", into build-asan) and runs every CTest suite there, the
# GUI ones offscreen; any report fails it. With --tsan it then builds the "tsan" preset into
# build-tsan and runs the suites that start threads of ours. Suppressions: scripts/*.supp.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jobs="${CPM_JOBS:-$(nproc)}"

# Test names are their target names (tst_*; "layering" is a cmake -P script, no target);
# with cpm-cli (which tests run as a child) that is all the tests need, so the desktop app and
# the benchmark are not built twice more.
suites() { ctest --preset "$1" -N "${@:2}" | sed -n 's/^ *Test *#[0-9]*: \(tst_\)/\1/p'; }
took() { echo "sanitizers: $1 took $((SECONDS - $2)) s"; }

start=$SECONDS
cmake --preset asan >/dev/null
# CPM_ASAN_TARGETS (space-separated) overrides what is built.
cmake --build --preset asan --parallel "$jobs" --target ${CPM_ASAN_TARGETS:-cpm-cli $(suites asan)}
took "asan build" $start
# The crash test kills cpm-cli hundreds of milliseconds in: under a sanitizer everything is
# ~3x slower, so a smaller import keeps the kills spread over the same phases.
export CPM_CRASH_TRANSACTIONS="${CPM_CRASH_TRANSACTIONS:-20000}"
# CPM_ASAN_EXCLUDE (a ctest -E regex) leaves suites out.
exclude=()
[ -n "${CPM_ASAN_EXCLUDE:-}" ] && exclude=(-E "$CPM_ASAN_EXCLUDE")
start=$SECONDS
ctest --preset asan --timeout 900 "${exclude[@]}"
took "asan tests" $start

if [ "${1:-}" = "--tsan" ]; then
  # Every suite that starts threads of ours: imports hash files on a std::async thread and
  # insert on a second one (cpm-cli's too), the persisted snapshot decodes on two, tst_metrics
  # forces ranged scans onto two, tst_shared_extracts runs a 420k-row network on one and two
  # threads, the jobs suites (cpm_jobs, no GUI) and the GUI suites run the metrics, checks and
  # import threads (JobThread: jobs and results cross under a mutex of ours, so TSan sees every
  # hand-off even though Debian's Qt is not instrumented). CPM_TSAN_TESTS (a ctest -R regex) overrides.
  tests="${CPM_TSAN_TESTS:-^tst_(import|metrics|columnar_persist|shared_extracts|migration|transform|cli|bad_inputs|crash_safety|card_data_after_kill|columnar_delta|jobthread|importjob|metricsservice|dashboard|importwizard|page_export|explain_panel|rejects_ui|xlsx_import_extracts|extract_variants|batchwatcher|new_data_bar|open_team_warehouse|compare_view|spread_pages)\$}"
  start=$SECONDS
  cmake --preset tsan >/dev/null
  cmake --build --preset tsan --parallel "$jobs" --target cpm-cli $(suites tsan -R "$tests")
  took "tsan build" $start
  start=$SECONDS
  ctest --preset tsan --timeout 900 -R "$tests"
  took "tsan tests" $start
fi
