using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;

namespace B12Dosing.AbsorptionTests;

/// <summary>
/// The Schilling test, run on the model for teaching: a small labelled oral dose of cyanocobalamin, a large unlabelled
/// intramuscular "flushing" dose soon after, and the urine collected from the oral dose on; the result is the share of
/// the oral dose found in that urine (<see cref="SchillingResult.ExcretedFraction"/>). The defaults are the standard
/// design (section 8 of the published reference: Oxford Concise Medical Dictionary; Mosby's diagnostic manual; hospital
/// nuclear-medicine protocols): 1 µg by mouth, 1000 µg IM at 2 h, 24-h urine. <see cref="WithIntrinsicFactor"/> gives
/// intrinsic factor with the oral dose (the test's second stage).
/// </summary>
/// <remarks>
/// <para>
/// <b>How the label is read:</b> the model does not track labelled atoms. The test is run twice on the same person,
/// with and without the oral dose (the flush in both), and the oral dose's urine is the difference of the two runs'
/// 24-h urine: what the oral dose adds to the urine. The flush saturates the carriers in both runs, so absorbed B12
/// that reaches the blood after it is filtered like any free load.
/// </para>
/// <para>
/// <b>Carrier model:</b> the test needs model 3 (<see cref="PlasmaCarrierModel.FreeCapacity"/>: absorption over hours,
/// the carriers' free capacity as state); under model 2 absorbed B12 reaches the blood at the instant of the dose, before
/// the flush, and the test would read 0 % whatever the physiology. A model-2 set is run on its model-3 form
/// (<see cref="ParameterSet.WithFreeCapacity"/>, which sets model 3's own fitted constants) and the result says so
/// (<see cref="VirtualTestResult{TTest}.RanOnModelThreeForm"/>); pass a model-3 set to run exactly that set.
/// </para>
/// <para>A model for research and teaching, not a diagnostic test and not medical advice.</para>
/// </remarks>
public sealed record SchillingTest
{
    /// <summary>The share of the oral dose in the 24-h urine at or above which the test reads normal: 8 % (normal at least 8-10 %, ranges quoted 8-40 %; section 8 of the published reference).</summary>
    public const double NormalAtLeast = 0.08;

    /// <summary>The share below which the test reads low, as without intrinsic factor: 5 % (section 8 of the published reference). From 5 % to 8 % it is borderline.</summary>
    public const double LowBelow = 0.05;

    /// <summary>The standard design: 1 µg by mouth, 1000 µg IM at 2 h, 24-h urine, average stores (2500 µg), no intrinsic factor given.</summary>
    public static SchillingTest Standard { get; } = new();

    /// <summary>The labelled oral dose of cyanocobalamin (default 1 µg; the standard 0.5-1 µg); more than zero and at most 5 g.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is out of that range.</exception>
    public Mass OralDose
    {
        get => Mass.FromMicrograms(OralDoseMicrograms);
        init => OralDoseMicrograms = VirtualTest.Amount(value, nameof(OralDose));
    }

    /// <summary>The unlabelled intramuscular flushing dose of cyanocobalamin (default 1000 µg); more than zero and at most 5 g.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is out of that range.</exception>
    public Mass FlushDose
    {
        get => Mass.FromMicrograms(FlushDoseMicrograms);
        init => FlushDoseMicrograms = VirtualTest.Amount(value, nameof(FlushDose));
    }

    /// <summary>When the flush is given after the oral dose (default 2 h; the standard "within 2 h"); zero or more and before the end of <see cref="Collection"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is negative or beyond 7 days (the order against <see cref="Collection"/> is checked by <see cref="Run"/>).</exception>
    public TimeSpan FlushTime { get; init => field = VirtualTest.Span(value, positive: false, nameof(FlushTime)); } = TimeSpan.FromHours(2);

    /// <summary>How long urine is collected from the oral dose (default 24 h); more than zero and at most 7 days.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is out of that range.</exception>
    public TimeSpan Collection { get; init => field = VirtualTest.Span(value, positive: true, nameof(Collection)); } = TimeSpan.FromHours(24);

    /// <summary>The person's body stores at the oral dose (default <see cref="SimulationSettings.AverageStores"/>, 2500 µg); from 0 to 1 g.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The stores are out of that range.</exception>
    public Mass InitialStores
    {
        get => Mass.FromMicrograms(InitialStoresMicrograms);
        init => InitialStoresMicrograms = VirtualTest.Stores(value, nameof(InitialStores));
    }

    internal double InitialStoresMicrograms { get; private init; } = QuantityKinds.Mass.InReference(SimulationSettings.AverageStores);

    /// <summary>
    /// Whether intrinsic factor is given with the oral dose (the second stage): the set's IF capacity is raised to at least
    /// the healthy preset's (<see cref="ParameterSet.IntrinsicFactorCapacity"/> of <see cref="ParameterSet.Healthy"/>). It
    /// restores absorption where IF is missing (pernicious anaemia, gastrectomy), not where the ileum is
    /// (<see cref="ParameterSet.IlealUptakeFactor"/> stays), which is how the second stage tells them apart.
    /// </summary>
    public bool WithIntrinsicFactor { get; init; }

    internal double OralDoseMicrograms { get; private init; } = 1;

    internal double FlushDoseMicrograms { get; private init; } = 1000;

    /// <summary>The values, quantities in invariant text.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.PrintMembers(builder, this);

