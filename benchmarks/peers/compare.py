"""Compares the three runs of run.sh: agreement of every pool at every output day, and time per patient-year.

Usage: python3 compare.py <dir>
Agreement: the largest |peer - b12dosing| / max(|b12dosing|, 1e-6 µg) over stores and plasma, every day, every patient
the peers ran, both peers (within 1e-6 or it fails). Prints, as its last lines, the three lines run.sh promises.
"""
import csv
import sys

import numpy as np


def series(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    order = np.lexsort((data[:, 1], data[:, 0]))
    return data[order]


def seconds(path):
    with open(path, newline="") as f:
        return float(next(csv.DictReader(f))["seconds_per_patient_year"])


def main():
    directory = sys.argv[1]
    ours = series(f"{directory}/b12dosing.csv")
    worst = 0.0
    for peer in ("scipy", "desolve"):
        theirs = series(f"{directory}/{peer}.csv")
        mine = ours[np.isin(ours[:, 0], np.unique(theirs[:, 0]))]
        if mine.shape != theirs.shape or np.any(mine[:, :2] != theirs[:, :2]):
            raise SystemExit(f"{peer}: rows do not line up with b12dosing's")
        rel = np.abs(theirs[:, 2:] - mine[:, 2:]) / np.maximum(np.abs(mine[:, 2:]), 1e-6)
        patients = len(np.unique(theirs[:, 0]))
        print(f"{peer}: {patients} patients, {len(theirs)} rows; max relative difference stores {rel[:, 0].max():.2e}, plasma {rel[:, 1].max():.2e}")
        worst = max(worst, rel.max())
    b12 = seconds(f"{directory}/b12dosing_timing.csv")
    scipy = seconds(f"{directory}/scipy_timing.csv")
    desolve = seconds(f"{directory}/desolve_timing.csv")
    print(f"per patient-year: b12dosing {b12 * 1e6:.2f} µs, scipy {scipy * 1e3:.2f} ms, deSolve {desolve * 1e3:.2f} ms")
    print(f"agreement_max_rel_diff: {worst:.3g}")
    print(f"b12dosing_vs_scipy: {scipy / b12:.0f}x")
    print(f"b12dosing_vs_desolve: {desolve / b12:.0f}x")
    if worst > 1e-6:
        raise SystemExit("the three runs do not agree within 1e-6")


if __name__ == "__main__":
    main()
