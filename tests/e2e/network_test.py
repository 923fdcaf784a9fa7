"""Networks from real line data (issue: development axes on real transport
networks). Against independent references: GEOS's noder (shapely
unary_union) for the components of the national rail, NetworkX for shortest
paths on the noded graph and for travel-time coverage, and geometry checks
done with QGIS's own distance functions.

Usage: network_test.py <companion parent dir> <testdata dir> <shared data dir>
"""
import math
import os
import shutil
import sys

import networkx as nx
from pyproj import Geod

from e2e_common import Checks, Qgis, private_testdata, recording_feedback

companion_dir, source_data, shared_data = sys.argv[1:4]
NATIONAL = os.path.join(shared_data, "china_rail_lines.gpkg")
CHINA_TOWNS = os.path.join(shared_data, "china_towns.gpkg")
RIVERS = os.path.join(shared_data, "china_rivers.gpkg")
for path in (NATIONAL, CHINA_TOWNS, RIVERS):
    if not os.path.exists(path):
        sys.exit("missing %s: the network tests need ../shared/data" % path)
scratch, testdata = private_testdata(source_data, "poleaxis-network-")
qgis = Qgis(companion_dir)
import processing  # noqa: E402
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsGeometry,  # noqa: E402
                       QgsPointXY, QgsProject, QgsVectorLayer)

checks = Checks()
check = checks.check
geod = Geod(ellps="WGS84")


def run(algorithm, parameters):
    log = recording_feedback()
    return processing.run(algorithm, parameters, feedback=log), log


def error_of(algorithm, parameters):
    try:
        processing.run(algorithm, parameters, feedback=recording_feedback())
    except Exception as e:  # QgsProcessingException reaches Python as a plain Exception
        return str(e)
    return ""


def towns(path, top=None, where=None):
    layer = QgsVectorLayer(path, "towns", "ogr")
    if where:
        layer.setSubsetString(where)
    if top:
        biggest = sorted(layer.getFeatures(), key=lambda f: -f["population"])[:top]
        layer.setSubsetString("fid in (%s)" % ",".join(str(f.id()) for f in biggest))
    return layer


def graph_of(edges_layer, weight="len_km"):
    graph = nx.MultiGraph()
    for f in sorted(edges_layer.getFeatures(), key=lambda f: f["edge_id"]):
        if f[weight] is not None and not (isinstance(f[weight], float) and math.isnan(f[weight])):
            graph.add_edge(f["from_node"], f["to_node"], key=f["edge_id"], weight=f[weight], grade=f["grade"])
    return graph


