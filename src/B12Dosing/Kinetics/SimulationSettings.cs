using System.Collections;
using System.Collections.Immutable;
using B12Dosing.Absorption;
using B12Dosing.Parameters;
using B12Dosing.Quantities;

namespace B12Dosing.Kinetics;

/// <summary>
/// What to simulate besides the doses: physiology, initial stores, horizon and when to sample (a regular
/// <see cref="Step"/>, or explicit <see cref="SampleTimes"/>, plus <see cref="SamplesAfterDose"/>). Immutable; build with an
/// object initializer or <c>with</c>. Every value is checked when set (the sample times against the horizon when the
/// simulation starts, since an initializer may set them before the horizon).
/// </summary>
public sealed record SimulationSettings
{
    /// <summary>The longest horizon accepted: 100 years (36 525 days); longer is beyond any regimen and a likely typo.</summary>
    public static readonly TimeSpan MaximumHorizon = TimeSpan.FromDays(36525);

    /// <summary>The most output rows accepted (horizon / step rounded up, plus the row at day 0): 2 000 000.</summary>
    public const long MaximumRows = 2_000_000;

    /// <summary>Average adult body stores, 2500 µg (Carmel 2008); the default <see cref="InitialStores"/>.</summary>
    public static readonly Mass AverageStores = Mass.FromMicrograms(ModelParameters.ReferenceStoresMicrograms);

    /// <summary>The smallest store consistent with health, 300 µg (IOM 1998, Appendix N): a reference line for charts and reports, not read by the model.</summary>
    public static readonly Mass LowStores = Mass.FromMicrograms(ModelParameters.LowStoresMicrograms);

    /// <summary>Creates settings for a horizon.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is not positive or beyond <see cref="MaximumHorizon"/>.</exception>
    public SimulationSettings(TimeSpan horizon)
    {
        Horizon = horizon;
    }

    /// <summary>The physiology (default <see cref="ParameterSet.Healthy"/>).</summary>
    /// <exception cref="ArgumentException">The physiology would absorb more than a small oral dose contains (<see cref="ParameterSet.MaximumOralFraction"/> above 1).</exception>
    public ParameterSet ParameterSet
    {
        get;
        init => field = (value ?? throw new ArgumentNullException(nameof(ParameterSet))).EnsureConsistent(nameof(ParameterSet));
    } = ParameterSet.Healthy;

    /// <summary>Body stores at time zero (default <see cref="AverageStores"/>, 2500 µg), read back in µg. Not negative and at most 1 g.</summary>
    public Mass InitialStores
    {
        get => Mass.FromMicrograms(InitialStoresMicrograms);
        init => InitialStoresMicrograms = CheckInitialStores(value, nameof(InitialStores));
    }

    /// <summary><see cref="InitialStores"/> in µg, as the kernels compute with it (settings compare by it).</summary>
    internal double InitialStoresMicrograms { get; private init; } = ModelParameters.ReferenceStoresMicrograms;

