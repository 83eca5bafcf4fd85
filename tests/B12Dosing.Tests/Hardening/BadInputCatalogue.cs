using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Hardening;

/// <summary>
/// One kind of bad input and what the library must do with it: throw exactly <see cref="Expected"/> (one of the
/// documented types), with a message that names the value.
/// </summary>
/// <param name="Area">The part of the library the input enters.</param>
/// <param name="Api">The method, constructor or property the input is given to.</param>
/// <param name="Input">The input, as text or as a C# expression.</param>
/// <param name="Expected">The exception type it must throw.</param>
/// <param name="Act">Gives the input to the API.</param>
internal sealed record BadInput(string Area, string Api, string Input, Type Expected, Action Act)
{
    /// <summary>The key tests and documents use for the case.</summary>
    public string Key => $"{Api} {Input}";

    /// <summary>True when the input is text that the message must quote back.</summary>
    public bool IsText { get; init; }
}

/// <summary>
/// The catalogue of bad input for the library (issue 7): data, one row per case. The tool's cases are in
/// <c>B12Dosing.Cli.Tests/Hardening/ToolBadInputCatalogue.cs</c>. <c>docs/reliability.md</c> lists every case.
/// </summary>
internal static class BadInputCatalogue
{
    private static readonly Type Format = typeof(FormatException);
    private static readonly Type Range = typeof(ArgumentOutOfRangeException);
    private static readonly Type Argument = typeof(ArgumentException);
    private static readonly Type Null = typeof(ArgumentNullException);
    private static readonly Type Invalid = typeof(InvalidOperationException);

    private static readonly Dose OneMgIm = Dose.Intramuscular(Mass.FromMilligrams(1));

