"""Model 3's scipy peer: scipy.integrate.solve_ivp with a stiff method and the analytic Jacobian, from event to event.

The free pool binds to the carriers at about 90 per hour while the pools move over days: a stiff system, so an expert
takes a stiff-capable method with the exact Jacobian. The state is the 18 entries the series needs (sites, gut, free,
T, H, S, B, L, P, urine; scenario3.py); the right-hand side and the Jacobian are scalar Python (18 entries: cheaper
than numpy temporaries), the Jacobian dense (its constant part built once). One solve_ivp call per stretch between the
export's steps (a dose or a row), the deposits added between calls, each call starting from the solver's own first
step. The default, LSODA at rtol 1e-7 and atol 1e-12 µg (the library's own tolerances), is the fastest of the
choices tried on this machine that meet the driver's agreement bound (1e-5): per patient-year of daily tablets LSODA
8.4 s (881 steps, 1 683 right-hand sides and 17 Jacobians a day), BDF 32-48 s, Radau 51-66 s (their steps are
fewer, 270-350 a day, but each costs a Newton iteration in Python), odeint's LSODA 8.3-8.7 s (the same Fortran).
METHOD (environment: LSODA, BDF, Radau or odeint), RTOL and ATOL override the default.

Usage (bench3.py starts it): /usr/bin/python3 scipy3_peer.py <dir>
Writes <dir>/scipy.f64 (the series), prints "ready scipy 1", then answers each "run R" line with the process CPU
seconds (time.process_time) of R runs of the patient-year.
"""
import os
import sys

import numpy as np
from scipy.integrate import odeint, solve_ivp

from scenario3 import (B, DEPOSIT, FREE_C, FREE_H, GUT1, GUT2, GUT3, H, INJ_C, INJ_H, L, MUC_C, MUC_H, NAS_C, NAS_H,
                       P, ROW, RATE_NAMES, S, STATE, T, URINE, Scenario3, row_of, serve)

METHOD = os.environ.get("METHOD", "LSODA")
RTOL = float(os.environ.get("RTOL", "1e-7"))
ATOL = float(os.environ.get("ATOL", "1e-12"))


