namespace B12Dosing.Kinetics;

/// <summary>
/// The exact solution over one interval of the linear system between doses,
/// <c>d/dt [P, S] = A·[P, S]</c> with <c>A = [[−k_t, β·k_b], [k_t, −(k_b + k_o)]]</c>: the 2×2 matrix exponential
/// <c>exp(A·Δt)</c> from the eigenvalues of <c>A</c> (real and not positive, since the off-diagonal terms are not
/// negative; equal only when <c>k_t = k_b + k_o</c> and <c>β·k_b = 0</c>).
/// </summary>
internal readonly struct Propagator
{
    public readonly double PP, PS, SP, SS;

    private Propagator(double pp, double ps, double sp, double ss)
    {
        PP = pp;
        PS = ps;
        SP = sp;
        SS = ss;
    }

    /// <summary>exp(A·Δt) over <paramref name="ticks"/> for transit rate <paramref name="kt"/>, bile-reabsorption rate <paramref name="r"/> (β·k_b) and store exit rate <paramref name="ks"/> (k_b + k_o), per day.</summary>
    public static Propagator Create(double kt, double r, double ks, long ticks)
    {
        var days = ticks / (double)TimeSpan.TicksPerDay;
        var trace = -(kt + ks);
        var det = kt * (ks - r);
        var disc = Math.Sqrt(((kt - ks) * (kt - ks)) + (4 * kt * r));
        var l1 = (trace - disc) / 2;
        var l2 = det / l1;
        var z = (l1 - l2) * days;
        if (z > -1e-3)
        {
            // Close eigenvalues (or a very short step): e1 − e2 would cancel (at z = −1e-11, 1e-5 relative error), so
            // exp(At) = e2·I + D·(A − l2·I) with the divided difference D = (e1 − e2)/(l1 − l2) = t·e2·(e^z − 1)/z by its
            // series, exact to z⁵/720 < 2e-18. This also covers a repeated eigenvalue (z = 0: D = t·e^{λt}).
            var e = Math.Exp(l2 * days);
            var divided = days * e * (1 + (z * ((1.0 / 2) + (z * ((1.0 / 6) + (z * ((1.0 / 24) + (z / 120))))))));
            return new(e + (divided * (-kt - l2)), r * divided, kt * divided, e + (divided * (-ks - l2)));
        }

        // The factors −k_t − λ and −k_s − λ, each with its sign (−k_t − l1 ≥ 0 ≥ −k_t − l2, and the same for k_s): the two
        // that are differences of nearly equal numbers are written as 2·k_t·r/(disc + |k_t − k_s|) (since
        // disc² − (k_t − k_s)² = 4·k_t·r), so that no rounding flips a sign. Then every entry is a difference of terms of
        // opposite signs and is never negative (issue 12: with e1 underflowed, −k_t − l1 rounded below zero made the plasma
        // after a long step −1e-32 µg instead of 0).
        var gap = kt - ks;
        var small = 2 * kt * r / (disc + Math.Abs(gap));
        var large = (Math.Abs(gap) + disc) / 2;
        var (pPlus, pMinus, sPlus, sMinus) = gap >= 0 ? (small, -large, large, -small) : (large, -small, small, -large);
        var e1 = Math.Exp(l1 * days);
        var e2 = Math.Exp(l2 * days);
        var d = l1 - l2;
        return new(
            ((e1 * pMinus) - (e2 * pPlus)) / d,
            r * (e1 - e2) / d,
            kt * (e1 - e2) / d,
            ((e1 * sMinus) - (e2 * sPlus)) / d);
    }
}
