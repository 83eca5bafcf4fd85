"""The B12Dosing pool model as an ODE system for scipy.integrate.solve_ivp (LSODA), integrated piecewise between doses.

Usage: /usr/bin/python3 scipy_peer.py <dir> <patients>
Reads the scenario the library exported (scenario.csv, patients.csv, doses.csv: rate constants, initial pools and
each dose's retained amount, nothing retyped) and writes <dir>/scipy.csv (patient, day, stores_ug, plasma_ug at every
output day, taken just before any dose on that day) and <dir>/scipy_timing.csv (seconds per patient-year in CPU time;
the integration only, not the file reading).

    dP/dt = -k_t P + r S        dS/dt = k_t P - k_s S        at a dose: P += retained
"""
import csv
import sys
import time
from collections import defaultdict

import numpy as np
from scipy.integrate import solve_ivp

RTOL = 1e-8
ATOL = 1e-9  # µg: a millionth of the smallest pool in the scenario (plasma, about 0.05 µg)


def load(directory, limit):
    with open(f"{directory}/scenario.csv", newline="") as f:
        scenario = next(csv.DictReader(f))
    with open(f"{directory}/patients.csv", newline="") as f:
        patients = [row for row in csv.DictReader(f)][:limit]
    doses = defaultdict(list)
    with open(f"{directory}/doses.csv", newline="") as f:
        for row in csv.DictReader(f):
            doses[int(row["patient"])].append((float(row["day"]), float(row["retained_ug"])))
    return int(scenario["days"]), float(scenario["step_days"]), patients, doses


def simulate(kt, r, ks, y0, doses, output_days):
    a = np.array([[-kt, r], [kt, -ks]])

    def f(t, y):
        return a @ y

    def jac(t, y):
        return a

    out = np.empty((len(output_days), 2))
    out[0] = y0
    y = np.array(y0, dtype=float)
    t = 0.0
    horizon = output_days[-1]
    for day, retained in sorted(doses) + [(horizon, 0.0)]:
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
        y[0] += retained
    return out


def main():
    directory, limit = sys.argv[1], int(sys.argv[2])
    days, step, patients, doses = load(directory, limit)
    output_days = np.arange(0, days + step / 2, step)
    results = []
    start = time.process_time()
    for p in patients:
        i = int(p["patient"])
        y0 = (float(p["plasma0_ug"]), float(p["stores0_ug"]))
        results.append((i, simulate(float(p["transit_per_day"]), float(p["reabsorption_per_day"]), float(p["store_exit_per_day"]), y0, doses[i], output_days)))
    elapsed = time.process_time() - start
    per_patient_year = elapsed / len(patients) / (days / 365.0)
    with open(f"{directory}/scipy.csv", "w") as f:
        f.write("patient,day,stores_ug,plasma_ug\n")
        for i, out in results:
            for day, (plasma, stores) in zip(output_days, out):
                f.write(f"{i},{day!r},{stores!r},{plasma!r}\n")
    with open(f"{directory}/scipy_timing.csv", "w") as f:
        f.write(f"seconds_per_patient_year\n{per_patient_year!r}\n")
    print(f"scipy {__import__('scipy').__version__} solve_ivp LSODA: {len(patients)} patients in {elapsed:.2f} s of CPU, {per_patient_year * 1e3:.2f} ms per patient-year")


if __name__ == "__main__":
    main()