def equations(rates):
    """The right-hand side and its Jacobian (per hour) of the 18 entries, as closures over the rate constants."""
    (inj_c, inj_h, mucosal, nasal, gut, renal, renal_h, protein_h, vt, kt, bind, bind_h, cap_t, cap_h,
     k_t, phi, k_h, e_h, e_t, r, ks, k_b, theta, k_l, mmax, k_p, psi, apo_h0, k_s, s_ref) = (rates[k] for k in RATE_NAMES)
    release_per = e_h * s_ref / apo_h0 if apo_h0 > 0 else 0.0

    def rhs(_, y):
        x0, x1, x2, x3, x4, x5, g1, g2, g3, fc, fh, t, h, s, b, lab, p, _u = y
        f = fc + fh
        apo_t = max(0.0, cap_t - t)
        apo_h = max(0.0, cap_h - h)
        per_tissue = vt / (kt + max(0.0, f))
        to_t = bind * apo_t * f
        to_h = bind_h * apo_h * f
        to_tissue = per_tissue * f
        to_protein = protein_h * fh
        body = (t + h + s + b + p) / mmax
        accept = 1 - body * body if body < 1 else 0.0
        release = release_per * s / (1 + s / k_s) * apo_h
        binding = bind * apo_t + bind_h * apo_h
        return np.array((
            -inj_c * x0, -inj_h * x1, -mucosal * x2, -mucosal * x3, -nasal * x4, -nasal * x5,
            -gut * g1, gut * (g1 - g2), gut * (g2 - g3),
            inj_c * x0 + mucosal * x2 + nasal * x4 + gut * g3 - (binding + per_tissue + renal) * fc,
            inj_h * x1 + mucosal * x3 + nasal * x5 - (binding + per_tissue + renal_h + protein_h) * fh,
            accept * to_t - k_t * t + (r + e_t) * s + (1 - theta) * k_b * b + psi * k_p * p,
            accept * to_h + phi * k_t * t - k_h * h + release + theta * k_b * b,
            (1 - phi) * k_t * t + k_h * h - (ks + e_t) * s - release + (1 - psi) * k_p * p,
            accept * to_protein - k_b * b,
            (1 - accept) * (to_t + to_h + to_tissue + to_protein) - k_l * lab,
            accept * to_tissue - k_p * p,
            renal * fc + renal_h * fh))

    # The constant part of the Jacobian: the sites, the gut, what they hand to the free pools, the linear pools.
    base = np.zeros((STATE, STATE))
    for site, rate, free in ((INJ_C, inj_c, FREE_C), (INJ_H, inj_h, FREE_H), (MUC_C, mucosal, FREE_C), (MUC_H, mucosal, FREE_H),
                             (NAS_C, nasal, FREE_C), (NAS_H, nasal, FREE_H)):
        base[site, site] = -rate
        base[free, site] = rate
    base[GUT1, GUT1] = base[GUT2, GUT2] = base[GUT3, GUT3] = -gut
    base[GUT2, GUT1] = base[GUT3, GUT2] = base[FREE_C, GUT3] = gut
    base[T, T] = -k_t
    base[T, S] = r + e_t
    base[T, B] = (1 - theta) * k_b
    base[T, P] = psi * k_p
    base[H, T] = phi * k_t
    base[H, H] = -k_h
    base[H, B] = theta * k_b
    base[S, T] = (1 - phi) * k_t
    base[S, H] = k_h
    base[S, S] = -(ks + e_t)
    base[S, P] = (1 - psi) * k_p
    base[B, B] = -k_b
    base[L, L] = -k_l
    base[P, P] = -k_p
    base[URINE, FREE_C] = renal
    base[URINE, FREE_H] = renal_h
    core = [T, H, S, B, P]

    def jacobian(_, y):
        fc, fh, t, h, s, b, p = y[FREE_C], y[FREE_H], y[T], y[H], y[S], y[B], y[P]
        f = fc + fh
        apo_t = cap_t - t if cap_t > t else 0.0
        apo_h = cap_h - h if cap_h > h else 0.0
        d_apo_t = -1.0 if cap_t > t else 0.0  # d a_T / d T
        d_apo_h = -1.0 if cap_h > h else 0.0
        per_tissue = vt / (kt + max(0.0, f))
        d_per_tissue = -vt / (kt + f) ** 2 if f > 0 else 0.0  # d (vt/(kt + F)) / dF
        d_tissue = per_tissue + d_per_tissue * f  # d (vt F/(kt + F)) / dF
        body = (t + h + s + b + p) / mmax
        accept, d_accept = (1 - body * body, -2 * body / mmax) if body < 1 else (0.0, 0.0)
        to_t, to_h, to_tissue, to_protein = bind * apo_t * f, bind_h * apo_h * f, per_tissue * f, protein_h * fh
        uptake = to_t + to_h + to_tissue + to_protein
        release_s = release_per * s / (1 + s / k_s)  # release per unit of a_H
        d_release_s = release_per / (1 + s / k_s) ** 2
        binding = bind * apo_t + bind_h * apo_h
        j = base.copy()
        # Free pools: binding, tissue (through F), renal, protein binding.
        j[FREE_C, FREE_C] = -(binding + per_tissue + renal) - d_per_tissue * fc
        j[FREE_C, FREE_H] = -d_per_tissue * fc
        j[FREE_H, FREE_H] = -(binding + per_tissue + renal_h + protein_h) - d_per_tissue * fh
        j[FREE_H, FREE_C] = -d_per_tissue * fh
        j[FREE_C, T] = -bind * d_apo_t * fc
        j[FREE_C, H] = -bind_h * d_apo_h * fc
        j[FREE_H, T] = -bind * d_apo_t * fh
        j[FREE_H, H] = -bind_h * d_apo_h * fh
        for free in (FREE_C, FREE_H):
            j[T, free] = accept * bind * apo_t
            j[H, free] = accept * bind_h * apo_h
            j[P, free] = accept * d_tissue
            j[L, free] = (1 - accept) * (bind * apo_t + bind_h * apo_h + d_tissue)
        j[B, FREE_H] = accept * protein_h
        j[L, FREE_H] += (1 - accept) * protein_h
        # The store limit's derivative in every pool it counts.
        for c in core:
            j[T, c] += d_accept * to_t
            j[H, c] += d_accept * to_h
            j[P, c] += d_accept * to_tissue
            j[B, c] += d_accept * to_protein
            j[L, c] -= d_accept * uptake
        j[T, T] += accept * bind * d_apo_t * f
        j[H, H] += accept * bind_h * d_apo_h * f + release_s * d_apo_h
        j[L, T] += (1 - accept) * bind * d_apo_t * f
        j[L, H] += (1 - accept) * bind_h * d_apo_h * f
        j[S, H] -= release_s * d_apo_h
        j[H, S] += d_release_s * apo_h
        j[S, S] -= d_release_s * apo_h
        return j

    return rhs, jacobian


def patient_year(sc, stretches, rhs, jacobian, series=None):
    """The export's steps: solve_ivp over each stretch, the deposits between. Returns the final stores."""
    y = sc.initial[:STATE].copy()
    urine = 0.0
    for hours, action, a, entry, amount in stretches:
        if hours > 0:
            y[URINE] = 0.0
            if METHOD == "odeint":
                y = odeint(rhs, y, (0.0, hours), Dfun=jacobian, tfirst=True, rtol=RTOL, atol=ATOL, mxstep=1_000_000)[-1]
            else:
                y = solve_ivp(rhs, (0.0, hours), y, method=METHOD, jac=jacobian, rtol=RTOL, atol=ATOL).y[:, -1]
            urine += y[URINE]
        if action == DEPOSIT:
            y[GUT1] += a
            y[entry] += amount
        elif action == ROW and series is not None:
            series[int(a)] = row_of(y, urine)
    return y[S] + y[P]


def main():
    sc = Scenario3(sys.argv[1])
    rhs, jacobian = equations(sc.rates)
    stretches = sc.stretches()

    def series():
        out = np.zeros((sc.rows, 6))
        patient_year(sc, stretches, rhs, jacobian, out)
        return (out,)

    serve("scipy", sc, lambda: patient_year(sc, stretches, rhs, jacobian), series)


if __name__ == "__main__":
    main()
