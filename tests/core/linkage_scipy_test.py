"""Hierarchical clustering equals SciPy: linkage + fcluster(criterion='distance')
on the real Jilin and Guizhou towns, labels identical up to renumbering.
Single, complete and average use geodesic distances (ours from PROJ, SciPy's
matrix from pyproj's Geod); Ward uses planar UTM coordinates projected by
pyproj and given to both.

Usage: linkage_scipy_test.py <poleaxis_bench_core> <testdata dir>
"""
import sys

import numpy as np
from pyproj import Geod, Transformer
from scipy.cluster.hierarchy import fcluster, linkage

from reference_check import check, finish, run_core, same_up_to_renumbering, towns

binary, testdata = sys.argv[1:3]
geod = Geod(ellps="WGS84")


def ours(points, method, metric, cut_m):
    return run_core(binary, "linkage", points, method, metric, repr(cut_m))["labels"]


for province, zone in (("jilin", 52), ("guizhou", 48)):
    lonlat = towns(testdata, province)
    n = len(lonlat)
    condensed = np.concatenate([geod.inv(np.full(n - i - 1, lonlat[i, 0]), np.full(n - i - 1, lonlat[i, 1]),
                                         lonlat[i + 1:, 0], lonlat[i + 1:, 1])[2] for i in range(n - 1)])
    for method in ("single", "complete", "average"):
        for cut_km in (10, 30):
            theirs = fcluster(linkage(condensed, method), cut_km * 1000.0, criterion="distance")
            mine = ours(lonlat, method, "geodesic", cut_km * 1000.0)
            check(same_up_to_renumbering(mine, theirs), "%s %s linkage cut at %d km: labels equal SciPy's (%d groups)"
                  % (province, method, cut_km, len(set(theirs))))
    xy = np.array(Transformer.from_crs("EPSG:4326", "EPSG:326%02d" % zone, always_xy=True).transform(lonlat[:, 0], lonlat[:, 1])).T
    for cut_km in (30, 100):
        theirs = fcluster(linkage(xy, "ward"), cut_km * 1000.0, criterion="distance")
        mine = ours(xy, "ward", "planar", cut_km * 1000.0)
        check(same_up_to_renumbering(mine, theirs), "%s ward linkage (UTM %dN) cut at %d km: labels equal SciPy's (%d groups)"
              % (province, zone, cut_km, len(set(theirs))))

finish()
