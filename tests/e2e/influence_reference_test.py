"""poleaxis:influenceareas against independent references, through Processing:
  - ordinary cells equal qgis:voronoipolygons clipped with native:clip to the
    same study area, area by area within 0.01 % (Jilin towns in UTM 52N);
  - weighted cells (Reilly, w = √P) on geographic input: the border between two
    centres crosses the geodesic between them at Converse's breaking point
    d_A = D / (1 + √(P_B/P_A)) within 0.1 % of D;
  - Huff: a probability raster of the chosen centre, p near 1 at the centre,
    and p_mean in (0, 1] per area;
  - the Jilin main case: every town counted once, population summed.

Usage: influence_reference_test.py <companion parent dir> <testdata dir>
"""
import os
import shutil
import sys

from e2e_common import Checks, Qgis, private_testdata

companion_dir, source_data = sys.argv[1:3]
scratch, testdata = private_testdata(source_data, "poleaxis-influence-")
qgis = Qgis(companion_dir)
import processing  # noqa: E402
from pyproj import Geod  # noqa: E402
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsPointXY,  # noqa: E402
                       QgsRasterLayer, QgsVectorLayer)

checks = Checks()
check = checks.check
utm = QgsCoordinateReferenceSystem("EPSG:32652")

towns = QgsVectorLayer(os.path.join(testdata, "jilin_towns.gpkg"), "towns", "ogr")
boundary = QgsVectorLayer(os.path.join(testdata, "jilin_boundary.geojson"), "boundary", "ogr")
cities = processing.run("native:reprojectlayer", {"INPUT": towns, "TARGET_CRS": utm, "OUTPUT": "memory:"})["OUTPUT"]
cities.setSubsetString("population >= 100000")
boundary_utm = processing.run("native:reprojectlayer", {"INPUT": boundary, "TARGET_CRS": utm, "OUTPUT": "memory:"})["OUTPUT"]

# Ordinary Voronoi against QGIS's own.
ours = processing.run("poleaxis:influenceareas", {"CENTRES": cities, "METHOD": 0, "STUDY_AREA": boundary_utm,
                                                  "OUTPUT": "memory:"})["OUTPUT"]
theirs = processing.run("qgis:voronoipolygons", {"INPUT": cities, "BUFFER": 200, "OUTPUT": "memory:"})["OUTPUT"]
theirs = processing.run("native:clip", {"INPUT": theirs, "OVERLAY": boundary_utm, "OUTPUT": "memory:"})["OUTPUT"]
their_area = {f["geonameid"]: f.geometry().area() for f in theirs.getFeatures()}
geonameid = {f.id(): f["geonameid"] for f in cities.getFeatures()}
worst, matched = 0.0, 0
for f in ours.getFeatures():
    key = geonameid[f["centre_fid"]]
    if key in their_area:
        matched += 1
        worst = max(worst, abs(f.geometry().area() - their_area[key]) / their_area[key])
check(matched == cities.featureCount() == ours.featureCount() and worst < 1e-4,
      "Voronoi of %d Jilin cities clipped to the province equals qgis:voronoipolygons + native:clip "
      "(largest area difference %.2e)" % (matched, worst))

# Converse's breaking point on geographic input.
geod = Geod(ellps="WGS84")
pair = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string&field=pop:double", "pair", "memory")
features = []
for name, lon, lat, pop in (("A", 125.0, 44.0, 1e6), ("B", 126.2, 44.3, 2.5e5)):
    f = QgsFeature(pair.fields())
    f.setAttributes([name, pop])
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
    features.append(f)
pair.dataProvider().addFeatures(features)
areas = processing.run("poleaxis:influenceareas", {"CENTRES": pair, "MASS_FIELD": "pop", "METHOD": 1, "MARGIN_KM": 100,
                                                   "OUTPUT": "memory:"})["OUTPUT"]
area_of = {f["name"]: f.geometry() for f in areas.getFeatures()}
azimuth, _, D = geod.inv(125.0, 44.0, 126.2, 44.3)
d_a = D / (1 + (2.5e5 / 1e6) ** 0.5)
inside_a = geod.fwd(125.0, 44.0, azimuth, d_a - 0.001 * D)[:2]
inside_b = geod.fwd(125.0, 44.0, azimuth, d_a + 0.001 * D)[:2]
check(area_of["A"].contains(QgsGeometry.fromPointXY(QgsPointXY(*inside_a)))
      and area_of["B"].contains(QgsGeometry.fromPointXY(QgsPointXY(*inside_b))),
      "weighted Voronoi (w = √P): the A|B border lies within 0.1 %% of D = %.1f km of Converse's d_A = %.1f km"
      % (D / 1000, d_a / 1000))

# Huff on Jilin cities with all towns counted, and its raster.
cities_ll = QgsVectorLayer(os.path.join(testdata, "jilin_towns.gpkg"), "cities", "ogr")
cities_ll.setSubsetString("population >= 100000")
changchun = [f.id() for f in cities_ll.getFeatures() if f["name"] == "Changchun"][0]
raster_path = os.path.join(scratch, "huff 长春.tif")
result = processing.run("poleaxis:influenceareas", {
    "CENTRES": cities_ll, "MASS_FIELD": "population", "METHOD": 2, "HUFF_LAMBDA": 2.0, "STUDY_AREA": boundary,
    "TOWNS": towns, "TOWN_POP_FIELD": "population", "PROBABILITY_CENTRE": changchun,
    "PROBABILITY_RASTER": raster_path, "OUTPUT": "memory:"})
huff = result["OUTPUT"]
counted = sum(f["n_towns"] for f in huff.getFeatures())
pop = sum(f["pop_sum"] for f in huff.getFeatures())
province = QgsGeometry.unaryUnion([f.geometry() for f in boundary.getFeatures()])
inside = [f for f in towns.getFeatures() if province.contains(f.geometry())]
expected_pop = sum(f["population"] or 0 for f in inside)
check(counted == len(inside) and abs(pop - expected_pop) < 1e-6 * expected_pop,
      "Huff areas count each of the %d Jilin towns inside the province boundary once (%d; %d outside it) and their "
      "population (%.0f)" % (len(inside), counted, towns.featureCount() - len(inside), pop))
p_means = [f["p_mean"] for f in huff.getFeatures() if f["p_mean"] is not None]
check(p_means and all(0 < p <= 1 for p in p_means), "Huff p_mean in (0, 1] for %d areas" % len(p_means))
raster = QgsRasterLayer(raster_path, "p")
centre = [f for f in cities_ll.getFeatures() if f.id() == changchun][0].geometry().asPoint()
from qgis.core import QgsCoordinateTransform, QgsProject  # noqa: E402
to_raster = QgsCoordinateTransform(cities_ll.crs(), raster.crs(), QgsProject.instance())
value, ok = raster.dataProvider().sample(to_raster.transform(centre), 1)
check(raster.isValid() and ok and value > 0.9, "Huff raster (Chinese path) of Changchun: P = %.3f at Changchun" % value)

# Layers must be gone before QGIS shuts down.
del raster, huff, result, areas, pair, features, ours, theirs, cities, cities_ll, boundary_utm, boundary, towns, inside, province
qgis.exit()
shutil.rmtree(scratch, ignore_errors=True)
checks.finish()
