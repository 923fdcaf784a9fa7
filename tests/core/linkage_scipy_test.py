"""Hierarchical clustering equals SciPy: linkage + fcluster(criterion='distance')
on the real Jilin and Guizhou towns, labels identical up to renumbering.
Single, complete and average use geodesic distances (ours from PROJ, SciPy's
matrix from pyproj's Geod); Ward uses planar UTM coordinates projected by
pyproj and given to both.

Usage: linkage_scipy_test.py <poleaxis_bench_core> <testdata dir>
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

import numpy as np
from pyproj import Geod, Transformer
from scipy.cluster.hierarchy import fcluster, linkage

binary, testdata = sys.argv[1:3]
geod = Geod(ellps="WGS84")
passes, failures = [], []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    (passes if condition else failures).append(message)


def same_up_to_renumbering(a, b):
    forward, backward = {}, {}
    return all(forward.setdefault(x, y) == y and backward.setdefault(y, x) == x for x, y in zip(a, b))


def ours(points, method, metric, cut):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.writelines("%.10f %.10f\n" % tuple(p) for p in points)
    out = json.loads(subprocess.run([binary, "linkage", f.name, method, metric, repr(cut)],
                                    check=True, capture_output=True, text=True).stdout)
    os.unlink(f.name)
    return out["labels"]


for province, zone in (("jilin", 52), ("guizhou", 48)):
    rows = sqlite3.connect(os.path.join(testdata, province + "_towns.gpkg")).execute(
        "select lon, lat from %s_towns order by fid" % province).fetchall()
    lonlat = np.array(rows, float)
    n = len(rows)
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
        check(same_up_to_renumbering(mine, theirs), "%s ward linkage (UTM %dN) cut at %d: labels equal SciPy's (%d groups)"
              % (province, zone, cut_km, len(set(theirs))))

print("%d passed, %d failed" % (len(passes), len(failures)))
sys.exit(1 if failures else 0)
