using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    /// <summary>Propagators kept per thread by <see cref="Cached"/>.</summary>
    private const int CacheSize = 8;

    [ThreadStatic]
    private static CacheEntry[]? t_cache;

    [ThreadStatic]
    private static int t_next;

    /// <summary>The propagators <see cref="Cached"/> computed on this thread (cache misses), for the tests that equal sets share the cache.</summary>
    [ThreadStatic]
    internal static long t_created;

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

    /// <summary>
    /// <see cref="Create"/>, from a small per-thread cache keyed by the rates (by value) and the interval: a repeated run
    /// of one physiology, or a scan that varies only the doses, computes each propagator once. A hit returns the very
    /// matrix a recomputation would. Bounded (<see cref="CacheSize"/> entries per thread).
    /// </summary>
    public static Propagator Cached(in PoolRates r, long ticks)
    {
        var cache = t_cache ??= new CacheEntry[CacheSize];
        foreach (ref readonly var entry in cache.AsSpan())
        {
            if (entry.Ticks == ticks && entry.Filled && entry.Rates == r)
            {
                return entry.Propagator;
            }
        }

        var propagator = Create(in r, ticks);
        t_created++;
        cache[t_next] = new(true, r, ticks, propagator);
        t_next = (t_next + 1) % CacheSize;
        return propagator;
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

    private readonly record struct CacheEntry(bool Filled, PoolRates Rates, long Ticks, Propagator Propagator);
}

/// <summary>
/// A 4×4 matrix of doubles, row-major, on the stack. The products and sums work a row at a time (four lanes of a
/// vector where the hardware has them, else the same loop element by element); each entry is computed by the same
/// operations in the same order either way, <c>((a₀b₀ + a₁b₁) + a₂b₂) + a₃b₃</c> (no fused multiply-add), so the result
/// does not depend on the hardware.
/// </summary>
[InlineArray(Size * Size)]
internal struct Matrix4
{
    /// <summary>Rows and columns.</summary>
    public const int Size = 4;

    private double _element;

    public static Matrix4 Identity
    {
        get
        {
            var m = default(Matrix4);
            for (var i = 0; i < Size; i++)
            {
                m[i, i] = 1;
            }

            return m;
        }
    }

    public double this[int row, int column]
    {
        readonly get => this[(row * Size) + column];
        set => this[(row * Size) + column] = value;
    }

    public static Matrix4 Multiply(in Matrix4 a, in Matrix4 b)
    {
        var m = default(Matrix4);
        if (Vector256.IsHardwareAccelerated && Size == Vector256<double>.Count)
        {
            ref readonly var rb = ref b[0];
            var b0 = Vector256.LoadUnsafe(in rb);
            var b1 = Vector256.LoadUnsafe(in rb, Size);
            var b2 = Vector256.LoadUnsafe(in rb, 2 * Size);
            var b3 = Vector256.LoadUnsafe(in rb, 3 * Size);
            for (var i = 0; i < Size; i++)
            {
                var r = (Vector256.Create(a[i, 0]) * b0) + (Vector256.Create(a[i, 1]) * b1);
                r += Vector256.Create(a[i, 2]) * b2;
                r += Vector256.Create(a[i, 3]) * b3;
                r.StoreUnsafe(ref m[0], (nuint)(i * Size));
            }

            return m;
        }

        for (var i = 0; i < Size; i++)
        {
            for (var j = 0; j < Size; j++)
            {
                var sum = a[i, 0] * b[0, j];
                for (var k = 1; k < Size; k++)
                {
                    sum += a[i, k] * b[k, j];
                }

                m[i, j] = sum;
            }
        }

        return m;
    }

    public void Scale(double factor)
    {
        Span<double> all = this;
        if (Vector256.IsHardwareAccelerated && all.Length % Vector256<double>.Count == 0)
        {
            ref var r = ref all[0];
            var f = Vector256.Create(factor);
            for (nuint i = 0; i < (nuint)all.Length; i += (nuint)Vector256<double>.Count)
            {
                (Vector256.LoadUnsafe(ref r, i) * f).StoreUnsafe(ref r, i);
            }

            return;
        }

        foreach (ref var x in all)
        {
            x *= factor;
        }
    }

    public void Add(in Matrix4 other)
    {
        Span<double> all = this;
        ReadOnlySpan<double> add = other;
        if (Vector256.IsHardwareAccelerated && all.Length % Vector256<double>.Count == 0)
        {
            ref var r = ref all[0];
            ref readonly var o = ref add[0];
            for (nuint i = 0; i < (nuint)all.Length; i += (nuint)Vector256<double>.Count)
            {
                (Vector256.LoadUnsafe(ref r, i) + Vector256.LoadUnsafe(in o, i)).StoreUnsafe(ref r, i);
            }

            return;
        }

        for (var i = 0; i < all.Length; i++)
        {
            all[i] += add[i];
        }
    }
}
