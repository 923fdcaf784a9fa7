"""Shared by the core tests that compare algorithms/ (through the
poleaxis_bench_core binary) with a peer library on the real testdata towns."""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

import numpy as np

passes, failures = [], []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    (passes if condition else failures).append(message)


def finish():
    print("%d passed, %d failed" % (len(passes), len(failures)))
    sys.exit(1 if failures else 0)


def same_up_to_renumbering(a, b):
    """A one-to-one relabelling maps a onto b; noise (-1) must stay noise."""
    forward, backward = {}, {}
    for x, y in zip(a, b):
        if (x == -1) != (y == -1) or forward.setdefault(x, y) != y or backward.setdefault(y, x) != x:
            return False
    return True


def towns(testdata, province, columns="lon, lat"):
    """Rows of <province>_towns.gpkg in fid order, as a float array."""
    rows = sqlite3.connect(os.path.join(testdata, province + "_towns.gpkg")).execute(
        "select %s from %s_towns order by fid" % (columns, province)).fetchall()
    return np.array(rows, float)


def run_core(binary, mode, rows, *args):
    """Writes rows (one point per line, extra columns allowed) and returns the
    JSON the benchmark binary prints for `mode path args...`."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.writelines(" ".join("%.17g" % v for v in row) + "\n" for row in rows)
    try:
        return json.loads(subprocess.run([binary, mode, f.name, *map(str, args)],
                                         check=True, capture_output=True, text=True).stdout)
    finally:
        os.unlink(f.name)
