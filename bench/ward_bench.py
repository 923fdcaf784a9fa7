"""Benchmark (core): matrix-free Ward linkage (nearest-neighbour chain over
centroids in a grid) on 20,000, 50,000, 100,000 and 199,568 world places
(GeoNames, fid order, Web Mercator metres), cut into 100 groups (fcluster
'maxclust'). Each size runs in its own process so that peak memory (max RSS)
is its own.

Peer: SciPy linkage(X, 'ward') + fcluster, where its n² matrix fits in this
machine's memory (20,000 places: the condensed matrix alone is 1.6 GB; 50,000
would need 10 GB plus copies and is not run). Labels must be identical up to
renumbering before the ratio is printed. Ours must stay under 3 GB at 100,000.
"""
import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time

import numpy as np
from pyproj import Transformer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

SIZES = (20000, 50000, 100000, 199568)
SCIPY_MAX = 20000
K = 100


def same_up_to_renumbering(a, b):
    forward, backward = {}, {}
    return all(forward.setdefault(x, y) == y and backward.setdefault(y, x) == x for x, y in zip(a, b))


def scipy_child(path):
    """Runs in a child: SciPy's time and peak memory for the points in path."""
    from scipy.cluster.hierarchy import fcluster, linkage
    xy = np.loadtxt(path)
    start = time.perf_counter()
    labels = fcluster(linkage(xy, "ward"), K, criterion="maxclust")
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_kb": peak_kb, "labels": labels.tolist()}))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(harness.REPO, "build-bench"))
    parser.add_argument("--scipy-child")
    args = parser.parse_args()
    if args.scipy_child:
        return scipy_child(args.scipy_child)
    binary = os.path.join(args.build, "bench", "poleaxis_bench_core")
    rows = np.array(sqlite3.connect(os.path.join(harness.SHARED_DATA, "world_places.gpkg")).execute(
        "select lon, lat from world_places order by fid").fetchall(), float)
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True).transform(rows[:, 0], np.clip(rows[:, 1], -85, 85))
    ok = True
    for n in SIZES:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            np.savetxt(f, np.column_stack([x[:n], y[:n]]), fmt="%.17g")
        start = time.perf_counter()
        child = subprocess.run(["/usr/bin/time", "-f", "%M", binary, "linkage", f.name, "ward-centroid", "planar", "k=%d" % K],
                               check=True, capture_output=True, text=True)
        ours = json.loads(child.stdout)
        ours_peak_mb = int(child.stderr.strip().splitlines()[-1]) / 1024
        line = "core: matrix-free ward world_places (%d)" % n
        if n <= SCIPY_MAX:
            peer = json.loads(subprocess.run([sys.executable, __file__, "--scipy-child", f.name],
                                             check=True, capture_output=True, text=True).stdout)
            agree = same_up_to_renumbering(ours["labels"], peer["labels"])
            ok &= agree
            harness.report(line, "SciPy", ours["seconds"], peer["seconds"], agree,
                           "K=%d; peak ours %.0f MB, SciPy %.0f MB" % (K, ours_peak_mb, peer["peak_kb"] / 1024))
        else:
            print("%-44s ours %.3f s  peak %.0f MB  (SciPy not run: its matrix needs %.1f GB)"
                  % (line, ours["seconds"], ours_peak_mb, n * (n - 1) / 2 * 8 / 1e9), flush=True)
        if n == 100000 and not ours_peak_mb < 3072:
            print("FAIL ward at 100,000 places peaked at %.0f MB, over 3 GB" % ours_peak_mb)
            ok = False
        os.unlink(f.name)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
