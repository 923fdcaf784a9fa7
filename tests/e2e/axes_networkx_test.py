"""poleaxis:developmentaxes on real rail data against NetworkX: every pair's
network distance equals nx.dijkstra_path_length on the same graph (the Edges
output, added to a MultiGraph in edge order), and every edge's flow equals the
sum of the pairs' gravity along nx.dijkstra_path. Then the planning checks:
on Jilin, Changchun–Jilin is a grade-1 axis; on Guizhou, grade-1 axes pass
through Guiyang.

Usage: axes_networkx_test.py <companion parent dir> <testdata dir>
"""
import os
import shutil
import sys

import networkx as nx

from e2e_common import Checks, Qgis, private_testdata

companion_dir, source_data = sys.argv[1:3]
scratch, testdata = private_testdata(source_data, "poleaxis-axes-")
qgis = Qgis(companion_dir)
import processing  # noqa: E402
from qgis.core import QgsVectorLayer  # noqa: E402

checks = Checks()
check = checks.check


def run(province, mode, pairs, min_population=0, extra=None):
    centres = QgsVectorLayer(os.path.join(testdata, province + "_towns.gpkg"), "towns", "ogr")
    centres.setSubsetString("population >= %d" % min_population)
    parameters = {
        "CENTRES": centres, "MASS_FIELD": "population",
        "LINES": os.path.join(testdata, province + "_rail_lines.gpkg"), "DISTANCE_MODE": mode, "SNAP_KM": 10,
        "PAIRS": pairs, "TOP_N": 3, "DESIRE_LINES": "TEMPORARY_OUTPUT", "EDGES": "TEMPORARY_OUTPUT",
        "AXES": "TEMPORARY_OUTPUT"}
    parameters.update(extra or {})
    return processing.run("poleaxis:developmentaxes", parameters)


def graph_of(edges_layer):
    graph = nx.MultiGraph()
    edges = sorted(edges_layer.getFeatures(), key=lambda f: f["edge_id"])
    for f in edges:
        graph.add_edge(f["from_node"], f["to_node"], key=f["edge_id"], weight=f["len_km"])
    return graph, {f["edge_id"]: f for f in edges}


def path_edges(graph, path):
    """The edge ids along a node path: the lightest of parallel edges, first on ties."""
    ids = []
    for a, b in zip(path, path[1:]):
        options = graph.get_edge_data(a, b)
        ids.append(min(options, key=lambda key: (options[key]["weight"], list(options).index(key))))
    return ids


for province, pairs in (("jilin", 1), ("guizhou", 0)):
    result = run(province, 1, pairs)
    graph, edges = graph_of(result["EDGES"])
    desire = list(result["DESIRE_LINES"].getFeatures())
    flows = {e: 0.0 for e in edges}
    worst = 0.0
    for f in desire:
        a, b = f["from_node"], f["to_node"]
        length = nx.dijkstra_path_length(graph, a, b, weight="weight")
        worst = max(worst, abs(length - f["dist_km"]) / length)
        for e in path_edges(graph, nx.dijkstra_path(graph, a, b, weight="weight")):
            flows[e] += f["grav"]
    check(worst < 1e-12, "%s: %d pair distances equal NetworkX (worst relative difference %.1e)" % (province, len(desire), worst))
    bad = [e for e in edges if abs(edges[e]["flow"] - flows[e]) > 1e-9 * max(1.0, flows[e])]
    check(not bad, "%s: %d edge flows equal NetworkX path sums (%d differ)" % (province, len(edges), len(bad)))
    check(len(list(result["AXES"].getFeatures())) > 0, "%s: axes written" % province)

    # The planning check: axes between the cities (population >= 100,000),
    # as planners draw them between poles; among all towns, neighbours a few
    # km apart dominate G = M·M/d².
    result = run(province, 1, 0, 100000)
    graph, edges = graph_of(result["EDGES"])
    desire = list(result["DESIRE_LINES"].getFeatures())
    names = {(f["from_name"], f["to_name"]): f for f in desire}
    if province == "jilin":
        pair = names.get(("长春", "吉林")) or names.get(("吉林", "长春"))
        check(pair is not None, "jilin: Changchun–Jilin is a gravity pair")
        if pair:
            check(pair["rank"] == 1, "jilin: Changchun–Jilin is the strongest pair (rank %d)" % pair["rank"])
            route = set(path_edges(graph, nx.dijkstra_path(graph, pair["from_node"], pair["to_node"], weight="weight")))
            grade1 = {e for e in edges if edges[e]["grade"] == 1}
            check(grade1 and grade1 <= route, "jilin: every grade-1 edge lies on the Changchun–Jilin route (Jenks)")
            # Flows are heavy-tailed: with head/tail breaks the whole route is grade 1.
            ht = run(province, 1, 0, 100000, {"GRADING": 1})
            ht_edges = {f["edge_id"]: f for f in ht["EDGES"].getFeatures()}
            grades = sorted({ht_edges[e]["grade"] for e in route})
            check(grades == [1], "jilin: with head/tail grades the whole Changchun–Jilin route is grade 1 (grades %s)" % grades)
    else:
        guiyang = [f for f in desire if "贵阳" in (f["from_name"], f["to_name"])]
        check(bool(guiyang), "guizhou: Guiyang is in gravity pairs")
        if guiyang:
            node = guiyang[0]["from_node"] if guiyang[0]["from_name"] == "贵阳" else guiyang[0]["to_node"]
            grades = {edges[key]["grade"] for _, _, key in graph.edges(node, keys=True)}
            check(1 in grades, "guizhou: a grade-1 axis passes through Guiyang (grades at its node %s)" % sorted(grades))

# Minutes mode routes by time; the reported km are the fastest route's length.
minutes = run("jilin", 2, 1, 0, {"CLASS_FIELD": "class"})
check(all(f["minutes"] > 0 for f in minutes["DESIRE_LINES"].getFeatures()), "jilin: minutes mode gives travel times")

qgis.exit()
shutil.rmtree(scratch, ignore_errors=True)
checks.finish()
