"""Benchmark-size validity check: influence areas (Voronoi) of all 199,568
world places, in EPSG:4326 and in Web Mercator (EPSG:3857), through
poleaxis:influenceareas in QGIS. Every output polygon must be valid for GEOS
(isGeosValid; the QA run of issue 15 found 75 invalid cells before output
polygons went through conversion::validPolygons). Prints the cell count, the invalid count and the
time; exits 1 when any polygon is invalid.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(harness.REPO, "build-bench"))
    args = parser.parse_args()
    harness.start_qgis(args.build)
    import processing
    source = os.path.join(harness.SHARED_DATA, "world_places.gpkg")
    merc = processing.run("native:reprojectlayer", {"INPUT": source, "TARGET_CRS": "EPSG:3857", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    ok = True
    for name, layer in (("EPSG:4326", source), ("EPSG:3857", merc)):
        start = time.perf_counter()
        out = processing.run("poleaxis:influenceareas", {"CENTRES": layer, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        seconds = time.perf_counter() - start
        invalid = sum(1 for f in out.getFeatures() if not f.geometry().isGeosValid())
        ok &= invalid == 0
        print("validity: voronoi world_places %s  %d cells  %d invalid  %.1f s" % (name, out.featureCount(), invalid, seconds), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
