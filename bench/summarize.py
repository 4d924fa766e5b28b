#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turns bench/run.sh's results.tsv (size, step, value, peak RSS KiB) into Markdown tables
of medians, with cpm's figures as a ratio of the sqlite3 baseline measured in the same run,
and of DuckDB's (@duckdb/node-api) when the run has DuckDB rows."""
import statistics
import sys
from collections import defaultdict


def ratio(base, mine):
    if not base or mine is None:
        return "—"
    r = mine / base
    return f"{r:.2f}×" if r >= 0.1 else f"{r:.5f}× (1/{1 / r:,.0f})"


def main(path):
    values = defaultdict(list)
    rss = defaultdict(list)
    sizes = []
    for line in open(path):
        size, step, value, peak = line.rstrip("\n").split("\t")
        if size not in sizes:
            sizes.append(size)
        values[(size, step)].append(float(value))
        rss[(size, step)].append(int(peak or 0))
    med = lambda size, step: statistics.median(values[(size, step)]) if values[(size, step)] else None
    peak = lambda size, steps: max((max(rss[(size, s)] or [0]) for s in steps), default=0) / 1024

    def gui_rows(size):
        """cpm-gui-bench: medians of the runs, and for stalls also the worst run."""
        ms = lambda v: "—" if v is None else f"{v:.0f} ms"
        worst = lambda step: max(values[(size, step)]) if values[(size, step)] else None
        runs = len(values[(size, "cpm_gui_open_numbers_painted_ms")])
        print(f"\n| GUI, offscreen ({runs} runs) | median | worst |")
        print("|---|---|---|")
        for label, step in [("dashboard open (GUI, to numbers shown)", "cpm_gui_open_numbers_painted_ms"),
                            ("— first paint of the window", "cpm_gui_open_window_ms"),
                            ("— filter domain read (snapshot loaded, metrics thread)", "cpm_gui_open_domain_ms"),
                            ("— GUI thread max stall while opening", "cpm_gui_open_open_stall_max_ms"),
                            ("GUI thread max stall during import", "cpm_gui_import_stall_max_ms"),
                            ("— p99 timer lateness during import", "cpm_gui_import_stall_p99_ms"),
                            ("— median timer lateness during import", "cpm_gui_import_stall_median_ms"),
                            ("— max stall during the wizard's dry-run check", "cpm_gui_check_stall_max_ms"),
                            ("— max stall while the window reloads after the import", "cpm_gui_reload_stall_max_ms")]:
            print(f"| {label} | {ms(med(size, step))} | {ms(worst(step))} |")
        print(f"| import through the wizard (worker thread) | {med(size, 'cpm_gui_import_s') or 0:.2f} s | "
              f"{worst('cpm_gui_import_s') or 0:.2f} s |")

    for size in sizes:
        n = med(size, "transactions")
        reps = len(values[(size, "cpm_import")])
        duck = med(size, "duckdb_import") is not None
        print(f"\n### {size} transactions ({int(n):,}), medians of {reps} alternating runs\n")
        if duck:
            print("| step | sqlite3 baseline | cpm | cpm ÷ sqlite3 | DuckDB | cpm ÷ DuckDB |")
            print("|---|---|---|---|---|---|")
        else:
            print("| step | sqlite3 baseline | cpm | cpm ÷ sqlite3 |")
            print("|---|---|---|---|")

        def line(label, base, mine, base_ratio="—", other="—", other_ratio="—"):
            cells = [label, base, mine, base_ratio] + ([other, other_ratio] if duck else [])
            print("| " + " | ".join(cells) + " |")

        def row(label, base, mine, unit="s", other=None):
            fmt = lambda v: "—" if v is None else (f"{v:.2f} s" if unit == "s" else f"{v * 1000:.1f} ms")
            line(label, fmt(base), fmt(mine), ratio(base, mine), fmt(other), ratio(other, mine))

        imp, tr = med(size, "sqlite_import"), med(size, "sqlite_transform")
        cpm_import = med(size, "cpm_import")
        row("import: `.import` (untyped) vs `cpm-cli import` (end to end)", imp, cpm_import)
        row("import + typing/transform" + (" (DuckDB: typed `read_csv`)" if duck else ""), imp + tr, cpm_import,
            other=med(size, "duckdb_import"))
        row("import, CPU seconds (user + system, all threads)", med(size, "sqlite_import_cpu"), med(size, "cpm_import_cpu"))
        row("import + transform, CPU seconds", (med(size, "sqlite_import_cpu") or 0) + (med(size, "sqlite_transform_cpu") or 0),
            med(size, "cpm_import_cpu"), other=med(size, "duckdb_import_cpu"))
        ms = lambda step: None if med(size, step) is None else med(size, step) / 1000
        d_metrics, d_refilter = med(size, "duckdb_metrics"), med(size, "duckdb_refilter")
        row("five metrics, default filter (no index)", med(size, "sqlite_metrics"), ms("cpm_open_median_ms"), "ms",
            d_metrics)
        row("five metrics, default filter (indexed)", med(size, "sqlite_metrics_indexed"), ms("cpm_open_median_ms"), "ms")
        row("filter change, median (no index)", med(size, "sqlite_refilter"), ms("cpm_median_ms"), "ms", d_refilter)
        row("filter change, median (indexed)", med(size, "sqlite_refilter_indexed"), ms("cpm_median_ms"), "ms")
        row("filter change with a date range: median", med(size, "sqlite_refilter"), ms("cpm_range_median_ms"), "ms",
            d_refilter)
        row("filter change with a date range: p95", med(size, "sqlite_refilter"), ms("cpm_range_p95_ms"), "ms", d_refilter)
        row("filter change, worst of all combinations", med(size, "sqlite_refilter"), ms("cpm_max_ms"), "ms", d_refilter)
        if duck:
            row("— DuckDB's process start + open alone (node, native library, `SELECT 1`; in each DuckDB step)",
                None, None, "ms",
                med(size, "duckdb_start"))
        row("covering indexes (baseline) / snapshot load, persisted (cpm)", med(size, "sqlite_index"), ms("cpm_load_ms"))
        row("covering indexes (baseline) / snapshot rebuild from the models (cpm)", med(size, "sqlite_index"),
            ms("cpm_rebuild_ms"))
        row("— of which in cpm's import: building + storing the snapshot", None, med(size, "cpm_snapshot_store"))
        inc = med(size, "cpm_incremental")
        if inc is not None:
            line("incremental import of 1 % more (new ids) into the full warehouse (cpm ÷ its full import)", "—",
                 f"{inc:.2f} s", f"{inc / cpm_import:.3f}×")
        mb = lambda v: f"{v:.0f} MB"
        line("peak RSS, import", mb(peak(size, ["sqlite_import", "sqlite_transform"])), mb(peak(size, ["cpm_import"])),
             other=mb(peak(size, ["duckdb_import"])))
        line(f"peak RSS, metrics (cpm: snapshot + {reps} × 56 filters)",
             mb(peak(size, ["sqlite_metrics", "sqlite_refilter"])), mb(peak(size, ["cpm_metrics"])),
             other=mb(peak(size, ["duckdb_metrics", "duckdb_refilter"])))
        base_b, cpm_b = med(size, "sqlite_bytes") / n, med(size, "cpm_bytes") / n
        duck_b = (med(size, "duckdb_bytes") or 0) / n
        line("bytes per transaction on disk (baseline: typed, no index)", f"{base_b:.0f}", f"{cpm_b:.0f}",
             f"{cpm_b / base_b:.2f}×", f"{duck_b:.0f}", f"{cpm_b / duck_b:.2f}×" if duck_b else "—")
        if med(size, "cpm_snapshot_bytes") is not None:
            line("— of which the persisted snapshot", "—", f"{med(size, 'cpm_snapshot_bytes') / n:.1f}")
        line("peak RSS, snapshot rebuild (cpm)", "—", mb(peak(size, ["cpm_rebuild"])))
        if values[(size, "cpm_gui_open_numbers_painted_ms")]:
            gui_rows(size)


if __name__ == "__main__":
    main(sys.argv[1])
