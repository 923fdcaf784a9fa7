"""Every user-visible string is translated: lupdate re-extracts the plugin's
strings into a scratch copy of the zh_CN .ts, which must then hold no new,
unfinished or empty translation.

Usage: translations_test.py <plugin source dir> <.ts file> <scratch dir>
"""
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

plugin_dir, ts_file, scratch = sys.argv[1:4]
os.makedirs(scratch, exist_ok=True)
copy = os.path.join(scratch, os.path.basename(ts_file))
shutil.copyfile(ts_file, copy)
sources = sorted(os.path.join(root, f) for root, _, files in os.walk(plugin_dir) for f in files if f.endswith((".cpp", ".h")))
# The faces live in plugin/algorithms/, the shared services in plugin/common/: all must be read.
if not any(os.sep + "algorithms" + os.sep in s for s in sources) or not any(os.sep + "common" + os.sep in s for s in sources):
    sys.exit("FAIL the plugin sources under %s were not all found: %s" % (plugin_dir, sources))
subprocess.run(["lupdate", "-no-obsolete", "-locations", "none", *sources, "-ts", copy],
               check=True, capture_output=True, text=True)
failures, passes = [], []
for context in ET.parse(copy).getroot():
    name = context.findtext("name")
    for message in context.findall("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        text = "".join(translation.itertext()).strip()
        ok = translation.get("type") is None and text != ""
        (passes if ok else failures).append("%s: %s" % (name, source[:70]))
for failure in failures:
    print("FAIL untranslated " + failure)
print("%d passed, %d failed" % (len(passes), len(failures)))
sys.exit(1 if failures else 0)
