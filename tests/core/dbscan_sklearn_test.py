"""DBSCAN labels equal scikit-learn's (up to renumbering) on the real Jilin
and Guizhou towns, both given the same geodesic metric: ours measures with
PROJ inside algorithms/, scikit-learn gets a precomputed matrix from pyproj's
Geod (an independent geodesic implementation). Also with population weights.

Usage: dbscan_sklearn_test.py <poleaxis_bench_core> <testdata dir>
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

import numpy as np
from pyproj import Geod
from sklearn.cluster import DBSCAN
from sklearn.metrics import adjusted_rand_score

binary, testdata = sys.argv[1:3]
geod = Geod(ellps="WGS84")
passes, failures = [], []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    (passes if condition else failures).append(message)


def same_up_to_renumbering(a, b):
    pairs = {}
    for x, y in zip(a, b):
        if (x == -1) != (y == -1) or pairs.setdefault(x, y) != y:
            return False
    return len(set(pairs.values())) == len(pairs)


for province in ("jilin", "guizhou"):
    rows = sqlite3.connect(os.path.join(testdata, province + "_towns.gpkg")).execute(
        "select lon, lat, population from %s_towns order by fid" % province).fetchall()
    lon = np.array([r[0] for r in rows])
    lat = np.array([r[1] for r in rows])
    n = len(rows)
    distance = np.zeros((n, n))
    for i in range(n):
        _, _, d = geod.inv(np.full(n, lon[i]), np.full(n, lat[i]), lon, lat)
        distance[i] = d
    for eps_km, min_points, weighted in ((15, 3, False), (30, 5, False), (20, 100000, True)):
        weights = np.array([max(r[2], 0) for r in rows], float) if weighted else None
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            for i in range(n):
                f.write("%.10f %.10f%s\n" % (lon[i], lat[i], " %.17g" % weights[i] if weighted else ""))
        ours = json.loads(subprocess.run([binary, "dbscan", f.name, str(eps_km * 1000), str(min_points), "1"],
                                         check=True, capture_output=True, text=True).stdout)["labels"]
        os.unlink(f.name)
        theirs = DBSCAN(eps=eps_km * 1000, min_samples=min_points, metric="precomputed").fit(
            distance, sample_weight=weights).labels_
        clusters = len(set(theirs) - {-1})
        check(same_up_to_renumbering(ours, list(theirs)) and adjusted_rand_score(ours, theirs) == 1.0,
              "%s, eps %d km, min %g%s: labels equal scikit-learn's (%d clusters, %d noise)"
              % (province, eps_km, min_points, " (population-weighted)" if weighted else "", clusters, int((theirs == -1).sum())))

print("%d passed, %d failed" % (len(passes), len(failures)))
sys.exit(1 if failures else 0)
