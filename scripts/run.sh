#!/usr/bin/env bash
# One command to try cpm: installs what is missing, builds, and starts the desktop app.
#   scripts/run.sh                      # opens the bundled demo extracts
#   scripts/run.sh stores.csv devices.csv transactions.csv
# The warehouse lives in ~/.local/share/cpm/ unless --db FILE is given.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CPM_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  # Nothing to show a window on (SSH, container): render every page to PNG files instead.
  echo "cpm: no display found; rendering the app's pages to cpm-screenshots/ instead of opening a window" >&2
  exec env QT_QPA_PLATFORM=offscreen "$build/bin/cpm" --demo --screenshot cpm-screenshots
fi
if [ $# -eq 0 ]; then
  exec "$build/bin/cpm" --demo
fi
exec "$build/bin/cpm" "$@"
