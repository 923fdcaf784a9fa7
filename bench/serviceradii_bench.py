"""Benchmark: 30 km service circles around all 15,621 places of china_towns,
dissolved into one area (72 vertices per circle).

End to end (one QGIS process): poleaxis:serviceradii on the EPSG:4326 layer
vs native:buffer (SEGMENTS=18 per quarter = 72, DISSOLVE=true) on the same
points reprojected to an equal-area Albers CRS for China (reprojection not
timed). Both read from memory layers and write memory layers.
Core: algorithms/ service_radii (C++ binary) vs GeoPandas
GeoSeries.buffer(...).unary_union on the same points in the same Albers CRS.
Agreement: dissolved area within 0.5 % (ours ellipsoidal km², peers planar
km² in an equal-area projection).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

ALBERS = "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"
RADIUS_KM = 30
TOLERANCE = 0.005


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(harness.REPO, "build-bench"))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    harness.start_qgis(args.build)
    import processing
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsVectorLayer

    source = QgsVectorLayer(os.path.join(harness.SHARED_DATA, "china_towns.gpkg") + "|layername=china_towns", "towns", "ogr")
    towns = source.materialize(QgsFeatureRequest())
    albers = processing.run("native:reprojectlayer", {
        "INPUT": towns, "TARGET_CRS": QgsCoordinateReferenceSystem.fromProj(ALBERS), "OUTPUT": "memory:"})["OUTPUT"]
    n = towns.featureCount()
    print("china_towns: %d places, %d km circles, 72 vertices, dissolved; %d repeats, median" % (n, RADIUS_KM, args.repeats))

    def ours():
        out = processing.run("poleaxis:serviceradii", {"INPUT": towns, "RADIUS": RADIUS_KM, "SEGMENTS": 72,
                                                        "DISSOLVE": 2, "OUTPUT": "memory:"})["OUTPUT"]
        return sum(f["area_km2"] for f in out.getFeatures())

    def native():
        out = processing.run("native:buffer", {"INPUT": albers, "DISTANCE": RADIUS_KM * 1000, "SEGMENTS": 18,
                                                "END_CAP_STYLE": 0, "JOIN_STYLE": 0, "MITER_LIMIT": 2,
                                                "DISSOLVE": True, "OUTPUT": "memory:"})["OUTPUT"]
        return sum(f.geometry().area() for f in out.getFeatures()) / 1e6

    ours_s, native_s, ours_km2, native_km2 = harness.time_pair(ours, native, args.repeats)
    diff = abs(ours_km2 - native_km2) / native_km2
    harness.report("end to end: serviceradii vs native:buffer", "native", ours_s, native_s, diff < TOLERANCE,
                   "area %.0f vs %.0f km², %.3f %%" % (ours_km2, native_km2, 100 * diff))

    # Core: the same points as plain arrays.
    import geopandas
    lon = [f.geometry().asPoint().x() for f in towns.getFeatures()]
    lat = [f.geometry().asPoint().y() for f in towns.getFeatures()]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as points:
        points.writelines("%.9f %.9f\n" % p for p in zip(lon, lat))
    binary = os.path.join(args.build, "bench", "poleaxis_bench_core")
    core = json.loads(subprocess.run([binary, "circles", points.name, str(RADIUS_KM), "72", str(args.repeats)],
                                     check=True, capture_output=True, text=True).stdout)
    os.unlink(points.name)
    series = geopandas.GeoSeries(geopandas.points_from_xy(lon, lat), crs="EPSG:4326").to_crs(ALBERS)

    def geopandas_union():
        return series.buffer(RADIUS_KM * 1000, resolution=18).unary_union.area / 1e6

    import statistics
    import time
    times, peer_km2 = [], None
    for _ in range(args.repeats):
        start = time.perf_counter()
        peer_km2 = geopandas_union()
        times.append(time.perf_counter() - start)
    diff = abs(core["area_km2"] - peer_km2) / peer_km2
    harness.report("core: service_radii vs GeoPandas buffer+union", "geopandas", core["median_s"],
                   statistics.median(times), diff < TOLERANCE,
                   "area %.0f vs %.0f km², %.3f %%; %d of %d circles dropped, %d of %d vertices overlaid, %d workers"
                   % (core["area_km2"], peer_km2, 100 * diff, core["dropped"], core["n"], core["vertices_overlaid"],
                      core["vertices_in"], core["workers"]))


if __name__ == "__main__":
    main()
