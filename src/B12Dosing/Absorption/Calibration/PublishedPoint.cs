using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;

namespace B12Dosing.Absorption.Calibration;

/// <summary>What a published figure measures.</summary>
public enum PublishedMeasure
{
    /// <summary>Amount that reached the circulation, µg.</summary>
    AbsorbedMicrograms,

    /// <summary>Amount kept in the body after the early urinary loss, µg.</summary>
    RetainedMicrograms,

    /// <summary>Fraction of the dose lost in urine in the first 72 h.</summary>
    UrinaryLossFraction,

    /// <summary>Fraction of the dose kept after the first 72 h (the complement of the 72-h urine).</summary>
    RetainedFraction,

    /// <summary>
    /// Serum B12 after an IM injection of hydroxocobalamin as a multiple of that after the same dose of cyanocobalamin,
    /// at <see cref="PublishedPoint.Day"/> (healthy, from average stores).
    /// </summary>
    SerumRatioHydroxoToCyano,

    /// <summary>
    /// Rise of holotranscobalamin, pmol/L, after the CobaSorb design: three oral doses a day, 6 h apart, on two days,
    /// sampled 48 h after the first (12 h after the last; an ASSUMPTION for the sampling time, morning of day 3).
    /// </summary>
    CobaSorbHoloTranscobalaminRise,

    /// <summary>Rise of holotranscobalamin, pmol/L, after one oral dose a day for <see cref="PublishedPoint.Day"/> days, sampled 24 h after the last.</summary>
    DailyHoloTranscobalaminRise,

    /// <summary>Rise of serum B12, pmol/L, after one oral dose a day for <see cref="PublishedPoint.Day"/> days, sampled 24 h after the last.</summary>
    DailySerumRise,

    /// <summary>Holotranscobalamin as a share of serum B12 (both in pmol/L) with the carriers in balance with <see cref="PublishedPoint.InitialStores"/>, no intake.</summary>
    HoloTranscobalaminShareOfSerum,

    /// <summary>Holotranscobalamin, pmol/L, with the carriers in balance with <see cref="PublishedPoint.InitialStores"/>, no intake (a study's baseline).</summary>
    BaselineHoloTranscobalamin,

    /// <summary>Serum B12, pmol/L, with the carriers in balance with <see cref="PublishedPoint.InitialStores"/>, no intake (a study's baseline).</summary>
    BaselineSerum,
}

