using System.Collections.Immutable;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;

namespace B12Dosing.AbsorptionTests;

/// <summary>
/// The CobaSorb test (Greibe E et al., Eur J Nutr 2018), run on the model for teaching: holotranscobalamin (holoTC,
/// "active B12") is measured before the first dose and the morning after two days of small oral doses of
/// cyanocobalamin, three a day 6 h apart; a rise shows that the doses were absorbed. The defaults are that design with
/// 9 µg doses (the normal-status arm): doses at 0, 6, 12, 24, 30 and 36 h, holoTC at 0 and 48 h (the morning after, 12
/// h after the last dose: the sampling time is an assumption). Published median rise, 9 µg doses in normal status: 30
/// pmol/L (<c>PublishedData.Greibe2018</c>).
/// </summary>
/// <remarks>
/// <para>
/// <b>What is compared:</b> holoTC before the first dose against holoTC at <see cref="SampleTime"/> in one run, as the
/// test compares them (no second run: the model's holoTC without doses moves by a few hundredths of a pmol/L over two
/// days).
/// </para>
/// <para>
/// <b>Carrier model:</b> the test needs model 3 (<see cref="PlasmaCarrierModel.FreeCapacity"/>); a model-2 set is run on
/// its model-3 form (<see cref="ParameterSet.WithFreeCapacity"/>) and the result says so
/// (<see cref="VirtualTestResult{TTest}.RanOnModelThreeForm"/>), as for <see cref="SchillingTest"/>.
/// </para>
/// <para>A model for research and teaching, not a diagnostic test and not medical advice.</para>
/// </remarks>
public sealed record CobaSorbTest
{
    /// <summary>The standard design: 9 µg by mouth at 0, 6, 12, 24, 30 and 36 h; holoTC at 0 and 48 h; average stores (2500 µg).</summary>
    public static CobaSorbTest Standard { get; } = new();

    /// <summary>Each oral dose of cyanocobalamin (default 9 µg; Greibe 2018 also gave 1.5, 3 and 6 µg); more than zero and at most 5 g.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is out of that range.</exception>
    public Mass Dose
    {
        get => Mass.FromMicrograms(DoseMicrograms);
        init => DoseMicrograms = VirtualTest.Amount(value, nameof(Dose));
    }

    /// <summary>When each dose is taken, from the first (default 0, 6, 12, 24, 30 and 36 h): at least one, none negative or beyond 7 days, all before <see cref="SampleTime"/> (checked by <see cref="Run"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The list is empty, or a time is negative or beyond 7 days.</exception>
    public IReadOnlyList<TimeSpan> DoseTimes
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(DoseTimes));
            field = value.Count > 0
                ? ImmutableArray.CreateRange(value.Select(t => VirtualTest.Span(t, positive: false, nameof(DoseTimes))))
                : throw new ArgumentOutOfRangeException(nameof(DoseTimes), value.Count, "DoseTimes must hold at least one dose.");
        }
    } = ImmutableArray.Create([.. new[] { 0, 6, 12, 24, 30, 36 }.Select(h => TimeSpan.FromHours(h))]);

    /// <summary>When holoTC is measured again, from the first dose (default 48 h, the morning after the second day); more than zero and at most 7 days, after the last dose.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is out of that range.</exception>
    public TimeSpan SampleTime { get; init => field = VirtualTest.Span(value, positive: true, nameof(SampleTime)); } = TimeSpan.FromHours(48);

    /// <summary>The person's body stores at the first dose (default <see cref="SimulationSettings.AverageStores"/>, 2500 µg); from 0 to 1 g.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The stores are out of that range.</exception>
    public Mass InitialStores
    {
        get => Mass.FromMicrograms(InitialStoresMicrograms);
        init => InitialStoresMicrograms = VirtualTest.Stores(value, nameof(InitialStores));
    }

    internal double InitialStoresMicrograms { get; private init; } = QuantityKinds.Mass.InReference(SimulationSettings.AverageStores);

    internal double DoseMicrograms { get; private init; } = 9;

    /// <summary>Designs are equal when every value is, the dose times compared in order.</summary>
    public bool Equals(CobaSorbTest? other) =>
        other is not null && DoseMicrograms == other.DoseMicrograms && DoseTimes.SequenceEqual(other.DoseTimes) && SampleTime == other.SampleTime && InitialStoresMicrograms == other.InitialStoresMicrograms;

    /// <summary>The values in invariant text, the dose times in hours.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Dose = {DoseMicrograms} µg, DoseTimes = [{string.Join(", ", DoseTimes.Select(t => t.TotalHours.ToString(CultureInfo.InvariantCulture) + " h"))}], SampleTime = {SampleTime.TotalHours.ToString(CultureInfo.InvariantCulture)} h, InitialStores = {InitialStoresMicrograms} µg");
        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(DoseMicrograms, DoseTimes.Count, SampleTime, InitialStoresMicrograms);

    /// <summary>Runs the test on <paramref name="physiology"/> (on its model-3 form if it is a model-2 set; see the remarks of <see cref="CobaSorbTest"/>).</summary>
    /// <param name="physiology">The person's parameter set, such as <c>ParameterSet.For(Condition.PerniciousAnemia)</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    /// <exception cref="ArgumentException">The set breaks a cross-parameter rule; or a dose is not before <see cref="SampleTime"/> (the message names <see cref="DoseTimes"/>).</exception>
    public CobaSorbResult Run(ParameterSet physiology)
    {
        var (used, converted) = VirtualTest.ModelThree(physiology, nameof(physiology));
        if (DoseTimes.Max() >= SampleTime)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"DoseTimes: the last dose ({DoseTimes.Max().TotalHours} h) must be before the sample ({SampleTime.TotalHours} h)."), nameof(DoseTimes));
        }

        var dose = Dosing.Dose.Oral(Dose);
        var settings = new SimulationSettings(SampleTime) { ParameterSet = used, InitialStores = InitialStores, SampleTimes = [TimeSpan.Zero, SampleTime] };
        var rows = Simulator.Run([.. DoseTimes.Select(t => new DoseEvent(t, dose))], settings).Series;
        return new CobaSorbResult(this, used, converted, rows[0].HoloTranscobalaminPicomolesPerLiter, rows[^1].HoloTranscobalaminPicomolesPerLiter);
    }
}

