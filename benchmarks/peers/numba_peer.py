"""Peer (a): the exact event-driven solution as a numba loop over patients, as B12Dosing does it.

Usage (run.sh's driver starts it): /usr/bin/python3 numba_peer.py <dir> [patients]
Per patient: the 4x4 propagator exp(A dt) of each distinct interval (the library's method: shift by the largest decay
rate so the matrix is non-negative, scale by 2^-s to norm 1/2, 20 Taylor terms, s squarings) and the decay factors of
E and L; then the plan's steps: advance, take an intake (store limit), or write a row (stores and serum into the
row's log histograms, and the count below the serum threshold). Output: the histograms and counts of the population,
as PopulationSimulator's. The intakes' outcomes come ready-made from the library (the peer does not evaluate absorption).
"""
import math
import sys

import numpy as np
from numba import njit

from scenario import BINS, KEY_LOW, NO_ACTION, SUB_BITS, Scenario, serve


@njit(cache=False)
def _multiply(a, b, out):
    for i in range(4):
        for j in range(4):
            out[i, j] = ((a[i, 0] * b[0, j] + a[i, 1] * b[1, j]) + a[i, 2] * b[2, j]) + a[i, 3] * b[3, j]


@njit(cache=False)
def _exponential(a, days, out):
    c = 0.0
    for i in range(4):
        c = max(c, -a[i, i])
    n = a.copy()
    for i in range(4):
        n[i, i] += c
    norm = 0.0
    for j in range(4):
        norm = max(norm, (n[0, j] + n[1, j] + n[2, j] + n[3, j]) * days)
    s = int(math.ceil(np.log2(norm / 0.5))) if norm > 0.5 else 0
    h = days * math.ldexp(1.0, -s)
    n *= h
    total = np.eye(4)
    term = np.eye(4)
    scratch = np.empty((4, 4))
    for k in range(1, 21):
        _multiply(term, n, scratch)
        term[:, :] = scratch * (1.0 / k)
        total += term
    total *= math.exp(-c * h)
    for _ in range(s):
        _multiply(total, total, scratch)
        total[:, :] = scratch
    out[:] = total.ravel()


@njit(cache=False)
def _key(value):
    # The bits of the double shifted right by 45 (exponent and top 7 mantissa bits), from frexp: value = m 2^e, m in [0.5, 1).
    m, e = math.frexp(value)
    key = ((e - 1 + 1023) << SUB_BITS) + int((2.0 * m - 1.0) * (1 << SUB_BITS)) - KEY_LOW
    return min(max(key, 0), BINS - 1)


@njit(cache=False)
def population(p, outcomes, outcome_index, intervals, step_interval, step_action, rows, threshold, series):
    n = p.shape[0]
    stores_hist = np.zeros((rows, BINS), np.int32)
    serum_hist = np.zeros((rows, BINS), np.int32)
    below = np.zeros(rows, np.int64)
    ni = intervals.shape[0]
    props = np.empty((ni, 16))
    free = np.empty(ni)
    labile = np.empty(ni)
    a = np.zeros((4, 4))
    keep = series.shape[0]
    for i in range(n):
        q = p[i]
        kT, phi, kH, eH, eT, r, ks, kB, theta = q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8]
        kE, kL, mmax, t0, h0, s0, per_plasma, per_ecf = q[9], q[10], q[11], q[12], q[13], q[14], q[15], q[16]
        a[0, 0] = -kT
        a[0, 2] = r + eT
        a[0, 3] = (1 - theta) * kB
        a[1, 0] = phi * kT
        a[1, 1] = -kH
        a[1, 2] = eH
        a[1, 3] = theta * kB
        a[2, 0] = (1 - phi) * kT
        a[2, 1] = kH
        a[2, 2] = -(ks + eH + eT)
        a[3, 3] = -kB
        for v in range(ni):
            _exponential(a, intervals[v], props[v])
            free[v] = math.exp(-kE * intervals[v])
            labile[v] = math.exp(-kL * intervals[v])
        t, h, s, b, e, l = t0, h0, s0, 0.0, 0.0, 0.0
        last_kept = math.nan
        last_tanh = 0.0
        for st in range(step_interval.shape[0]):
            v = step_interval[st]
            if v >= 0:
                m = props[v]
                t, h, s, b = (
                    ((m[0] * t + m[1] * h) + m[2] * s) + m[3] * b,
                    ((m[4] * t + m[5] * h) + m[6] * s) + m[7] * b,
                    ((m[8] * t + m[9] * h) + m[10] * s) + m[11] * b,
                    m[15] * b,
                )
                e *= free[v]
                l *= labile[v]
            action = step_action[st]
            if action >= 0:
                o = outcomes[i, outcome_index[i, action]]
                kept = o[4]
                if kept != last_kept:
                    last_kept = kept
                    u = kept / mmax
                    last_tanh = u * (1 - u * u * ((1.0 / 3) - u * u * 2.0 / 15)) if u < 0.01 else math.tanh(u)
                x = (t + h + s + b) / mmax
                accepted = 0.0
                if x < 1 and kept > 0:
                    accepted = min(kept, mmax * last_tanh * (1 - x * x) / (1 + x * last_tanh))
                f = accepted / kept if kept > 0 else 0.0
                t += f * o[0]
                h += f * o[1]
                b += f * o[2]
                s += f * o[3]
                l += kept - accepted
                e += o[5] - kept
            elif action != NO_ACTION:
                k = ~action
                serum = (t + h + b) * per_plasma + e * per_ecf
                stores_hist[k, _key(s)] += 1
                serum_hist[k, _key(serum)] += 1
                if serum < threshold:
                    below[k] += 1
                if i < keep:
                    series[i, k, 0] = s
                    series[i, k, 1] = serum
    return stores_hist, serum_hist, below


def main():
    sc = Scenario(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
    args = (sc.patients, sc.outcomes, sc.outcome_index, sc.intervals, sc.step_interval, sc.step_action, sc.rows, sc.threshold)
    nothing = np.empty((0, sc.rows, 2))

    def series():
        out = np.empty((sc.agree, sc.rows, 2))
        population(sc.patients[: sc.agree], sc.outcomes, sc.outcome_index, *args[3:], out)
        return out[:, :, 0], out[:, :, 1]

    serve("numba", sc, lambda: population(*args, nothing)[2], series)


if __name__ == "__main__":
    main()
