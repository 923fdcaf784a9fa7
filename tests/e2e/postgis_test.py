"""Outputs in PostGIS, against a real local PostgreSQL + PostGIS server
(tests/postgis-server; POLEAXIS_PG holds its connection):
- a schema that does not exist is refused before anything runs, naming the
  parameter, and no table is left;
- an unreachable server is refused naming the parameter;
- a geometry-less output (corridorbuffers STATS) with the usual "(geom)"
  URI is written, beside the corridors and the towns;
- a run that fails late (influenceareas, Huff, a PROBABILITY_CENTRE that is
  no centre) drops the table it had written, and a table that was there
  before the run stays.

Usage: postgis_test.py <companion parent dir> <testdata dir>
"""
import os
import sys

from e2e_common import Checks, Qgis

companion_dir, testdata = sys.argv[1:3]
checks = Checks()
check = checks.check
db = os.environ.get("POLEAXIS_PG", "")
if not db:
    check(False, "POLEAXIS_PG is set (start the server: export POLEAXIS_PG=\"$(bash tests/postgis-server)\")")
    checks.finish()
qgis = Qgis(companion_dir)
import processing  # noqa: E402
from qgis.core import QgsProcessingException, QgsProviderRegistry  # noqa: E402

schema = "poleaxis_test_%d" % os.getpid()
connection = QgsProviderRegistry.instance().providerMetadata("postgres").createConnection(db, {})


def uri(table, target_schema=schema, geometry=True):
    return 'postgis:%s table="%s"."%s"%s' % (db, target_schema, table, " (geom)" if geometry else "")


def tables():
    return sorted(t.tableName() for t in connection.tables(schema))


def rows(table):
    return int(connection.executeSql('select count(*) from "%s"."%s"' % (schema, table))[0][0])


def run(algorithm, parameters):
    try:
        processing.run(algorithm, parameters)
        return None
    except QgsProcessingException as e:
        return str(e)


def main():
    connection.createSchema(schema)
    try:
        lines = [os.path.join(testdata, "jilin_rail_lines.gpkg")]
        towns = os.path.join(testdata, "jilin_towns.gpkg")
        error = run("poleaxis:corridorbuffers", {"INPUT": lines, "WIDTH": 5, "TOWNS": towns, "OUTPUT": uri("cb_corr"),
                                                 "TOWNS_OUTPUT": uri("cb_towns"), "STATS": uri("cb_stats", "no_such_schema")})
        check(error is not None and "STATS" in error and "does not exist" in error, "a missing schema is refused naming STATS: %s" % error)
        check(tables() == [], "and nothing was written: %s" % tables())

        wrong = db.replace("port=55432", "port=1") if "port=55432" in db else db + " port=1"
        error = run("poleaxis:corridorbuffers", {"INPUT": lines, "WIDTH": 5,
                                                 "OUTPUT": 'postgis:%s table="%s"."x" (geom)' % (wrong, schema)})
        check(error is not None and "OUTPUT" in error and "cannot reach the database" in error,
              "an unreachable server is refused naming OUTPUT: %s" % (error or "")[:160])

        error = run("poleaxis:corridorbuffers", {"INPUT": lines, "WIDTH": 5, "TOWNS": towns, "OUTPUT": uri("cb_corr"),
                                                 "TOWNS_OUTPUT": uri("cb_towns"), "STATS": uri("cb_stats")})
        check(error is None, "corridors, towns and the geometry-less STATS table written (%s)" % error)
        check(tables() == ["cb_corr", "cb_stats", "cb_towns"], "three tables: %s" % tables())
        check(error is None and rows("cb_towns") == 230 and rows("cb_stats") >= 1 and rows("cb_corr") >= 1,
              "230 towns, the corridors and their statistics")

        connection.executeSql('create table "%s"."kept" (id int)' % schema)
        centres = processing.run("native:extractbyexpression", {"INPUT": towns, "EXPRESSION": "population > 300000",
                                                                "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        error = run("poleaxis:influenceareas", {"CENTRES": centres, "MASS_FIELD": "population", "METHOD": 2,
                                                "OUTPUT": uri("ia_areas"), "PROBABILITY_RASTER": "TEMPORARY_OUTPUT",
                                                "PROBABILITY_CENTRE": 999999})
        check(error is not None and "PROBABILITY_CENTRE" in error, "a late failure: %s" % (error or "")[:120])
        check("ia_areas" not in tables(), "the table the failed run wrote is dropped: %s" % tables())
        check("kept" in tables(), "a table that was there before stays")
    finally:
        connection.dropSchema(schema, True)
    checks.finish()


main()
qgis.exit()
