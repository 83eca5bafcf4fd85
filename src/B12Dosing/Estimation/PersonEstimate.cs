using System.Collections.Immutable;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;

namespace B12Dosing.Estimation;

/// <summary>How the intervals of an estimate were obtained.</summary>
public enum IntervalMethod
{
    /// <summary>No observation informs the parameter: its prior (the population's truncated log-normal) is given back.</summary>
    Prior,

    /// <summary>The Laplace approximation: a normal with the inverse Hessian of the log posterior at the mode as covariance.</summary>
    Laplace,

    /// <summary>Sampling-importance resampling from the Laplace approximation (a Student-t proposal), where the Laplace approximation is poor.</summary>
    ImportanceResampling,
}

/// <summary>
/// One parameter of a person's estimate: the mode and 90 % interval of its factor on the condition's preset (for
/// <see cref="EstimatedParameter.InitialStores"/>, on the prior's median stores), and its value in the parameter's unit.
/// </summary>
public sealed record ParameterEstimate
{
    internal ParameterEstimate(EstimatedParameter parameter, double preset, double factor, double lower, double upper, IntervalMethod method, bool atBound)
    {
        (Parameter, PresetValue, Factor, LowerFactor, UpperFactor, Method, AtBound) = (parameter, preset, factor, lower, upper, method, atBound);
    }

    /// <summary>The parameter.</summary>
    public EstimatedParameter Parameter { get; }

    /// <summary>The mode (maximum a posteriori) of the factor.</summary>
    public double Factor { get; }

    /// <summary>The 5th percentile of the factor's posterior.</summary>
    public double LowerFactor { get; }

    /// <summary>The 95th percentile of the factor's posterior.</summary>
    public double UpperFactor { get; }

    /// <summary>How the interval was obtained (<see cref="IntervalMethod.Prior"/>: the data do not inform this parameter).</summary>
    public IntervalMethod Method { get; }

    /// <summary>Whether the mode lies at a bound of the prior (the population's smallest or largest factor): the data push beyond what the prior allows.</summary>
    public bool AtBound { get; }

    /// <summary>The preset's value (median stores for initial stores) in <see cref="Unit"/>.</summary>
    internal double PresetValue { get; }

    /// <summary>The unit of the value: µg, a fraction, per day or µg/h.</summary>
    public string Unit => Parameter switch
    {
        EstimatedParameter.InitialStores or EstimatedParameter.IntrinsicFactorCapacity => "µg",
        EstimatedParameter.PassiveFraction => "fraction",
        EstimatedParameter.StoreLoss => "per day",
        _ => "µg/h",
    };

    /// <summary>The parameter's name for people, such as <c>initial stores</c>.</summary>
    public string Name => Parameter switch
    {
        EstimatedParameter.InitialStores => "initial stores",
        EstimatedParameter.IntrinsicFactorCapacity => "IF capacity",
        EstimatedParameter.PassiveFraction => "passive fraction",
        EstimatedParameter.StoreLoss => "store loss",
        _ => "retention capacity",
    };

    /// <summary>The mode and interval in <see cref="Unit"/>: the preset's value times the factors.</summary>
    public (double Mode, double Lower, double Upper) Values => (PresetValue * Factor, PresetValue * LowerFactor, PresetValue * UpperFactor);

    /// <summary>Text such as <c>initial stores 1840 µg (90 % 1210-2600, Laplace)</c>.</summary>
    public override string ToString()
    {
        var (mode, lower, upper) = Values;
        var method = Method switch { IntervalMethod.Prior => "prior", IntervalMethod.Laplace => "Laplace", _ => "importance resampling" };
        return string.Create(CultureInfo.InvariantCulture, $"{Name} {mode:G4} {Unit} (90 % {lower:G4}-{upper:G4}, {method}{(AtBound ? ", AT A BOUND of the prior" : string.Empty)})");
    }
}

/// <summary>An observation against the model at the estimate: the value at the mode and the 90 % band of the model over the posterior.</summary>
/// <param name="Observation">The observation.</param>
/// <param name="Predicted">The model's value at the mode (pmol/L, as the observation).</param>
/// <param name="Lower">The 5th percentile of the model's value over the posterior (not including the assay error).</param>
/// <param name="Upper">The 95th percentile.</param>
public sealed record FittedObservation(Observation Observation, Molarity Predicted, Molarity Lower, Molarity Upper);