/// <summary>One published population-mean figure used to calibrate or check the model.</summary>
/// <param name="Id">A short stable identifier, such as <c>carmel-oral-healthy-10</c>.</param>
/// <param name="Route">The route of the dose.</param>
/// <param name="Vehicle">Crystalline or food-bound B12.</param>
/// <param name="Form">The cobalamin form.</param>
/// <param name="Condition">The physiology of the subjects.</param>
/// <param name="Dose">The single dose (zero for a baseline without intake).</param>
/// <param name="Measure">What the value measures.</param>
/// <param name="Value">The published value, in the unit of <paramref name="Measure"/>.</param>
/// <param name="Source">Author, year and table of the source.</param>
public sealed record PublishedPoint(
    string Id,
    Route Route,
    DoseVehicle Vehicle,
    CobalaminForm Form,
    Condition Condition,
    Mass Dose,
    PublishedMeasure Measure,
    double Value,
    string Source)
{
    /// <summary>The single dose (zero for a baseline without intake).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, not finite, or rounds to zero in µg while not zero.</exception>
    public Mass Dose
    {
        get => Mass.FromMicrograms(DoseMicrograms);
        init => DoseMicrograms = QuantityKinds.Mass.NonNegative(value, nameof(Dose));
    }

    /// <summary><see cref="Dose"/> in µg, as the model computes with it.</summary>
    internal double DoseMicrograms { get; private init; } = QuantityKinds.Mass.NonNegative(Dose, nameof(Dose));

    /// <summary>The sample time of a time-course figure after the (first) dose; zero for single-dose figures.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, not finite, or rounds to zero in days while not zero.</exception>
    public TimeSpan SampleTime
    {
        get => ParameterUnits.FromDays(Day);
        init => Day = ParameterUnits.Days(value, Day, nameof(SampleTime));
    }

    /// <summary><see cref="SampleTime"/> in days, as the model computes with it.</summary>
    internal double Day { get; init; }

    /// <summary>
    /// The band the model must meet: <c>model/published</c> in <c>[1/Band, Band]</c>. Set per group in
    /// <see cref="PublishedData"/>, where each is justified (<see cref="BandReason"/>).
    /// </summary>
    public double Band { get; init; } = 1.5;

    /// <summary>Why the band is what it is.</summary>
    public string BandReason { get; init; } = string.Empty;

    /// <summary>The body stores at the start of a time-course figure (default 2500 µg, Carmel 2008).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, not finite, above 1 g, or rounds to zero in µg while not zero.</exception>
    public Mass InitialStores
    {
        get => Mass.FromMicrograms(InitialStoresMicrograms);
        init => InitialStoresMicrograms = SimulationSettings.CheckInitialStores(value, nameof(InitialStores));
    }

    /// <summary><see cref="InitialStores"/> in µg, as the model computes with it.</summary>
    internal double InitialStoresMicrograms { get; init; } = 2500;

    /// <summary>The model's value of this figure with the preset physiology of <see cref="Condition"/>.</summary>
    public double ModelValue() => ModelValue(ParameterSet.For(Condition));

    /// <summary>The model's value of this figure for the given physiology.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    public double ModelValue(ParameterSet physiology)
    {
        ArgumentNullException.ThrowIfNull(physiology);
        var p = physiology;
        switch (Measure)
        {
            case PublishedMeasure.HoloTranscobalaminShareOfSerum:
                var balance = Balance(p);
                return balance.HoloTranscobalaminPicomolesPerLiter / balance.SerumPicomolesPerLiter;
            case PublishedMeasure.BaselineHoloTranscobalamin:
                return Balance(p).HoloTranscobalaminPicomolesPerLiter;
            case PublishedMeasure.BaselineSerum:
                return Balance(p).SerumPicomolesPerLiter;
        }

        var dose = Vehicle == DoseVehicle.FoodBound
            ? global::B12Dosing.Dosing.Dose.Food(Mass.FromMicrograms(DoseMicrograms))
            : global::B12Dosing.Dosing.Dose.Create(Mass.FromMicrograms(DoseMicrograms), Route, Form);
        switch (Measure)
        {
            case PublishedMeasure.SerumRatioHydroxoToCyano:
                var cyano = global::B12Dosing.Dosing.Dose.Intramuscular(Mass.FromMicrograms(DoseMicrograms));
                var hydroxo = global::B12Dosing.Dosing.Dose.Intramuscular(Mass.FromMicrograms(DoseMicrograms), CobalaminForm.Hydroxocobalamin);
                return Final(p, Day, [new(TimeSpan.Zero, hydroxo)]).SerumPicogramsPerMilliliter / Final(p, Day, [new(TimeSpan.Zero, cyano)]).SerumPicogramsPerMilliliter;
            case PublishedMeasure.CobaSorbHoloTranscobalaminRise:
                DoseEvent[] cobasorb = [.. new[] { 0, 6, 12, 24, 30, 36 }.Select(h => new DoseEvent(TimeSpan.FromHours(h), dose))];
                return Rise(p, 2, cobasorb, static r => r.HoloTranscobalaminPicomolesPerLiter);
            case PublishedMeasure.DailyHoloTranscobalaminRise or PublishedMeasure.DailySerumRise:
                DoseEvent[] daily = [.. Enumerable.Range(0, (int)Day).Select(d => new DoseEvent(TimeSpan.FromDays(d), dose))];
                return Measure == PublishedMeasure.DailySerumRise
                    ? Rise(p, Day, daily, static r => r.SerumPicomolesPerLiter)
                    : Rise(p, Day, daily, static r => r.HoloTranscobalaminPicomolesPerLiter);
        }

        var outcome = AbsorptionModel.Evaluate(dose, p);
        return Measure switch
        {
            PublishedMeasure.AbsorbedMicrograms => outcome.AbsorbedMicrograms,
            PublishedMeasure.RetainedMicrograms => outcome.RetainedMicrograms,
            PublishedMeasure.RetainedFraction => outcome.FractionRetained,
            _ => outcome.UrinaryLossMicrograms / outcome.DoseMicrograms,
        };
    }

    /// <summary>The last row of a run of <paramref name="days"/> from <see cref="InitialStoresMicrograms"/>.</summary>
    private SimulationRow Final(ParameterSet p, double days, DoseEvent[] events)
    {
        var horizon = TimeSpan.FromDays(days);
        var settings = new SimulationSettings(horizon) { ParameterSet = p, InitialStores = Mass.FromMicrograms(InitialStoresMicrograms), Step = horizon };
        return Simulator.Run(events, settings).Series[^1];
    }

    /// <summary>The first row of a run from <see cref="InitialStoresMicrograms"/>: the carriers in balance with the stores.</summary>
    private SimulationRow Balance(ParameterSet p) =>
        Simulator.Run([], new SimulationSettings(TimeSpan.FromDays(1)) { ParameterSet = p, InitialStores = Mass.FromMicrograms(InitialStoresMicrograms) }).Series[0];

    /// <summary>A readout at <paramref name="days"/> with the doses minus the same without them.</summary>
    private double Rise(ParameterSet p, double days, DoseEvent[] events, Func<SimulationRow, double> value) =>
        value(Final(p, days, events)) - value(Final(p, days, []));

    /// <summary>Model value / published value, with the preset physiology of <see cref="Condition"/>.</summary>
    public double Ratio() => ModelValue() / Value;

    /// <summary>Model value / published value for the given physiology.</summary>
    public double Ratio(ParameterSet physiology) => ModelValue(physiology) / Value;
}
