#!/usr/bin/env bash
# Renders the README's plan pictures with the plugin under test:
#   jilin_plan.png, guizhou_plan.png, china_plan.png   the three plans (after)
#   china_atlas_page.png                                one page of the national atlas
#   carto_*.png                                         one detail per cartographic choice
# The *_before.png pictures were rendered the same way at commit 269f721,
# before the cartography of issue 16, and are kept as they were.
# Usage: make_plan_figures.sh <companion parent dir> [shared data dir]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
companion="$1"
shared="${2:-$root/../shared/data}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen QGIS_CUSTOM_CONFIG_PATH="$work/profile" QGIS_PLUGINPATH="$companion"
qgis_process.bin plugins enable poleaxis_processing > /dev/null 2>&1
run() { qgis_process.bin run "$@" > "$work/log.txt" 2>&1 || { cat "$work/log.txt"; exit 1; }; }

# Jilin city: the README's main job, at 150 dpi for the details.
bash "$root/.ci/jilin-plan" "$work/jilin" > /dev/null
run poleaxis:planmap --TOWNS="$work/jilin/jilin_plan.gpkg|layername=towns" --AXES="$work/jilin/jilin_plan.gpkg|layername=axes" \
    --CORRIDORS="$work/jilin/jilin_plan.gpkg|layername=corridors" --CIRCLES="$work/jilin/jilin_plan.gpkg|layername=service_circles" \
    --GROUPS="$work/jilin/jilin_plan.gpkg|layername=groups" --AREAS="$work/jilin/jilin_plan.gpkg|layername=influence_areas" \
    --TITLE="吉林市城镇体系规划图" --PDF="$work/jilin150.pdf" --PNG="$work/jilin150.png" --DPI=150
cp "$work/jilin/jilin_plan.png" "$here/jilin_plan.png"

cd "$root"
run poleaxis:townsystem --TOWNS=testdata/guizhou_towns.gpkg --POP_FIELD=population \
    --LINES=testdata/guizhou_rail_lines.gpkg --CLASS_FIELD=class --BOUNDARY=testdata/guizhou_boundary.geojson \
    --TITLE="贵州省城镇体系规划图" --OUTPUT="$work/guizhou.gpkg" --PDF="$work/guizhou.pdf" --PNG="$here/guizhou_plan.png" --DPI=100
run poleaxis:townsystem --TOWNS="$shared/china_towns.gpkg" --POP_FIELD=population --LINES="$shared/china_rail_lines.gpkg" \
    --TITLE="中国城镇体系规划图" --OUTPUT="$work/china.gpkg" --PDF="$work/china.pdf" --PNG="$here/china_plan.png" --DPI=100
run poleaxis:townsystem --TOWNS="$shared/china_towns.gpkg" --POP_FIELD=population --LINES="$shared/china_rail_lines.gpkg" \
    --REGIONS="$shared/china_provinces.gpkg" --REGION_NAME_FIELD=name_zh --TITLE="城镇体系规划图" \
    --OUTPUT="$work/atlas.gpkg" --PDF="$work/atlas.pdf" --PNG="$work/atlas.png" --DPI=80
# The atlas page of Guizhou (pages follow the provinces layer's order).
page=$(for i in $(seq 1 "$(pdfinfo "$work/atlas.pdf" | awk '/^Pages:/ {print $2}')"); do
         if pdftotext -f "$i" -l "$i" "$work/atlas.pdf" - | grep -q "^贵州"; then echo "$i"; fi; done)
cp "$work/atlas_$(printf %02d "$page").png" "$here/china_atlas_page.png"

# One detail per cartographic choice, cut from the 150 dpi Jilin page
# (boxes as fractions of the A3 page: left, top, width, height).
/usr/bin/python3 - "$work/jilin150.png" "$here" <<'EOF'
import sys
from qgis.PyQt.QtGui import QImage
page, out = QImage(sys.argv[1]), sys.argv[2]
w, h = page.width(), page.height()
for name, (x, y, dx, dy) in {
        "carto_towns": (0.33, 0.40, 0.17, 0.17),      # levels, rings, PAL labels around the central city
        "carto_axes": (0.17, 0.32, 0.22, 0.16),       # graded axes labelled along the line, belt bands under them
        "carto_groups": (0.42, 0.40, 0.22, 0.25),     # soft group envelopes with their names, circle outlines
        "carto_legend": (0.80, 0.115, 0.18, 0.74),    # the legend, in the page's language, groups named
}.items():
    page.copy(int(x * w), int(y * h), int(dx * w), int(dy * h)).save("%s/%s.png" % (out, name))
EOF
echo "wrote $(ls "$here"/*.png | wc -l) pictures to $here"
