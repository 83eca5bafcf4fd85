using MathNet.Numerics.LinearAlgebra;

namespace B12Dosing.Estimation;

/// <summary>
/// The numerical parts of an estimate: the mode of a posterior in a box (Newton steps with Levenberg-Marquardt damping on
/// central finite differences, projected onto the box, coordinates at a bound held while the gradient pushes outwards)
/// and the Hessian for the Laplace approximation.
/// </summary>
internal static class PosteriorSearch
{
    /// <summary>Step of the central differences of the gradient (standardised units).</summary>
    private const double GradientStep = 1e-5;

    /// <summary>Step of the central differences of the Hessian.</summary>
    private const double HessianStep = 1e-3;

    /// <summary>The projected gradient below which the search has converged (energy per standardised unit).</summary>
    internal const double GradientTolerance = 1e-6;

    /// <summary>The most Newton iterations before the search is called premature.</summary>
    internal const int MaximumIterations = 100;

    public readonly record struct Mode(double[] Z, double Energy, int Iterations, bool Converged, bool[] AtBound);

    /// <summary>The mode of <paramref name="energy"/> in [<paramref name="lower"/>, <paramref name="upper"/>], from <paramref name="start"/>.</summary>
    public static Mode Minimize(Func<double[], double> energy, double[] lower, double[] upper, double[] start)
    {
        var n = start.Length;
        var z = (double[])start.Clone();
        var fz = energy(z);
        var lambda = 1e-3;
        var converged = false;
        var iterations = 0;
        var free = new bool[n];
        while (iterations < MaximumIterations)
        {
            iterations++;
            var g = Gradient(energy, z, lower, upper);
            var h = Hessian(energy, z, lower, upper);
            var largest = 0.0;
            for (var i = 0; i < n; i++)
            {
                var heldLow = z[i] <= lower[i] && g[i] > 0;
                var heldHigh = z[i] >= upper[i] && g[i] < 0;
                free[i] = !(heldLow || heldHigh);
                largest = free[i] ? Math.Max(largest, Math.Abs(g[i])) : largest;
            }

            if (largest < GradientTolerance)
            {
                converged = true;
                break;
            }

            var moved = false;
            while (lambda < 1e12)
            {
                var step = DampedStep(h, g, free, lambda);
                if (step is null)
                {
                    lambda *= 10;
                    continue;
                }

                var trial = new double[n];
                var size = 0.0;
                for (var i = 0; i < n; i++)
                {
                    trial[i] = Math.Clamp(z[i] + step[i], lower[i], upper[i]);
                    size = Math.Max(size, Math.Abs(trial[i] - z[i]));
                }

                var ft = energy(trial);
                if (ft <= fz)
                {
                    moved = size > 1e-12;
                    (z, fz) = (trial, ft);
                    lambda = Math.Max(lambda / 10, 1e-9);
                    break;
                }

                lambda *= 10;
            }

            if (!moved)
            {
                // No step lowers the energy: a minimum to the precision of the differences, if the gradient is small.
                converged = largest < 1e3 * GradientTolerance;
                break;
            }
        }

        var atBound = new bool[n];
        for (var i = 0; i < n; i++)
        {
            atBound[i] = z[i] <= lower[i] + 1e-9 || z[i] >= upper[i] - 1e-9;
        }

        return new(z, fz, iterations, converged, atBound);
    }

    /// <summary>The Newton step on the free coordinates, damped by λ·max(diag, 1); null if the damped matrix is not positive definite.</summary>
    private static double[]? DampedStep(double[,] h, double[] g, bool[] free, double lambda)
    {
        var index = Enumerable.Range(0, g.Length).Where(i => free[i]).ToArray();
        var step = new double[g.Length];
        if (index.Length == 0)
        {
            return step;
        }

        var m = Matrix<double>.Build.Dense(index.Length, index.Length, (r, c) => h[index[r], index[c]] + (r == c ? lambda * Math.Max(Math.Abs(h[index[r], index[r]]), 1) : 0));
        var cholesky = TryCholesky(m);
        if (cholesky is null)
        {
            return null;
        }

        var d = cholesky.Solve(Vector<double>.Build.Dense(index.Length, r => -g[index[r]]));
        for (var r = 0; r < index.Length; r++)
        {
            step[index[r]] = d[r];
        }

        return step;
    }

    /// <summary>The Cholesky factor of a symmetric matrix, or null if it is not positive definite.</summary>
    internal static MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double>? TryCholesky(Matrix<double> m)
    {
        try
        {
            return m.Cholesky();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The centre of a stencil of half-width <paramref name="step"/>·2 kept inside the box.</summary>
    private static double[] Centre(double[] z, double[] lower, double[] upper, double step)
    {
        var c = new double[z.Length];
        for (var i = 0; i < z.Length; i++)
        {
            c[i] = Math.Clamp(z[i], lower[i] + (2 * step), upper[i] - (2 * step));
        }

        return c;
    }

    public static double[] Gradient(Func<double[], double> energy, double[] z, double[] lower, double[] upper)
    {
        var c = Centre(z, lower, upper, GradientStep);
        var g = new double[z.Length];
        for (var i = 0; i < z.Length; i++)
        {
            var p = (double[])c.Clone();
            p[i] += GradientStep;
            var m = (double[])c.Clone();
            m[i] -= GradientStep;
            g[i] = (energy(p) - energy(m)) / (2 * GradientStep);
        }

        return g;
    }

    public static double[,] Hessian(Func<double[], double> energy, double[] z, double[] lower, double[] upper)
    {
        const double s = HessianStep;
        var c = Centre(z, lower, upper, s);
        var n = z.Length;
        var h = new double[n, n];
        var f0 = energy(c);
        double At(int i, double di, int j, double dj)
        {
            var p = (double[])c.Clone();
            p[i] += di;
            p[j] += dj;
            return energy(p);
        }

        for (var i = 0; i < n; i++)
        {
            h[i, i] = (At(i, s, i, 0) - (2 * f0) + At(i, -s, i, 0)) / (s * s);
            for (var j = 0; j < i; j++)
            {
                h[i, j] = h[j, i] = (At(i, s, j, s) - At(i, s, j, -s) - At(i, -s, j, s) + At(i, -s, j, -s)) / (4 * s * s);
            }
        }

        return h;
    }
}
