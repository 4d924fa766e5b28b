#!/usr/bin/env bash
# Builds every target with AddressSanitizer + UndefinedBehaviorSanitizer (CMakePresets.json,
# preset "asan", into build-asan) and runs the whole CTest suite there; any report fails it.
# With --tsan it also builds the "tsan" preset into build-tsan and runs the tests that start
# threads (the import worker behind the GUI), named by CPM_TSAN_TESTS (a ctest -R regex).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jobs="${CPM_JOBS:-$(nproc)}"

cmake --preset asan >/dev/null
# CPM_ASAN_TARGETS (space-separated) builds only those targets, e.g. to leave the GUI suites
# out on a 2-core CI machine; the default builds everything.
if [ -n "${CPM_ASAN_TARGETS:-}" ]; then
  cmake --build --preset asan --parallel "$jobs" --target ${CPM_ASAN_TARGETS}
else
  cmake --build --preset asan --parallel "$jobs"
fi
# The crash test kills cpm-cli hundreds of milliseconds in: under ASan everything is ~3x
# slower, so a smaller import keeps the kills spread over the same phases.
# CPM_ASAN_EXCLUDE (a ctest -E regex) leaves suites out, e.g. GUI suites whose leaks belong to
# the platform's font and X libraries rather than to cpm.
exclude=()
[ -n "${CPM_ASAN_EXCLUDE:-}" ] && exclude=(-E "$CPM_ASAN_EXCLUDE")
CPM_CRASH_TRANSACTIONS="${CPM_CRASH_TRANSACTIONS:-20000}" ctest --preset asan --timeout 900 "${exclude[@]}"

if [ "${1:-}" = "--tsan" ]; then
  cmake --preset tsan >/dev/null
  cmake --build --preset tsan --parallel "$jobs"
  ctest --preset tsan --timeout 900 -R "${CPM_TSAN_TESTS:-worker|wizard|dashboard}"
fi