    public static IReadOnlyList<BadInput> All { get; } =
    [
        .. Texts("quantities", "QuantityText.ParseMass", s => QuantityText.ParseMass(s), Format,
            "NaN mg", "nan µg", "Infinity mg", "-Infinity mg", "∞ mg", "1e400 mg", "-1e400 µg", "1e308 g",
            "-5 mg", "-0.001 µg", "1,000 mcg", "1,5 mg", "5000 IU", "5000 iu", "5000 international units",
            "1000 I.U.", "1000 units", "", "   ", "\t\n", "1000", "mg", "1000 mL", "400 pg/mL", "1000 kg",
            "1.2.3 mg", "1e5e5 mg", "0x10 mg", "1 000 mcg", "++1 mg", "1e-400 mg", "4.9e-324 mg", "1e-305 g"),
        .. Texts("quantities", "QuantityText.ParseMassConcentration", s => QuantityText.ParseMassConcentration(s), Format, "400 pg", "NaN pg/mL", "-400 ng/L", "1e309 ng/mL"),
        .. Texts("quantities", "QuantityText.ParseMolarity", s => QuantityText.ParseMolarity(s), Format, "295 pg/mL", "-295 pmol/L", "295 pmol/mL"),
        .. Texts("quantities", "QuantityText.ParseAmountOfSubstance", s => QuantityText.ParseAmountOfSubstance(s), Format, "1 mg", "Infinity pmol"),
        .. Texts("quantities", "QuantityText.ParseMassUnit", s => QuantityText.ParseMassUnit(s), Format, "IU", "kg", ""),
        Text("quantities", "QuantityText.ParseMass(de-DE)", s => QuantityText.ParseMass(s, CultureInfo.GetCultureInfo("de-DE")), Format, "1.000,5 mg"),
        Text("quantities", "QuantityText.ParseMass(en-US)", s => QuantityText.ParseMass(s, CultureInfo.GetCultureInfo("en-US")), Format, "1,000 mcg"),
        Text("quantities", "QuantityConverter.Convert(\"1 mg\", unit)", u => QuantityConverter.Convert("1 mg", u), Argument, "pg/mL"),
        Text("quantities", "QuantityConverter.Convert(\"1 mg\", unit)", u => QuantityConverter.Convert("1 mg", u), Argument, "pmol"),
        Text("quantities", "QuantityConverter.Convert(\"1 mg\", unit)", u => QuantityConverter.Convert("1 mg", u), Format, "IU"),
        Text("quantities", "QuantityConverter.Convert(to ng)", s => QuantityConverter.Convert(s, "ng"), Format, "1e306 µg"),
        Text("quantities", "QuantityConverter.Convert(to ng, adenosylcobalamin)", s => QuantityConverter.Convert(s, "ng", CobalaminForm.Adenosylcobalamin), Format, "1.7e308 pmol"),
        Text("quantities", "CobalaminForms.Parse", s => CobalaminForms.Parse(s), Format, "folate"),
        Text("quantities", "CobalaminForms.Parse", s => CobalaminForms.Parse(s), Format, ""),
        Case("quantities", "CobalaminForms.MolarMass", "(CobalaminForm)42", Range, () => ((CobalaminForm)42).MolarMass()),

        Case("doses", "Dose.Oral", "0 µg", Range, () => Dose.Oral(Mass.Zero)),
        Case("doses", "Dose.Oral", "-1 mg (UnitsNet allows negative masses)", Range, () => Dose.Oral(Mass.FromMilligrams(-1))),
        Case("doses", "Dose.Oral", "1e300 kg (infinite in µg)", Range, () => Dose.Oral(Mass.FromKilograms(1e300))),
        Case("doses", "Dose.Oral", "6 g (above 5 g)", Range, () => Dose.Oral(Mass.FromGrams(6))),
        Case("doses", "Dose.Intravenous", "5 g + 1 ng", Range, () => Dose.Intravenous(Mass.FromGrams(5) + Mass.FromNanograms(1))),
        Case("doses", "Dose.Intramuscular", "1e300 µg", Range, () => Dose.Intramuscular(Mass.FromMicrograms(1e300))),
        Case("doses", "Dose.Create", "1 mg, (Route)17", Range, () => Dose.Create(Mass.FromMilligrams(1), (Route)17)),
        Case("doses", "Dose.Create", "1 mg, oral, (CobalaminForm)9", Range, () => Dose.Create(Mass.FromMilligrams(1), Route.Oral, (CobalaminForm)9)),
        Case("doses", "new DoseEvent", "(−1 tick, 1 mg im)", Range, () => new DoseEvent(TimeSpan.FromTicks(-1), OneMgIm)),
        Case("doses", "new DoseEvent", "(0, default(Dose))", Range, () => new DoseEvent(TimeSpan.Zero, default)),
        Case("doses", "Routes.ShortName", "(Route)99", Range, () => ((Route)99).ShortName()),
        Case("doses", "AbsorptionModel.Evaluate", "default(Dose)", Range, () => AbsorptionModel.Evaluate(default, ParameterSet.Healthy)),
        Case("doses", "AbsorptionModel.Evaluate", "physiology null", Null, () => AbsorptionModel.Evaluate(OneMgIm, null!)),
        Case("doses", "AbsorptionModel.EvaluateSeries", "[default(DoseEvent)]", Argument, () => AbsorptionModel.EvaluateSeries([default], ParameterSet.Healthy)),
        .. Texts("doses", "Routes.Parse", Routes.Parse, Format, "rectal", "i.m.", "", "  ", "oral im"),
        .. Texts("doses", "Conditions.Parse", Conditions.Parse, Format, "scurvy", "", "pernicious"),
        Case("doses", "ParameterSet.For", "(Condition)99", Range, () => ParameterSet.For((Condition)99)),
        Case("doses", "Conditions.Name", "(Condition)9", Range, () => ((Condition)9).Name()),

        PhysiologyCase("IntrinsicFactorCapacityMicrograms", -1, p => p with { IntrinsicFactorCapacityMicrograms = -1 }),
        PhysiologyCase("IntrinsicFactorCapacityMicrograms", double.PositiveInfinity, p => p with { IntrinsicFactorCapacityMicrograms = double.PositiveInfinity }),
        PhysiologyCase("IntrinsicFactorHalfSaturationMicrograms", 0, p => p with { IntrinsicFactorHalfSaturationMicrograms = 0 }),
        PhysiologyCase("IntrinsicFactorRecoveryHours", double.NaN, p => p with { IntrinsicFactorRecoveryHours = double.NaN }),
        PhysiologyCase("PassiveFraction", double.NaN, p => p with { PassiveFraction = double.NaN }),
        PhysiologyCase("PassiveFraction", -0.1, p => p with { PassiveFraction = -0.1 }),
        PhysiologyCase("PassiveFraction", 1.5, p => p with { PassiveFraction = 1.5 }),
        PhysiologyCase("FoodReleaseFraction", 2, p => p with { FoodReleaseFraction = 2 }),
        PhysiologyCase("IlealUptakeFactor", -0.0001, p => p with { IlealUptakeFactor = -0.0001 }),
        PhysiologyCase("TurnoverPerDay", double.NaN, p => p with { TurnoverPerDay = double.NaN }),
        PhysiologyCase("BiliarySecretionPerDay", 1.01, p => p with { BiliarySecretionPerDay = 1.01 }),
        PhysiologyCase("BiliaryReabsorptionFraction", double.PositiveInfinity, p => p with { BiliaryReabsorptionFraction = double.PositiveInfinity }),
        PhysiologyCase("TissueUptakeMaximumMicrogramsPerHour", 0, p => p with { TissueUptakeMaximumMicrogramsPerHour = 0 }),
        PhysiologyCase("TissueUptakeHalfSaturationMicrograms", -1, p => p with { TissueUptakeHalfSaturationMicrograms = -1 }),
        PhysiologyCase("HydroxocobalaminFiltrationFactor", 0, p => p with { HydroxocobalaminFiltrationFactor = 0 }),
        PhysiologyCase("BindingCapacityNanogramsPerMilliliter", -0.5, p => p with { BindingCapacityNanogramsPerMilliliter = -0.5 }),
        PhysiologyCase("IntranasalBioavailability", 1.1, p => p with { IntranasalBioavailability = 1.1 }),
        PhysiologyCase("HydroxocobalaminSiteReleaseHalfTimeHours", double.NaN, p => p with { HydroxocobalaminSiteReleaseHalfTimeHours = double.NaN }),
        PhysiologyCase("HoloTranscobalaminHalfLifeHours", -1, p => p with { HoloTranscobalaminHalfLifeHours = -1 }),
        PhysiologyCase("MaximumStoresMicrograms", 0, p => p with { MaximumStoresMicrograms = 0 }),
        // Issue 12: values the old validators passed that gave infinite or NaN outcomes, or lost the mass balance.
        PhysiologyCase("IntrinsicFactorCapacityMicrograms", 1e3, p => p with { IntrinsicFactorCapacityMicrograms = 1e3 }),
        PhysiologyCase("IntrinsicFactorHalfSaturationMicrograms", 1e-310, p => p with { IntrinsicFactorHalfSaturationMicrograms = 1e-310 }),
        PhysiologyCase("IntrinsicFactorRecoveryHours", 1e300, p => p with { IntrinsicFactorRecoveryHours = 1e300 }),
        PhysiologyCase("TissueUptakeHalfSaturationMicrograms", 1e308, p => p with { TissueUptakeHalfSaturationMicrograms = 1e308 }),
        PhysiologyCase("HydroxocobalaminFiltrationFactor", 1e-310, p => p with { HydroxocobalaminFiltrationFactor = 1e-310 }),
        PhysiologyCase("HoloTranscobalaminHalfLifeHours", 1e-160, p => p with { HoloTranscobalaminHalfLifeHours = 1e-160 }),
        PhysiologyCase("HoloHaptocorrinHalfLifeDays", 1e6, p => p with { HoloHaptocorrinHalfLifeDays = 1e6 }),
        // Issue 10: bounds that keep the per-load solve to a bounded number of steps.
        PhysiologyCase("TissueUptakeMaximumMicrogramsPerHour", 1e4, p => p with { TissueUptakeMaximumMicrogramsPerHour = 1e4 }),
        PhysiologyCase("InjectionSiteHalfTimeHours", 1e3, p => p with { InjectionSiteHalfTimeHours = 1e3 }),
        Case("physiology", "AbsorptionModel.Evaluate", "IF capacity 5 µg, half-saturation 1.42 µg (would absorb more than the dose)", Argument, () => AbsorptionModel.Evaluate(Dose.Oral(Mass.FromMicrograms(0.1)), ParameterSet.Healthy with { IntrinsicFactorCapacityMicrograms = 5 })),
        Case("physiology", "SimulationSettings.ParameterSet", "IF capacity 5 µg, half-saturation 1.42 µg (would absorb more than the dose)", Argument, () => _ = new SimulationSettings(TimeSpan.FromDays(1)) { ParameterSet = ParameterSet.Healthy with { IntrinsicFactorCapacityMicrograms = 5 } }),
        Case("physiology", "AbsorptionModel.Evaluate", "state with 10 µg IF capacity free (more than the physiology has)", Range, () => AbsorptionModel.Evaluate(Dose.Oral(Mass.FromMicrograms(1)), ParameterSet.Healthy, new IntrinsicFactorState(10))),
        Case("physiology", "new IntrinsicFactorState", "NaN", Range, () => new IntrinsicFactorState(double.NaN)),
        Case("physiology", "new IntrinsicFactorState", "-1", Range, () => new IntrinsicFactorState(-1)),
        Case("physiology", "IntrinsicFactorState.After", "−1 h", Range, () => IntrinsicFactorState.Rested(ParameterSet.Healthy).After(TimeSpan.FromHours(-1), ParameterSet.Healthy)),

        .. Texts("regimens", "Regimen.Parse", Regimen.Parse, Format,
            "", "   ", "1 mg im", "1 mg im q0d", "1 mg im q0h x3", "1 mg im daily then 1 mg im weekly",
            "1 mg im daily x0", "1 mg im daily x-1", "1 mg im daily x99999999", "1 mg im q201y", "1 mg im daily for 201y",
            "1 mg im daily until d100000", "5000 IU im daily", "1,000 mcg oral daily", "1,5 mg oral daily", "NaN mg oral daily", "1e400 mg oral daily",
            "6 g iv once", "0 mg im daily", "1 mg rectal daily", "1 mg folate im daily", "1 mg im fortnightly", "1 mg im daily x7 then",
            "1 mg im daily with adherence 1.5 seed 1", "1 mg im daily with adherence 0.8", "1 mg im at", "1 mg im at d0",
            "1 mg im daily split 7", "1 mg im q1y split 3153600", "1 mg im daily x7 +", "1 mg im daily x7 foo", "1 mg im q1.5s", "1 mg im q1.0000001s", "1 mg im daily for 1.0000000001d", "1 mg im q0.00000001h",
            "1 mg im daily for 0d", "1 mg im daily x7 then 1 mg im at d1"),
        Text("regimens", "RegimenCatalogue.Resolve", RegimenCatalogue.Resolve, Format, "bnf"),
        Text("regimens", "RegimenCatalogue.Resolve", RegimenCatalogue.Resolve, Format, ""),
        Case("regimens", "RegimenCatalogue.Get", "\"bnf\" (unknown protocol)", Range, () => RegimenCatalogue.Get("bnf")),
        Case("regimens", "Regimen.Start(d).Every", "TimeSpan.Zero (interval of zero)", Range, () => Regimen.Start(OneMgIm).Every(TimeSpan.Zero)),
        Case("regimens", "Regimen.Start(d).Every", "−1 d", Range, () => Regimen.Start(OneMgIm).Every(TimeSpan.FromDays(-1))),
        Case("regimens", "Regimen.Start(d).Every", "1.5 s (not whole seconds)", Range, () => Regimen.Start(OneMgIm).Every(TimeSpan.FromMilliseconds(1500))),
        Case("regimens", "Regimen.Start(d).Every", "201 years", Range, () => Regimen.Start(OneMgIm).Every(TimeSpan.FromDays(365 * 201))),
        Case("regimens", "Regimen.Start(d).Daily().Times", "0", Range, () => Regimen.Start(OneMgIm).Daily().Times(0)),
        Case("regimens", "Regimen.Start(d).Daily().For", "TimeSpan.MaxValue", Range, () => Regimen.Start(OneMgIm).Daily().For(TimeSpan.MaxValue)),
        Case("regimens", "Regimen.Start(d).Daily().Split", "0", Range, () => Regimen.Start(OneMgIm).Daily().Split(0)),
        Case("regimens", "Regimen.Start(d).Daily().Split", "7 (not whole seconds)", Range, () => Regimen.Start(OneMgIm).Daily().Split(7)),
        Case("regimens", "Regimen.Start(d).Every(1 y).Split", "int.MaxValue", Range, () => Regimen.Start(OneMgIm).Every(TimeSpan.FromDays(365)).Split(int.MaxValue)),
        Case("regimens", "Regimen.Start(d).Daily().Indefinitely().Then", "(a phase that never ends)", Invalid, () => ((Regimen)Regimen.Start(OneMgIm).Daily().Indefinitely()).Then(OneMgIm)),
        Case("regimens", "Regimen.Start(d).OnDays", "0", Range, () => Regimen.Start(OneMgIm).OnDays(0)),
        Case("regimens", "Regimen.Events", "−1 d", Range, () => Regimen.Parse("1 mg im daily").Events(TimeSpan.FromDays(-1))),
        Case("regimens", "Regimen.Events", "MaximumHorizon + 1 d", Range, () => Regimen.Parse("1 mg im daily").Events(Regimen.MaximumHorizon + TimeSpan.FromDays(1))),
        Case("regimens", "Regimen.Events", "100 y of q1s (over 10 million events)", Range, () => Regimen.Parse("1 µg im q1s").Events(TimeSpan.FromDays(36500))),
        Case("regimens", "Regimen.WithAdherence", "NaN", Range, () => Regimen.Parse("1 mg im daily").WithAdherence(double.NaN, 1)),
        Case("regimens", "Regimen.WithAdherence", "1.01", Range, () => Regimen.Parse("1 mg im daily").WithAdherence(1.01, 1)),
        Case("regimens", "Regimen.Offset", "−1 d", Range, () => Regimen.Parse("1 mg im daily").Offset(TimeSpan.FromDays(-1))),

        Case("simulation", "new SimulationSettings", "TimeSpan.Zero", Range, () => _ = new SimulationSettings(TimeSpan.Zero)),
        Case("simulation", "new SimulationSettings", "−1 d", Range, () => _ = new SimulationSettings(TimeSpan.FromDays(-1))),
        Case("simulation", "new SimulationSettings", "MaximumHorizon + 1 d (beyond 100 years)", Range, () => _ = new SimulationSettings(SimulationSettings.MaximumHorizon + TimeSpan.FromDays(1))),
        Case("simulation", "SimulationSettings.Step", "TimeSpan.Zero", Range, () => _ = new SimulationSettings(TimeSpan.FromDays(1)) { Step = TimeSpan.Zero }),
        Case("simulation", "SimulationSettings.Step", "0.5 s", Range, () => _ = new SimulationSettings(TimeSpan.FromDays(1)) { Step = TimeSpan.FromMilliseconds(500) }),
        Case("simulation", "SimulationSettings.Step", "TimeSpan.MaxValue", Range, () => _ = new SimulationSettings(TimeSpan.FromDays(1)) { Step = TimeSpan.MaxValue }),
        Case("simulation", "SimulationSettings.InitialStores", "2 g", Range, () => _ = new SimulationSettings(TimeSpan.FromDays(1)) { InitialStores = Mass.FromGrams(2) }),
        Case("simulation", "SimulationSettings.ParameterSet", "null", Null, () => _ = new SimulationSettings(TimeSpan.FromDays(1)) { ParameterSet = null! }),
        Case("simulation", "Simulator.Run", "100 y with a 1 s step (too many rows)", Range, () => Simulator.Run([], new SimulationSettings(SimulationSettings.MaximumHorizon) { Step = TimeSpan.FromSeconds(1) })),
        Case("simulation", "Simulator.Run", "[default(DoseEvent)]", Argument, () => Simulator.Run(new DoseEvent[1], new SimulationSettings(TimeSpan.FromDays(1)))),
        Case("simulation", "Simulator.Run", "events null", Null, () => Simulator.Run((IEnumerable<DoseEvent>)null!, new SimulationSettings(TimeSpan.FromDays(1)))),
        Case("simulation", "Simulator.SteadyStateTrough", "interval TimeSpan.Zero", Range, () => Simulator.SteadyStateTrough(OneMgIm, TimeSpan.Zero, ParameterSet.Healthy)),
        Case("simulation", "Simulator.SteadyStateTrough", "a physiology that loses no stores (no steady state)", Argument, () => Simulator.SteadyStateTrough(OneMgIm, TimeSpan.FromDays(1), ParameterSet.Healthy with { TurnoverPerDay = 0, BiliaryReabsorptionFraction = 1 })),
        Case("simulation", "Simulator.SteadyStateTrough", "a loss of 1e-12 a day and a 1 s interval (rounding would give negative stores)", Argument, () => Simulator.SteadyStateTrough(OneMgIm, TimeSpan.FromSeconds(1), ParameterSet.Healthy with { TurnoverPerDay = 1e-12, BiliaryReabsorptionFraction = 1 })),

        .. Texts("population", "ConditionMix.Parse", ConditionMix.Parse, Format,
            "", "   ", ",", "pa=1,,healthy", "foo=1", "scurvy", "pa=-1", "pa=0", "pa=-0", "pa=NaN", "pa=Infinity", "pa=1e400", "pa=1e-400",
            "pa=0x10", "pa=", "=1", "pa=1=2", "pa=1;healthy=1", "pa=1,5", "pa=1,000", "pa=70%", "pa=1e308,healthy=1e308", "pa=0.7,healthy=0.7", "pa=3,healthy", "pa,healthy", "pa=1,healthy", "healthy=0.5",
            "pa=1e-320,healthy=1e10"),
        Case("population", "ConditionMix.Of", "() (no weights)", Argument, () => ConditionMix.Of()),
        Case("population", "ConditionMix.Of", "(healthy, NaN)", Range, () => ConditionMix.Of((Condition.Healthy, double.NaN))),
        Case("population", "ConditionMix.Of", "(healthy, −1)", Range, () => ConditionMix.Of((Condition.Healthy, -1))),
        Case("population", "ConditionMix.Of", "(healthy, +∞)", Range, () => ConditionMix.Of((Condition.Healthy, double.PositiveInfinity))),
        Case("population", "ConditionMix.Of", "(healthy, 1e308), (pa, 1e308) (total infinite)", Range, () => ConditionMix.Of((Condition.Healthy, 1e308), (Condition.PerniciousAnemia, 1e308))),
        Case("population", "ConditionMix.Of", "((Condition)99, 1)", Range, () => ConditionMix.Of(((Condition)99, 1))),
        Case("population", "ConditionMix.Only", "(Condition)99", Range, () => ConditionMix.Only((Condition)99)),
        Case("population", "new Variation", "(−0.1, 0.5, 2)", Range, () => new Variation(-0.1, 0.5, 2)),
        Case("population", "new Variation", "(NaN, 0.5, 2)", Range, () => new Variation(double.NaN, 0.5, 2)),
        Case("population", "new Variation", "(3.01, 0.5, 2) (σ above 3)", Range, () => new Variation(3.01, 0.5, 2)),
        Case("population", "new Variation", "(0.1, 0, 2)", Range, () => new Variation(0.1, 0, 2)),
        Case("population", "new Variation", "(0.1, NaN, 2)", Range, () => new Variation(0.1, double.NaN, 2)),
        Case("population", "new Variation", "(0.1, 1.5, 2) (smallest above 1)", Range, () => new Variation(0.1, 1.5, 2)),
        Case("population", "new Variation", "(0.1, 0.5, 0.9) (largest below 1)", Range, () => new Variation(0.1, 0.5, 0.9)),
        Case("population", "new Variation", "(0.1, 0.5, +∞)", Range, () => new Variation(0.1, 0.5, double.PositiveInfinity)),
        Case("population", "new Variation", "(0.1, 0.5, NaN)", Range, () => new Variation(0.1, 0.5, double.NaN)),
        Case("population", "PopulationModel", "Conditions = null", Null, () => _ = PopulationModel.Default with { Conditions = null! }),
        Case("population", "PopulationModel", "StoreLoss = null", Null, () => _ = PopulationModel.Default with { StoreLoss = null! }),
        Case("population", "PopulationModel", "MedianInitialStores = 2 g", Range, () => _ = PopulationModel.Default with { MedianInitialStores = Mass.FromGrams(2) }),
        Case("population", "PopulationModel.Patient", "(seed 1, index −1)", Range, () => PopulationModel.Default.Patient(1, -1)),
        Case("population", "new PopulationSettings", "0 patients", Range, () => _ = new PopulationSettings(0, TimeSpan.FromDays(10), 1)),
        Case("population", "new PopulationSettings", "−1 patients", Range, () => _ = new PopulationSettings(-1, TimeSpan.FromDays(10), 1)),
        Case("population", "new PopulationSettings", "int.MinValue patients", Range, () => _ = new PopulationSettings(int.MinValue, TimeSpan.FromDays(10), 1)),
        Case("population", "new PopulationSettings", "horizon TimeSpan.Zero", Range, () => _ = new PopulationSettings(10, TimeSpan.Zero, 1)),
        Case("population", "new PopulationSettings", "horizon −1 d", Range, () => _ = new PopulationSettings(10, TimeSpan.FromDays(-1), 1)),
        Case("population", "new PopulationSettings", "horizon MaximumHorizon + 1 d (beyond 100 years)", Range, () => _ = new PopulationSettings(10, SimulationSettings.MaximumHorizon + TimeSpan.FromDays(1), 1)),
        Case("population", "new PopulationSettings", "horizon TimeSpan.MaxValue", Range, () => _ = new PopulationSettings(10, TimeSpan.MaxValue, 1)),
        Case("population", "PopulationSettings.Step", "TimeSpan.Zero", Range, () => _ = new PopulationSettings(10, TimeSpan.FromDays(10), 1) { Step = TimeSpan.Zero }),
        Case("population", "PopulationSettings.Step", "−1 d", Range, () => _ = new PopulationSettings(10, TimeSpan.FromDays(10), 1) { Step = TimeSpan.FromDays(-1) }),
        Case("population", "PopulationSettings.FirstPatient", "−1", Range, () => _ = new PopulationSettings(10, TimeSpan.FromDays(10), 1) { FirstPatient = -1 }),
        Case("population", "PopulationSettings.FirstPatient", "long.MaxValue (the last index would overflow)", Range, () => _ = new PopulationSettings(10, TimeSpan.FromDays(10), 1) { FirstPatient = long.MaxValue }),
        Case("population", "PopulationSettings.SerumThreshold", "0 pg/mL", Range, () => _ = new PopulationSettings(10, TimeSpan.FromDays(10), 1) { SerumThreshold = MassConcentration.FromPicogramsPerMilliliter(0) }),
        Case("population", "PopulationSettings.MaxDegreeOfParallelism", "−1", Range, () => _ = new PopulationSettings(10, TimeSpan.FromDays(10), 1) { MaxDegreeOfParallelism = -1 }),
        Case("regimens", "Regimen.Start", "default(Dose)", Range, () => Regimen.Start(default)),
        Case("regimens", "Regimen.Then", "default(Dose)", Range, () => Regimen.Parse("1 mg im once").Then(default)),
        Case("population", "PopulationSettings.Model", "null", Null, () => _ = new PopulationSettings(10, TimeSpan.FromDays(10), 1) { Model = null! }),
        // Issue 12: models whose extreme patients were clamped (passive fraction cut to 1, stores to 1 g) or would be out of the physiology's bounds.
        Case("population", "PopulationSettings.Model", "PassiveFraction factors up to 100 (a passive fraction of 1.25)", Range, () => _ = new PopulationSettings(10, TimeSpan.FromDays(10), 1) { Model = PopulationModel.Default with { PassiveFraction = new Variation(0.15, 0.5, 100) } }),
        Case("population", "PopulationSettings.Model", "RetentionCapacity factors down to 1e-6 (0.00005 µg)", Range, () => _ = new PopulationSettings(10, TimeSpan.FromDays(10), 1) { Model = PopulationModel.Default with { RetentionCapacity = new Variation(0.3, 1e-6, 3) } }),
        Case("population", "PopulationSettings.Model", "InitialStores factors up to 1000 (2.5 g)", Range, () => _ = new PopulationSettings(10, TimeSpan.FromDays(10), 1) { Model = PopulationModel.Default with { InitialStores = new Variation(0.35, 0.24, 1000) } }),
        Case("population", "PopulationSettings.Model", "StoreLoss factors up to 1000 for pernicious anaemia (1.6/day)", Range, () => _ = new PopulationSettings(10, TimeSpan.FromDays(10), 1) { Model = PopulationModel.Default with { Conditions = ConditionMix.Only(Condition.PerniciousAnemia), StoreLoss = new Variation(0.2, 0.5, 1000) } }),
        Case("population", "PopulationSimulator.Run", "100 y with a daily step (36 526 rows, more than MaximumRows)", Range, () => PopulationSimulator.Run(Regimen.None, new PopulationSettings(1, SimulationSettings.MaximumHorizon, 1))),
        Case("population", "PopulationSimulator.Run", "1 y with a 1 min step (525 601 rows)", Range, () => PopulationSimulator.Run(Regimen.None, new PopulationSettings(1, TimeSpan.FromDays(365), 1) { Step = TimeSpan.FromMinutes(1) })),
        Case("population", "PopulationSimulator.Run", "100 y of q1s (over 10 million events)", Range, () => PopulationSimulator.Run(Regimen.Parse("1 µg im q1s"), new PopulationSettings(1, TimeSpan.FromDays(36500), 1) { Step = TimeSpan.FromDays(2) })),
        Case("population", "PopulationSimulator.Run", "[default(DoseEvent)]", Argument, () => PopulationSimulator.Run(new DoseEvent[1], new PopulationSettings(1, TimeSpan.FromDays(10), 1))),
        Case("population", "PopulationSimulator.Run", "regimen null", Null, () => PopulationSimulator.Run((Regimen)null!, new PopulationSettings(1, TimeSpan.FromDays(10), 1))),
        Case("population", "PopulationSimulator.Run", "progress null", Null, () => PopulationSimulator.Run(Regimen.None, new PopulationSettings(1, TimeSpan.FromDays(10), 1), null!)),
    ];

