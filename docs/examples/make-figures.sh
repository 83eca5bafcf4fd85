#!/usr/bin/env bash
# Regenerates every committed figure from the model as it is now: each example's chart (docs/examples/NAME.svg) and
# the calibration chart (docs/calibration-absorption.svg, with docs/calibration.md). Run it after any change to the
# model or the charts:   bash docs/examples/make-figures.sh [--png]
# --png also writes NAME.png next to each SVG (1600 px wide; needs rsvg-convert, Debian package librsvg2-bin).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
png=false
[ "${1:-}" = "--png" ] && png=true
figures=()
for example in docs/examples/*.cs; do
    name="$(basename "$example" .cs)"
    [ -f "docs/examples/$name.svg" ] || continue   # quick-start draws no chart
    echo "figure: docs/examples/$name.svg"
    dotnet run "$example" -- --svg "docs/examples/$name.svg" >/dev/null
    figures+=("docs/examples/$name.svg")
done
echo "figure: docs/calibration-absorption.svg"
dotnet run --project tools/B12Dosing.Calibration -c Release -- docs/calibration.md >/dev/null
figures+=(docs/calibration-absorption.svg)
if $png; then
    command -v rsvg-convert >/dev/null || { echo "make-figures: --png needs rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 2; }
    for svg in "${figures[@]}"; do
        rsvg-convert -w 1600 "$svg" -o "${svg%.svg}.png"
        echo "png: ${svg%.svg}.png"
    done
fi
