namespace B12Dosing.Kinetics;

/// <summary>
/// The exact solution over one interval of the linear system between doses,
/// <c>d/dt [P, S] = A·[P, S]</c> with <c>A = [[−k_t, β·k_b], [k_t, −(k_b + k_o)]]</c>: the 2×2 matrix exponential
/// <c>exp(A·Δt)</c> from the eigenvalues of <c>A</c> (real, distinct and not positive, since the off-diagonal terms
/// are not negative).
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
        if (disc <= 1e-12 * -trace)
        {
            // Repeated eigenvalue λ: exp(At) = e^{λt}(I + (A − λI)t).
            var e = Math.Exp(l1 * days);
            return new(e * (1 + ((-kt - l1) * days)), e * r * days, e * kt * days, e * (1 + ((-ks - l1) * days)));
        }

        var l2 = det / l1;
        var e1 = Math.Exp(l1 * days);
        var e2 = Math.Exp(l2 * days);
        var d = l1 - l2;
        return new(
            ((e1 * (-kt - l2)) - (e2 * (-kt - l1))) / d,
            r * (e1 - e2) / d,
            kt * (e1 - e2) / d,
            ((e1 * (-ks - l2)) - (e2 * (-ks - l1))) / d);
    }
}
