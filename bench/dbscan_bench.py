"""Benchmark (core): DBSCAN on all 15,621 places of china_towns and on the
199,568 places of world_places, eps 10 km, min 5 points.

Ours: algorithms/ dbscan (C++ binary; exact ellipsoidal distances, kd-tree on
unit vectors, all cores). Peer: scikit-learn DBSCAN with its ball tree and the
haversine metric (the mean sphere), n_jobs=-1. The metrics differ by < 0.5 %
(ellipsoid vs sphere), so a few border points may differ: agreement is an
adjusted Rand index >= 0.99 (reported exactly).
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.cluster import DBSCAN
from sklearn.metrics import adjusted_rand_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

R = 6371008.8


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(harness.REPO, "build-bench"))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    binary = os.path.join(args.build, "bench", "poleaxis_bench_core")
    for name, layer in (("china_towns", "china_towns"), ("world_places", "world_places")):
        rows = sqlite3.connect(os.path.join(harness.SHARED_DATA, name + ".gpkg")).execute(
            "select lon, lat from %s order by fid" % layer).fetchall()
        xy = np.array(rows, float)
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.writelines("%.10f %.10f\n" % tuple(p) for p in xy)
        ours = json.loads(subprocess.run([binary, "dbscan", f.name, "10000", "5", str(args.repeats)],
                                         check=True, capture_output=True, text=True).stdout)
        os.unlink(f.name)
        radians = np.radians(xy[:, ::-1])
        peer_s, labels = harness.median_time(
            lambda: DBSCAN(eps=10000 / R, min_samples=5, metric="haversine", algorithm="ball_tree", n_jobs=-1).fit(radians).labels_,
            args.repeats)
        ari = adjusted_rand_score(ours["labels"], labels)
        harness.report("core: dbscan %s (%d)" % (name, len(rows)), "sklearn", ours["median_s"], peer_s, ari >= 0.99,
                       "%d vs %d clusters, ARI %.5f" % (ours["clusters"], len(set(labels) - {-1}), ari))


if __name__ == "__main__":
    main()
