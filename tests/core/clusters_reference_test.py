"""The town-group cores against their peers on the real Jilin and Guizhou
towns (labels compared up to renumbering):
  - single linkage by Borůvka spanning tree == SciPy linkage('single') + fcluster,
    geodesic (pyproj matrix) and planar (UTM);
  - k-means from the same start centres == scikit-learn KMeans(init=…, n_init=1);
  - k-means++ seeding: mean inertia over 30 seeds within 2 % of scikit-learn's;
  - Louvain modularity >= 0.99 × NetworkX louvain_communities' best of 10 seeds;
  - silhouette == scikit-learn silhouette_score (planar, and precomputed geodesic;
    6 and 60 groups).

Usage: clusters_reference_test.py <poleaxis_bench_core> <testdata dir>
"""
import sys
import tempfile

import networkx as nx
import numpy as np
from pyproj import Geod, Transformer
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

from reference_check import check, finish, run_core, same_up_to_renumbering, towns

binary, testdata = sys.argv[1:3]
geod = Geod(ellps="WGS84")


def geodesic_matrix(lonlat):
    n = len(lonlat)
    d = np.zeros((n, n))
    for i in range(n):
        d[i] = geod.inv(np.full(n, lonlat[i, 0]), np.full(n, lonlat[i, 1]), lonlat[:, 0], lonlat[:, 1])[2]
    return d


for province, zone in (("jilin", 52), ("guizhou", 48)):
    data = towns(testdata, province, "lon, lat, coalesce(population, 0)")
    lonlat, pop = data[:, :2], data[:, 2]
    n = len(lonlat)
    full = geodesic_matrix(lonlat)
    condensed = full[np.triu_indices(n, 1)]
    xy = np.array(Transformer.from_crs("EPSG:4326", "EPSG:326%02d" % zone, always_xy=True)
                  .transform(lonlat[:, 0], lonlat[:, 1])).T

    # Single linkage without a matrix.
    for cut_km in (10, 20, 30, 60):
        theirs = fcluster(linkage(condensed, "single"), cut_km * 1000.0, criterion="distance")
        mine = run_core(binary, "linkage", lonlat, "single-mst", "geodesic", cut_km * 1000.0)["labels"]
        check(same_up_to_renumbering(mine, theirs), "%s single linkage (spanning tree, geodesic) cut at %d km: "
              "labels equal SciPy's (%d groups)" % (province, cut_km, len(set(theirs))))
        theirs = fcluster(linkage(xy, "single"), cut_km * 1000.0, criterion="distance")
        mine = run_core(binary, "linkage", xy, "single-mst", "planar", cut_km * 1000.0)["labels"]
        check(same_up_to_renumbering(mine, theirs), "%s single linkage (spanning tree, UTM) cut at %d km: "
              "labels equal SciPy's (%d groups)" % (province, cut_km, len(set(theirs))))

    # k-means from shared start centres, and k-means++ quality.
    rng = np.random.default_rng(7)
    for k in (3, 5, 8, 12):
        start = xy[rng.choice(n, k, replace=False)]
        sk = KMeans(n_clusters=k, init=start, n_init=1, algorithm="lloyd", max_iter=300, tol=1e-4).fit(xy)
        with tempfile.NamedTemporaryFile("w", suffix=".txt") as centres:
            centres.writelines("%.17g %.17g\n" % tuple(c) for c in start)
            centres.flush()
            mine = run_core(binary, "kmeans", xy, centres.name, 300, 1)
        check(same_up_to_renumbering(mine["labels"], sk.labels_) and abs(mine["inertia"] - sk.inertia_) <= 1e-6 * sk.inertia_,
              "%s k-means k=%d from the same centres: labels and inertia equal scikit-learn's (%.6g)"
              % (province, k, sk.inertia_))
        if k in (5, 12):
            # Seeding is random in both, so compare the distributions: mean
            # inertia of 30 single-start runs each (standard error ~0.4 %).
            theirs = np.mean([KMeans(n_clusters=k, n_init=1, random_state=s).fit(xy).inertia_ for s in range(30)])
            mine = np.mean([run_core(binary, "kmeans++", xy, k, s, 1)["inertia"] for s in range(30)])
            again = run_core(binary, "kmeans++", xy, k, 3, 10)
            check(mine <= 1.02 * theirs and again["labels"] == run_core(binary, "kmeans++", xy, k, 3, 10)["labels"],
                  "%s k-means++ k=%d: mean inertia of 30 seeds %.5g vs scikit-learn's %.5g; same seed, same labels"
                  % (province, k, mine, theirs))

    # Louvain on the gravity graph within 50 km.
    mass = pop + 1000.0
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    edges = []
    for i in range(n):
        for j in range(i + 1, n):
            d_km = full[i, j] / 1000.0
            if d_km <= 50:
                w = mass[i] * mass[j] / max(d_km, 1.0) ** 2
                edges.append((i, j, w))
                graph.add_edge(i, j, weight=w)
    for resolution in (0.5, 1.0, 2.0):
        best = max(nx.community.modularity(graph, nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=s),
                                           weight="weight", resolution=resolution) for s in range(10))
        mine = run_core(binary, "louvain", edges, n, resolution, 1)
        groups = {}
        for node, label in enumerate(mine["labels"]):
            groups.setdefault(label, set()).add(node)
        theirs_q = nx.community.modularity(graph, list(groups.values()), weight="weight", resolution=resolution)
        check(abs(theirs_q - mine["modularity"]) < 1e-9 and mine["modularity"] >= 0.99 * best,
              "%s Louvain resolution %.1f: modularity %.5f (NetworkX scores our partition %.5f) vs NetworkX best of 10 seeds %.5f"
              % (province, resolution, mine["modularity"], theirs_q, best))

    # Silhouette on k-means results: few large groups, and many small ones
    # (the centroid bound then skips most groups).
    for groups in (6, 60):
        labels = KMeans(n_clusters=groups, n_init=1, random_state=0).fit(xy).labels_
        rows = np.column_stack([xy, labels])
        mine = run_core(binary, "silhouette", rows, "planar")["score"]
        theirs = silhouette_score(xy, labels)
        check(abs(mine - theirs) < 1e-9, "%s silhouette, %d groups (UTM): %.9f equals scikit-learn's %.9f"
              % (province, groups, mine, theirs))
        rows = np.column_stack([lonlat, labels])
        mine = run_core(binary, "silhouette", rows, "geodesic")["score"]
        theirs = silhouette_score(full, labels, metric="precomputed")
        check(abs(mine - theirs) < 1e-9, "%s silhouette, %d groups (geodesic): %.9f equals scikit-learn's on pyproj distances %.9f"
              % (province, groups, mine, theirs))

finish()
