"""End to end: outputs near a pole and across the antimeridian are the shapes
on the ground, checked against pyproj's geodesic measures (not our code).

- townclusters: 12 towns on the parallel 89.9° N, one k-means group: its hull
  is the regular 12-gon around the North Pole (area 3r², r the distance from
  a town to the pole), valid, and holds a point near the pole.
- townclusters: five towns on both sides of 180° at 50° N: the hull is split
  at ±180 into parts that stay near it (not a band around the globe).
- corridorbuffers: a 5 km corridor along a line from 179° E to 179° W at
  50° N: area = 2 × 5 km × the line's geodesic length + the round ends
  (π·5²), within 2 %; its parts stay near 180°.
- influenceareas: a centre at 89.9° N is refused naming the feature (the
  bad-input matrix checks the message too).

Usage: pole_antimeridian_test.py <companion parent dir>
"""
import math
import sys


def main():
    from e2e_common import Checks, Qgis
    companion_dir = sys.argv[1]
    qgis = Qgis(companion_dir)
    import processing
    from pyproj import Geod
    from qgis.core import (QgsCoordinateReferenceSystem, QgsDistanceArea, QgsFeature, QgsGeometry, QgsPointXY,
                           QgsProcessingException, QgsProject, QgsVectorLayer)

    checks = Checks()
    check = checks.check
    geod = Geod(ellps="WGS84")
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext())
    measure.setEllipsoid("WGS84")

    def layer(uri, wkts):
        out = QgsVectorLayer(uri, "l", "memory")
        for i, wkt in enumerate(wkts):
            f = QgsFeature(out.fields())
            f.setGeometry(QgsGeometry.fromWkt(wkt))
            if out.fields().count():
                f.setAttributes(["t%d" % i, 1000.0 * (i + 1)])
            out.dataProvider().addFeature(f)
        return out

    towns_uri = "Point?crs=EPSG:4326&field=name:string&field=population:double"
    polar = layer(towns_uri, ["POINT(%d 89.9)" % lon for lon in range(-180, 180, 30)])
    groups = processing.run("poleaxis:townclusters", {"INPUT": polar, "METHOD": 5, "K": 1, "OUTPUT": "memory:",
                                                      "GROUPS": "memory:"})["GROUPS"]
    hull = next(groups.getFeatures()).geometry()
    r = geod.inv(0, 89.9, 0, 90)[2]
    expected = 3 * r * r
    area = measure.measureArea(hull)
    check(hull.isGeosValid() and hull.contains(QgsGeometry.fromPointXY(QgsPointXY(45, 89.95))) and abs(area / expected - 1) < 0.01,
          "a group around the North Pole is the 12-gon around it: valid, holds (45, 89.95), %.1f km² vs 3r² = %.1f km²"
          % (area / 1e6, expected / 1e6))

    across = layer(towns_uri, ["POINT(179.9 50)", "POINT(179.95 50.1)", "POINT(-179.9 50.05)", "POINT(-179.95 50.15)",
                               "POINT(179.8 50.2)"])
    groups = processing.run("poleaxis:townclusters", {"INPUT": across, "METHOD": 5, "K": 1, "OUTPUT": "memory:",
                                                      "GROUPS": "memory:"})["GROUPS"]
    hull = next(groups.getFeatures()).geometry()
    parts = [QgsGeometry(p.clone()) for p in hull.constParts()]
    near = all(b.xMinimum() >= 179.7 or b.xMaximum() <= -179.8 for b in (p.boundingBox() for p in parts))
    check(hull.isGeosValid() and len(parts) == 2 and near,
          "a group across 180° is split there into %d parts near it: %s" % (len(parts), [p.boundingBox().toString(2) for p in parts]))

    line = layer("LineString?crs=EPSG:4326", ["LINESTRING(179 50, 179.5 50.2, -179.5 50.4, -179 50.6)"])
    corridor = processing.run("poleaxis:corridorbuffers", {"INPUT": [line], "WIDTH": 5, "OUTPUT": "memory:"})["OUTPUT"]
    shape = next(corridor.getFeatures()).geometry()
    length = geod.line_length([179, 179.5, 180.5, 181], [50, 50.2, 50.4, 50.6])
    expected = 2 * 5000 * length + math.pi * 5000 ** 2
    area = measure.measureArea(shape)
    boxes = [QgsGeometry(p.clone()).boundingBox() for p in shape.constParts()]
    check(shape.isGeosValid() and abs(area / expected - 1) < 0.02 and all(b.width() < 2 for b in boxes),
          "a corridor across 180°: %.0f km² vs 2·5 km·%.1f km + π·5² = %.0f km², parts %s"
          % (area / 1e6, length / 1000, expected / 1e6, [b.toString(2) for b in boxes]))

    try:
        processing.run("poleaxis:influenceareas", {"CENTRES": polar, "OUTPUT": "memory:"})
        refused = ""
    except QgsProcessingException as e:
        refused = str(e)
    check("CENTRES" in refused and "feature 1" in refused and "EPSG:3413" in refused,
          "influence areas at 89.9° N are refused naming the feature and a polar CRS: %s" % refused[:100])

    del polar, across, line, groups, corridor
    qgis.exit()
    checks.finish()


if __name__ == "__main__":
    main()