/// <summary>
/// The estimate of one person from their dosing history and blood tests (<see cref="Estimator.Estimate(IEnumerable{DoseEvent}, IEnumerable{Observation}, EstimationSettings)"/>):
/// the mode of the posterior with 90 % intervals, the observed against the predicted, diagnostics, and projection.
/// </summary>
public sealed class PersonEstimate
{
    private readonly ImmutableArray<double[]> _draws;
    private readonly ParameterSet _preset;
    private readonly double _medianStores;

    internal PersonEstimate(
        EstimationSettings settings,
        ImmutableArray<ParameterEstimate> parameters,
        double[] modeFactors,
        ImmutableArray<double[]> draws,
        ImmutableArray<FittedObservation> fits,
        ImmutableArray<string> warnings,
        bool converged,
        int iterations,
        double logEvidence,
        double effectiveSampleShare)
    {
        Settings = settings;
        Parameters = parameters;
        _draws = draws;
        _preset = settings.Prior.ParametersFor(settings.Condition);
        _medianStores = settings.Prior.MedianInitialStoresMicrograms;
        ParameterSet = PopulationModel.Build(_preset, modeFactors[1], modeFactors[2], modeFactors[3], modeFactors[4]);
        InitialStores = Mass.FromMicrograms(_medianStores * modeFactors[0]);
        Fits = fits;
        Warnings = warnings;
        Converged = converged;
        Iterations = iterations;
        LogEvidence = logEvidence;
        EffectiveSampleShare = effectiveSampleShare;
    }

    /// <summary>The settings of the estimate (condition, prior, assay error).</summary>
    public EstimationSettings Settings { get; }

    /// <summary>The condition assumed.</summary>
    public Effect Condition => Settings.Condition;

    /// <summary>Every one of the five parameters, in <see cref="EstimatedParameter"/> order (those not estimated at the preset, factor 1, with their prior's interval).</summary>
    public IReadOnlyList<ParameterEstimate> Parameters { get; }

    /// <summary>The physiology at the mode.</summary>
    public ParameterSet ParameterSet { get; }

    /// <summary>The initial stores at the mode.</summary>
    public Mass InitialStores { get; }

    /// <summary>Each observation against the model.</summary>
    public IReadOnlyList<FittedObservation> Fits { get; }

    /// <summary>What to be wary of: a mode at a bound of the prior, a search that stopped before converging, a poor Laplace approximation, parameters the data cannot inform.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Whether the search for the mode converged (the projected gradient below tolerance); false is a premature stop, also in <see cref="Warnings"/>.</summary>
    public bool Converged { get; }

    /// <summary>Newton iterations of the search.</summary>
    public int Iterations { get; }

    /// <summary>The natural log of the evidence (marginal likelihood of the observations under the condition), by importance sampling; 0 with no observation.</summary>
    public double LogEvidence { get; }

    /// <summary>The importance samples' effective sample size as a share of the samples drawn (1 with no observation); low means the Laplace approximation is poor.</summary>
    public double EffectiveSampleShare { get; }

    /// <summary>The number of posterior draws kept for projections.</summary>
    public int DrawCount => _draws.Length;