    /// <summary>The cases of one area.</summary>
    public static IEnumerable<BadInput> In(string area) => All.Where(c => c.Area == area);

    /// <summary>The catalogue as Markdown: counts per area, then one table row per case.</summary>
    public static string ToMarkdown()
    {
        var areas = All.GroupBy(c => c.Area).ToArray();
        var lines = new List<string> { "| Area | Cases |", "|---|---:|" };
        lines.AddRange(areas.Select(g => $"| {g.Key} | {g.Count()} |"));
        lines.Add($"| **library total** | **{All.Count}** |");
        lines.Add(string.Empty);
        lines.Add("| Area | API | Input | Throws |");
        lines.Add("|---|---|---|---|");
        lines.AddRange(All.Select(c => $"| {c.Area} | `{c.Api}` | {(c.IsText ? Shared.DocsSection.Code(c.Input) : c.Input.Replace("|", "\\|", StringComparison.Ordinal))} | `{c.Expected.Name}` |"));
        return string.Join("\n", lines) + "\n";
    }

    private static BadInput Case(string area, string api, string input, Type expected, Action act) => new(area, api, input, expected, act);

    private static BadInput Text<T>(string area, string api, Func<string, T> parse, Type expected, string input) =>
        new(area, api, input, expected, () => parse(input)) { IsText = true };

    private static IEnumerable<BadInput> Texts<T>(string area, string api, Func<string, T> parse, Type expected, params string[] inputs) =>
        inputs.Select(input => Text(area, api, parse, expected, input));

    private static BadInput PhysiologyCase(string property, double value, Func<ParameterSet, ParameterSet> change) =>
        new("physiology", $"ParameterSet.Healthy with {{ {property} }}", value.ToString(CultureInfo.InvariantCulture), Range, () => change(ParameterSet.Healthy));
}
