"""Model 3's numba peer: the library's method (Transit.Advance: adaptive Dormand-Prince 5(4), the same error norm,
step control, first step and end of a stretch) as numba-compiled loops over the 23 entries, the right-hand side
written out as scalar code (no temporaries), the state and the seven stages in preallocated arrays.

Why the explicit method rather than a stiff one: the comparison is of the same work in another tool; the stiff
solvers are the scipy and deSolve peers (scipy3_peer.py, desolve3_peer.R), and numba has no stiff solver of its own
(an implicit method written by hand would be a different algorithm, not numba).

Usage (bench3.py starts it): /usr/bin/python3 numba3_peer.py <dir>
Writes <dir>/numba.f64 (the series), prints "ready numba 1", then answers each "run R" line with the process CPU
seconds (time.process_time) of R runs of the patient-year.
"""
import math
import sys

import numpy as np
from numba import njit

from scenario3 import ENTRIES, Scenario3, serve

(INJ_C, INJ_H, MUC_C, MUC_H, NAS_C, NAS_H, GUT1, GUT2, GUT3, FREE_C, FREE_H, T, H, S, B, L, P,
 URINE, FAECES, TO_TC, TO_HC, TO_PROTEIN, TO_TISSUE) = range(ENTRIES)
TRANSIENT = FREE_H + 1

A21 = 1.0 / 5
A31, A32 = 3.0 / 40, 9.0 / 40
A41, A42, A43 = 44.0 / 45, -56.0 / 15, 32.0 / 9
A51, A52, A53, A54 = 19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729
A61, A62, A63, A64, A65 = 9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656
B1, B3, B4, B5, B6 = 35.0 / 384, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84
E1, E3, E4, E5, E6, E7 = 71.0 / 57600, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40


@njit(cache=False, fastmath=False)
def derivative(k, y, d):
    (inj_c, inj_h, mucosal, nasal, gut, renal, renal_h, protein_h, vt, kt, bind, bind_h, cap_t, cap_h,
     k_t, phi, k_h, e_h, e_t, r, ks, k_b, theta, k_l, mmax, k_p, psi, apo_h0, k_s, s_ref) = (
        k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8], k[9], k[10], k[11], k[12], k[13],
        k[14], k[15], k[16], k[17], k[18], k[19], k[20], k[21], k[22], k[23], k[24], k[25], k[26], k[27], k[28], k[29])
    injc = inj_c * y[INJ_C]
    injh = inj_h * y[INJ_H]
    mucc = mucosal * y[MUC_C]
    much = mucosal * y[MUC_H]
    nasc = nasal * y[NAS_C]
    nash = nasal * y[NAS_H]
    g1 = gut * y[GUT1]
    g2 = gut * y[GUT2]
    g3 = gut * y[GUT3]
    fc, fh, t, h, s, b = y[FREE_C], y[FREE_H], y[T], y[H], y[S], y[B]
    apo_t = max(0.0, cap_t - t)
    apo_h = max(0.0, cap_h - h)
    per_tissue = vt / (kt + max(0.0, fc + fh))
    to_t = bind * apo_t * (fc + fh)
    to_h = bind_h * apo_h * (fc + fh)
    to_tissue = per_tissue * (fc + fh)
    to_protein = protein_h * fh
    urine = renal * fc + renal_h * fh
    from_pool = k_p * y[P]
    body = (t + h + s + b + y[P]) / mmax
    release = (e_h * s * s_ref / ((1 + s / k_s) * apo_h0) if apo_h0 > 0 else 0.0) * apo_h
    accept = 1 - body * body if body < 1 else 0.0
    d[INJ_C] = -injc
    d[INJ_H] = -injh
    d[MUC_C] = -mucc
    d[MUC_H] = -much
    d[NAS_C] = -nasc
    d[NAS_H] = -nash
    d[GUT1] = -g1
    d[GUT2] = g1 - g2
    d[GUT3] = g2 - g3
    binding = bind * apo_t + bind_h * apo_h
    d[FREE_C] = injc + mucc + nasc + g3 - (binding + per_tissue + renal) * fc
    d[FREE_H] = injh + much + nash - (binding + per_tissue + renal_h + protein_h) * fh
    d[T] = accept * to_t - k_t * t + (r + e_t) * s + (1 - theta) * k_b * b + psi * from_pool
    d[H] = accept * to_h + phi * k_t * t - k_h * h + release + theta * k_b * b
    d[S] = (1 - phi) * k_t * t + k_h * h - (ks + e_t) * s - release + (1 - psi) * from_pool
    d[P] = accept * to_tissue - from_pool
    d[B] = accept * to_protein - k_b * b
    d[L] = (1 - accept) * (to_t + to_h + to_tissue + to_protein) - k_l * y[L]
    d[URINE] = urine
    d[FAECES] = (ks - r) * s + k_l * y[L]
    d[TO_TC] = to_t
    d[TO_HC] = to_h
    d[TO_PROTEIN] = to_protein
    d[TO_TISSUE] = to_tissue