    /// <summary>Runs the test on <paramref name="physiology"/> (on its model-3 form if it is a model-2 set; see the remarks of <see cref="SchillingTest"/>).</summary>
    /// <param name="physiology">The person's parameter set, such as <c>ParameterSet.For(Condition.PerniciousAnemia)</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    /// <exception cref="ArgumentException">The set (with intrinsic factor given, if asked) breaks a cross-parameter rule; or <see cref="FlushTime"/> is not before the end of <see cref="Collection"/> (the message names it).</exception>
    public SchillingResult Run(ParameterSet physiology)
    {
        var (used, converted) = VirtualTest.ModelThree(physiology, nameof(physiology));
        if (FlushTime >= Collection)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"FlushTime ({FlushTime.TotalHours} h) must be before the end of the collection ({Collection.TotalHours} h): a flush after it would not reach the urine collected."), nameof(FlushTime));
        }

        if (WithIntrinsicFactor)
        {
            var healthy = ParameterSet.Healthy.IntrinsicFactorCapacity;
            used = (used.IntrinsicFactorCapacity >= healthy ? used : used with { IntrinsicFactorCapacity = healthy }).EnsureConsistent(nameof(physiology));
        }

        var settings = new SimulationSettings(Collection) { ParameterSet = used, InitialStores = InitialStores, Step = Collection };
        var flush = new DoseEvent(FlushTime, Dose.Intramuscular(FlushDose));
        var withOral = Simulator.Run([new DoseEvent(TimeSpan.Zero, Dose.Oral(OralDose)), flush], settings, static _ => { }).TotalUrinaryLossMicrograms;
        var without = Simulator.Run([flush], settings, static _ => { }).TotalUrinaryLossMicrograms;
        return new SchillingResult(this, used, converted, withOral, without);
    }
}

/// <summary>How a Schilling test reads (<see cref="SchillingResult.Reading"/>).</summary>
public enum SchillingReading
{
    /// <summary>At least <see cref="SchillingTest.NormalAtLeast"/> (8 %) of the oral dose in the urine: absorption normal.</summary>
    Normal,

    /// <summary>From <see cref="SchillingTest.LowBelow"/> (5 %) to below 8 %: borderline.</summary>
    Borderline,

    /// <summary>Below <see cref="SchillingTest.LowBelow"/> (5 %): absorption low, as without intrinsic factor.</summary>
    Low,
}

/// <summary>
/// The outcome of a <see cref="SchillingTest"/>: the two runs' urine, the oral dose's share of it and how that reads.
/// Immutable. <see cref="ToString"/> prints it in the invariant culture.
/// </summary>
public sealed class SchillingResult : VirtualTestResult<SchillingTest>
{
    internal SchillingResult(SchillingTest test, ParameterSet physiology, bool ranOnModelThreeForm, double urineWithOralDose, double urineWithoutOralDose)
        : base(test, physiology, ranOnModelThreeForm)
    {
        UrineWithOralDoseMicrograms = urineWithOralDose;
        UrineWithoutOralDoseMicrograms = urineWithoutOralDose;
    }

    /// <summary>The urine collected in the run with the oral dose and the flush (including what the flush and the body lose anyway).</summary>
    public Mass UrineWithOralDose => Mass.FromMicrograms(UrineWithOralDoseMicrograms);

    /// <summary>The urine collected in the same run without the oral dose (the flush alone).</summary>
    public Mass UrineWithoutOralDose => Mass.FromMicrograms(UrineWithoutOralDoseMicrograms);

    /// <summary>What the oral dose adds to the urine: <see cref="UrineWithOralDose"/> − <see cref="UrineWithoutOralDose"/> (the label's urine, read as the difference of two runs).</summary>
    public Mass OralDoseInUrine => Mass.FromMicrograms(OralDoseInUrineMicrograms);

    /// <summary><see cref="OralDoseInUrine"/> as a share of the oral dose (0-1): the test's result.</summary>
    public double ExcretedFraction => OralDoseInUrineMicrograms / Test.OralDoseMicrograms;

    /// <summary>How <see cref="ExcretedFraction"/> reads against <see cref="SchillingTest.NormalAtLeast"/> and <see cref="SchillingTest.LowBelow"/>.</summary>
    public SchillingReading Reading => ExcretedFraction >= SchillingTest.NormalAtLeast ? SchillingReading.Normal
        : ExcretedFraction >= SchillingTest.LowBelow ? SchillingReading.Borderline
        : SchillingReading.Low;

    internal double UrineWithOralDoseMicrograms { get; }

    internal double UrineWithoutOralDoseMicrograms { get; }

    internal double OralDoseInUrineMicrograms => UrineWithOralDoseMicrograms - UrineWithoutOralDoseMicrograms;

    /// <summary>One line: the share, how it reads, the design and how the label was read (invariant culture).</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Schilling test{(Test.WithIntrinsicFactor ? " with intrinsic factor" : string.Empty)}: {ExcretedFraction:0.0%} of the {Test.OralDoseMicrograms:0.###} µg oral dose in the {Test.Collection.TotalHours:0.##}-h urine ({Reading.ToString().ToLowerInvariant()}; normal at least {SchillingTest.NormalAtLeast:0%}, low below {SchillingTest.LowBelow:0%}); flush {Test.FlushDoseMicrograms:0.###} µg IM at {Test.FlushTime.TotalHours:0.##} h; the oral dose's urine read as the difference of two runs, with and without it ({OralDoseInUrineMicrograms:0.####} µg){CarrierNote}.");
}
