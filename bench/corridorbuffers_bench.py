"""Benchmark: corridors along the national rail network (china_rail_lines,
3,600 lines, ~98,000 km), dissolved, in one projected CRS, 8 segments per
quarter circle, end to end inside QGIS.

Cases: one 5 km width, ours vs native:buffer (DISSOLVE=true); bands 5;10;20
km as discs, ours (one run) vs native:buffer dissolved at each distance (three
runs; native:multiringconstantbuffer is constant-spaced and per line, so it
cannot give bands of the union). Areas (ellipsoidal km², measured the same
way for both) must agree within 0.1 %.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

WORK = "+proj=aeqd +lat_0=35 +lon_0=105 +ellps=WGS84 +units=m +no_defs"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(harness.REPO, "build-bench"))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    harness.start_qgis(args.build)
    import processing
    from qgis.core import (QgsCoordinateReferenceSystem, QgsDistanceArea, QgsFeatureRequest, QgsProject,
                           QgsVectorLayer)

    work = QgsCoordinateReferenceSystem.fromProj(WORK)
    source = QgsVectorLayer(os.path.join(harness.SHARED_DATA, "china_rail_lines.gpkg") + "|layername=china_rail_lines", "rail", "ogr")
    rail = source.materialize(QgsFeatureRequest())
    projected = processing.run("native:reprojectlayer", {"INPUT": rail, "TARGET_CRS": work, "OUTPUT": "memory:"})["OUTPUT"]
    measure = QgsDistanceArea()
    measure.setEllipsoid("WGS84")

    def area_km2(layer, band=None):
        measure.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
        return sum(measure.measureArea(f.geometry()) for f in layer.getFeatures()
                   if band is None or f["band"] == band) / 1e6

    print("national rail: %d lines; working CRS %s; %d repeats, median" % (rail.featureCount(), WORK, args.repeats))

    def ours(bands):
        out = processing.run("poleaxis:corridorbuffers", {
            "INPUT": rail, "WIDTH": 5, "BANDS": bands, "BAND_STYLE": 1, "DISSOLVE": 3, "SEGMENTS": 8,
            "WORKING_CRS": work, "OUTPUT": "memory:"})["OUTPUT"]
        return [area_km2(out, b) for b in (range(1, 4) if bands else [None])]

    def native(distances):
        areas = []
        for d in distances:
            out = processing.run("native:buffer", {
                "INPUT": projected, "DISTANCE": d * 1000, "SEGMENTS": 8, "END_CAP_STYLE": 0, "JOIN_STYLE": 0,
                "MITER_LIMIT": 2, "DISSOLVE": True, "OUTPUT": "memory:"})["OUTPUT"]
            areas.append(area_km2(out))
        return areas

    for label, bands, distances in (("5 km, dissolved", "", [5]), ("bands 5;10;20 km as discs", "5;10;20", [5, 10, 20])):
        ours_s, native_s, a, b = harness.time_pair(lambda: ours(bands), lambda: native(distances), args.repeats)
        worst = max(abs(x - y) / y for x, y in zip(a, b))
        harness.report("end to end: corridors %s" % label, "native", ours_s, native_s, worst < 1e-3,
                       "areas %s vs %s km², worst %.4f %%" % ([round(x) for x in a], [round(y) for y in b], 100 * worst))


if __name__ == "__main__":
    main()
