#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the DuckDB side of the benchmark answers what the sqlite3 baseline answers.

    bench/duckdb/compare.py EXTRACT_DIR [BASELINE_DIR]

Loads EXTRACT_DIR (stores.csv, devices.csv, transactions.csv) both ways into a temporary
folder (sqlite_import.sql + sqlite_transform.sql; duckdb_import.sql), then runs every metric
of sqlite_base.sql / sqlite_refilter.sql and of their DuckDB twins one statement at a time and
compares the rows: text exactly, numbers to a relative 1e-9 (sqlite3 prints 15 significant
digits, DuckDB the shortest exact form). Rows that only differ in the order of tied values
(ORDER BY total DESC LIMIT 10 has no tie-breaker) are reported as such. Exit status 1 when a
metric differs. Needs sqlite3, node and @duckdb/node-api: CPM_DUCKDB_PREFIX (see run-sql.mjs),
by default build-bench/duckdb, where bench/run.sh installs it.
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def statements(path):
    """The statements of a metric script keyed by their `-- M<n> ...` comment."""
    out, name = {}, None
    for line in open(path):
        marker = re.match(r"--\s*(M\d+.*)", line)
        if marker:
            name = marker.group(1).strip()
            out[name] = ""
        elif name:
            out[name] += line
    return out


def rows(text):
    return [line.split("|") for line in text.splitlines() if line]


def number(field):
    try:
        return float(field)
    except ValueError:
        return None


def same_row(a, b, worst):
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        nx, ny = number(x), number(y)
        if nx is None or ny is None:
            if x != y:
                return False
            continue
        diff = abs(nx - ny) / max(abs(nx), abs(ny), 1e-300)
        worst[0] = max(worst[0], diff)
        if diff > 1e-9:
            return False
    return True


def count(n):
    return f"{n} row" if n == 1 else f"{n} rows"


def compare(base, duck):
    worst = [0.0]
    a, b = rows(base), rows(duck)
    if len(a) == len(b) and all(same_row(x, y, worst) for x, y in zip(a, b)):
        exact = ("identical text" if base == duck else
                 f"same values, printed differently (largest relative difference {worst[0]:.1e})")
        return True, f"{count(len(a))}, {exact}"
    key = lambda r: [str(number(f)) if number(f) is not None else f for f in r]
    if len(a) == len(b) and all(same_row(x, y, worst) for x, y in zip(sorted(a, key=key), sorted(b, key=key))):
        return True, f"{count(len(a))}, same rows in another order (ties)"
    lines = [f"{count(len(a))} (sqlite3) vs {len(b)} (DuckDB), DIFFERENT:"]
    for i in range(max(len(a), len(b))):
        x = "|".join(a[i]) if i < len(a) else "—"
        y = "|".join(b[i]) if i < len(b) else "—"
        if i >= len(a) or i >= len(b) or not same_row(a[i], b[i], worst):
            lines.append(f"    row {i + 1}: sqlite3 {x!r}  DuckDB {y!r}")
    return False, "\n".join(lines[:12])


def main(extract, baseline):
    extract, baseline = os.path.abspath(extract), os.path.abspath(baseline)
    ok = True
    with tempfile.TemporaryDirectory(prefix="cpm-duck-compare-") as tmp:
        lite, duck = os.path.join(tmp, "base.sqlite"), os.path.join(tmp, "base.duckdb")
        def run(*cmd):
            done = subprocess.run(cmd, cwd=extract, capture_output=True, text=True)
            if done.returncode:
                sys.exit(f"compare.py: {' '.join(cmd[:3])} ... failed:\n{done.stderr}")
            return done.stdout
        for script in ("sqlite_import.sql", "sqlite_transform.sql"):
            run("sqlite3", lite, f".read {os.path.join(baseline, script)}")
        run("node", os.path.join(HERE, "run-sql.mjs"), duck, os.path.join(HERE, "duckdb_import.sql"))
        for step in ("base", "refilter"):
            print(f"{step}:")
            mine = statements(os.path.join(HERE, f"duckdb_{step}.sql"))
            for name, sql in statements(os.path.join(baseline, f"sqlite_{step}.sql")).items():
                base = run("sqlite3", lite, sql)
                other = run("node", os.path.join(HERE, "run-sql.mjs"), duck, "-c", mine[name])
                good, what = compare(base, other)
                ok &= good
                print(f"  {name}: {what}")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = os.path.dirname(os.path.dirname(HERE))
    prefix = os.environ.get("CPM_DUCKDB_PREFIX") or os.path.join(root, "build-bench", "duckdb")
    os.environ["CPM_DUCKDB_PREFIX"] = os.path.abspath(prefix)
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "..", "shared", "bench-baseline")))
