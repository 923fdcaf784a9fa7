"""Benchmark: development axes for the 2,000 most populous places of
china_towns on the national rail network (china_rail_lines, 3,600 lines),
network km, each centre's top 5 partners, flows routed over shortest paths.

Ours: poleaxis:developmentaxes end to end inside QGIS (reading, network
build, Dijkstra from every centre, flows, writing). Peer: NetworkX on the
same graph (the EDGES output, added to a MultiGraph in edge order, centres at
the same nodes), timed for the computation only: Dijkstra from every centre
to choose the pairs, then shortest paths of the chosen pairs to sum flows.
Pairs, distances (1e-9) and edge flows (1e-9) must agree before the ratio.
A second case times the noding alone against GEOS's noder (see noding_case).
"""
import argparse
import heapq
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

TOP_N = 5


def networkx_axes(graph, centres, masses, top_n, floor):
    import networkx as nx
    nodes = list(centres)
    # Pass 1: each centre's top N partners by G (ties: lower index).
    chosen = set()
    for i, source in enumerate(nodes):
        dist = nx.single_source_dijkstra_path_length(graph, source, weight="weight")
        best = []
        for j, target in enumerate(nodes):
            if j == i or target not in dist:
                continue
            g = masses[i] * masses[j] / max(dist[target], floor) ** 2
            best.append((-g, j))
        for _, j in heapq.nsmallest(top_n, best):
            chosen.add((min(i, j), max(i, j)))
    # Pass 2: route every chosen pair.
    partners = {}
    for i, j in chosen:
        partners.setdefault(i, []).append(j)
    flows, pairs = {}, {}
    for i, js in partners.items():
        dist, paths = nx.single_source_dijkstra(graph, nodes[i], weight="weight")
        for j in js:
            d = dist[nodes[j]]
            g = masses[i] * masses[j] / max(d, floor) ** 2
            pairs[(i, j)] = (d, g)
            path = paths[nodes[j]]
            for a, b in zip(path, path[1:]):
                options = graph.get_edge_data(a, b)
                key = min(options, key=lambda k: (options[k]["weight"], list(options).index(k)))
                flows[key] = flows.get(key, 0.0) + g
    return pairs, flows


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(harness.REPO, "build-bench"))
    parser.add_argument("--centres", type=int, default=2000)
    parser.add_argument("--snap-km", type=float, default=50.0,
                        help="the DCW network misses most post-2000 lines: a wide snap keeps most centres in")
    args = parser.parse_args()
    harness.start_qgis(args.build)
    import networkx as nx
    import processing
    from qgis.core import QgsVectorLayer

    towns = QgsVectorLayer(os.path.join(harness.SHARED_DATA, "china_towns.gpkg") + "|layername=china_towns", "towns", "ogr")
    ids = [f.id() for f in sorted(towns.getFeatures(), key=lambda f: -f["population"])[:args.centres]]
    towns.setSubsetString("fid in (%s)" % ",".join(map(str, ids)))
    rail = QgsVectorLayer(os.path.join(harness.SHARED_DATA, "china_rail_lines.gpkg") + "|layername=china_rail_lines", "rail", "ogr")
    print("%d centres (largest populations of china_towns), national rail %d lines, network km, snap %g km, top %d partners"
          % (towns.featureCount(), rail.featureCount(), args.snap_km, TOP_N))

    start = time.perf_counter()
    result = processing.run("poleaxis:developmentaxes", {
        "CENTRES": towns, "MASS_FIELD": "population", "LINES": rail, "DISTANCE_MODE": 1, "SNAP_KM": args.snap_km,
        "PAIRS": 1, "TOP_N": TOP_N, "DESIRE_LINES": "memory:", "EDGES": "memory:"})
    ours_s = time.perf_counter() - start

    graph = nx.MultiGraph()
    edges = sorted(result["EDGES"].getFeatures(), key=lambda f: f["edge_id"])
    for f in edges:
        graph.add_edge(f["from_node"], f["to_node"], key=f["edge_id"], weight=f["len_km"])
    desire = list(result["DESIRE_LINES"].getFeatures())
    # Centre order and nodes as ours saw them: snapped centres by feature id.
    node_of, mass_of = {}, {}
    for f in desire:
        node_of[f["from_fid"]], node_of[f["to_fid"]] = f["from_node"], f["to_node"]
    for f in towns.getFeatures():
        mass_of[f.id()] = f["population"]
    # Every snapped centre with mass, in the order ours read them.
    order = [fid for fid in sorted(mass_of) if fid in node_of]
    missing = [f.id() for f in towns.getFeatures() if f.id() not in node_of]
    if missing:
        print("note: %d centres have no pair in our output (unsnapped or isolated); NetworkX gets the same %d centres"
              % (len(missing), len(order)))
    start = time.perf_counter()
    pairs, flows = networkx_axes(graph, [node_of[fid] for fid in order], [mass_of[fid] for fid in order], TOP_N, 10.0)
    peer_s = time.perf_counter() - start

    ours_pairs = {(order.index(f["from_fid"]), order.index(f["to_fid"])): (f["dist_km"], f["grav"]) for f in desire}
    ours_pairs = {(min(k), max(k)): v for k, v in ours_pairs.items()}
    same_pairs = set(ours_pairs) == set(pairs)
    worst_d = max(abs(ours_pairs[k][0] - pairs[k][0]) / max(pairs[k][0], 1e-9) for k in pairs) if same_pairs else 1
    worst_f = max(abs(f["flow"] - flows.get(f["edge_id"], 0.0)) / max(1.0, flows.get(f["edge_id"], 0.0)) for f in edges)
    agree = same_pairs and worst_d < 1e-9 and worst_f < 1e-9
    harness.report("end to end: developmentaxes vs NetworkX", "networkx", ours_s, peer_s, agree,
                   "%d pairs, %d edges; worst distance diff %.1e, worst flow diff %.1e" % (len(pairs), len(edges), worst_d, worst_f))
    noding_case(args.build)


