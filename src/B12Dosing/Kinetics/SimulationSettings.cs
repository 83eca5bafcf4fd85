using B12Dosing.Absorption;
using B12Dosing.Quantities;

namespace B12Dosing.Kinetics;

/// <summary>
/// What to simulate besides the doses: physiology, initial stores, horizon and output step. Immutable; build with an
/// object initializer or <c>with</c>. Every value is checked when set.
/// </summary>
public sealed record SimulationSettings
{
    /// <summary>The longest horizon accepted: 100 years (36 525 days); longer is beyond any regimen and a likely typo.</summary>
    public static readonly TimeSpan MaximumHorizon = TimeSpan.FromDays(36525);

    /// <summary>The most output rows accepted (horizon / step rounded up, plus the row at day 0): 2 000 000.</summary>
    public const long MaximumRows = 2_000_000;

    /// <summary>Average adult body stores, 2500 µg (Carmel 2008); the default <see cref="InitialStores"/>.</summary>
    public static readonly Mass AverageStores = Mass.FromMicrograms(2500);

    /// <summary>Creates settings for a horizon.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is not positive or beyond <see cref="MaximumHorizon"/>.</exception>
    public SimulationSettings(TimeSpan horizon)
    {
        Horizon = horizon;
    }

    /// <summary>The physiology (default <see cref="Physiology.Healthy"/>).</summary>
    /// <exception cref="ArgumentException">The physiology would absorb more than a small oral dose contains (<see cref="Physiology.MaximumOralFraction"/> above 1).</exception>
    public Physiology Physiology
    {
        get;
        init => field = (value ?? throw new ArgumentNullException(nameof(Physiology))).EnsureAbsorbsAtMostTheDose(nameof(Physiology));
    } = Physiology.Healthy;

    /// <summary>How serum follows from the pools (default <see cref="SerumModel.Default"/>).</summary>
    public SerumModel Serum { get; init => field = value ?? throw new ArgumentNullException(nameof(Serum)); } = SerumModel.Default;

    /// <summary>Body stores at time zero (default <see cref="AverageStores"/>, 2500 µg), read back in µg. Not negative and at most 1 g.</summary>
    public Mass InitialStores
    {
        get => Mass.FromMicrograms(InitialStoresMicrograms);
        init => InitialStoresMicrograms = CheckInitialStores(value, nameof(InitialStores));
    }

    /// <summary><see cref="InitialStores"/> in µg, as the kernels compute with it (settings compare by it).</summary>
    internal double InitialStoresMicrograms { get; private init; } = 2500;

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

    /// <summary>The largest initial stores accepted, µg: 1 g, about 300 times the average 2.5 mg (a bound on typing errors, not physiology).</summary>
    internal const double MaximumInitialStoresMicrograms = 1e6;

    /// <summary>Checks initial stores (not negative, at most 1 g) and returns them in µg.</summary>
    internal static double CheckInitialStores(Mass value, string paramName)
    {
        var micrograms = QuantityKinds.Mass.NonNegative(value, paramName);
        return micrograms <= MaximumInitialStoresMicrograms ? micrograms : throw new ArgumentOutOfRangeException(paramName, QuantityText.Format(value), "Initial stores must be at most 1 g (about 300 times the average 2.5 mg).");
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
}
