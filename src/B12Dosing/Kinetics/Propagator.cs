using System.Runtime.CompilerServices;

namespace B12Dosing.Kinetics;

/// <summary>
/// The exact solution over one interval of the linear system between doses (<see cref="PoolRates"/>): the 4×4 matrix
/// exponential <c>exp(A·Δt)</c> of the coupled pools <c>[T, H, S, B]</c> and the decay factors of the free pool
/// <c>E</c> and the labile excess <c>L</c>. <c>A</c> is a compartmental (Metzler) matrix, its off-diagonal entries not
/// negative, so with <c>c = max |A_ii|</c>, <c>exp(A·Δt) = e^{−cΔt}·exp((A + cI)·Δt)</c> where <c>A + cI</c> is
/// non-negative: scaled by <c>2^−s</c> until its norm is at most 1/2, its Taylor series (20 terms, truncation below
/// 1e-25) adds only non-negative terms, and squaring non-negative matrices adds only non-negative products, so every
/// entry, however small, is exact to a few units of rounding per squaring (no cancellation; Xue &amp; Ye's argument for
/// essentially non-negative matrices).
/// </summary>
internal readonly struct Propagator
{
    /// <summary>Row-major <c>exp(A·Δt)</c> over <c>[T, H, S, B]</c>.</summary>
    public readonly Matrix4 Core;

    /// <summary>The decay factors of E and L over the interval.</summary>
    public readonly double Free, Labile;

    private Propagator(in Matrix4 core, double free, double labile)
    {
        Core = core;
        Free = free;
        Labile = labile;
    }

    /// <summary>The generator <c>A</c> of <c>[T, H, S, B]</c>, per day.</summary>
    public static Matrix4 Generator(in PoolRates r)
    {
        var m = default(Matrix4);
        double kT = r.TranscobalaminPerDay, φ = r.TranscobalaminToHaptocorrinFraction, kH = r.HaptocorrinPerDay, eH = r.HaptocorrinReleasePerDay, eT = r.TranscobalaminReleasePerDay;
        double kB = r.ProteinBoundPerDay, θ = r.HaptocorrinShare;
        m[0, 0] = -kT;
        m[0, 2] = r.ReabsorptionPerDay + eT;
        m[0, 3] = (1 - θ) * kB;
        m[1, 0] = φ * kT;
        m[1, 1] = -kH;
        m[1, 2] = eH;
        m[1, 3] = θ * kB;
        m[2, 0] = (1 - φ) * kT;
        m[2, 1] = kH;
        m[2, 2] = -(r.StoreExitPerDay + eH + eT);
        m[3, 3] = -kB;
        return m;
    }

    /// <summary>exp(A·Δt) over <paramref name="ticks"/>.</summary>
    public static Propagator Create(in PoolRates r, long ticks)
    {
        var days = ticks / (double)TimeSpan.TicksPerDay;
        var a = Generator(in r);
        var c = 0.0;
        for (var i = 0; i < 4; i++)
        {
            c = Math.Max(c, -a[i, i]);
        }

        // N = (A + cI)·Δt ≥ 0, scaled by 2^−s so that its 1-norm (largest column sum) is at most 1/2.
        var n = a;
        for (var i = 0; i < 4; i++)
        {
            n[i, i] += c;
        }

        var norm = 0.0;
        for (var j = 0; j < 4; j++)
        {
            norm = Math.Max(norm, (n[0, j] + n[1, j] + n[2, j] + n[3, j]) * days);
        }

        var s = norm > 0.5 ? (int)Math.Ceiling(Math.Log2(norm / 0.5)) : 0;
        var h = days * Math.ScaleB(1, -s);
        n.Scale(h);

        // exp(N) by its Taylor series: term_k = term_{k−1}·N/k, all entries non-negative.
        var sum = Matrix4.Identity;
        var term = Matrix4.Identity;
        for (var k = 1; k <= 20; k++)
        {
            term = Matrix4.Multiply(in term, in n);
            term.Scale(1.0 / k);
            sum.Add(in term);
        }

        sum.Scale(Math.Exp(-c * h));
        for (var i = 0; i < s; i++)
        {
            sum = Matrix4.Multiply(in sum, in sum);
        }

        return new(in sum, Math.Exp(-r.FreePerDay * days), Math.Exp(-r.LabilePerDay * days));
    }
}

/// <summary>A 4×4 matrix of doubles, row-major, on the stack.</summary>
[InlineArray(16)]
internal struct Matrix4
{
    private double _element;

    public static Matrix4 Identity
    {
        get
        {
            var m = default(Matrix4);
            m[0, 0] = m[1, 1] = m[2, 2] = m[3, 3] = 1;
            return m;
        }
    }

    public double this[int row, int column]
    {
        readonly get => this[(row * 4) + column];
        set => this[(row * 4) + column] = value;
    }

    public static Matrix4 Multiply(in Matrix4 a, in Matrix4 b)
    {
        var m = default(Matrix4);
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                m[i, j] = (a[i, 0] * b[0, j]) + (a[i, 1] * b[1, j]) + (a[i, 2] * b[2, j]) + (a[i, 3] * b[3, j]);
            }
        }

        return m;
    }

    public void Scale(double factor)
    {
        for (var i = 0; i < 16; i++)
        {
            this[i] *= factor;
        }
    }

    public void Add(in Matrix4 other)
    {
        for (var i = 0; i < 16; i++)
        {
            this[i] += other[i];
        }
    }
}
