#!/usr/bin/env bash
# One command to check cpm: installs what is missing, builds with warnings as errors,
# and runs every test (unit, integration, CLI, GUI offscreen) through CTest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CPM_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh"
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" --timeout 900
