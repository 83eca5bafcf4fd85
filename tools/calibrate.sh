#!/usr/bin/env bash
# Refits the calibration and regenerates what is made from it, in one command (run from anywhere):
#   1. refits (Calibrator.Estimate) and writes src/B12Dosing/Absorption/Calibration/CalibrationData.g.cs:
#      the stored values of the fitted parameters (the parameter block's defaults), their covariance on the
#      estimation scales, and the points and weights each fit used;
#   2. rebuilds and writes docs/calibration.md and docs/calibration-absorption.svg from the estimate now shipped.
# Then run the tests: the catalogue rows, the published-point bands and the committed figures follow the new values.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet run -c Release --project tools/B12Dosing.Calibration -- --fit
dotnet run -c Release --project tools/B12Dosing.Calibration -- docs/calibration.md
