"""Hierarchical clustering equals SciPy: linkage + fcluster(criterion='distance')
on the real Jilin and Guizhou towns, labels identical up to renumbering.
Matrix-free Ward (ward-centroid) equals SciPy's linkage(X, 'ward') cut by
distance and into K groups: on the towns, on 6,000 world places (when
../shared/data is there), and on SciPy's own hierarchy_test_data fixture
(heights too).
Single, complete and average use geodesic distances (ours from PROJ, SciPy's
matrix from pyproj's Geod); Ward uses planar UTM coordinates projected by
pyproj and given to both. The float32 matrix (single32, complete32,
average32) is held to the same labels, and to its own near-tie count: where
it reports none its merges are SciPy's; on these data its labels equal
SciPy's float64 ones even where it reports a near tie, and near ties stay rare.

Usage: linkage_scipy_test.py <poleaxis_bench_core> <testdata dir>
"""
import os
import sqlite3
import sys

import numpy as np
from pyproj import Geod, Transformer
from scipy.cluster.hierarchy import fcluster, linkage

from reference_check import check, finish, run_core, same_up_to_renumbering, towns

binary, testdata = sys.argv[1:3]
geod = Geod(ellps="WGS84")


def ours(points, method, metric, cut_m):
    return run_core(binary, "linkage", points, method, metric, repr(cut_m))["labels"]


def float32_against_scipy(lonlat, condensed, what, cuts_km, ks):
    """float32 complete and average linkage (and single) against SciPy's float64 ones."""
    for method in ("single", "complete", "average"):
        tree = linkage(condensed, method)
        for cut in ["%r" % (c * 1000.0) for c in cuts_km] + ["k=%d" % k for k in ks]:
            theirs = fcluster(tree, float(cut) if not cut.startswith("k=") else int(cut[2:]),
                              criterion="maxclust" if cut.startswith("k=") else "distance")
            result = run_core(binary, "linkage", lonlat, method + "32", "geodesic", cut)
            check(result["decisions"] >= len(lonlat) - 1, "%s %s32: %d nearest-neighbour decisions counted"
                  % (what, method, result["decisions"]))
            check(same_up_to_renumbering(result["labels"], theirs),
                  "%s %s linkage on a float32 matrix, %s: %d near ties; labels equal SciPy's float64 (%d groups)"
                  % (what, method, cut, result["near_ties"], len(set(theirs))))
            check(result["near_ties"] <= len(lonlat) // 200,
                  "%s %s32 %s: near ties (%d) stay rare" % (what, method, cut, result["near_ties"]))


def ward_against_scipy(xy, what, cuts_km, ks):
    tree = linkage(xy, "ward")
    for cut_km in cuts_km:
        theirs = fcluster(tree, cut_km * 1000.0, criterion="distance")
        mine = run_core(binary, "linkage", xy, "ward-centroid", "planar", repr(cut_km * 1000.0))["labels"]
        check(same_up_to_renumbering(mine, theirs), "%s: matrix-free Ward cut at %g km equals SciPy (%d groups)"
              % (what, cut_km, len(set(theirs))))
    for k in ks:
        theirs = fcluster(tree, k, criterion="maxclust")
        mine = run_core(binary, "linkage", xy, "ward-centroid", "planar", "k=%d" % k)["labels"]
        check(same_up_to_renumbering(mine, theirs), "%s: matrix-free Ward into K=%d equals SciPy (%d groups)"
              % (what, k, len(set(theirs))))


# SciPy's own fixture: X and its Ward tree (scipy/cluster/tests/hierarchy_test_data.py).
try:
    from scipy.cluster.tests import hierarchy_test_data as fixture
except ImportError:
    fixture = None