    /// <summary>The person at posterior draw <paramref name="index"/>: physiology and initial stores.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not in [0, <see cref="DrawCount"/>).</exception>
    public (ParameterSet ParameterSet, Mass InitialStores) Draw(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, DrawCount);
        var f = _draws[index];
        return (PopulationModel.Build(_preset, f[1], f[2], f[3], f[4]), Mass.FromMicrograms(_medianStores * f[0]));
    }

    /// <summary>
    /// The person's course under <paramref name="events"/> (the history and what follows it) up to <paramref name="horizon"/>,
    /// every <paramref name="step"/>: the model at the mode and the 5th-95th percentile band over the posterior draws
    /// (parameter uncertainty; the assay error is not added).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The horizon or step is out of the range <see cref="SimulationSettings"/> accepts.</exception>
    public EstimateProjection Project(IEnumerable<DoseEvent> events, TimeSpan horizon, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(events);
        var plan = new SimulationPlan([.. events], horizon, step);
        var rows = plan.OutputCount;
        var mode = new PoolState[rows];
        Simulator.Run(plan, ParameterSet, InitialStores, mode);
        var serum = new double[_draws.Length][];
        var holo = new double[_draws.Length][];
        var stores = new double[_draws.Length][];
        var buffer = new PoolState[rows];
        for (var d = 0; d < _draws.Length; d++)
        {
            var (physiology, initial) = Draw(d);
            Simulator.Run(plan, physiology, initial, buffer);
            serum[d] = [.. buffer.Select(b => b.SerumPicogramsPerMilliliter)];
            holo[d] = [.. buffer.Select(b => b.HoloTranscobalaminPicomolesPerLiter)];
            stores[d] = [.. buffer.Select(b => b.StoresMicrograms)];
        }

        var result = new ProjectionRow[rows];
        var column = new double[_draws.Length];
        (double Lower, double Upper) Band(double[][] values, int row)
        {
            for (var d = 0; d < values.Length; d++)
            {
                column[d] = values[d][row];
            }

            return column.Length == 0 ? (double.NaN, double.NaN) : (Quantile(column, 0.05), Quantile(column, 0.95));
        }

        for (var r = 0; r < rows; r++)
        {
            var s = Band(serum, r);
            var h = Band(holo, r);
            var m = Band(stores, r);
            result[r] = new ProjectionRow(
                plan.Time(r),
                mode[r].Serum,
                MassConcentration.FromPicogramsPerMilliliter(s.Lower),
                MassConcentration.FromPicogramsPerMilliliter(s.Upper),
                mode[r].HoloTranscobalamin,
                Molarity.FromPicomolesPerLiter(h.Lower),
                Molarity.FromPicomolesPerLiter(h.Upper),
                mode[r].Stores,
                Mass.FromMicrograms(m.Lower),
                Mass.FromMicrograms(m.Upper));
        }

        return new EstimateProjection(ImmutableArray.Create(result));
    }

    /// <summary>The person's course under <paramref name="regimen"/> (its events up to the horizon); see <see cref="Project(IEnumerable{DoseEvent}, TimeSpan, TimeSpan)"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="regimen"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The horizon or step is out of range.</exception>
    public EstimateProjection Project(Regimen regimen, TimeSpan horizon, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        return Project(regimen.Events(horizon), horizon, step);
    }

    /// <summary>The parameters, one a line, then the warnings.</summary>
    public override string ToString() =>
        $"estimate for {Condition.Name}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", Parameters.Select(p => p.ToString()).Concat(Warnings.Select(w => "warning: " + w)));

    /// <summary>The <paramref name="p"/> quantile of <paramref name="values"/> (sorted in place; linear interpolation).</summary>
    internal static double Quantile(double[] values, double p)
    {
        Array.Sort(values);
        var x = p * (values.Length - 1);
        var i = (int)Math.Floor(x);
        return i + 1 < values.Length ? values[i] + ((x - i) * (values[i + 1] - values[i])) : values[i];
    }
}

/// <summary>One time of a projection: the model at the mode and the 5th-95th percentile band over the posterior.</summary>
/// <param name="Time">Time from the start of the history.</param>
/// <param name="Serum">Total serum B12 at the mode.</param>
/// <param name="SerumLower">5th percentile of total serum B12.</param>
/// <param name="SerumUpper">95th percentile of total serum B12.</param>
/// <param name="HoloTranscobalamin">Holotranscobalamin at the mode.</param>
/// <param name="HoloTranscobalaminLower">5th percentile of holotranscobalamin.</param>
/// <param name="HoloTranscobalaminUpper">95th percentile of holotranscobalamin.</param>
/// <param name="Stores">Body stores at the mode.</param>
/// <param name="StoresLower">5th percentile of the stores.</param>
/// <param name="StoresUpper">95th percentile of the stores.</param>
public sealed record ProjectionRow(
    TimeSpan Time,
    MassConcentration Serum,
    MassConcentration SerumLower,
    MassConcentration SerumUpper,
    Molarity HoloTranscobalamin,
    Molarity HoloTranscobalaminLower,
    Molarity HoloTranscobalaminUpper,
    Mass Stores,
    Mass StoresLower,
    Mass StoresUpper);

/// <summary>A person's projected course with its band (<see cref="PersonEstimate.Project(IEnumerable{DoseEvent}, TimeSpan, TimeSpan)"/>).</summary>
public sealed class EstimateProjection
{
    internal EstimateProjection(ImmutableArray<ProjectionRow> rows) => Rows = rows;

    /// <summary>The rows, in time order.</summary>
    public IReadOnlyList<ProjectionRow> Rows { get; }
}
