#!/usr/bin/env bash
# Installs the Debian 12 packages cpm needs to build, test and run.
# --dev adds the optional fuzzing tools. Idempotent: does nothing (no sudo prompt, no network)
# when everything is present.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ pkg-config            # build
  qt6-base-dev libqt6opengl6-dev               # Qt Core/Gui/Widgets/Sql/Test; OpenGL is a hidden dependency of Qt Charts
  qt6-charts-dev qt6-svg-dev libqt6sql6-sqlite # charts, SVG export, the QSQLITE driver
  libsqlite3-dev sqlite3                       # raw sqlite3 C API for bulk loads; sqlite3 CLI for the benchmark baseline
  libxlsxwriter-dev                            # native XLSX export
  libzip-dev                                   # reading .xlsx workbooks (the zip container) for import
  libpq-dev libqt6sql6-psql                    # team warehouse on PostgreSQL: libpq's COPY for imports, the QPSQL driver
  libssl-dev                                   # SHA-256 of imported files, ~2.5x faster than Qt's (optional in CMake)
  fonts-dejavu-core                            # without fonts offscreen rendering draws boxes
  xvfb xauth                                   # a virtual display for screenshot checks
  poppler-utils unzip                          # test-only tools to open what exports wrote (pdfinfo, pdftotext, unzip -p)
  postgresql                                   # test-only: throwaway servers for the PostgreSQL suites (pg_virtualenv, scripts/with-postgres.sh)
)
# Optional developer tools, only with --dev (CI passes it to fuzz): clang and its runtime
# libraries for libFuzzer and the sanitizers (scripts/fuzz.sh).
if [ "${1:-}" = "--dev" ]; then
  PACKAGES+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "cpm: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  -o DPkg::Lock::Timeout=600 "${missing[@]}"