@njit(cache=False)
def advance(k, y, hours, step, rtol, atol, first, work):
    """Transit.Advance: y over `hours` in place; returns the last accepted step (the next stretch's first try)."""
    k1, k2, k3, k4, k5, k6, k7, z, nxt = work[0], work[1], work[2], work[3], work[4], work[5], work[6], work[7], work[8]
    n = y.shape[0]
    t = 0.0
    h = min(step, hours) if step > 0 else min(hours, first)
    derivative(k, y, k1)
    while t < hours:
        last = t + h >= hours
        if last:
            h = hours - t
        for i in range(n):
            z[i] = y[i] + h * A21 * k1[i]
        derivative(k, z, k2)
        for i in range(n):
            z[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i])
        derivative(k, z, k3)
        for i in range(n):
            z[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i])
        derivative(k, z, k4)
        for i in range(n):
            z[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i])
        derivative(k, z, k5)
        for i in range(n):
            z[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i])
        derivative(k, z, k6)
        for i in range(n):
            nxt[i] = y[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i])
        derivative(k, nxt, k7)
        error = 0.0
        carried = y[T] + y[H]
        for i in range(n):
            e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i])
            size = max(abs(y[i]), abs(nxt[i]))
            scale = atol + rtol * (max(size, carried) if i < FREE_C else size)
            error = max(error, abs(e) / scale)
        if error <= 1:
            t = hours if last else t + h
            y[:] = nxt
            k1[:] = k7
            if not last:
                step = h
        factor = 5.0 if error == 0 else min(max(0.9 * error ** -0.2, 0.2), 5.0)
        h *= factor
        if not h > 0 or h < 1e-14 * max(1.0, hours):
            raise RuntimeError("step size below rounding")
    return max(step, 1e-6)


@njit(cache=False)
def patient_year(k, initial, steps, rtol, atol, exhausted, first, series):
    """The export's steps for one patient; the series into `series` (rows x 6) if it has rows. Returns the final stores."""
    y = initial.copy()
    work = np.empty((9, y.shape[0]))
    step = 0.0
    urine = 0.0
    compensation = 0.0
    for j in range(steps.shape[0]):
        hours, action = steps[j, 0], steps[j, 1]
        if hours > 0:
            y[URINE:] = 0.0
            step = advance(k, y, hours, step, rtol, atol, first, work)
            left = 0.0
            for i in range(TRANSIENT):
                left += y[i]
            if left < exhausted:
                y[:TRANSIENT] = 0.0
                y[URINE] += left
            v = y[URINE] - compensation  # Kahan, as the library's tally
            total = urine + v
            compensation = (total - urine) - v
            urine = total
        if action == 1:
            step = 0.0
            y[GUT1] += steps[j, 2]
            y[int(steps[j, 3])] += steps[j, 4]
        elif action == 2 and series.shape[0] > 0:
            row = series[int(steps[j, 2])]
            row[0] = y[S] + y[P]
            row[1] = y[T]
            row[2] = y[H]
            row[3] = y[B]
            row[4] = y[FREE_C] + y[FREE_H]
            row[5] = urine
    return y[S] + y[P]


def main():
    sc = Scenario3(sys.argv[1])
    args = (sc.k, sc.initial, sc.steps, sc.relative_tolerance, sc.absolute_tolerance, sc.exhausted, sc.first_step)
    nothing = np.empty((0, 6))

    def series():
        out = np.zeros((sc.rows, 6))
        patient_year(*args, out)
        return (out,)

    serve("numba", sc, lambda: patient_year(*args, nothing), series)


if __name__ == "__main__":
    main()
