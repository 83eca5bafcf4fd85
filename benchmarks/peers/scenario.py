"""The scenario B12Dosing exported (benchmarks/B12Dosing.Benchmarks, mode `peers`), read with numpy, and what every
Python peer shares: the server loop run.sh's driver talks to, and the per-row log histograms.

The model (docs/model.md, model 2, the default), per patient, pools T holotranscobalamin, H holohaptocorrin, S stores,
B protein-bound OHCbl, E free (to urine), L labile excess, all µg:

    between events, linear:  d[T,H,S,B]/dt = A [T,H,S,B],  dE/dt = -kE E,  dL/dt = -kL L
        A = [[-kT,       0,   r + eT,           (1-theta) kB],
             [phi kT,  -kH,   eH,               theta kB    ],
             [(1-phi)kT, kH,  -(ks + eH + eT),  0           ],
             [0,         0,   0,                -kB         ]]
    at an intake whose kept amount R goes (tc, hc, pb, tissue) and absorbed amount is Ab: the body M = T+H+S+B takes up
        a = min(R, Mmax t (1 - x^2) / (1 + x t)),  x = M/Mmax,  t = tanh(R/Mmax)   (0 if x >= 1 or R <= 0)
        [T,H,B,S] += (a/R) (tc, hc, pb, tissue);  L += R - a;  E += Ab - R
    a row: stores S, serum (T + H + B) perPlasma + E perECF (pg/mL).

The plan (shared by every patient): distinct interval lengths (days) and steps (interval index or -1, then action:
intake j >= 0, row ~k < 0, or INT_MIN for none), exactly the library's SimulationPlan.
"""
import csv
import os
import sys
import time

import numpy as np

# Patient columns of patients.f64, in order.
COLUMNS = ("kT", "phi", "kH", "eH", "eT", "r", "ks", "kB", "theta", "kE", "kL", "Mmax", "T0", "H0", "S0", "perPlasma", "perECF")
NO_ACTION = -(2**31)

# Log histograms as the library's LogHistograms: a value's bin is its exponent and top 7 mantissa bits (the bits of
# the double shifted right by 45). The peers keep a fixed window of octaves 2^-16 .. 2^24 (values outside are clamped
# to its ends; none of the scenario's are), 40 octaves x 128 bins a row.
SUB_BITS = 7
KEY_LOW = (np.array([2.0 ** -16]).view(np.int64)[0] >> (52 - SUB_BITS))
BINS = 40 << SUB_BITS


class Scenario:
    def __init__(self, directory, patients=None):
        with open(os.path.join(directory, "scenario.csv"), newline="") as f:
            meta = {row["key"]: row["value"] for row in csv.DictReader(f)}
        self.meta = meta
        self.regimen = meta["regimen"]
        self.days = int(meta["days"])
        exported = int(meta["patients"])
        self.n = exported if patients is None else min(int(patients), exported)
        self.agree = min(int(meta["agree"]), self.n)
        self.rows = int(meta["rows"])
        self.intakes = int(meta["intakes"])
        self.kinds = max(int(meta["kinds"]), 1)
        self.threshold = float(meta["threshold_pg_ml"])
        read = lambda name, dtype: np.fromfile(os.path.join(directory, name), dtype=dtype)
        self.intervals = read("intervals.f64", "<f8")
        steps = read("steps.i32", "<i4").reshape(-1, 2)
        self.step_interval = np.ascontiguousarray(steps[:, 0])
        self.step_action = np.ascontiguousarray(steps[:, 1])
        self.row_days = read("rows.f64", "<f8")
        self.patients = np.ascontiguousarray(read("patients.f64", "<f8").reshape(exported, len(COLUMNS))[: self.n])
        self.outcomes = np.ascontiguousarray(read("outcomes.f64", "<f8").reshape(exported, self.kinds, 6)[: self.n]) if self.intakes else np.zeros((self.n, 1, 6))
        self.outcome_index = np.ascontiguousarray(read("outcome_index.u8", "u1").reshape(exported, self.intakes)[: self.n])
        self.directory = directory
        self.years = self.days / 365.0

    def column(self, name):
        return np.ascontiguousarray(self.patients[:, COLUMNS.index(name)])

    def generators(self):
        """A of every patient, shape (n, 4, 4), per day."""
        p = {c: self.column(c) for c in COLUMNS}
        a = np.zeros((self.n, 4, 4))
        a[:, 0, 0] = -p["kT"]
        a[:, 0, 2] = p["r"] + p["eT"]
        a[:, 0, 3] = (1 - p["theta"]) * p["kB"]
        a[:, 1, 0] = p["phi"] * p["kT"]
        a[:, 1, 1] = -p["kH"]
        a[:, 1, 2] = p["eH"]
        a[:, 1, 3] = p["theta"] * p["kB"]
        a[:, 2, 0] = (1 - p["phi"]) * p["kT"]
        a[:, 2, 1] = p["kH"]
        a[:, 2, 2] = -(p["ks"] + p["eH"] + p["eT"])
        a[:, 3, 3] = -p["kB"]
        return a

    def write_series(self, name, stores, serum):
        """The first `agree` patients' series (patient, row, [stores, serum]) for run.sh's agreement check."""
        out = np.empty((self.agree, self.rows, 2))
        out[:, :, 0] = stores[: self.agree]
        out[:, :, 1] = serum[: self.agree]
        out.astype("<f8").tofile(os.path.join(self.directory, f"{name}.f64"))


def histogram_keys(values):
    """Each value's bin in the fixed window (see BINS), as numpy integers."""
    keys = (values.view(np.int64) >> (52 - SUB_BITS)) - KEY_LOW
    return np.clip(keys, 0, BINS - 1)


class RowStatistics:
    """Per row: the log histograms of stores and serum and the count below the serum threshold (PopulationResult's counts)."""

    def __init__(self, sc):
        self.threshold = sc.threshold
        self.stores = np.zeros((sc.rows, BINS), np.int64)
        self.serum = np.zeros((sc.rows, BINS), np.int64)
        self.below = np.zeros(sc.rows, np.int64)

    def add(self, k, stores, serum):
        self.stores[k] += np.bincount(histogram_keys(stores), minlength=BINS)
        self.serum[k] += np.bincount(histogram_keys(serum), minlength=BINS)
        self.below[k] += np.count_nonzero(serum < self.threshold)


def timeline(sc):
    """The plan's steps as (time in days, action) in order: action >= 0 an intake, < 0 the row ~action."""
    t = 0.0
    out = []
    for v, action in zip(sc.step_interval, sc.step_action):
        if v >= 0:
            t += sc.intervals[v]
        if action != NO_ACTION:
            out.append((t, int(action)))
    return out


def serve(name, scenario, run, series):
    """What every peer does after loading the scenario: writes its series of the first `agree` patients (run.sh's
    driver compares them with the library's; `series()` returns write_series' arguments after the name), says
    `ready`, then answers each `run R` line with the process CPU seconds R runs of the whole population took (and a
    value of the last result, so that nothing is optimised away). Model 3's peers use it too (scenario3.py)."""
    scenario.write_series(name, *series())
    print(f"ready {name} {scenario.n}", flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        repeats = int(parts[1]) if len(parts) > 1 else 1
        start = time.process_time()
        for _ in range(repeats):
            result = run()
        elapsed = time.process_time() - start
        print(f"{elapsed!r} {int(np.asarray(result).sum())}", flush=True)
