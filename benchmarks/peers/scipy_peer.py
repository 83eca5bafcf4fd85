"""The B12Dosing pool model as an ODE system for scipy.integrate.solve_ivp (LSODA), integrated piecewise between doses.

Usage: /usr/bin/python3 scipy_peer.py <dir> <patients>
Reads the scenario the library exported (scenario.csv, patients.csv, doses.csv: rate constants, initial pools and
where each dose goes, nothing retyped) and writes <dir>/scipy.csv (patient, day, stores_ug, plasma_ug at every output
day, taken just before any dose on that day) and <dir>/scipy_timing.csv (seconds per patient-year in CPU time; the
integration only, not the file reading).

    T holotranscobalamin, H holohaptocorrin, S stores, B protein-bound OHCbl, E free (to urine), L labile excess:
    dT/dt = -kT T + (r + eT) S + (1-theta) kB B     dH/dt = phi kT T - kH H + eH S + theta kB B
    dS/dt = (1-phi) kT T + kH H - (ks + eH + eT) S  dB/dt = -kB B     dE/dt = -kE E     dL/dt = -kL L
    at a dose: of the kept amount R the body (M = T + H + S + B) takes up
    Mmax t (1 - x^2) / (1 + x t), x = M/Mmax, t = tanh(R/Mmax), in proportion to where R goes; the rest joins L.
"""
import csv
import math
import sys
import time
from collections import defaultdict

import numpy as np
from scipy.integrate import solve_ivp

RTOL = 1e-10
ATOL = 1e-12  # µg: far below the smallest pool in the scenario (holoTC, about 0.3 µg)


def load(directory, limit):
    with open(f"{directory}/scenario.csv", newline="") as f:
        scenario = next(csv.DictReader(f))
    with open(f"{directory}/patients.csv", newline="") as f:
        patients = [row for row in csv.DictReader(f)][:limit]
    doses = defaultdict(list)
    with open(f"{directory}/doses.csv", newline="") as f:
        for row in csv.DictReader(f):
            doses[int(row["patient"])].append((float(row["day"]), [float(row[k]) for k in ("tc_ug", "hc_ug", "tissue_ug", "protein_ug", "urine_ug")]))
    return int(scenario["days"]), float(scenario["step_days"]), patients, doses


def generator(p):
    kt, phi, kh, eh, et = (float(p[k]) for k in ("tc_per_day", "tc_to_hc", "hc_per_day", "hc_release_per_day", "tc_release_per_day"))
    r, ks, kb, theta = (float(p[k]) for k in ("reabsorption_per_day", "store_exit_per_day", "protein_per_day", "hc_share"))
    ke, kl = float(p["free_per_day"]), float(p["labile_per_day"])
    a = np.zeros((6, 6))
    a[0, 0], a[0, 2], a[0, 3] = -kt, r + et, (1 - theta) * kb
    a[1, 0], a[1, 1], a[1, 2], a[1, 3] = phi * kt, -kh, eh, theta * kb
    a[2, 0], a[2, 1], a[2, 2] = (1 - phi) * kt, kh, -(ks + eh + et)
    a[3, 3], a[4, 4], a[5, 5] = -kb, -ke, -kl
    return a


def apply(y, parts, mmax):
    tc, hc, tissue, protein, urine = parts
    kept = tc + hc + tissue + protein
    x = (y[0] + y[1] + y[2] + y[3]) / mmax
    accepted = 0.0
    if x < 1 and kept > 0:
        t = math.tanh(kept / mmax)
        accepted = min(kept, mmax * t * (1 - x * x) / (1 + x * t))
    f = accepted / kept if kept > 0 else 0.0
    y[0] += f * tc
    y[1] += f * hc
    y[2] += f * tissue
    y[3] += f * protein
    y[4] += urine
    y[5] += kept - accepted


def simulate(a, mmax, y0, doses, output_days):
    def f(t, y):
        return a @ y

    def jac(t, y):
        return a

    out = np.empty((len(output_days), 6))
    out[0] = y0
    y = np.array(y0, dtype=float)
    t = 0.0
    horizon = output_days[-1]
    for day, parts in sorted(doses) + [(horizon, None)]:
        if day > t:
            first = np.searchsorted(output_days, t, side="right")
            last = np.searchsorted(output_days, day, side="right")
            times = output_days[first:last]
            if len(times) == 0 or times[-1] != day:
                times = np.append(times, day)
            sol = solve_ivp(f, (t, day), y, method="LSODA", t_eval=times, rtol=RTOL, atol=ATOL, jac=jac)
            if not sol.success:
                raise RuntimeError(sol.message)
            out[first:last] = sol.y[:, : last - first].T
            y = sol.y[:, -1].copy()
            t = day
        if parts is not None:
            apply(y, parts, mmax)
    return out


def main():
    directory, limit = sys.argv[1], int(sys.argv[2])
    days, step, patients, doses = load(directory, limit)
    output_days = np.arange(0, days + step / 2, step)
    results = []
    start = time.process_time()
    for p in patients:
        i = int(p["patient"])
        y0 = (float(p["tc0_ug"]), float(p["hc0_ug"]), float(p["stores0_ug"]), 0.0, 0.0, 0.0)
        results.append((i, simulate(generator(p), float(p["max_body_ug"]), y0, doses[i], output_days)))
    elapsed = time.process_time() - start
    per_patient_year = elapsed / len(patients) / (days / 365.0)
    with open(f"{directory}/scipy.csv", "w") as f:
        f.write("patient,day,stores_ug,plasma_ug\n")
        for i, out in results:
            for day, y in zip(output_days, out):
                f.write(f"{i},{day!r},{y[2]!r},{y[0] + y[1] + y[3] + y[4]!r}\n")
    with open(f"{directory}/scipy_timing.csv", "w") as f:
        f.write(f"seconds_per_patient_year\n{per_patient_year!r}\n")
    print(f"scipy {__import__('scipy').__version__} solve_ivp LSODA: {len(patients)} patients in {elapsed:.2f} s of CPU, {per_patient_year * 1e3:.2f} ms per patient-year")


if __name__ == "__main__":
    main()
