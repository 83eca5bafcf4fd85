using System.Collections.Immutable;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using MathNet.Numerics;

namespace B12Dosing.Estimation;

/// <summary>
/// The posterior of one person's parameters over standardised coordinates: parameter <c>k</c>'s factor is
/// <c>exp(σ_k·z_k)</c>, the prior of <c>z_k</c> the standard normal truncated to [<c>ln(min)/σ</c>, <c>ln(max)/σ</c>] (the
/// population's <see cref="Variation"/>), and the likelihood that of the observations under a log-normal assay error,
/// with values below a limit of quantification entering as <c>Φ((ln LOQ − ln ŷ)/s)</c> (M3). <see cref="Energy"/> is the
/// negative log of prior × likelihood with every normalising constant, so that its integral is the evidence.
/// </summary>
internal sealed class PersonPosterior
{
    private readonly SimulationPlan _plan;
    private readonly ParameterSet _preset;
    private readonly double _medianStores;
    private readonly int[] _rowOf;
    private readonly Observation[] _observations;
    private readonly double[] _sigma;
    private readonly double[] _logNormaliser;

    public PersonPosterior(ReadOnlySpan<DoseEvent> events, IReadOnlyList<Observation> observations, EstimationSettings settings, IReadOnlyList<EstimatedParameter> free)
    {
        Settings = settings;
        _preset = settings.Prior.ParametersFor(settings.Condition);
        _medianStores = settings.Prior.MedianInitialStoresMicrograms;
        Free = [.. free];
        var n = Free.Length;
        Lower = new double[n];
        Upper = new double[n];
        Scale = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = VariationOf(settings.Prior, Free[i]);
            Scale[i] = v.LogStandardDeviation;
            Lower[i] = Math.Log(v.MinimumFactor) / v.LogStandardDeviation;
            Upper[i] = Math.Log(v.MaximumFactor) / v.LogStandardDeviation;
        }

        _observations = [.. observations];
        var times = _observations.Select(o => o.Time).Distinct().Order().ToArray();
        var horizon = times.Length == 0 || times[^1] <= TimeSpan.Zero ? TimeSpan.FromDays(1) : times[^1];
        _plan = new SimulationPlan(events, new SimulationSettings(horizon) { SampleTimes = times });
        _rowOf = [.. _observations.Select(o => Array.BinarySearch(times, o.Time))];
        _sigma = [.. _observations.Select(o => settings.Assay.LogSigma(o.Analyte))];
        _logNormaliser = new double[n];
        for (var i = 0; i < n; i++)
        {
            _logNormaliser[i] = Math.Log(Math.Sqrt(2 * Math.PI) * (Normal(Upper[i]) - Normal(Lower[i])));
        }
    }

    public EstimationSettings Settings { get; }

    /// <summary>The parameters estimated, in <see cref="EstimatedParameter"/> order.</summary>
    public ImmutableArray<EstimatedParameter> Free { get; }

    /// <summary>Bounds and σ of each free coordinate.</summary>
    public double[] Lower { get; }

    public double[] Upper { get; }

    public double[] Scale { get; }

    public int Dimension => Free.Length;

    public int ObservationCount => _observations.Length;

    /// <summary>The variation of a parameter in a population model.</summary>
    public static Variation VariationOf(PopulationModel prior, EstimatedParameter parameter) => parameter switch
    {
        EstimatedParameter.InitialStores => prior.InitialStores,
        EstimatedParameter.IntrinsicFactorCapacity => prior.IntrinsicFactorCapacity,
        EstimatedParameter.PassiveFraction => prior.PassiveFraction,
        EstimatedParameter.StoreLoss => prior.StoreLoss,
        _ => prior.RetentionCapacity,
    };

    /// <summary>The factor of each of the five parameters at <paramref name="z"/> (1 for those not free).</summary>
    public double[] Factors(ReadOnlySpan<double> z)
    {
        var f = new double[5] { 1, 1, 1, 1, 1 };
        for (var i = 0; i < Free.Length; i++)
        {
            f[(int)Free[i]] = Math.Exp(Scale[i] * z[i]);
        }

        return f;
    }

    /// <summary>The person at <paramref name="z"/>: physiology and initial stores, µg.</summary>
    public (ParameterSet ParameterSet, double StoresMicrograms) Person(ReadOnlySpan<double> z)
    {
        var f = Factors(z);
        return (PopulationModel.Build(_preset, f[1], f[2], f[3], f[4]), _medianStores * f[0]);
    }

    /// <summary>The model's value for each observation (pmol/L) at <paramref name="z"/>.</summary>
    public void Predict(ReadOnlySpan<double> z, Span<double> predicted)
    {
        var (physiology, stores) = Person(z);
        Span<PoolState> rows = _plan.OutputCount <= 64 ? stackalloc PoolState[_plan.OutputCount] : new PoolState[_plan.OutputCount];
        Simulator.Run(_plan, physiology, Mass.FromMicrograms(stores), rows);
        for (var i = 0; i < _observations.Length; i++)
        {
            var row = rows[_rowOf[i]];
            predicted[i] = _observations[i].Analyte == SerumAnalyte.TotalB12
                ? SerumModel.ToPicomolesPerLiter(row.SerumPicogramsPerMilliliter)
                : row.HoloTranscobalaminPicomolesPerLiter;
        }
    }

    /// <summary>Whether <paramref name="z"/> lies in the prior's box.</summary>
    public bool Inside(ReadOnlySpan<double> z)
    {
        for (var i = 0; i < z.Length; i++)
        {
            if (!(z[i] >= Lower[i] && z[i] <= Upper[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>−ln(prior density × likelihood) at <paramref name="z"/> (inside the box), with every constant.</summary>
    public double Energy(ReadOnlySpan<double> z)
    {
        var energy = 0.0;
        for (var i = 0; i < z.Length; i++)
        {
            energy += (0.5 * z[i] * z[i]) + _logNormaliser[i];
        }

        if (_observations.Length == 0)
        {
            return energy;
        }

        Span<double> predicted = _observations.Length <= 64 ? stackalloc double[_observations.Length] : new double[_observations.Length];
        Predict(z, predicted);
        for (var i = 0; i < _observations.Length; i++)
        {
            var s = _sigma[i];
            var logY = Math.Log(_observations[i].PicomolesPerLiter);
            var r = (logY - Math.Log(Math.Max(predicted[i], 1e-300))) / s;
            energy += _observations[i].IsBelowLimit
                ? -LogNormalCdf(r)
                : (0.5 * r * r) + Math.Log(s * Math.Sqrt(2 * Math.PI)) + logY;
        }

        return energy;
    }

    /// <summary>ln Φ(x), accurate far into the lower tail (the asymptotic series below −30).</summary>
    internal static double LogNormalCdf(double x) => x > -30
        ? Math.Log(0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2)))
        : (-0.5 * x * x) - Math.Log(-x) - (0.5 * Math.Log(2 * Math.PI)) + Math.Log(1 - (1 / (x * x)));

    internal static double Normal(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));
}
