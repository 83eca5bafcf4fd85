using System.Collections.Immutable;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Population;

namespace B12Dosing.Estimation;

/// <summary>What can be estimated for one person: each a factor on the condition's preset (or on the median initial stores).</summary>
public enum EstimatedParameter
{
    /// <summary>Body stores at the start of the dosing history (factor on <see cref="PopulationModel.MedianInitialStores"/>).</summary>
    InitialStores,

    /// <summary>IF-mediated uptake at saturation (<see cref="ParameterSet.IntrinsicFactorCapacity"/>, with its half-saturation dose, as in a population).</summary>
    IntrinsicFactorCapacity,

    /// <summary>Fraction of an oral dose absorbed passively (<see cref="ParameterSet.PassiveFraction"/>).</summary>
    PassiveFraction,

    /// <summary>Loss of stores per day (turnover and biliary secretion scaled together).</summary>
    StoreLoss,

    /// <summary>Retention capacity of injected and passively absorbed B12 (<see cref="ParameterSet.TissueUptakeMaximumMicrogramsPerHour"/>).</summary>
    RetentionCapacity,
}

/// <summary>
/// The assay error of the measurements: a proportional (log-normal) error with a coefficient of variation per analyte,
/// <c>ln y = ln ŷ + ε</c>, <c>ε ~ N(0, ln(1 + CV²))</c>. It stands for the assay's imprecision and the person's own
/// day-to-day variation together (what a single measurement differs from the model's value by).
/// </summary>
public sealed record AssayError
{
    /// <summary>
    /// The default: CV 15 % for total serum B12 and for holotranscobalamin. Total serum B12: the within-subject biological
    /// variation is about 15 % (Ricós et al., Scand J Clin Lab Invest 1999;59:491-500, the biological-variation database)
    /// and automated competitive-binding assays add an imprecision of about 5 % within a laboratory; ASSUMPTION: 15 % is
    /// taken for both together and, for lack of a pooled figure, for holotranscobalamin too.
    /// </summary>
    public static AssayError Default { get; } = new(0.15, 0.15);

    /// <summary>Creates an assay error.</summary>
    /// <param name="totalB12Cv">CV of total serum B12, in (0, 1].</param>
    /// <param name="holoTranscobalaminCv">CV of holotranscobalamin, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A CV is not in (0, 1].</exception>
    public AssayError(double totalB12Cv, double holoTranscobalaminCv)
    {
        TotalB12Cv = Check(totalB12Cv, nameof(totalB12Cv));
        HoloTranscobalaminCv = Check(holoTranscobalaminCv, nameof(holoTranscobalaminCv));
    }

    /// <summary>CV of total serum B12.</summary>
    public double TotalB12Cv { get; }

    /// <summary>CV of holotranscobalamin.</summary>
    public double HoloTranscobalaminCv { get; }

    /// <summary>σ of the log error for an analyte: √ln(1 + CV²).</summary>
    internal double LogSigma(Guidelines.SerumAnalyte analyte) =>
        Math.Sqrt(Math.Log(1 + Math.Pow(analyte == Guidelines.SerumAnalyte.TotalB12 ? TotalB12Cv : HoloTranscobalaminCv, 2)));

    private static double Check(double cv, string name) => cv is > 0 and <= 1
        ? cv
        : throw new ArgumentOutOfRangeException(name, cv, string.Create(CultureInfo.InvariantCulture, $"A coefficient of variation must be more than 0 and at most 1 (100 %); got {cv}."));
}

/// <summary>
/// How to estimate one person: the condition, the prior (a <see cref="PopulationModel"/>'s between-person variation),
/// the assay error, which parameters to estimate and how many importance samples check the Laplace approximation.
/// Immutable; build with an object initializer or <c>with</c>; every value is checked when set.
/// </summary>
public sealed record EstimationSettings
{
    /// <summary>The default settings: a healthy person, the default population's variation, <see cref="AssayError.Default"/>.</summary>
    public static EstimationSettings Default { get; } = new();

    /// <summary>
    /// The person's condition (default healthy): a condition, a covariate or a combination (<see cref="Effect"/>; a
    /// <see cref="Absorption.Condition"/> converts). Its parameter set (<see cref="PopulationModel.ParametersFor(Effect)"/> of
    /// <see cref="Prior"/>) is the centre of the prior.
    /// </summary>
    public Effect Condition { get; init => field = value ?? throw new ArgumentNullException(nameof(Condition)); } = Effect.Healthy;

    /// <summary>The prior: the between-person variation of <see cref="PopulationModel"/> (its condition mix is not used; the condition is <see cref="Condition"/>).</summary>
    public PopulationModel Prior { get; init => field = value ?? throw new ArgumentNullException(nameof(Prior)); } = PopulationModel.Default;

    /// <summary>The assay error (default <see cref="AssayError.Default"/>).</summary>
    public AssayError Assay { get; init => field = value ?? throw new ArgumentNullException(nameof(Assay)); } = AssayError.Default;

    /// <summary>
    /// The parameters to estimate (default all five). A parameter that the data cannot inform is left at its prior and
    /// said so (IF capacity and passive fraction with no oral dose in the history); one that the condition does not have
    /// (IF capacity without IF) is refused. A parameter not listed stays at the preset's value.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty or names a parameter twice or one that is not defined.</exception>
    public IReadOnlyList<EstimatedParameter> Parameters
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Parameters));
            if (value.Count == 0 || value.Distinct().Count() != value.Count || value.Any(p => !Enum.IsDefined(p)))
            {
                throw new ArgumentException("Give each parameter to estimate once, at least one: " + string.Join(", ", Enum.GetValues<EstimatedParameter>()) + ".", nameof(Parameters));
            }

            field = ImmutableArray.CreateRange(value.Order());
        }
    } = ImmutableArray.Create(Enum.GetValues<EstimatedParameter>());

    /// <summary>Importance samples drawn from the Laplace approximation to check it and, where it is poor, to replace it (sampling-importance resampling); 200 to 100 000, default 2000.</summary>
    public int ImportanceSamples
    {
        get;
        init => field = value is >= 200 and <= 100_000 ? value : throw new ArgumentOutOfRangeException(nameof(ImportanceSamples), value, "Importance samples must be from 200 to 100 000.");
    } = 2000;

    /// <summary>The seed of the importance samples (the same seed, data and settings give the same estimate).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The values, in invariant text.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder) => Quantities.RecordText.PrintMembers(builder, this);
}
