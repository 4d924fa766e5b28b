#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the bundled demo extracts in resources/demo/ with `cpm-cli generate`.
# Builds nothing: pass the path of an already built cpm-cli.
#   scripts/make-demo-data.sh build/bin/cpm-cli
# The seed and sizes are fixed so the committed files only change when the generator does.
set -eu

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
    echo "usage: $0 PATH/TO/cpm-cli" >&2
    exit 2
fi
cli=$1
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
out="$root/resources/demo"

# Same size as the real sample set (100 stores, 200 devices) with twice the transactions,
# so top-10 lists and the time-to-5th metric have something to show; about 0.4 MB in all.
"$cli" generate --transactions 3000 --stores 100 --devices 200 --seed 20221001 --out "$out"