/// <summary>
/// The outcome of a <see cref="CobaSorbTest"/>: holoTC before the first dose and at the sample, and the rise. Immutable.
/// <see cref="ToString"/> prints it in the invariant culture.
/// </summary>
public sealed class CobaSorbResult : VirtualTestResult<CobaSorbTest>
{
    internal CobaSorbResult(CobaSorbTest test, ParameterSet physiology, bool ranOnModelThreeForm, double before, double after)
        : base(test, physiology, ranOnModelThreeForm)
    {
        BeforePicomolesPerLiter = before;
        AfterPicomolesPerLiter = after;
    }

    /// <summary>holoTC just before the first dose.</summary>
    public Molarity Before => Molarity.FromPicomolesPerLiter(BeforePicomolesPerLiter);

    /// <summary>holoTC at <see cref="CobaSorbTest.SampleTime"/>.</summary>
    public Molarity After => Molarity.FromPicomolesPerLiter(AfterPicomolesPerLiter);

    /// <summary>The rise, <see cref="After"/> − <see cref="Before"/>: the test's result.</summary>
    public Molarity Rise => Molarity.FromPicomolesPerLiter(RisePicomolesPerLiter);

    /// <summary>The rise as a share of <see cref="Before"/> (0 when holoTC before is zero).</summary>
    public double RelativeRise => BeforePicomolesPerLiter > 0 ? RisePicomolesPerLiter / BeforePicomolesPerLiter : 0;

    internal double BeforePicomolesPerLiter { get; }

    internal double AfterPicomolesPerLiter { get; }

    internal double RisePicomolesPerLiter => AfterPicomolesPerLiter - BeforePicomolesPerLiter;

    /// <summary>One line: holoTC before and after, the rise and the design (invariant culture).</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"CobaSorb test: holoTC {BeforePicomolesPerLiter:0.0} pmol/L before the first dose, {AfterPicomolesPerLiter:0.0} pmol/L at {Test.SampleTime.TotalHours:0.##} h: rise {RisePicomolesPerLiter:0.0} pmol/L ({RelativeRise:+0%;-0%;0%}); {Test.DoseTimes.Count} oral doses of {Test.DoseMicrograms:0.###} µg at {string.Join(", ", Test.DoseTimes.Select(t => t.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)))} h{CarrierNote}.");
}
