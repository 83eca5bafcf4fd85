#!/usr/bin/env bash
# Side by side on one scenario: B12Dosing against Python's scipy.integrate.solve_ivp (LSODA) and R's deSolve::lsoda.
#
# The library exports the scenario (each virtual patient's rate constants and initial pools, each dose's retained
# amount, and its own series and timing: benchmarks/B12Dosing.Benchmarks, mode "peers"); the peers integrate the same
# six-pool ODE piecewise between doses, with the store limit at each dose (rtol 1e-10, atol 1e-12 µg) and write their series; compare.py checks agreement
# and prints, as the last three lines:
#     agreement_max_rel_diff: <number>
#     b12dosing_vs_scipy: <ratio>x
#     b12dosing_vs_desolve: <ratio>x
# Ratios are per patient-year: B12Dosing on one thread (best of 25 passes over all patients), the peers in CPU time.
#
# Settings (environment): PATIENTS (1000), PEER_PATIENTS (= PATIENTS; the peers run the first N), SEED (1),
# DAYS (365), REGIMEN (bnf-no-neuro), CONDITIONS (healthy; a condition or a mix such as "pernicious-anemia:0.5,healthy:0.5"),
# KEEP (a directory to keep the CSV files in).
# Needs the .NET SDK, Debian's python3-scipy (for /usr/bin/python3) and r-cran-desolve. Not part of .ci/run (slow).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

PATIENTS="${PATIENTS:-1000}"
PEER_PATIENTS="${PEER_PATIENTS:-$PATIENTS}"
SEED="${SEED:-1}"
DAYS="${DAYS:-365}"
REGIMEN="${REGIMEN:-bnf-no-neuro}"
CONDITIONS="${CONDITIONS:-healthy}"
PYTHON=/usr/bin/python3 # Debian's python3-scipy installs for the system interpreter, not a pyenv one

missing=()
command -v dotnet >/dev/null || missing+=("the .NET 10 SDK (https://dot.net)")
{ [ -x "$PYTHON" ] && "$PYTHON" -c 'import numpy, scipy.integrate' 2>/dev/null; } || missing+=(python3-scipy)
{ command -v Rscript >/dev/null && Rscript -e 'suppressPackageStartupMessages(library(deSolve))' >/dev/null 2>&1; } || missing+=(r-cran-desolve)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "run.sh: missing: ${missing[*]}" >&2
    echo "run.sh: install the peers with: sudo apt-get install python3-scipy r-cran-desolve" >&2
    exit 1
fi

if [ -n "${KEEP:-}" ]; then
    WORK="$KEEP"
    mkdir -p "$WORK"
else
    WORK="$(mktemp -d)"
    trap 'rm -rf "$WORK"' EXIT
fi

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build ../B12Dosing.Benchmarks -c Release -v quiet -nologo >/dev/null
echo "scenario: $PATIENTS virtual patients ($CONDITIONS, seed $SEED) x $DAYS days on $REGIMEN; peers run the first $PEER_PATIENTS"
dotnet ../B12Dosing.Benchmarks/bin/Release/net10.0/B12Dosing.Benchmarks.dll peers "$WORK" --patients "$PATIENTS" --seed "$SEED" --days "$DAYS" --regimen "$REGIMEN" --conditions "$CONDITIONS"
"$PYTHON" scipy_peer.py "$WORK" "$PEER_PATIENTS"
Rscript desolve_peer.R "$WORK" "$PEER_PATIENTS"
"$PYTHON" compare.py "$WORK"
