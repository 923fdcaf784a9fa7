"""Benchmark: travel-time service areas (serviceradii RADIUS_MODE 5) for the
N most populous places of china_towns on the national rail network
(rail 120 km/h, high-speed 250 km/h), T minutes, 20 km/h off the network,
with the M most populous places as demand.

Ours: poleaxis:serviceradii end to end (reading, noding, network, one
limited Dijkstra per centre in parallel, the area polygons, coverage,
writing). Peers, on the same noded graph (developmentaxes' Edges in
minutes, the same points spliced in the same order), timed for the
computation only (no polygons):
- NetworkX: single_source_dijkstra with cutoff per centre, then coverage;
- QGIS's network analysis as QNEAT3 uses it: QgsGraphAnalyzer.dijkstra per
  centre over the whole graph (QgsGraph built from the same edges), then
  coverage.
Coverage (which demand points lie within T, and their fastest minutes) must
agree with both before a ratio is printed.
"""
import argparse
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

ACCESS = 20.0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(harness.REPO, "build-bench"))
    parser.add_argument("--centres", type=int, default=300)
    parser.add_argument("--demand", type=int, default=3000)
    parser.add_argument("--minutes", type=float, default=60.0)
    args = parser.parse_args()
    harness.start_qgis(args.build)
    import networkx as nx
    import processing
    from pyproj import Geod
    from qgis.analysis import QgsGraph, QgsGraphAnalyzer
    from qgis.core import QgsFeature, QgsPointXY, QgsVectorLayer

    geod = Geod(ellps="WGS84")
    towns = QgsVectorLayer(os.path.join(harness.SHARED_DATA, "china_towns.gpkg") + "|layername=china_towns", "towns", "ogr")
    ranked = sorted(towns.getFeatures(), key=lambda f: -f["population"])
    def subset(n):
        layer = QgsVectorLayer(os.path.join(harness.SHARED_DATA, "china_towns.gpkg") + "|layername=china_towns", "t", "ogr")
        layer.setSubsetString("fid in (%s)" % ",".join(str(f.id()) for f in ranked[:n]))
        return layer
    centres, demand = subset(args.centres), subset(args.demand)
    rail = os.path.join(harness.SHARED_DATA, "china_rail_lines.gpkg")
    speeds = "rail=120;rail_hsr=250"
    print("%d centres, %d demand places, national rail, %g minutes, access %g km/h" % (args.centres, args.demand, args.minutes, ACCESS))

    start = time.perf_counter()
    ours = processing.run("poleaxis:serviceradii", {
        "INPUT": centres, "RADIUS_MODE": 5, "TRAVEL_MINUTES": args.minutes, "NETWORK": [rail], "CLASS_FIELD": "class",
        "SPEED_TABLE": speeds, "ACCESS_SPEED_KMH": ACCESS, "DEMAND": demand, "OUTPUT": "memory:", "DEMAND_OUTPUT": "memory:"})
    ours_s = time.perf_counter() - start

    # The same graph: all points spliced in the same order (centres, then demand).
    merged = QgsVectorLayer("Point?crs=EPSG:4326&field=m:double", "all", "memory")
    points = []
    for layer in (centres, demand):
        for f in layer.getFeatures():
            g = QgsFeature(merged.fields())
            g.setAttributes([1.0])
            g.setGeometry(f.geometry())
            points.append(g)
    merged.dataProvider().addFeatures(points)
    graph_run = processing.run("poleaxis:developmentaxes", {
        "CENTRES": merged, "MASS_FIELD": "m", "LINES": [rail], "CLASS_FIELD": "class", "SPEED_TABLE": speeds, "DISTANCE_MODE": 2,
        "SNAP_KM": 10, "PAIRS": 1, "TOP_N": 1, "MIN_DISTANCE": 0, "DESIRE_LINES": "memory:", "EDGES": "memory:"})
    node = {}
    for f in graph_run["DESIRE_LINES"].getFeatures():
        node[f["from_fid"]], node[f["to_fid"]] = f["from_node"], f["to_node"]
    edges = list(graph_run["EDGES"].getFeatures())
    ids = [f.id() for f in merged.getFeatures()]
    centre_nodes = [node.get(i) for i in ids[:args.centres]]
    demand_nodes = [node.get(i) for i in ids[args.centres:]]
    centre_xy = [f.geometry().asPoint() for f in centres.getFeatures()]
    demand_rows = list(ours["DEMAND_OUTPUT"].getFeatures())
    centre_snap = [f["snap_km"] for f in ours["OUTPUT"].getFeatures()]
    demand_snap = [f["snap_km"] for f in demand_rows]
    demand_xy = [f.geometry().asPoint() for f in demand_rows]
    import numpy as np
    demand_lon = np.array([q.x() for q in demand_xy])
    demand_lat = np.array([q.y() for q in demand_xy])

    def coverage(distances_of):
        # Timed with the peer: walking straight there, vectorised per centre.
        best = [math.inf] * len(demand_rows)
        for c in range(args.centres):
            walk = geod.inv(np.full(len(demand_xy), centre_xy[c].x()), np.full(len(demand_xy), centre_xy[c].y()), demand_lon, demand_lat)[2] / 1000 / ACCESS * 60
            dist = distances_of(c)
            for q in range(len(demand_rows)):
                t = walk[q]
                n = demand_nodes[q]
                if dist is not None and n is not None and n in dist and demand_snap[q] is not None:
                    t = min(t, centre_snap[c] / ACCESS * 60 + dist[n] + demand_snap[q] / ACCESS * 60)
                best[q] = min(best[q], t)
        return [b if b <= args.minutes + 1e-9 else None for b in best]

    graph = nx.MultiGraph()
    for f in edges:
        if f["minutes"] is not None:
            graph.add_edge(f["from_node"], f["to_node"], key=f["edge_id"], weight=f["minutes"])

    def networkx_dist(c):
        if centre_nodes[c] is None or centre_snap[c] is None or centre_nodes[c] not in graph:
            return None
        return nx.single_source_dijkstra_path_length(graph, centre_nodes[c], cutoff=args.minutes - centre_snap[c] / ACCESS * 60, weight="weight")

    start = time.perf_counter()
    reference = coverage(networkx_dist)
    networkx_s = time.perf_counter() - start

    qgraph = QgsGraph()
    vertex = {}
    for f in edges:
        for n in (f["from_node"], f["to_node"]):
            if n not in vertex:
                vertex[n] = qgraph.addVertex(QgsPointXY(0, 0))
    for f in edges:
        if f["minutes"] is not None:
            qgraph.addEdge(vertex[f["from_node"]], vertex[f["to_node"]], [f["minutes"]])
            qgraph.addEdge(vertex[f["to_node"]], vertex[f["from_node"]], [f["minutes"]])
    back = {v: n for n, v in vertex.items()}

    def qgis_dist(c):
        if centre_nodes[c] is None or centre_snap[c] is None or centre_nodes[c] not in vertex:
            return None
        _, cost = QgsGraphAnalyzer.dijkstra(qgraph, vertex[centre_nodes[c]], 0)
        return {back[v]: d for v, d in enumerate(cost) if d != math.inf and d >= 0 and v in back}

    start = time.perf_counter()
    qgis_reference = coverage(qgis_dist)
    qgis_s = time.perf_counter() - start

    mine = [f["minutes"] for f in demand_rows]
    def same(a, b):
        return all((x is None and y is None) or (x is not None and y is not None and abs(x - y) < 1e-6 * max(1, y)) for x, y in zip(a, b))
    covered = sum(1 for m in mine if m is not None)
    detail = "%d of %d demand places within %g min; %d edges" % (covered, len(mine), args.minutes, len(edges))
    harness.report("travel-time areas vs NetworkX per origin", "networkx", ours_s, networkx_s, same(mine, reference), detail)
    harness.report("travel-time areas vs QGIS graph (QNEAT3)", "qgis_graph", ours_s, qgis_s, same(mine, qgis_reference), detail)


if __name__ == "__main__":
    main()
