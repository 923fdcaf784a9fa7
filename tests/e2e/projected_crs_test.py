"""Kilometres are kilometres on the ground whatever the layer's CRS: the same
Jilin towns in EPSG:4326, EPSG:3857 (Web Mercator, 1.38× too long at 44° N)
and UTM 52N give the same town groups (DBSCAN eps 15 km, Ward K = 6) and the
same influence areas (within 1 %, measured on the ellipsoid by QGIS's
QgsDistanceArea). A working CRS in US feet or one made for another continent
is refused (the bad-input matrix checks the messages).

Usage: projected_crs_test.py <companion parent dir> <testdata dir>
"""
import os
import sys

from e2e_common import Checks, Qgis, recording_feedback

companion_dir, testdata = sys.argv[1:3]
qgis = Qgis(companion_dir)
import processing  # noqa: E402
from qgis.core import (QgsCoordinateReferenceSystem, QgsDistanceArea, QgsProject,  # noqa: E402
                       QgsVectorLayer)

checks = Checks()
check = checks.check


def reprojected(layer, authid):
    return processing.run("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": QgsCoordinateReferenceSystem(authid),
                                                    "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]


def partition(layer, field):
    groups = {}
    for f in layer.getFeatures():
        groups.setdefault(f[field], set()).add(f["name"])
    return sorted(sorted(g) for g in groups.values())


def areas(layer):
    measure = QgsDistanceArea()
    measure.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    measure.setEllipsoid("WGS84")
    return {f["name"]: measure.measureArea(f.geometry()) / 1e6 for f in layer.getFeatures()}


def main():
    towns = QgsVectorLayer(os.path.join(testdata, "jilin_towns.gpkg"), "towns", "ogr")
    check(towns.isValid() and towns.featureCount() > 200, "Jilin towns: %d" % towns.featureCount())
    versions = {"EPSG:4326": towns, "EPSG:3857": reprojected(towns, "EPSG:3857"), "EPSG:32652": reprojected(towns, "EPSG:32652")}
    for method, extra, tag in [(0, {"EPS": 15, "MIN_TOWNS": 2}, "DBSCAN 15 km"), (4, {"K": 6}, "Ward K=6")]:
        result = {}
        for crs, layer in versions.items():
            log = recording_feedback()
            out = processing.run("poleaxis:townclusters", dict({"INPUT": layer, "METHOD": method, "OUTPUT": "TEMPORARY_OUTPUT"}, **extra),
                                 feedback=log)["OUTPUT"]
            result[crs] = partition(out, "group_id")
            if crs == "EPSG:3857":
                check(any("distorts distances" in m for m in log.lines), "%s on 3857: the log says why it works from lon/lat" % tag)
        check(len(result["EPSG:4326"]) > 3, "%s: %d groups in 4326" % (tag, len(result["EPSG:4326"])))
        for crs in ("EPSG:3857", "EPSG:32652"):
            check(result[crs] == result["EPSG:4326"], "%s: the groups in %s equal those in EPSG:4326" % (tag, crs))

    centres = processing.run("native:extractbyexpression", {"INPUT": towns, "EXPRESSION": "population > 300000",
                                                            "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    boundary = os.path.join(testdata, "jilin_boundary.geojson")
    reference = None
    for crs in ("EPSG:4326", "EPSG:3857", "EPSG:32652"):
        c = centres if crs == "EPSG:4326" else reprojected(centres, crs)
        b = boundary if crs == "EPSG:4326" else reprojected(QgsVectorLayer(boundary, "b", "ogr"), crs)
        t = versions[crs]
        out = processing.run("poleaxis:influenceareas", {"CENTRES": c, "MASS_FIELD": "population", "METHOD": 1, "STUDY_AREA": b,
                                                         "TOWNS": t, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        measured = areas(out)
        counts = {f["name"]: f["n_towns"] for f in out.getFeatures()}
        if reference is None:
            reference = (measured, counts)
            check(len(measured) == centres.featureCount() >= 5, "weighted areas of %d centres" % len(measured))
            continue
        worst = max(abs(measured[k] / reference[0][k] - 1) for k in reference[0])
        check(worst < 0.01, "weighted influence areas in %s within 1 %% of EPSG:4326 (worst %.2f %%)" % (crs, 100 * worst))
        moved = sum(abs(counts[k] - reference[1][k]) for k in counts)
        check(moved <= 2, "towns per area in %s as in EPSG:4326 (%d town(s) differ, on borders)" % (crs, moved))
    checks.finish()


main()
qgis.exit()
