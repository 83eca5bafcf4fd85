"""Model 3's scenario as B12Dosing exported it (benchmarks/B12Dosing.Benchmarks, mode `peers3`), read with numpy, and
its equations for the Python peers.

Files of <dir>/<scenario> (oral-daily: 1000 µg cyanocobalamin by mouth every day; im-monthly: 1000 µg IM every 30
days; one healthy patient-year with average stores, model 3):
    scenario.csv  key,value: rows, steps, entries (23), the library's tolerances (relative_tolerance,
                  absolute_tolerance), exhausted (µg in transit below which a stretch ends, the rest to urine),
                  first_step_hours (0.5 over the fastest rate), layout (the entries' names, in order)
    rates.csv     name,value: TransitRates' constants, per hour (µg for vt, kt, capT, capH, max, apoH, kS)
    initial.f64   the 23 entries at time zero
    steps.f64     5 doubles a step, in the library's order: hours to advance, then action 0 none, 1 deposit
                  (gut1 µg, entry, µg into that entry), 2 output row (k)
    b12dosing.f64 the library's series, 6 doubles a row: stores S + P, holoTC T, holoHC H, protein-bound B, free B12
                  (both forms), cumulative urine; µg

The equations (docs/model.md section 1.2b, TransitRates.Derivative), per hour, with F = Fc + Fh, a_T = max(0, capT - T),
a_H = max(0, capH - H), the store limit A = 1 - ((T + H + S + B + P)/max)^2 (0 above max):
    sites and gut:  dX_i = -k_i X_i;  dG1 = -gut G1, dG2 = gut (G1 - G2), dG3 = gut (G2 - G3)
    free:   dFc = injC X0 + mucosal X2 + nasal X4 + gut G3 - (bind a_T + bindH a_H + vt/(kt + F) + renal) Fc
            dFh = injH X1 + mucosal X3 + nasal X5 - (bind a_T + bindH a_H + vt/(kt + F) + renalH + proteinH) Fh
    flows:  toT = bind a_T F, toH = bindH a_H F, toTissue = vt F/(kt + F), toProtein = proteinH Fh,
            release = eH S sRef / ((1 + S/kS) apoH) a_H
    dT = A toT - kT T + (r + eT) S + (1 - theta) kB B + psi kP P
    dH = A toH + phi kT T - kH H + release + theta kB B
    dS = (1 - phi) kT T + kH H - (ks + eT) S - release + (1 - psi) kP P
    dB = A toProtein - kB B,  dP = A toTissue - kP P,  dL = (1 - A)(toT + toH + toTissue + toProtein) - kL L
    urine: d = renal Fc + renalH Fh   (faeces and the binding tallies complete the library's 23 entries)
The stiff solvers (scipy, deSolve) integrate the first 18 entries (through urine), which is all the series needs.
"""
import csv
import os

import numpy as np

from scenario import serve  # noqa: F401  (the server loop the peers share with model 2's)

ENTRIES = 23
STATE = 18  # sites, gut, free, T, H, S, B, L, P, urine
INJ_C, INJ_H, MUC_C, MUC_H, NAS_C, NAS_H, GUT1, GUT2, GUT3, FREE_C, FREE_H, T, H, S, B, L, P, URINE = range(STATE)
TRANSIENT = FREE_H + 1
COLUMNS = 6
NONE, DEPOSIT, ROW = 0, 1, 2
RATE_NAMES = ("injC injH mucosal nasal gut renal renalH proteinH vt kt bind bindH capT capH "
              "kT phi kH eH eT r ks kB theta kL max kP psi apoH kS sRef").split()


class Scenario3:
    def __init__(self, directory):
        def table(name):
            with open(os.path.join(directory, name), newline="") as f:
                return {row[0]: row[1] for row in list(csv.reader(f))[1:] if row}

        self.meta = table("scenario.csv")
        rates = table("rates.csv")
        missing = [k for k in RATE_NAMES if k not in rates]
        if missing or int(self.meta["entries"]) != ENTRIES:
            raise SystemExit(f"the export does not match these peers (missing rates {missing}, entries {self.meta['entries']})")
        self.rates = {k: float(rates[k]) for k in RATE_NAMES}
        self.k = np.array([self.rates[k] for k in RATE_NAMES])
        self.name = self.meta["scenario"]
        self.rows = int(self.meta["rows"])
        self.relative_tolerance = float(self.meta["relative_tolerance"])
        self.absolute_tolerance = float(self.meta["absolute_tolerance"])
        self.exhausted = float(self.meta["exhausted"])
        self.first_step = float(self.meta["first_step_hours"])
        self.initial = np.fromfile(os.path.join(directory, "initial.f64"), "<f8")
        self.steps = np.fromfile(os.path.join(directory, "steps.f64"), "<f8").reshape(-1, 5)
        self.directory = directory
        self.n = 1

    def stretches(self):
        """The steps as (hours to advance, action, a, b, c) with Python numbers, for loops in Python."""
        return [(float(h), int(a), float(x), int(e), float(v)) for h, a, x, e, v in self.steps]

    def write_series(self, name, series):
        """The peer's series (rows x 6, as b12dosing.f64) for the driver's agreement check."""
        np.ascontiguousarray(series, "<f8").tofile(os.path.join(self.directory, f"{name}.f64"))


def row_of(y, urine):
    """A row of the series from the 18-entry state (urine the cumulative total)."""
    return (y[S] + y[P], y[T], y[H], y[B], y[FREE_C] + y[FREE_H], urine)
