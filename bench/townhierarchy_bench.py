"""Benchmark: the town hierarchy of all 15,621 places of china_towns.

Indicators: population (benefit) and DEM elevation (cost); entropy weights,
min-max normalisation, exact Jenks into 5 levels, top-level poles, and the
rank-size fit of population. Ours: algorithms/ (C++ binary, same arrays).
Peer: the same method in NumPy, Jenks with the same divide-and-conquer
dynamic programme, vectorised over candidate splits. Results must agree
(weights, breaks, level counts, q, R², Gini) before the ratio is printed.
"""
import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

LEVELS = 5


def entropy_weights(x01):
    weights = []
    n = x01.shape[0]
    for col in x01.T:
        total = col.sum()
        if total <= 0:
            weights.append(0.0)
            continue
        p = col / total
        nz = p[p > 0]
        e = -(nz * np.log(nz)).sum() / np.log(n)
        weights.append(1 - e)
    w = np.array(weights)
    return w / w.sum()


def jenks(values, k):
    s = np.sort(values)
    n = len(s)
    c = s - s.mean()
    p1 = np.concatenate([[0.0], np.cumsum(c)])
    p2 = np.concatenate([[0.0], np.cumsum(c * c)])

    def cost(a, b):  # a: array of starts, b: end (exclusive)
        sums = p1[b] - p1[a]
        return np.maximum((p2[b] - p2[a]) - sums * sums / (b - a), 0)

    best = np.full((k, n + 1), np.inf)
    split = np.zeros((k, n + 1), dtype=np.int64)
    best[0, 1:] = cost(np.zeros(n, dtype=np.int64), np.arange(1, n + 1))
    for cls in range(1, k):
        stack = [(cls + 1, n, cls, n - 1)]
        while stack:
            lo, hi, opt_lo, opt_hi = stack.pop()
            if lo > hi:
                continue
            mid = (lo + hi) // 2
            a = np.arange(opt_lo, min(mid - 1, opt_hi) + 1)
            totals = best[cls - 1, a] + cost(a, mid)
            i = int(np.argmin(totals))  # first minimum: the smallest split
            best[cls, mid] = totals[i]
            split[cls, mid] = a[i]
            if mid > lo:
                stack.append((lo, mid - 1, opt_lo, a[i]))
            stack.append((mid + 1, hi, a[i], opt_hi))
    breaks = [0.0] * k
    breaks[-1] = s[-1]
    length = n
    for cls in range(k - 1, 0, -1):
        length = split[cls, length]
        breaks[cls - 1] = s[length - 1]
    return np.array(breaks)


def numpy_hierarchy(benefit, cost_values, levels):
    x = np.column_stack([benefit, cost_values])
    lo, hi = x.min(axis=0), x.max(axis=0)
    x01 = np.column_stack([(x[:, 0] - lo[0]) / (hi[0] - lo[0]), (hi[1] - x[:, 1]) / (hi[1] - lo[1])])
    w = entropy_weights(x01)
    score = x01 @ w
    breaks = jenks(score, levels)
    classes = np.minimum(np.searchsorted(breaks, score, side="left"), levels - 1)
    level_counts = [int((levels - classes == lv).sum()) for lv in range(1, levels + 1)]
    poles = int((classes == levels - 1).sum())
    p = np.sort(benefit[benefit > 0])[::-1]
    lx, ly = np.log(np.arange(1, len(p) + 1)), np.log(p)
    slope, _ = np.polyfit(lx, ly, 1)
    r2 = np.corrcoef(lx, ly)[0, 1] ** 2
    asc = p[::-1]
    gini = 2 * (np.arange(1, len(asc) + 1) * asc).sum() / (len(asc) * asc.sum()) - (len(asc) + 1) / len(asc)
    return {"weights": w, "breaks": breaks, "level_counts": level_counts, "q": -slope, "r2": r2, "gini": gini, "poles": poles}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(harness.REPO, "build-bench"))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    rows = sqlite3.connect(os.path.join(harness.SHARED_DATA, "china_towns.gpkg")).execute(
        "select population, dem from china_towns order by fid").fetchall()
    benefit = np.array([r[0] for r in rows], float)
    cost_values = np.array([r[1] if r[1] is not None else 0 for r in rows], float)
    print("china_towns: %d places, population (benefit) + DEM (cost), entropy weights, Jenks %d levels; %d repeats, median"
          % (len(rows), LEVELS, args.repeats))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as values:
        values.writelines("%.17g %.17g\n" % pair for pair in zip(benefit, cost_values))
    binary = os.path.join(args.build, "bench", "poleaxis_bench_core")
    ours = json.loads(subprocess.run([binary, "hierarchy", values.name, str(LEVELS), str(args.repeats)],
                                     check=True, capture_output=True, text=True).stdout)
    os.unlink(values.name)
    times = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        peer = numpy_hierarchy(benefit, cost_values, LEVELS)
        times.append(time.perf_counter() - start)
    agree = (np.allclose(ours["weights"], peer["weights"], rtol=1e-12, atol=0)
             and np.allclose(ours["breaks"], peer["breaks"], rtol=1e-12, atol=0)
             and ours["level_counts"] == peer["level_counts"]
             and abs(ours["q"] / peer["q"] - 1) < 1e-9 and abs(ours["r2"] / peer["r2"] - 1) < 1e-9
             and abs(ours["gini"] - peer["gini"]) < 1e-12 and ours["poles"] == peer["poles"])
    harness.report("core: town_hierarchy vs NumPy", "numpy", ours["median_s"], statistics.median(times), agree,
                   "weights %s, levels %s, q %.6f, R² %.6f"
                   % (np.round(ours["weights"], 6).tolist(), ours["level_counts"], ours["q"], ours["r2"]))
    if not agree:
        print("ours:", ours, "\npeer:", {k: (v.tolist() if hasattr(v, "tolist") else v) for k, v in peer.items()})
        sys.exit(1)


if __name__ == "__main__":
    main()
