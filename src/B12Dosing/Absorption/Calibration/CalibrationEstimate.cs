using B12Dosing.Parameters;
using B12Dosing.Population;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace B12Dosing.Absorption.Calibration;

/// <summary>
/// The calibration as data: the fits of <see cref="Calibrator"/> (values, standard errors, the covariance on each
/// parameter's estimation scale, the points and weights), shipped with the library as <see cref="Current"/> (generated
/// into <c>CalibrationData.g.cs</c> by <c>dotnet run --project tools/B12Dosing.Calibration -- --write</c>, which also writes
/// <c>docs/calibration.md</c> from the same estimate). <see cref="Draw(int, ulong)"/> draws parameter sets from it for the
/// model's own uncertainty (not between-person variation). The fits are independent of each other (the covariance is
/// block-diagonal). Immutable.
/// </summary>
public sealed partial class CalibrationEstimate
{
    /// <summary>Draws rejected in a row (outside the bounds or the cross-parameter rules) before <see cref="Draw(Physiology, int, ulong)"/> gives up.</summary>
    private const int MaximumRejections = 10_000;

    private readonly Matrix<double> _cholesky;

    /// <summary>An estimate from its fits.</summary>
    /// <exception cref="ArgumentException">No fits, or a parameter is fitted twice.</exception>
    public CalibrationEstimate(IEnumerable<CalibrationFit> fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        Fits = [.. fits];
        Parameters = [.. Fits.SelectMany(f => f.Parameters)];
        if (Fits.Count == 0 || Parameters.Distinct().Count() != Parameters.Count)
        {
            throw new ArgumentException("An estimate needs at least one fit, and each parameter fitted once.", nameof(fits));
        }

        var k = Parameters.Count;
        var covariance = Matrix<double>.Build.Dense(k, k);
        var offset = 0;
        foreach (var fit in Fits)
        {
            for (var i = 0; i < fit.Parameters.Count; i++)
            {
                for (var j = 0; j < fit.Parameters.Count; j++)
                {
                    covariance[offset + i, offset + j] = fit.Covariance(i, j);
                }
            }

            offset += fit.Parameters.Count;
        }

        try
        {
            _cholesky = covariance.Cholesky().Factor;
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("The covariance is not positive definite.", nameof(fits), e);
        }

        Values = [.. Fits.SelectMany(f => f.Values)];
    }

    /// <summary>The calibration shipped with the library (the fits behind the defaults of the fitted parameters).</summary>
    public static CalibrationEstimate Current => CalibrationData.Estimate;

    /// <summary>
    /// Model 3's calibration (<see cref="Physiology.WithFreeCapacity"/>): its joint fit to the published points of sections
    /// 2, 6 and 8 of the shared reference, each weighed one per band (<c>docs/model.md</c>, 1.2b), with the covariance on
    /// each parameter's estimation scale, generated into <c>FreeCapacityData.g.cs</c> by
    /// <c>dotnet run --project tools/B12Dosing.Calibration -- --model3-write</c>. Draw from it around a model-3 set:
    /// <c>CalibrationEstimate.FreeCapacity.Draw(Physiology.Healthy.WithFreeCapacity(), count, seed)</c>.
    /// </summary>
    public static CalibrationEstimate FreeCapacity => FreeCapacityData.Estimate;

    /// <summary>The fits, in the order the calibrator runs them.</summary>
    public IReadOnlyList<CalibrationFit> Fits { get; }

    /// <summary>Every fitted parameter, fit after fit.</summary>
    public IReadOnlyList<ModelParameter> Parameters { get; }

    /// <summary>The fitted values, in the order of <see cref="Parameters"/> and each parameter's unit.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>The covariance of two fitted parameters on their estimation scales (0 between parameters of different fits).</summary>
    /// <exception cref="ArgumentException">A parameter is not fitted by this estimate.</exception>
    public double Covariance(ModelParameter row, ModelParameter column)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(column);
        foreach (var fit in Fits)
        {
            var (i, j) = (IndexIn(fit, row), IndexIn(fit, column));
            if (i >= 0 && j >= 0)
            {
                return fit.Covariance(i, j);
            }

            if (i >= 0 || j >= 0)
            {
                _ = Index(i >= 0 ? column : row);
                return 0;
            }
        }

