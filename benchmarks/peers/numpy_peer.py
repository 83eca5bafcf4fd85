"""Peer (b): the same closed form as numba_peer.py in numpy, vectorised over all patients at once.

Usage (run.sh's driver starts it): /usr/bin/python3 numpy_peer.py <dir> [patients]
Every patient follows the same plan, so each step is a handful of whole-array operations over the patients: the
propagators of all patients at once (batched 4x4 products, each patient scaled and squared as often as its own norm
needs, as the library does), then per step the 4x4 update of the coupled pools (each pool a contiguous array, the
products summed in the library's order, into preallocated buffers), the store limit of an intake, or a row's serum,
log-histogram bins (np.bincount) and count below the threshold.
"""
import sys

import numpy as np

from scenario import NO_ACTION, RowStatistics, Scenario, serve


def exponentials(a, days):
    """exp(A days) of every patient, shape (n, 4, 4), by the library's method (see numba_peer.py)."""
    n_patients = a.shape[0]
    diagonal = np.einsum("nii->ni", a)
    c = np.max(-diagonal, axis=1)
    n = a.copy()
    n[:, range(4), range(4)] += c[:, None]
    norm = np.max(n.sum(axis=1) * days, axis=1)
    s = np.where(norm > 0.5, np.ceil(np.log2(np.maximum(norm, 0.5) / 0.5)), 0).astype(np.int64)
    h = days * np.ldexp(1.0, -s)
    n *= h[:, None, None]
    total = np.broadcast_to(np.eye(4), (n_patients, 4, 4)).copy()
    term = total.copy()
    for k in range(1, 21):
        term = _multiply(term, n)
        term *= 1.0 / k
        total += term
    total *= np.exp(-c * h)[:, None, None]
    for squaring in range(int(s.max(initial=0))):
        squared = _multiply(total, total)
        more = squaring < s
        total[more] = squared[more]
    return total


def _multiply(a, b):
    # Each entry ((a0 b0 + a1 b1) + a2 b2) + a3 b3, the library's order (np.matmul may sum in another).
    return ((a[:, :, 0, None] * b[:, None, 0, :] + a[:, :, 1, None] * b[:, None, 1, :]) + a[:, :, 2, None] * b[:, None, 2, :]) + a[:, :, 3, None] * b[:, None, 3, :]


class Population:
    def __init__(self, sc, patients=None):
        self.sc = sc
        self.p = sc.patients if patients is None else sc.patients[:patients]
        self.n = self.p.shape[0]
        self.outcomes = sc.outcomes[: self.n]
        self.outcome_index = sc.outcome_index[: self.n]

    def run(self, series=None):
        sc, n = self.sc, self.n
        col = lambda j: self.p[:, j]
        kE, kL, mmax, per_plasma, per_ecf = col(9), col(10), col(11), col(15), col(16)
        a = np.zeros((n, 4, 4))
        kT, phi, kH, eH, eT, r, ks, kB, theta = (col(j) for j in range(9))
        a[:, 0, 0], a[:, 0, 2], a[:, 0, 3] = -kT, r + eT, (1 - theta) * kB
        a[:, 1, 0], a[:, 1, 1], a[:, 1, 2], a[:, 1, 3] = phi * kT, -kH, eH, theta * kB
        a[:, 2, 0], a[:, 2, 1], a[:, 2, 2] = (1 - phi) * kT, kH, -(ks + eH + eT)
        a[:, 3, 3] = -kB
        # Per interval: the 16 entries as contiguous arrays over the patients, and the two decay factors.
        props = [np.ascontiguousarray(exponentials(a, d).reshape(n, 16).T) for d in sc.intervals]
        free = [np.exp(-kE * d) for d in sc.intervals]
        labile = [np.exp(-kL * d) for d in sc.intervals]
        single = self.outcomes.shape[1] == 1
        if single:
            parts = [np.ascontiguousarray(self.outcomes[:, 0, j]) for j in range(6)]
        rows = np.arange(n)

        t, h, s = self.p[:, 12].copy(), self.p[:, 13].copy(), self.p[:, 14].copy()
        b, e, l = np.zeros(n), np.zeros(n), np.zeros(n)
        t2, h2, s2, w = np.empty(n), np.empty(n), np.empty(n), np.empty(n)
        stats = RowStatistics(sc)
        for v, action in zip(sc.step_interval, sc.step_action):
            if v >= 0:
                m = props[v]
                for out, i in ((t2, 0), (h2, 4), (s2, 8)):
                    np.multiply(m[i], t, out=out)
                    np.multiply(m[i + 1], h, out=w)
                    out += w
                    np.multiply(m[i + 2], s, out=w)
                    out += w
                    np.multiply(m[i + 3], b, out=w)
                    out += w
                b *= m[15]
                t, t2, h, h2, s, s2 = t2, t, h2, h, s2, s
                e *= free[v]
                l *= labile[v]
            if action >= 0:
                if single:
                    tc, hc, pb, tissue, kept, absorbed = parts
                else:
                    o = self.outcomes[rows, self.outcome_index[:, action]]
                    tc, hc, pb, tissue, kept, absorbed = o.T
                u = kept / mmax
                tanh = np.where(u < 0.01, u * (1 - u * u * ((1.0 / 3) - u * u * 2.0 / 15)), np.tanh(u))
                x = (((t + h) + s) + b) / mmax
                with np.errstate(divide="ignore", invalid="ignore"):
                    accepted = np.where((x < 1) & (kept > 0), np.minimum(kept, mmax * tanh * (1 - x * x) / (1 + x * tanh)), 0.0)
                    f = np.where(kept > 0, accepted / kept, 0.0)
                t += f * tc
                h += f * hc
                b += f * pb
                s += f * tissue
                l += kept - accepted
                e += absorbed - kept
            elif action != NO_ACTION:
                k = ~action
                serum = (t + h + b) * per_plasma + e * per_ecf
                stats.add(k, s, serum)
                if series is not None:
                    series[:, k, 0] = s
                    series[:, k, 1] = serum
        return stats


def main():
    sc = Scenario(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
    everyone = Population(sc)

    def series():
        out = np.empty((sc.agree, sc.rows, 2))
        Population(sc, sc.agree).run(out)
        return out[:, :, 0], out[:, :, 1]

    serve("numpy", sc, lambda: everyone.run().below, series)


if __name__ == "__main__":
    main()