def main():
    # Locals, so that every layer is gone before QGIS exits.
    guizhou_towns = os.path.join(testdata, "guizhou_towns.gpkg")
    guizhou_rail = os.path.join(testdata, "guizhou_rail_lines.gpkg")
    axes = {"MASS_FIELD": "population", "DISTANCE_MODE": 1, "SNAP_KM": 10, "PAIRS": 0,
            "DESIRE_LINES": "TEMPORARY_OUTPUT", "EDGES": "TEMPORARY_OUTPUT", "AXES": "TEMPORARY_OUTPUT",
            "COMPONENTS": "TEMPORARY_OUTPUT"}

    # 1. The national rail: components against GEOS's noder.
    import shapely.wkt  # noqa: E402
    from shapely.ops import unary_union  # noqa: E402

    parts = []
    for feature in QgsVectorLayer(NATIONAL, "rail", "ogr").getFeatures():
        g = shapely.wkt.loads(feature.geometry().asWkt())
        parts.extend(g.geoms if g.geom_type.startswith("Multi") else [g])
    reference = nx.Graph()
    for piece in unary_union(parts).geoms:
        c = list(piece.coords)
        reference.add_edge(c[0], c[-1])
        reference[c[0]][c[-1]]["km"] = reference[c[0]][c[-1]].get("km", 0) + geod.line_length(*zip(*c)) / 1000
    km = sorted((sum(d["km"] for _, _, d in reference.subgraph(cc).edges(data=True)) for cc in nx.connected_components(reference)), reverse=True)
    geos_share = 100 * km[0] / sum(km)

    centres = towns(guizhou_towns, top=15)
    noded, log = run("poleaxis:developmentaxes", dict(axes, CENTRES=centres, LINES=[NATIONAL], TOLERANCE_M=0.001))
    check(abs(noded["LARGEST_SHARE"] - geos_share) < 1.0,
          "national rail noded with no tolerance: largest component %.1f %% of km, GEOS unary union %.1f %%" % (noded["LARGEST_SHARE"], geos_share))
    default, log = run("poleaxis:developmentaxes", dict(axes, CENTRES=centres, LINES=[NATIONAL]))
    check(default["LARGEST_SHARE"] >= 90, "national rail with the defaults: LARGEST_SHARE %.1f >= 90" % default["LARGEST_SHARE"])
    shared_only, _ = run("poleaxis:developmentaxes", dict(axes, CENTRES=centres, LINES=[NATIONAL], NODING=0, TOLERANCE_M=0.01))
    check(shared_only["LARGEST_SHARE"] < default["LARGEST_SHARE"] - 20,
          "shared vertices only (bridges kept apart) joins less: %.1f %% vs %.1f %%" % (shared_only["LARGEST_SHARE"], default["LARGEST_SHARE"]))
    components = list(default["COMPONENTS"].getFeatures())
    check(len(components) == default["NUM_COMPONENTS"] and components[0]["comp_id"] == 1,
          "COMPONENTS has one feature per component (%d), largest first" % len(components))
    total = sum(f["len_km"] for f in components)
    measured = geod.geometry_length(shapely.wkt.loads(components[0].geometry().asWkt())) / 1000
    check(abs(100 * components[0]["len_km"] / total - default["LARGEST_SHARE"]) < 1e-6 and abs(measured - components[0]["len_km"]) < 0.001 * measured,
          "the largest component's len_km (%.0f km) is its geometry's geodesic length (%.0f km)" % (components[0]["len_km"], measured))
    check(any("Noding:" in line and "crossing" in line for line in log.lines) and any("component(s); the largest holds" in line for line in log.lines),
          "the log reports the noding and the components")

    # 2. Guizhou's 15 largest towns: every centre that snaps to the main network reaches every other one.
    main = components[0].geometry()
    utm = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem("EPSG:32648"), QgsProject.instance())
    main_utm = QgsGeometry(main)
    main_utm.transform(utm)
    on_main = 0
    for f in centres.getFeatures():
        p = QgsGeometry(f.geometry())
        p.transform(utm)
        on_main += main_utm.distance(p) <= 9900
    pairs = {(f["from_fid"], f["to_fid"]) for f in default["DESIRE_LINES"].getFeatures()}
    check(len(pairs) >= on_main * (on_main - 1) // 2,
          "national rail: all %d pairs among the %d centres within 10 km of the main component are routed (%d pairs)" % (on_main * (on_main - 1) // 2, on_main, len(pairs)))
    separate = [line for line in log.lines if "separate pieces" in line]
    check(default["UNREACHABLE_PAIRS"] == 0 or separate,
          "unreachable pairs (%d) come only with a named centre on a separate piece" % default["UNREACHABLE_PAIRS"])
    province, _ = run("poleaxis:developmentaxes", dict(axes, CENTRES=centres, LINES=[guizhou_rail]))
    check(province["UNREACHABLE_PAIRS"] == 0, "guizhou_rail_lines: no unreachable pair among the 15 largest towns (the issue saw 53 of 91)")

    # Shortest paths on the noded national graph equal NetworkX's.
    graph = graph_of(default["EDGES"])
    worst = 0.0
    for f in default["DESIRE_LINES"].getFeatures():
        length = nx.dijkstra_path_length(graph, f["from_node"], f["to_node"], weight="weight")
        worst = max(worst, abs(length - f["dist_km"]) / length)
    check(worst < 1e-12, "national: %d pair distances equal NetworkX on the noded graph (worst %.1e)" % (len(pairs), worst))

    # 3. Guizhou with the metropolises around it as external centres.
    names = ["Chongqing", "Chengdu", "Kunming", "Nanning", "Changsha", "Guilin", "Liuzhou", "Huaihua"]
    external = towns(CHINA_TOWNS, where="asciiname in (%s) and feature_code in ('PPLA','PPLA2')" % ",".join("'%s'" % n for n in names))
    check(external.featureCount() == 8, "the 8 external metropolises found in china_towns")
    ext, ext_log = run("poleaxis:developmentaxes", dict(axes, CENTRES=centres, LINES=[NATIONAL], PAIRS=1, TOP_N=3,
                                                        EXTERNAL=external, EXTERNAL_MASS_FIELD="population"))
    edges = {f["edge_id"]: f for f in ext["EDGES"].getFeatures()}
    graph = graph_of(ext["EDGES"])
    desire = list(ext["DESIRE_LINES"].getFeatures())
    node_of = {}
    for f in desire:
        node_of[f["from_name"]] = f["from_node"]
        node_of[f["to_name"]] = f["to_node"]
    for city in ("贵阳", "遵义"):
        grades = {edges[k]["grade"] for _, _, k in graph.edges(node_of.get(city), keys=True)} if city in node_of else set()
        check(1 in grades, "externals: a grade-1 axis passes through %s (grades at its node %s)" % (city, sorted(grades)))
    if "贵阳" in node_of and "安顺" in node_of:
        route = nx.dijkstra_path(graph, node_of["贵阳"], node_of["安顺"], weight="weight")
        grades = set()
        for a, b in zip(route, route[1:]):
            options = graph.get_edge_data(a, b)
            grades.add(edges[min(options, key=lambda k: options[k]["weight"])]["grade"])
        check(grades and max(grades) <= 2 and 0 not in grades, "externals: the Guiyang–Anshun wing is grade 2 or better (grades %s)" % sorted(grades))
    outside = {f["name_zh"] for f in external.getFeatures()}
    check(all(not (f["from_name"] in outside and f["to_name"] in outside) for f in desire), "external centres never pair with each other")
    check(all(f["external"] == int(f["from_name"] in outside or f["to_name"] in outside) for f in desire), "desire lines with an external centre are marked external")
    chongqing = [f for f in ext["AXES"].getFeatures() if "重庆" in (f["name"] or "")]
    check(any(f["grade"] == 1 and f["external"] == 1 for f in chongqing), "an external grade-1 axis is named after Chongqing (%s)" % [(f["name"], f["grade"]) for f in chongqing])
    check(all("—" in (f["name"] or "") for f in ext["AXES"].getFeatures()), "axes without a route-name field are named after the pair they carry")
    inside = towns(guizhou_towns, where="name_zh = '凯里'")
    warned, warn_log = run("poleaxis:developmentaxes", dict(axes, CENTRES=centres, LINES=[guizhou_rail], EXTERNAL=inside, EXTERNAL_MASS_FIELD="population"))
    check(any("WARNING EXTERNAL" in line and "among the plan" in line for line in warn_log.lines), "an external centre inside the plan is warned about")

    # 4. Several line layers: a hand-made road (no class field: its layer name is the class) crossing the real rail.
    road = QgsVectorLayer("LineString?crs=EPSG:4326&field=ref:string", "guizhou_roads", "memory")
    guiyang = next(towns(guizhou_towns, where="name_zh = '贵阳'").getFeatures()).geometry().asPoint()
    bijie = next(towns(guizhou_towns, where="name_zh = '毕节'").getFeatures()).geometry().asPoint()
    feature = QgsFeature(road.fields())
    feature.setAttributes(["G76"])
    feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(guiyang.x() + 0.05, guiyang.y() - 0.05), QgsPointXY(bijie.x(), bijie.y())]))
    road.dataProvider().addFeatures([feature])
    two = towns(guizhou_towns, where="name_zh in ('贵阳', '毕节', '遵义')")
    rail_only, _ = run("poleaxis:developmentaxes", dict(axes, CENTRES=two, LINES=[guizhou_rail], DISTANCE_MODE=2, CLASS_FIELD="class"))
    both, both_log = run("poleaxis:developmentaxes", dict(axes, CENTRES=two, LINES=[guizhou_rail, road], DISTANCE_MODE=2, CLASS_FIELD="class",
                                                           SPEED_TABLE="rail=120;rail_hsr=250;guizhou_roads=80"))
    check(rail_only["NUM_PAIRS"] == 1 and both["NUM_PAIRS"] == 3,
          "a road layer beside the rail brings Bijie onto the network (pairs %d -> %d)" % (rail_only["NUM_PAIRS"], both["NUM_PAIRS"]))
    road_edges = [f for f in both["EDGES"].getFeatures() if f["layer"] == "guizhou_roads"]
    check(road_edges and all(abs(f["minutes"] - f["len_km"] / 80 * 60) < 1e-9 for f in road_edges),
          "the road's edges carry its layer name as class and 80 km/h (%d edges)" % len(road_edges))
    check(both["NUM_COMPONENTS"] <= rail_only["NUM_COMPONENTS"], "the road crossing the rail is noded into it")
    missing = error_of("poleaxis:developmentaxes", dict(axes, CENTRES=two, LINES=[guizhou_rail, road], DISTANCE_MODE=2, CLASS_FIELD="class"))
    check("SPEED_TABLE" in missing and "guizhou_roads" in missing, "a layer whose class has no speed is named: " + missing[:90])

    # 5. Travel-time service areas: coverage equals NetworkX on the same noded graph.
    jilin_towns = os.path.join(testdata, "jilin_towns.gpkg")
    jilin_rail = os.path.join(testdata, "jilin_rail_lines.gpkg")
    big = towns(jilin_towns, where="population > 400000")
    demand = towns(jilin_towns, top=60)
    area, area_log = run("poleaxis:serviceradii", {"INPUT": big, "RADIUS_MODE": 5, "TRAVEL_MINUTES": 30, "NETWORK": [jilin_rail], "CLASS_FIELD": "class",
                                                   "ACCESS_SPEED_KMH": 20, "DEMAND": demand, "OUTPUT": "TEMPORARY_OUTPUT", "DEMAND_OUTPUT": "TEMPORARY_OUTPUT"})
    check(all(f.geometry().isGeosValid() for f in area["OUTPUT"].getFeatures()), "travel-time areas are valid polygons")
    # The same network, with the same points spliced in the same order, as developmentaxes Edges (minutes).
    merged = QgsVectorLayer("Point?crs=EPSG:4326&field=fid0:integer&field=m:double&field=name:string", "all", "memory")
    points = []
    for layer in (big, demand):
        for f in layer.getFeatures():
            g = QgsFeature(merged.fields())
            g.setAttributes([f.id(), 1.0, f["name"]])
            g.setGeometry(f.geometry())
            points.append(g)
    merged.dataProvider().addFeatures(points)
    graph_run, _ = run("poleaxis:developmentaxes", dict(axes, CENTRES=merged, MASS_FIELD="m", LINES=[jilin_rail], DISTANCE_MODE=2, CLASS_FIELD="class", MIN_DISTANCE=0))
    graph = graph_of(graph_run["EDGES"], "minutes")
    node = {}
    for f in graph_run["DESIRE_LINES"].getFeatures():
        node[f["from_fid"]] = f["from_node"]
        node[f["to_fid"]] = f["to_node"]
    ours = {f.id(): f for f in area["DEMAND_OUTPUT"].getFeatures()}
    merged_ids = [f.id() for f in merged.getFeatures()]
    centre_count = len(list(big.getFeatures()))  # featureCount() of a subset OGR layer can be stale
    centre_fids = merged_ids[:centre_count]
    demand_fids = merged_ids[centre_count:]
    centre_points = [f.geometry().asPoint() for f in big.getFeatures()]
    centre_snap = [f["snap_km"] for f in area["OUTPUT"].getFeatures()]
    mismatch, agree = [], 0
    for (d_feature, fid) in zip(list(demand.getFeatures()), demand_fids):
        q = d_feature.geometry().asPoint()
        out = ours[d_feature.id()]
        best = math.inf
        for c, (p, cfid) in enumerate(zip(centre_points, centre_fids)):
            t = geod.inv(p.x(), p.y(), q.x(), q.y())[2] / 1000 / 20 * 60
            if cfid in node and fid in node and out["snap_km"] is not None and centre_snap[c] is not None:
                try:
                    t = min(t, centre_snap[c] / 20 * 60 + nx.dijkstra_path_length(graph, node[cfid], node[fid], weight="weight") + out["snap_km"] / 20 * 60)
                except nx.NetworkXNoPath:
                    pass
            best = min(best, t)
        within = best <= 30 + 1e-9
        # minutes is the exact fastest time within the 30 minutes, NULL beyond.
        same = within == (out["n_cover"] > 0) and (abs(best - out["minutes"]) < 1e-6 * max(1, best) if within else out["minutes"] is None)
        agree += int(same)
        if not same:
            mismatch.append((d_feature["name"], best, out["minutes"], out["n_cover"]))
    check(not mismatch, "travel time and membership of %d demand towns equal NetworkX on the noded graph (%d differ: %s)" % (agree + len(mismatch), len(mismatch), mismatch[:3]))
    check(0 < area["DEMAND_COVERED"] < 60, "some but not all of the 60 towns lie within 30 minutes (%d)" % area["DEMAND_COVERED"])

    # 6. townsystem: two line layers, rivers and the external metropolises.
    plan = os.path.join(scratch, "规划 guizhou.gpkg")
    result, plan_log = run("poleaxis:townsystem", {
        "TOWNS": guizhou_towns, "POP_FIELD": "population", "LINES": [NATIONAL, road], "CLASS_FIELD": "class",
        "RIVERS": [RIVERS], "EXTERNAL": external, "EXTERNAL_MASS_FIELD": "population",
        "BOUNDARY": os.path.join(testdata, "guizhou_boundary.geojson"), "TITLE": "贵州省城镇体系规划",
        "OUTPUT": plan, "PDF": os.path.join(scratch, "guizhou.pdf")})
    plan_axes = QgsVectorLayer(plan + "|layername=axes", "axes", "ogr")
    plan_corridors = QgsVectorLayer(plan + "|layername=corridors", "corridors", "ogr")
    check(any(f["external"] == 1 for f in plan_axes.getFeatures()), "townsystem: external axes towards the metropolises are in the plan")
    corridor_names = {f["corridor"] for f in plan_corridors.getFeatures()}
    check({"river", "rail", "guizhou_roads"} <= corridor_names, "townsystem: rail, road and river belts (%s)" % sorted(corridor_names))
    check(any("2 layers" in line for line in plan_log.lines), "townsystem: the log says the lines came from 2 layers")

    # 7. Bad input: each names its parameter.
    for parameters, fragment in (
            (dict(axes, CENTRES=centres, LINES=[guizhou_rail], TOLERANCE_M=0), "TOLERANCE_M"),
            (dict(axes, CENTRES=centres, LINES=[guizhou_rail], TOLERANCE_M=-5), "TOLERANCE_M"),
            (dict(axes, CENTRES=centres, LINES=[guizhou_rail], EXTERNAL=external), "EXTERNAL_MASS_FIELD"),
            (dict(axes, CENTRES=centres, LINES=[guizhou_rail], EXTERNAL=external, EXTERNAL_MASS_FIELD="no_such"), "EXTERNAL_MASS_FIELD")):
        message = error_of("poleaxis:developmentaxes", parameters)
        check(fragment in message, "refused naming %s: %s" % (fragment, message[:100]))
    for parameters, fragment in (
            ({"INPUT": big, "RADIUS_MODE": 5, "OUTPUT": "TEMPORARY_OUTPUT"}, "NETWORK"),
            ({"INPUT": big, "RADIUS_MODE": 5, "NETWORK": [jilin_rail], "CLASS_FIELD": "class", "ACCESS_SPEED_KMH": 0, "OUTPUT": "TEMPORARY_OUTPUT"}, "ACCESS_SPEED_KMH"),
            ({"INPUT": big, "RADIUS_MODE": 5, "NETWORK": [jilin_rail], "SPEED_TABLE": "", "OUTPUT": "TEMPORARY_OUTPUT"}, "SPEED_TABLE")):
        message = error_of("poleaxis:serviceradii", parameters)
        check(fragment in message, "serviceradii refused naming %s: %s" % (fragment, message[:100]))
    # Lines that never cross, and one isolated line, still run.
    lone = QgsVectorLayer("LineString?crs=EPSG:4326", "lone", "memory")
    for y in (26.5, 27.5):
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(105.0, y), QgsPointXY(108.0, y)]))
        lone.dataProvider().addFeatures([f])
    apart, _ = run("poleaxis:developmentaxes", dict(axes, CENTRES=centres, LINES=[lone], SNAP_KM=30))
    check(apart["NUM_COMPONENTS"] == 2 and apart["UNREACHABLE_PAIRS"] > 0, "two lines that never cross stay two components, and the log counts unreachable pairs")
    single = QgsVectorLayer("LineString?crs=EPSG:4326", "single", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(105.0, 26.5), QgsPointXY(108.0, 26.5)]))
    single.dataProvider().addFeatures([f])
    alone, _ = run("poleaxis:developmentaxes", dict(axes, CENTRES=centres, LINES=[single], SNAP_KM=60))
    check(alone["NUM_COMPONENTS"] == 1 and alone["LARGEST_SHARE"] == 100 and alone["UNREACHABLE_PAIRS"] == 0 and alone["NUM_PAIRS"] > 0,
          "one isolated line is one component carrying %d pairs" % alone["NUM_PAIRS"])
    nan_line = QgsVectorLayer("LineString?crs=EPSG:4326", "nan", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(105, 26), QgsPointXY(106, float("nan")), QgsPointXY(107, 27)]))
    nan_line.dataProvider().addFeatures([f])
    message = error_of("poleaxis:developmentaxes", dict(axes, CENTRES=centres, LINES=[nan_line]))
    check("LINES" in message and ("feature" in message or "transform" in message), "a NaN vertex is refused naming LINES and the feature: " + message[:100])


main()
qgis.exit()
shutil.rmtree(scratch, ignore_errors=True)
checks.finish()