        _ = Index(row);
        return 0;
    }

    /// <summary><paramref name="count"/> parameter sets drawn from the estimate around <see cref="Physiology.Healthy"/>; see <see cref="Draw(Physiology, int, ulong)"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<Physiology> Draw(int count, ulong seed) => Draw(Physiology.Healthy, count, seed);

    /// <summary>
    /// <paramref name="count"/> parameter sets drawn from the estimate: each a draw <c>η ~ N(η̂, Σ)</c> on the
    /// estimation scales (<see cref="ModelParameter.Scale"/>), applied to <paramref name="basis"/> as the shift
    /// <c>η − η̂</c> on each parameter's scale (so a condition's changes are kept: a capacity of 0, as without intrinsic
    /// factor, stays 0). A draw outside a parameter's bounds or breaking a cross-parameter rule is redrawn (the
    /// Gaussian truncated to the region the model accepts). Draw <c>i</c> comes from its own random stream
    /// (seed, <c>i</c>), so it does not depend on <paramref name="count"/> or on other draws.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">No acceptable draw was found in 10 000 tries (the basis is at the edge of the region).</exception>
    public IReadOnlyList<Physiology> Draw(Physiology basis, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var start = Parameters.Select(p => EstimationScale.To(p.Scale, p.ValueIn(basis))).ToArray();
        var sets = new Physiology[count];
        for (var n = 0; n < count; n++)
        {
            sets[n] = DrawOne(basis, start, seed, n);
        }

        return sets;
    }

    /// <summary>The shifts <c>η − η̂</c> of <paramref name="count"/> raw Gaussian draws (before truncation), for the tests.</summary>
    internal double[][] DrawShifts(int count, ulong seed) =>
        [.. Enumerable.Range(0, count).Select(n =>
        {
            var random = new PatientRandom(seed, n);
            return Shift(ref random);
        })];

    private Physiology DrawOne(Physiology basis, double[] start, ulong seed, int index)
    {
        var random = new PatientRandom(seed, index);
        for (var attempt = 0; attempt < MaximumRejections; attempt++)
        {
            var shift = Shift(ref random);
            var values = new KeyValuePair<string, double>[Parameters.Count];
            var inside = true;
            for (var i = 0; i < Parameters.Count && inside; i++)
            {
                var p = Parameters[i];
                var value = double.IsFinite(start[i]) ? EstimationScale.From(p.Scale, start[i] + shift[i]) : p.ValueIn(basis);
                inside = value >= p.Minimum && value <= p.Maximum;
                values[i] = new(p.Name, value);
            }

            if (!inside)
            {
                continue;
            }

            try
            {
                return basis.With(values);
            }
            catch (ArgumentException)
            {
                // breaks a cross-parameter rule (absorbs more than a small dose; no room for haptocorrin): redraw
            }
        }

        throw new InvalidOperationException($"No draw from the calibration estimate was accepted in {MaximumRejections} tries around this parameter set.");
    }

    private double[] Shift(ref PatientRandom random)
    {
        var z = Vector<double>.Build.Dense(Parameters.Count);
        for (var i = 0; i < z.Count; i++)
        {
            z[i] = Normal.InvCDF(0, 1, random.NextOpenUnit());
        }

        return [.. _cholesky * z];
    }

    private int Index(ModelParameter parameter)
    {
        var index = Parameters.ToList().IndexOf(parameter);
        return index >= 0 ? index : throw new ArgumentException($"{parameter.Name} is not fitted by this estimate; the fitted parameters are {string.Join(", ", Parameters.Select(p => p.Name))}.", nameof(parameter));
    }

    private static int IndexIn(CalibrationFit fit, ModelParameter parameter) => fit.Parameters.ToList().IndexOf(parameter);
}
