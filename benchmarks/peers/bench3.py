"""run.sh's driver for model 3 (MODEL=3): B12Dosing's span path and each peer, interleaved, one timing method.

Usage: /usr/bin/python3 bench3.py <work dir> <benchmarks dll> <floor3 binary> <desolve3_model.so>
Settings (environment): SCENARIOS ("oral-daily im-monthly"), PAIRS (7), WARMUP (1.0 s), SAMPLE (0.3 s),
PEERS ("floor numba scipy desolve").

The library exports both scenarios (`peers3 <dir>`: one healthy patient-year with average stores under model 3, 1000 µg
cyanocobalamin by mouth daily or 1000 µg IM every 30 days; the rate constants, the initial state, every step with its
deposits, the library's own series). B12Dosing's server (`peers3-serve --scenario s`) answers `span R` with the process
CPU seconds of R runs of Simulator.Run on the prepared plan (the span path: absorption of each dose, the nonlinear
stretches, the rows); each peer's server answers `run R` with the process CPU seconds of R integrations of the same
patient-year from the exported deposits (it does not evaluate absorption: that is a small part of the library's run).
Each side is warmed up, R chosen for samples of about SAMPLE seconds, then PAIRS pairs alternate as in bench.py; a
pair's ratio is the peer's CPU time per patient-year over B12Dosing's (above 1: B12Dosing is faster).

Agreement: every peer's series (stores S + P, holoTC, holoHC, protein-bound, free B12, cumulative urine at each daily
row) against the library's, relative difference with the denominator at least 1e-6 µg (7e-5 pg/mL of serum as free
B12: after an injection free B12 falls to the integrators' absolute tolerance, 1e-12 µg, and to zero once the
library's stretch ends; protein-bound B12 is zero for cyanocobalamin); the run fails above 1e-5.
"""
import os
import statistics
import subprocess
import sys

import numpy as np

from bench import Server, fmt, interleave

BOUND = 1e-5
FLOOR_UG = 1e-6  # µg: free B12 of 1e-6 µg in 15 L is 7e-5 pg/mL of serum
COLUMNS = ("stores", "holoTC", "holoHC", "protein-bound", "free", "urine")


def peer_command(peer, directory, floor, so):
    python = "/usr/bin/python3"
    return {
        "floor": [floor, directory],
        "numba": [python, "numba3_peer.py", directory],
        "scipy": [python, "scipy3_peer.py", directory],
        "desolve": ["Rscript", "desolve3_peer.R", directory, so],
    }[peer]


def agreement(directory, peer):
    ours = np.fromfile(os.path.join(directory, "b12dosing.f64"), "<f8").reshape(-1, len(COLUMNS))
    theirs = np.fromfile(os.path.join(directory, f"{peer}.f64"), "<f8").reshape(-1, len(COLUMNS))
    if theirs.shape != ours.shape:
        raise SystemExit(f"{peer}: {theirs.shape} values against b12dosing's {ours.shape}")
    return (np.abs(theirs - ours) / np.maximum(np.abs(ours), FLOOR_UG)).max(axis=0)


def main():
    work, dll, floor, so = sys.argv[1:5]
    env = os.environ
    scenarios = env.get("SCENARIOS", "oral-daily im-monthly").split()
    pairs = int(env.get("PAIRS", "7"))
    warmup = float(env.get("WARMUP", "1.0"))
    sample = float(env.get("SAMPLE", "0.3"))
    peers = env.get("PEERS", "floor numba scipy desolve").split()
    subprocess.run(["dotnet", dll, "peers3", work], check=True)
    worst = 0.0
    for scenario in scenarios:
        directory = os.path.join(work, scenario)
        ours = Server("b12dosing", ["dotnet", dll, "peers3-serve", "--scenario", scenario], "span", announces=False)
        ours.warm_up(warmup, sample)
        for peer in peers:
            theirs = Server(peer, peer_command(peer, directory, floor, so))
            theirs.wait_ready()
            rel = agreement(directory, peer)
            print(f"agreement {peer} {scenario}: 366 daily rows, max relative difference "
                  + ", ".join(f"{c} {v:.1e}" for c, v in zip(COLUMNS, rel)), flush=True)
            worst = max(worst, rel.max())
            theirs.warm_up(warmup, sample)
            ratios, a, b, loads = interleave(ours, theirs, pairs, 1, 1)
            theirs.close()
            print(f"b12dosing_vs_{peer}_model3_{scenario}: {statistics.median(ratios):.3g}x (min {min(ratios):.3g}, max {max(ratios):.3g}; "
                  f"{pairs} pairs; per patient-year b12dosing {fmt(statistics.median(a) * 1e3)} ms, {peer} {fmt(statistics.median(b) * 1e3)} ms; "
                  f"load {min(loads):.2f}-{max(loads):.2f})", flush=True)
        ours.close()
    print(f"agreement_max_rel_diff: {worst:.3g}")
    if worst > BOUND:
        raise SystemExit(f"a peer does not agree with B12Dosing within {BOUND:g}")


if __name__ == "__main__":
    main()
