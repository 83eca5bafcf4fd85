#!/usr/bin/env bash
# B12Dosing against the peers an expert in each tool would write, on the same model, events and grid, timed one way
# for every side. Not part of .ci/run (it takes 10-20 minutes). MODEL=2 (the default): model 2, the peers below;
# MODEL=3: model 3 (ParameterSet.WithFreeCapacity()), its own peers and driver (further below).
#
#   numba    the exact event-driven solution as a numba loop over patients (numba_peer.py)
#   numpy    the same closed form in numpy, vectorised over all patients at once (numpy_peer.py)
#   scipy    scipy's LSODA (odeint), all patients in one banded system (scipy_peer.py; 1 000 patients only)
#   desolve  deSolve::lsoda with a compiled C model and compiled events, banded (desolve_peer.R, desolve_model.c; 1 000 only)
#   floor    the same work in plain C, gcc -O3 -march=native, patients in lockstep (floor.c)
#
# The library exports the scenario (benchmarks/B12Dosing.Benchmarks, mode "peers": the plan, every patient's rates,
# initial pools and intake outcomes, its own series); bench.py runs B12Dosing (mode "peers-serve") and each peer as
# servers, checks each peer's series against the library's, warms each side up and interleaves them (see bench.py).
# It prints, per comparison,
#     b12dosing_vs_<peer>_<regimen>_<patients>: <median ratio>x (min <r>, max <r>; ...)
# (the peer's CPU time per patient-year over B12Dosing's: above 1 means B12Dosing is faster), and last
#     agreement_max_rel_diff: <the largest relative difference of stores or serum, any peer, patient and row>
#
# Settings (environment): REGIMENS ("bnf-no-neuro kuzminski-oral"), PATIENTS ("1000 100000"), SLOW_PATIENTS (1000),
# PAIRS (5), WARMUP (1.0 s), SAMPLE (0.3 s), SEED (1), DAYS (365), PEERS ("numba numpy scipy desolve floor"),
# KEEP (a directory to keep the exported files and builds in).
#
# MODEL=3: one healthy patient-year (1000 µg oral daily; 1000 µg IM monthly) under model 3, whose state between events
# is a nonlinear ODE; the library exports its rate constants, initial state and deposits (mode "peers3"), bench3.py
# times its span path (mode "peers3-serve") against
#   floor    the library's own Dormand-Prince 5(4) and error norm in plain C, gcc -O3 -march=native (floor3.c)
#   numba    the same method as numba-compiled loops (numba3_peer.py)
#   scipy    solve_ivp LSODA with the analytic Jacobian, from event to event (scipy3_peer.py)
#   desolve  deSolve::lsoda with a compiled C model and Jacobian, the deposits as data events (desolve3_peer.R, desolve3_model.c)
# and prints the same kind of lines (b12dosing_vs_<peer>_model3_<scenario>: ..., agreement_max_rel_diff; bound 1e-5).
# Settings: SCENARIOS ("oral-daily im-monthly"), PAIRS (7), WARMUP, SAMPLE, PEERS ("floor numba scipy desolve"), KEEP.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

PYTHON=/usr/bin/python3 # Debian's python3-numba etc. install for the system interpreter, not a pyenv one
APT="apt-get update && apt-get install -y python3-numba python3-scipy python3-numpy r-base-dev r-cran-desolve"

missing=()
command -v dotnet >/dev/null || missing+=("the .NET 10 SDK (https://dot.net)")
{ [ -x "$PYTHON" ] && "$PYTHON" -c 'import numpy, scipy.integrate, numba' 2>/dev/null; } || missing+=("python3-numba python3-scipy python3-numpy")
{ command -v Rscript >/dev/null && Rscript -e 'suppressPackageStartupMessages(library(deSolve))' >/dev/null 2>&1; } || missing+=("r-cran-desolve")
{ command -v R >/dev/null && command -v gcc >/dev/null && [ -f "$(R RHOME 2>/dev/null)/etc/Makeconf" ]; } || missing+=("r-base-dev (R CMD SHLIB, gcc)")
if [ "${#missing[@]}" -gt 0 ]; then
    echo "run.sh: missing: ${missing[*]}" >&2
    echo "$APT"
    exit 1
fi

if [ -n "${KEEP:-}" ]; then
    WORK="$(mkdir -p "$KEEP" && cd "$KEEP" && pwd)"
else
    WORK="$(mktemp -d)"
    trap 'rm -rf "$WORK"' EXIT
fi

# One thread for every side; OpenBLAS's machine overrides of some environments are not wanted for the numpy timings.
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMBA_NUM_THREADS=1
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_TieredPGO=1

MODEL="${MODEL:-2}"
[ "$MODEL" = 3 ] && SUFFIX=3 || SUFFIX=""
mkdir -p "$WORK/build"
dotnet build ../B12Dosing.Benchmarks -c Release -v quiet -nologo >/dev/null
gcc -O3 -march=native -o "$WORK/build/floor$SUFFIX" "floor$SUFFIX.c" -lm
cp "desolve${SUFFIX}_model.c" "$WORK/build/"
(cd "$WORK/build" && R CMD SHLIB -o "desolve${SUFFIX}_model.so" "desolve${SUFFIX}_model.c" >/dev/null)

echo "machine: $(nproc --all) cores, $(uname -sr); .NET $(dotnet --version), $("$PYTHON" -c 'import numba, numpy, scipy; print(f"numba {numba.__version__}, numpy {numpy.__version__}, scipy {scipy.__version__}")'), $(Rscript -e 'cat(R.version.string, "deSolve", as.character(packageVersion("deSolve")))'), $(gcc --version | head -1)"
echo "uptime at start: $(uptime)"
"$PYTHON" "bench$SUFFIX.py" "$WORK" "$(pwd)/../B12Dosing.Benchmarks/bin/Release/net10.0/B12Dosing.Benchmarks.dll" "$WORK/build/floor$SUFFIX" "$WORK/build/desolve${SUFFIX}_model.so"
echo "uptime at end: $(uptime)"
