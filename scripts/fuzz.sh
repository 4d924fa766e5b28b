#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, ASan+UBSan) into build-fuzz and runs each for
# a bounded time on a copy of its committed seed corpus. Exits non-zero on the first crash,
# leak, timeout or out-of-memory; the reproducer is left in build-fuzz/artifacts/.
#   CPM_FUZZ_SECONDS  seconds per target (default 60)
#   CPM_FUZZ_TARGETS  which targets (default: csv_reader timestamp header_classifier numbers)
# Needs clang and libclang-rt-14-dev (packaging/install-deps.sh --dev installs them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CPM_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${CPM_FUZZ_SECONDS:-60}"
targets=(${CPM_FUZZ_TARGETS:-csv_reader timestamp header_classifier numbers})

if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCPM_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
ninja -C "$build" "${targets[@]/#/fuzz_}"

mkdir -p "$build/artifacts"
for t in "${targets[@]}"; do
  # New inputs go to a scratch corpus so the committed seeds only change on purpose.
  work="$build/corpus/$t"
  mkdir -p "$work"
  echo "== fuzz_$t for ${seconds}s" >&2
  "$build/fuzz/fuzz_$t" "$work" "$root/fuzz/corpus/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" 2>&1 | tee "$build/fuzz_$t.log" |
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)" >&2
done