check(fixture is not None, "SciPy's hierarchy_test_data fixture is importable")
if fixture is not None:
    X = np.asarray(fixture.X, float)
    n = len(X)
    heights = sorted(fixture.linkage_X_ward[:, 2])
    bad = []
    for k in range(1, n - 1):
        theirs = fcluster(fixture.linkage_X_ward, k, criterion="maxclust")
        if not same_up_to_renumbering(run_core(binary, "linkage", X, "ward-centroid", "planar", "k=%d" % k)["labels"], theirs):
            bad.append(k)
    check(not bad, "hierarchy_test_data X (%d points): Ward labels equal linkage_X_ward for K = 1…%d (differ at %s)" % (n, n - 2, bad))
    # K = n − 1: SciPy's maxclust binary search never tries the lowest merge and
    # returns n − 2 groups; the right answer, n − 1 groups, is SciPy's own
    # distance cut at the lowest height.
    at_n1 = run_core(binary, "linkage", X, "ward-centroid", "planar", "k=%d" % (n - 1))["labels"]
    check(len(set(at_n1)) == n - 1 and same_up_to_renumbering(at_n1, fcluster(fixture.linkage_X_ward, heights[0], criterion="distance")),
          "hierarchy_test_data X: K = %d gives %d groups, SciPy's distance cut at the lowest height (its maxclust gives %d)"
          % (n - 1, len(set(at_n1)), len(set(fcluster(fixture.linkage_X_ward, n - 1, criterion="maxclust")))))
    # The fixture's heights are rounded to 8 decimals: cut between them.
    cuts = [float(h) for h in [heights[0] / 2] + [(a + b) / 2 for a, b in zip(heights, heights[1:])] + [heights[-1] * 2]]
    bad = [c for c in cuts if not same_up_to_renumbering(run_core(binary, "linkage", X, "ward-centroid", "planar", "%.17g" % c)["labels"],
                                                          fcluster(fixture.linkage_X_ward, c, criterion="distance"))]
    check(not bad, "hierarchy_test_data X: cuts between each of the %d fixture heights equal SciPy (differ at %s)" % (len(heights), bad))

# 6,000 world places: Ward needs planar coordinates, the same for both (Web Mercator metres).
world = os.path.join(os.path.dirname(os.path.abspath(testdata)), "..", "shared", "data", "world_places.gpkg")
world = os.path.normpath(world)
if os.path.exists(world):
    rows = np.array(sqlite3.connect(world).execute(
        "select lon, lat from (select * from world_places order by fid) limit 6000").fetchall(), float)
    merc = np.array(Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True).transform(rows[:, 0], rows[:, 1])).T
    ward_against_scipy(merc, "6,000 world places", (50, 500), (10, 100, 1000))
    # float32 on the first 3,000 geodesically (4.5 million pairs from pyproj).
    few = rows[:3000]
    m = len(few)
    condensed = np.concatenate([geod.inv(np.full(m - i - 1, few[i, 0]), np.full(m - i - 1, few[i, 1]),
                                         few[i + 1:, 0], few[i + 1:, 1])[2] for i in range(m - 1)])
    float32_against_scipy(few, condensed, "3,000 world places", (100, 1000), (20, 300))
else:
    check(False, "world places not found at %s (../shared/data)" % world)

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
    float32_against_scipy(lonlat, condensed, province, (10, 30), (5, 40))
    xy = np.array(Transformer.from_crs("EPSG:4326", "EPSG:326%02d" % zone, always_xy=True).transform(lonlat[:, 0], lonlat[:, 1])).T
    for cut_km in (30, 100):
        theirs = fcluster(linkage(xy, "ward"), cut_km * 1000.0, criterion="distance")
        mine = ours(xy, "ward", "planar", cut_km * 1000.0)
        check(same_up_to_renumbering(mine, theirs), "%s ward linkage (UTM %dN) cut at %d km: labels equal SciPy's (%d groups)"
              % (province, zone, cut_km, len(set(theirs))))
    ward_against_scipy(xy, "%s towns (UTM %dN)" % (province, zone), (10, 30, 100), (3, 8, 25))

finish()
