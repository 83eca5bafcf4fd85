"""Peer (c): scipy's LSODA (scipy.integrate.odeint) with all patients in one banded system.

Usage (run.sh's driver starts it): /usr/bin/python3 scipy_peer.py <dir> [patients]
The state is the six pools of every patient side by side, [T, H, S, B, E, L] per patient, so the Jacobian (constant:
the model is linear between intakes) is banded, 2 below and 3 above the diagonal; the right-hand side is vectorised
over the patients and the Jacobian is given in LSODA's packed banded form (ml 2, mu 3). One odeint call per stretch
between intake instants, with the rows inside it as its output times (every patient doses at the same instants);
at an intake the store limit is applied to all patients at once. rtol 1e-10, atol 1e-12 µg. odeint rather than
solve_ivp(method="LSODA"), which drives the same Fortran one step at a time from Python and is several times slower
on this problem.
"""
import sys

import numpy as np
from scipy.integrate import odeint

from scenario import RowStatistics, Scenario, serve, timeline

RTOL = 1e-10
ATOL = 1e-12  # µg: far below the smallest pool that matters (holoTC, about 0.3 µg)
LBAND, UBAND = 2, 3


class Population:
    def __init__(self, sc, patients):
        self.sc = sc
        self.n = patients
        p = sc.patients[:patients]
        kT, phi, kH, eH, eT, r, ks, kB, theta, kE, kL = (p[:, j] for j in range(11))
        self.mmax, self.y0 = p[:, 11], p[:, 12:15]
        self.per_plasma, self.per_ecf = p[:, 15], p[:, 16]
        self.outcomes = sc.outcomes[:patients]
        self.outcome_index = sc.outcome_index[:patients]
        # Row i of the pools' generator, per patient: the coefficients of the right-hand side.
        self.c = dict(tt=-kT, ts=r + eT, tb=(1 - theta) * kB, ht=phi * kT, hh=-kH, hs=eH, hb=theta * kB,
                      st=(1 - phi) * kT, sh=kH, ss=-(ks + eH + eT), bb=-kB, ee=-kE, ll=-kL)
        # The packed banded Jacobian: entry (i, j) of the full matrix at row UBAND + i - j, column j.
        jac = np.zeros((LBAND + UBAND + 1, 6 * patients))
        base = 6 * np.arange(patients)
        for (i, j), value in {(0, 0): "tt", (0, 2): "ts", (0, 3): "tb", (1, 0): "ht", (1, 1): "hh", (1, 2): "hs", (1, 3): "hb",
                              (2, 0): "st", (2, 1): "sh", (2, 2): "ss", (3, 3): "bb", (4, 4): "ee", (5, 5): "ll"}.items():
            jac[UBAND + i - j, base + j] = self.c[value]
        self.jac = jac
        self.timeline = timeline(sc)

    def jacobian(self, t, y):
        return self.jac

    def rhs(self, t, y):
        c = self.c
        y = y.reshape(-1, 6)
        d = np.empty_like(y)
        d[:, 0] = c["tt"] * y[:, 0] + c["ts"] * y[:, 2] + c["tb"] * y[:, 3]
        d[:, 1] = c["ht"] * y[:, 0] + c["hh"] * y[:, 1] + c["hs"] * y[:, 2] + c["hb"] * y[:, 3]
        d[:, 2] = c["st"] * y[:, 0] + c["sh"] * y[:, 1] + c["ss"] * y[:, 2]
        d[:, 3] = c["bb"] * y[:, 3]
        d[:, 4] = c["ee"] * y[:, 4]
        d[:, 5] = c["ll"] * y[:, 5]
        return d.ravel()

    def run(self, series=None):
        sc, n = self.sc, self.n
        stats = RowStatistics(sc)
        y = np.zeros((n, 6))
        y[:, :3] = self.y0
        t = 0.0
        pending = []
        last_kept = np.full(n, np.nan)
        tanh = np.zeros(n)

        def row(k, pools):
            serum = (pools[:, 0] + pools[:, 1] + pools[:, 3]) * self.per_plasma + pools[:, 4] * self.per_ecf
            stats.add(k, pools[:, 2], serum)
            if series is not None:
                series[:, k, 0] = pools[:, 2]
                series[:, k, 1] = serum

        def advance(to):
            nonlocal y, t, pending
            times = [t] + [time for time, _ in pending]
            if times[-1] != to:
                times.append(to)
            sol, info = odeint(self.rhs, y.ravel(), times, Dfun=self.jacobian, ml=LBAND, mu=UBAND, rtol=RTOL, atol=ATOL,
                               tfirst=True, full_output=True, mxstep=100000)
            if info["message"] != "Integration successful.":
                raise RuntimeError(info["message"])
            for (_, k), state in zip(pending, sol[1:]):
                row(k, state.reshape(n, 6))
            y = sol[-1].reshape(n, 6).copy()
            t, pending = to, []

        for time, action in self.timeline:
            if action < 0:
                if time == t:
                    row(~action, y)
                else:
                    pending.append((time, ~action))
                continue
            if time > t:
                advance(time)
            o = self.outcomes[np.arange(n), self.outcome_index[:, action]]
            kept = o[:, 4]
            changed = kept != last_kept
            u = kept / self.mmax
            tanh = np.where(changed, np.where(u < 0.01, u * (1 - u * u * ((1.0 / 3) - u * u * 2.0 / 15)), np.tanh(u)), tanh)
            last_kept = kept
            x = y[:, :4].sum(axis=1) / self.mmax
            with np.errstate(divide="ignore", invalid="ignore"):
                accepted = np.where((x < 1) & (kept > 0), np.minimum(kept, self.mmax * tanh * (1 - x * x) / (1 + x * tanh)), 0.0)
                f = np.where(kept > 0, accepted / kept, 0.0)
            y[:, 0] += f * o[:, 0]
            y[:, 1] += f * o[:, 1]
            y[:, 3] += f * o[:, 2]
            y[:, 2] += f * o[:, 3]
            y[:, 5] += kept - accepted
            y[:, 4] += o[:, 5] - kept
        if pending:
            advance(pending[-1][0])
        return stats


def main():
    sc = Scenario(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
    everyone = Population(sc, sc.n)

    def series():
        out = np.empty((sc.agree, sc.rows, 2))
        Population(sc, sc.agree).run(out)
        return out[:, :, 0], out[:, :, 1]

    serve("scipy", sc, lambda: everyone.run().below, series)


if __name__ == "__main__":
    main()
