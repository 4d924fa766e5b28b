#!/usr/bin/env bash
# Builds the .deb, installs it, and uses the installed binaries the way a user would:
# version, demo import, metrics, a report, and an offscreen screenshot of the desktop app.
# Installs system-wide: CI runs it (CI=true); locally run it only on a throwaway machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CPM_BUILD_DIR:-$root/build}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

rm -f "$build"/cpm_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb="$(ls "$build"/cpm_*.deb)"
echo "package: $deb ($(du -k "$deb" | cut -f1) KiB)"
dpkg-deb --field "$deb" Depends
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb" >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
/usr/bin/cpm-cli --version
/usr/bin/cpm-cli import --db "$work/w.sqlite" /usr/share/cpm/demo/*.csv >/dev/null
/usr/bin/cpm-cli metrics --db "$work/w.sqlite" --format json > "$work/m.json"
python3 - "$work/m.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
assert len(doc["top_stores"]) == 10, "ten top stores"
assert abs(sum(r["pct"] for r in doc["device_type_share"]) - 100) < 1e-6, "shares add up to 100"
assert doc["time_to_5th_transaction"]["stores_with_5"] > 0
print("installed cpm-cli: metrics ok")
PY
# `report` is handed to /usr/libexec/cpm/cpm-report (the verb that links the UI library).
/usr/bin/cpm-cli report --db "$work/w.sqlite" --out "$work/report.xlsx" >/dev/null
test -s "$work/report.xlsx" && echo "installed cpm-cli: report ok"
if [ -x /usr/bin/cpm ]; then
  env -u DISPLAY /usr/bin/cpm --version   # answers without a display
  HOME="$work" QT_QPA_PLATFORM=offscreen /usr/bin/cpm --db "$work/w.sqlite" --screenshot "$work/shots" >/dev/null
  ls "$work/shots"/*.png >/dev/null && echo "installed cpm: screenshots ok"
fi
command -v desktop-file-validate >/dev/null && desktop-file-validate /usr/share/applications/cpm.desktop
command -v appstreamcli >/dev/null && appstreamcli validate --no-net /usr/share/metainfo/io.github.cpm.metainfo.xml || true
man -w cpm-cli >/dev/null 2>&1 || test -f /usr/share/man/man1/cpm-cli.1.gz
echo "package check ok"
