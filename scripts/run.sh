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
  echo "cpm: no display found; starting under a virtual X server (xvfb-run) for 10 seconds and saving a screenshot to cpm-screenshot.png" >&2
  exec xvfb-run -a -s "-screen 0 1440x900x24" "$build/bin/cpm" --screenshot cpm-screenshot.png "$@"
fi
if [ $# -eq 0 ]; then
  exec "$build/bin/cpm" --demo
fi
exec "$build/bin/cpm" "$@"
