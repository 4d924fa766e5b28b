#!/usr/bin/env bash
# One command to check cpm: installs what is missing, builds with warnings as errors,
# and runs every test (unit, integration, CLI, GUI offscreen) through CTest, inside a throwaway
# PostgreSQL cluster for the PostgreSQL suites (scripts/with-postgres.sh; they skip without one).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CPM_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh"
cd "$build"
bash "$root/scripts/with-postgres.sh" ctest --output-on-failure --parallel "$(nproc)" --timeout 900