def noding_case(build):
    """Our noding + network build (bench_core noding, tolerance 0.001 m) vs
    GEOS's noder through shapely (unary_union of the same parts) on the
    national rail; the largest component's share of km must agree within
    1 percentage point (GEOS also dissolves overlapping duplicates)."""
    import json
    import subprocess
    import tempfile
    import networkx as nx
    import shapely.wkt
    from pyproj import Geod
    from shapely.ops import unary_union
    from qgis.core import QgsVectorLayer
    geod = Geod(ellps="WGS84")
    parts, rows = [], []
    for i, f in enumerate(QgsVectorLayer(os.path.join(harness.SHARED_DATA, "china_rail_lines.gpkg"), "rail", "ogr").getFeatures()):
        g = shapely.wkt.loads(f.geometry().asWkt())
        for p in (g.geoms if g.geom_type.startswith("Multi") else [g]):
            parts.append(p)
            rows.append("%d %s" % (i, " ".join("%.12g %.12g" % c[:2] for c in p.coords)))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as out:
        out.write("\n".join(rows) + "\n")
    ours = json.loads(subprocess.run([os.path.join(build, "bench", "poleaxis_bench_core"), "noding", out.name, "1", "0.001", "5"],
                                     check=True, capture_output=True, text=True).stdout)
    os.unlink(out.name)
    peer_s, noded = harness.median_time(lambda: unary_union(parts), 5)
    graph = nx.Graph()
    for piece in noded.geoms:
        c = list(piece.coords)
        graph.add_edge(c[0], c[-1])
        graph[c[0]][c[-1]]["km"] = graph[c[0]][c[-1]].get("km", 0) + geod.line_length(*zip(*c)) / 1000
    km = sorted((sum(d["km"] for _, _, d in graph.subgraph(cc).edges(data=True)) for cc in nx.connected_components(graph)), reverse=True)
    share = 100 * km[0] / sum(km)
    agree = abs(share - ours["largest_share"]) < 1.0
    detail = "largest component %.1f %% vs %.1f %%; %d crossings" % (ours["largest_share"], share, ours["crossings"])
    harness.report("noding alone: node_lines vs GEOS union", "shapely", ours["noding_s"], peer_s, agree, detail)
    harness.report("noding + whole network vs GEOS union", "shapely", ours["median_s"], peer_s, agree, detail)


if __name__ == "__main__":
    main()
