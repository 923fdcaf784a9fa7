#!/usr/bin/env bash
# The README's main job (.ci/jilin-plan: poleaxis:townsystem through
# qgis_process) run against this build tree in a fresh QGIS profile: one
# GeoPackage with the nine plan layers, a one-page PDF, a PNG and the
# hierarchy report, for Jilin city (吉林市) from its township points.
# Usage: main_job_test.sh <companion parent dir> <work dir>
set -uo pipefail
companion="$1"; work="$2"
rm -rf "$work"; mkdir -p "$work"
export QT_QPA_PLATFORM=offscreen QGIS_CUSTOM_CONFIG_PATH="$work/profile" QGIS_PLUGINPATH="$companion"
qgis_process.bin plugins enable poleaxis_processing > /dev/null 2>&1
here="$(cd "$(dirname "$0")/../.." && pwd)"
bash "$here/.ci/jilin-plan" "$work/out" > "$work/log.txt" 2>&1
passed=0; failed=0
check() { if eval "$1"; then echo "ok   $2"; passed=$((passed+1)); else echo "FAIL $2"; failed=$((failed+1)); fi; }
check "grep -q 'wrote ' '$work/log.txt'" "the main job finished"
layers=$(ogrinfo -q "$work/out/jilin_plan.gpkg" 2>/dev/null | grep -vc "(None)")
# Jilin city has no boundary polygon in the bundled data: eight plan layers.
check "[ '$layers' -eq 8 ]" "eight spatial layers in the GeoPackage (got $layers)"
styles=$(ogrinfo -q -sql "select count(*) as n from layer_styles where useAsDefault" "$work/out/jilin_plan.gpkg" 2>/dev/null | grep -o "n (Integer) = [0-9]*" | grep -o "[0-9]*$")
check "[ '$styles' = 8 ]" "each layer's style stored as its default (got $styles)"
check "pdfinfo '$work/out/jilin_plan.pdf' | grep -q 'Pages: *1'" "a one-page PDF"
check "! grep -q 'ERROR' '$work/log.txt'" "no ERROR line in a successful run's log (GDAL's 'PNG driver does not support update access' once was)"
check "[ -s '$work/out/jilin_plan.png' ] && [ -s '$work/out/jilin_hierarchy.html' ] && [ -s '$work/out/jilin_hierarchy.json' ]" "PNG and report written"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