    /// <summary>How long to simulate, from time zero; more than zero and at most <see cref="MaximumHorizon"/>.</summary>
    public TimeSpan Horizon
    {
        get;
        init => field = value > TimeSpan.Zero && value <= MaximumHorizon
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Horizon), value, $"The horizon must be more than zero and at most {MaximumHorizon.TotalDays} days (100 years).");
    }

    /// <summary>Time between output rows (default one day); at least one second and at most <see cref="MaximumHorizon"/>, and at most <see cref="MaximumRows"/> rows over the horizon.</summary>
    public TimeSpan Step
    {
        get;
        init => field = value >= TimeSpan.FromSeconds(1) && value <= MaximumHorizon
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Step), value, $"The output step must be at least one second and at most {MaximumHorizon.TotalDays} days (100 years).");
    } = TimeSpan.FromDays(1);

    /// <summary>
    /// Explicit sample times from time zero (in any order, distinct, none beyond the horizon). When given, the rows are
    /// at these times (plus <see cref="SamplesAfterDose"/>) and <see cref="Step"/> is not used; empty (the default) for a
    /// row every <see cref="Step"/>. A sample at the instant of a dose is taken just before it (the trough), as on the grid.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative or beyond <see cref="MaximumHorizon"/>, two are equal, or there are more than <see cref="MaximumRows"/>.</exception>
    public IReadOnlyList<TimeSpan> SampleTimes
    {
        get;
        init => field = CheckTimes(value, nameof(SampleTimes));
    } = SampleTimeList.Empty;

    /// <summary>
    /// Times after each dose at which to sample besides the grid or the explicit times (distinct, none negative): for
    /// example <c>[0, 2 h]</c> samples just after each dose (the peak of an injection) and 2 h later. A "dose" here is each
    /// distinct instant at which anything is taken (meals of a diet too). When this is not empty every dose is also
    /// sampled just before it is given (the trough), so that each dosing interval begins and ends with a sample (see
    /// <see cref="SimulationResult.DosingIntervals"/>). Samples that would fall beyond the horizon are not taken (the
    /// horizon ends the simulation, as it ends the regimen). Empty by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative or beyond <see cref="MaximumHorizon"/>, two are equal, or there are more than <see cref="MaximumRows"/>.</exception>
    public IReadOnlyList<TimeSpan> SamplesAfterDose
    {
        get;
        init => field = CheckTimes(value, nameof(SamplesAfterDose));
    } = SampleTimeList.Empty;

    /// <summary>The largest initial stores accepted, µg: 1 g, about 300 times the average 2.5 mg (a bound on typing errors, not physiology).</summary>
    internal const double MaximumInitialStoresMicrograms = 1e6;

    /// <summary>Checks initial stores (not negative, at most 1 g) and returns them in µg.</summary>
    internal static double CheckInitialStores(Mass value, string paramName)
    {
        var micrograms = QuantityKinds.Mass.NonNegative(value, paramName);
        return micrograms <= MaximumInitialStoresMicrograms ? micrograms : throw new ArgumentOutOfRangeException(paramName, QuantityText.Format(value), "Initial stores must be at most 1 g (about 300 times the average 2.5 mg).");
    }

    /// <summary>Checks and sorts a list of sample times: each in [0, <see cref="MaximumHorizon"/>], no two equal.</summary>
    private static SampleTimeList CheckTimes(IReadOnlyList<TimeSpan> value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Count > MaximumRows)
        {
            throw new ArgumentOutOfRangeException(paramName, value.Count, $"At most {MaximumRows} sample times are accepted.");
        }

        var sorted = value.ToArray();
        Array.Sort(sorted);
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i] < TimeSpan.Zero || sorted[i] > MaximumHorizon)
            {
                throw new ArgumentOutOfRangeException(paramName, sorted[i], $"A sample time must be from 0 to {MaximumHorizon.TotalDays} days (100 years).");
            }

            if (i > 0 && sorted[i] == sorted[i - 1])
            {
                throw new ArgumentOutOfRangeException(paramName, sorted[i], "Two sample times are equal; give each time once.");
            }
        }

        return new(ImmutableArray.Create(sorted));
    }

    /// <summary>The number of output intervals (rows − 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The step is so small that the series would exceed <see cref="MaximumRows"/> rows.</exception>
    internal long Intervals
    {
        get
        {
            var n = (Horizon.Ticks + Step.Ticks - 1) / Step.Ticks;
            return n < MaximumRows
                ? n
                : throw new ArgumentOutOfRangeException(nameof(Step), Step, $"Horizon / step gives {n + 1} rows; at most {MaximumRows} are accepted: use a larger step.");
        }
    }

    /// <summary>The values, quantities in invariant text (never UnitsNet's culture-dependent text).</summary>
    private bool PrintMembers(System.Text.StringBuilder builder) => B12Dosing.Quantities.RecordText.PrintMembers(builder, this);
}

/// <summary>Sorted sample times with value equality, so that settings with the same times are equal records.</summary>
internal sealed class SampleTimeList(ImmutableArray<TimeSpan> times) : IReadOnlyList<TimeSpan>
{
    public static readonly SampleTimeList Empty = new(ImmutableArray<TimeSpan>.Empty);

    public ImmutableArray<TimeSpan> Times { get; } = times;

    public int Count => Times.Length;

    public TimeSpan this[int index] => Times[index];

    public IEnumerator<TimeSpan> GetEnumerator() => ((IEnumerable<TimeSpan>)Times).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override bool Equals(object? obj) => obj is SampleTimeList other && Times.AsSpan().SequenceEqual(other.Times.AsSpan());

    public override int GetHashCode() => Times.Length == 0 ? 0 : HashCode.Combine(Times.Length, Times[0], Times[^1]);
}
