"""Benchmark-size validity check on all 199,568 world places, through QGIS:
- influence areas (Voronoi), in EPSG:4326 and in Web Mercator (EPSG:3857);
- service circles of 30 km, dissolved (serviceradii DISSOLVE = all);
- k-means town groups (K = 500) with their convex hulls (townclusters GROUPS).
Every output polygon must be valid for GEOS (isGeosValid; the QA run of
issue 15 found 75 invalid Voronoi cells, 1 invalid dissolved circle union and
1 invalid k-means hull before output polygons went through
conversion::validPolygons). Prints the polygon count, the invalid count and
the time; exits 1 when any polygon is invalid.
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

    def check(what, run, output):
        nonlocal ok
        start = time.perf_counter()
        out = run()[output]
        seconds = time.perf_counter() - start
        invalid = sum(1 for f in out.getFeatures() if not f.geometry().isGeosValid())
        ok &= invalid == 0
        print("validity: %s  %d polygons  %d invalid  %.1f s" % (what, out.featureCount(), invalid, seconds), flush=True)

    for name, layer in (("EPSG:4326", source), ("EPSG:3857", merc)):
        check("voronoi world_places %s" % name,
              lambda: processing.run("poleaxis:influenceareas", {"CENTRES": layer, "OUTPUT": "TEMPORARY_OUTPUT"}), "OUTPUT")
    check("serviceradii 30 km DISSOLVE world_places EPSG:4326",
          lambda: processing.run("poleaxis:serviceradii", {"INPUT": source, "RADIUS": 30, "DISSOLVE": 2, "OUTPUT": "TEMPORARY_OUTPUT"}),
          "OUTPUT")
    check("townclusters k-means K=500 convex hulls world_places EPSG:4326",
          lambda: processing.run("poleaxis:townclusters", {"INPUT": source, "METHOD": 5, "K": 500, "HULL": 0,
                                                           "OUTPUT": "TEMPORARY_OUTPUT", "GROUPS": "TEMPORARY_OUTPUT"}), "GROUPS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
