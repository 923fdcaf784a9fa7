"""DBSCAN labels equal scikit-learn's (up to renumbering) on the real Jilin
and Guizhou towns, both given the same geodesic metric: ours measures with
PROJ inside algorithms/, scikit-learn gets a precomputed matrix from pyproj's
Geod (an independent geodesic implementation). Also with population weights.

Usage: dbscan_sklearn_test.py <poleaxis_bench_core> <testdata dir>
"""
import sys

import numpy as np
from pyproj import Geod
from sklearn.cluster import DBSCAN
from sklearn.metrics import adjusted_rand_score

from reference_check import check, finish, run_core, same_up_to_renumbering, towns

binary, testdata = sys.argv[1:3]
geod = Geod(ellps="WGS84")

for province in ("jilin", "guizhou"):
    rows = towns(testdata, province, "lon, lat, max(population, 0)")
    lon, lat = rows[:, 0], rows[:, 1]
    n = len(rows)
    distance = np.zeros((n, n))
    for i in range(n):
        distance[i] = geod.inv(np.full(n, lon[i]), np.full(n, lat[i]), lon, lat)[2]
    for eps_km, min_points, weighted in ((15, 3, False), (30, 5, False), (20, 100000, True)):
        weights = rows[:, 2] if weighted else None
        ours = run_core(binary, "dbscan", rows if weighted else rows[:, :2], eps_km * 1000, min_points, 1)["labels"]
        theirs = DBSCAN(eps=eps_km * 1000, min_samples=min_points, metric="precomputed").fit(
            distance, sample_weight=weights).labels_
        clusters = len(set(theirs) - {-1})
        check(same_up_to_renumbering(ours, list(theirs)) and adjusted_rand_score(ours, theirs) == 1.0,
              "%s, eps %d km, min %g%s: labels equal scikit-learn's (%d clusters, %d noise)"
              % (province, eps_km, min_points, " (population-weighted)" if weighted else "", clusters, int((theirs == -1).sum())))

finish()
