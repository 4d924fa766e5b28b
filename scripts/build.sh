#!/usr/bin/env bash
# Installs missing Debian packages, then configures and builds cpm into build/ (or $CPM_BUILD_DIR).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CPM_BUILD_DIR:-$root/build}"

bash "$root/packaging/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCPM_WERROR=ON >/dev/null
cmake --build "$build" --parallel "$(nproc)"
