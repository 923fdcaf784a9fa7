"""Benchmark (core): hierarchical clustering of 10,000 places of china_towns
(the first 10,000 by fid), cut into flat clusters.

Two cases, each timed end to end from coordinates to flat labels:
- Ward on planar coordinates (pyproj, China Albers equal-area), cut at 100 km.
  Peer: SciPy linkage(X, 'ward') + fcluster(criterion='distance').
- Average linkage on geodesic distances, cut at 30 km. Peer: the condensed
  matrix from pyproj's Geod (vectorised inv on all pairs) + SciPy
  linkage(d, 'average') + fcluster.
Ours: algorithms/ hierarchical (C++ binary; geodesic matrix from PROJ on all
cores, NN-chain linkage). Agreement: flat labels identical up to renumbering.
"""
import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile

import numpy as np
from pyproj import Geod, Transformer
from scipy.cluster.hierarchy import fcluster, linkage

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

N = 10000
ALBERS = "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +ellps=WGS84 +units=m"


def same_up_to_renumbering(a, b):
    forward, backward = {}, {}
    return all(forward.setdefault(x, y) == y and backward.setdefault(y, x) == x for x, y in zip(a, b))


def run_ours(binary, points, method, metric, cut, repeats):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.writelines("%.10f %.10f\n" % tuple(p) for p in points)
    runs = [json.loads(subprocess.run([binary, "linkage", f.name, method, metric, repr(cut)],
                                      check=True, capture_output=True, text=True).stdout) for _ in range(repeats)]
    os.unlink(f.name)
    return statistics.median(r["seconds"] for r in runs), runs[0]["labels"]


def geodesic_condensed(lonlat):
    geod = Geod(ellps="WGS84")
    i, j = np.triu_indices(len(lonlat), k=1)
    _, _, d = geod.inv(lonlat[i, 0], lonlat[i, 1], lonlat[j, 0], lonlat[j, 1])
    return d


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(harness.REPO, "build-bench"))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    binary = os.path.join(args.build, "bench", "poleaxis_bench_core")
    rows = sqlite3.connect(os.path.join(harness.SHARED_DATA, "china_towns.gpkg")).execute(
        "select lon, lat from china_towns order by fid limit %d" % N).fetchall()
    lonlat = np.array(rows, float)

    x, y = Transformer.from_crs("EPSG:4326", ALBERS, always_xy=True).transform(lonlat[:, 0], lonlat[:, 1])
    planar = np.column_stack([x, y])
    ours_s, ours_labels = run_ours(binary, planar, "ward", "planar", 100000.0, args.repeats)
    peer_s, peer_labels = harness.median_time(lambda: fcluster(linkage(planar, "ward"), 100000.0, "distance"), args.repeats)
    harness.report("core: ward linkage china_towns (%d)" % N, "SciPy", ours_s, peer_s,
                   same_up_to_renumbering(ours_labels, peer_labels), "%d clusters at 100 km" % len(set(peer_labels)))

    ours_s, ours_labels = run_ours(binary, lonlat, "average", "geodesic", 30000.0, args.repeats)
    peer_s, peer_labels = harness.median_time(lambda: fcluster(linkage(geodesic_condensed(lonlat), "average"), 30000.0, "distance"),
                                   args.repeats)
    harness.report("core: average linkage geodesic china_towns (%d)" % N, "pyproj+SciPy", ours_s, peer_s,
                   same_up_to_renumbering(ours_labels, peer_labels), "%d clusters at 30 km" % len(set(peer_labels)))


if __name__ == "__main__":
    main()
