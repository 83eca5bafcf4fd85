using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Parameters;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using B12Dosing.Tests.Properties;
using B12Dosing.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

// Every [Property] in this assembly draws its arguments from B12Arbitraries (and FsCheck's defaults for other types).
[assembly: Properties(Arbitrary = [typeof(B12Arbitraries)])]

namespace B12Dosing.Tests.Properties;

/// <summary>An amount in µg from 0.01 µg to 100 mg, log-uniform; shrinks toward 1 µg and round numbers.</summary>
public readonly record struct AmountMicrograms(double Value)
{
    public const double Min = 0.01;
    public const double Max = 1e5;

    public override string ToString() => Arbitraries.Invariant($"{Value:R} µg");
}

/// <summary>Initial body stores from 1 µg to 10 mg, log-uniform (the reference adult has 2.5 mg); shrinks toward 2.5 mg.</summary>
public readonly record struct InitialStores(double Micrograms)
{
    public const double Min = 1;
    public const double Max = 1e4;

    public Mass Mass => Mass.FromMicrograms(Micrograms);

    public override string ToString() => Arbitraries.Invariant($"{Micrograms:R} µg stores");
}

/// <summary>A simulation horizon from 0 to 800 days in whole hours; shrinks toward 0.</summary>
public readonly record struct Horizon(TimeSpan Value)
{
    public const int MaxHours = 24 * 800;

    public override string ToString() => Arbitraries.Invariant($"{Value.TotalHours:R} h");
}

/// <summary>
/// A non-negative quantity value: zero, an integer up to 1e6, or 1e-100 to 1e100 (every magnitude a model can meet, far
/// from the ends of the double range so that unit factors up to 1e6 neither overflow nor fall into subnormals);
/// shrinks toward 0, 1 and round numbers.
/// </summary>
public readonly record struct NonNegativeValue(double Value)
{
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// A phase of a regimen as plain data, so that properties can compute what it should give independently. Invariants
/// the generator and the shrinker keep: offsets distinct, sorted, in [0, interval), at least one; ForHours above the
/// first offset; at least one AtHours.
/// </summary>
public sealed record PhaseSpec(Dose Dose, int DelayHours, int IntervalHours, int[] OffsetHours, bool Split, int Limit, int Count, int ForHours, int[] AtHours)
{
    public override string ToString() => $"{Dose} after {DelayHours}h q{IntervalHours}h on [{string.Join(',', OffsetHours)}] split={Split} limit={Limit} x{Count} for {ForHours}h at [{string.Join(',', AtHours)}]";

    /// <summary>
    /// Builds a sequence: an irregular first phase when <see cref="Limit"/> is 3 on the first phase, otherwise repeating
    /// phases ending by count, duration or time (the last one may stay open).
    /// </summary>
    public static Regimen Build(IReadOnlyList<PhaseSpec> specs)
    {
        static TimeSpan H(int hours) => TimeSpan.FromHours(hours);
        Regimen? regimen = null;
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            var step = (regimen is null ? Regimen.Start(s.Dose) : regimen.Then(s.Dose)).After(H(s.DelayHours));
            if (i == 0 && s.Limit == 3)
            {
                regimen = step.At(s.AtHours.Select(H));
                continue;
            }

            var repeat = s.Split ? step.Every(H(s.IntervalHours)).SplitAt(s.OffsetHours.Select(H)) : step.Every(H(s.IntervalHours)).On(s.OffsetHours.Select(H));
            regimen = s.Limit switch
            {
                0 when i == specs.Count - 1 => repeat.Indefinitely(),
                2 => repeat.For(H(s.ForHours)),
                _ => repeat.Times(s.Count),
            };
        }

        return regimen!;
    }
}

/// <summary>A combined regimen as data: sequences of phases, a shift, an adherence and its seed.</summary>
public sealed record RegimenSpec(PhaseSpec[][] Parts, int ShiftHours, double Adherence, int Seed)
{
    public Regimen Build() =>
        Regimen.Combine(Parts.Select(PhaseSpec.Build)).Offset(TimeSpan.FromHours(ShiftHours)).WithAdherence(Adherence, Seed);
}

/// <summary>
/// The arbitraries of the domain types, registered for every <c>[Property]</c> of the assembly (the assembly attribute
/// above): each generates the documented range of its type and shrinks to simpler values of it (the first route, form
/// and condition, plain oral over food, round amounts near a reference, fewer events, earlier times), so that a failure
/// reports a small counterexample. FsCheck registers every public static method here by its return type, so helpers
/// with parameters live in <see cref="Arbitraries"/>.
/// </summary>
public static class B12Arbitraries
{
    /// <summary>Food-bound doses: 0.1-100 µg (a meal; 100 g of liver holds about 70 µg).</summary>
    internal static readonly (double Min, double Max) FoodRange = (0.1, 100);

    /// <summary>Oral, sublingual and intranasal doses: 0.1 µg (below the 2.4 µg RDA) to 5 mg (the largest tablets).</summary>
    internal static readonly (double Min, double Max) MucosalRange = (0.1, 5000);

    /// <summary>Injections (IM, SC, IV): 1 µg to 5 mg (1 mg is the usual ampoule).</summary>
    internal static readonly (double Min, double Max) InjectedRange = (1, 5000);

    /// <summary>The µg range of a dose of this route and vehicle.</summary>
    internal static (double Min, double Max) RangeOf(Route route, bool food) =>
        food ? FoodRange : route is Route.Intramuscular or Route.Subcutaneous or Route.Intravenous ? InjectedRange : MucosalRange;

    private static readonly Route[] RouteChoices = [.. Routes.All];
    private static readonly CobalaminForm[] FormChoices = [.. CobalaminForms.All];
    private static readonly Condition[] ConditionChoices = [.. Conditions.All];

    private static readonly CultureInfo[] CultureChoices =
    [
        CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en-US"), CultureInfo.GetCultureInfo("de-DE"), CultureInfo.GetCultureInfo("fr-FR"),
        CultureInfo.GetCultureInfo("ja-JP"), CultureInfo.GetCultureInfo("ar-SA"), CultureInfo.GetCultureInfo("fa-IR"), // U+066B decimal separator, bidi marks
    ];

    /// <summary>Every route, shrinking toward oral.</summary>
    public static Arbitrary<Route> AnyRoute() => Arbitraries.OneOf(RouteChoices);

    /// <summary>Every form, shrinking toward cyanocobalamin.</summary>
    public static Arbitrary<CobalaminForm> AnyForm() => Arbitraries.OneOf(FormChoices);

    /// <summary>Every condition, shrinking toward healthy.</summary>
    public static Arbitrary<Condition> AnyCondition() => Arbitraries.OneOf(ConditionChoices);

    /// <summary>Every single effect (conditions and drugs) and every pair that may be combined, shrinking toward healthy.</summary>
    public static Arbitrary<Effect> AnyEffect() => Arbitraries.OneOf(EffectChoices);

    private static readonly Effect[] EffectChoices =
    [
        .. Effect.All,
        .. from a in Effect.All.Skip(1)
           from b in Effect.All.Skip(1)
           where string.CompareOrdinal(a.Name, b.Name) < 0 && (a.Group.Length == 0 || a.Group != b.Group)
           select a + b,
    ];

    /// <summary>The invariant culture and cultures with a decimal comma, a decimal point, non-Latin digits or separators; shrinks toward invariant.</summary>
    public static Arbitrary<CultureInfo> AnyCulture() => Arbitraries.OneOf(CultureChoices);

    /// <summary>An injected route (IM, SC, IV), shrinking toward intramuscular.</summary>
    internal static Arbitrary<Route> InjectedRoute { get; } =
        Arbitraries.OneOf(Route.Intramuscular, Route.Subcutaneous, Route.Intravenous);

    /// <summary>Any route and form, food-bound one oral dose in four, in the range of its route (<see cref="RangeOf"/>).</summary>
    public static Arbitrary<Dose> AnyDose() => DoseArbitrary;

    private static readonly Arbitrary<Dose> DoseArbitrary = Arb.From(
        from route in Gen.Elements(RouteChoices)
        from form in Gen.Elements(FormChoices)
        from food in Gen.Choose(0, 3).Select(i => i == 0 && route == Route.Oral)
        from micrograms in Arbitraries.LogUniform(RangeOf(route, food).Min, RangeOf(route, food).Max, 1).Generator
        select MakeDose(micrograms, route, form, food),
        ShrinkDose);

    private static Dose MakeDose(double micrograms, Route route, CobalaminForm form, bool food) =>
        food ? Dose.Food(Mass.FromMicrograms(micrograms)) : Dose.Create(Mass.FromMicrograms(micrograms), route, form);

    /// <summary>Food to plain oral, then the route to oral, the form to cyanocobalamin, the amount toward 1 µg and round numbers.</summary>
    private static IEnumerable<Dose> ShrinkDose(Dose dose)
    {
        var food = dose.Vehicle == DoseVehicle.FoodBound;
        var micrograms = dose.Amount.Micrograms;
        if (food)
        {
            yield return Dose.Oral(dose.Amount);
        }
        else
        {
            if (dose.Route != Route.Oral)
            {
                yield return Dose.Create(dose.Amount, Route.Oral, dose.Form); // every injected amount is in the oral range
            }

            if (dose.Form != CobalaminForm.Cyanocobalamin)
            {
                yield return Dose.Create(dose.Amount, dose.Route, CobalaminForm.Cyanocobalamin);
            }
        }

        var (min, max) = RangeOf(dose.Route, food);
        foreach (var smaller in Shrink.Toward(micrograms, 1, min, max, logScale: true))
        {
            yield return MakeDose(smaller, dose.Route, dose.Form, food);
        }
    }

    /// <summary>A dose in the first 60 days on a 6-hour grid (so that doses often share an instant); shrinks the time toward 0 and the dose.</summary>
    public static Arbitrary<DoseEvent> AnyDoseEvent() => DoseEventArbitrary;

    private static readonly Arbitrary<DoseEvent> DoseEventArbitrary = Arb.From(
        from quarter in Gen.Choose(0, 240)
        from dose in DoseArbitrary.Generator
        select new DoseEvent(TimeSpan.FromHours(6 * quarter), dose),
        e => Shrink.Toward((int)(e.Time.TotalHours / 6), 0).Select(q => new DoseEvent(TimeSpan.FromHours(6 * q), e.Dose))
            .Concat(ShrinkDose(e.Dose).Select(d => new DoseEvent(e.Time, d))));

    /// <summary>0-12 events (<see cref="AnyDoseEvent"/>), in no particular order; shrinks to fewer and simpler events.</summary>
    public static Arbitrary<DoseEvent[]> AnyDoseEvents() => Arbitraries.ArrayOf(DoseEventArbitrary, 0, 12);

    /// <summary>See <see cref="AmountMicrograms"/>.</summary>
    public static Arbitrary<AmountMicrograms> AnyAmount() =>
        Arbitraries.LogUniform(AmountMicrograms.Min, AmountMicrograms.Max, 1).Convert(v => new AmountMicrograms(v), a => a.Value);

    /// <summary>See <see cref="InitialStores"/>.</summary>
    public static Arbitrary<InitialStores> AnyInitialStores() =>
        Arbitraries.LogUniform(InitialStores.Min, InitialStores.Max, ModelParameters.ReferenceStoresMicrograms).Convert(v => new InitialStores(v), s => s.Micrograms);

    /// <summary>See <see cref="Horizon"/>.</summary>
    public static Arbitrary<Horizon> AnyHorizon() =>
        Arbitraries.Between(0, Horizon.MaxHours).Convert(h => new Horizon(TimeSpan.FromHours(h)), h => (int)h.Value.TotalHours);

    /// <summary>See <see cref="NonNegativeValue"/>.</summary>
    public static Arbitrary<NonNegativeValue> AnyNonNegativeValue() => Arb.From(
        Gen.Frequency(
            (1, Gen.Constant(0.0)),
            (3, Gen.Choose(0, 1_000_000).Select(i => (double)i)),
            (6, from mantissa in Gen.Choose(1, int.MaxValue)
                from exponent in Gen.Choose(-100, 100)
                select mantissa / (double)int.MaxValue * Math.Pow(10, exponent))).Select(v => new NonNegativeValue(v)),
        q => q.Value == 0 ? [] : Shrink.Toward(q.Value, 1, 1e-100, 1e100, logScale: true).Prepend(0).Select(v => new NonNegativeValue(v)));

    /// <summary>A value in [min, max]: an end (one time in four each) or log-uniform (uniform when min is 0) between them.</summary>
    private static Gen<double> InRange(double min, double max) => Gen.Frequency(
        (1, Gen.Constant(min)),
        (1, Gen.Constant(max)),
        (2, Gen.Choose(0, 1_000_000).Select(i => i / 1e6).Select(u => min > 0 ? Math.Min(max, min * Math.Pow(max / min, u)) : min + ((max - min) * u))));

    /// <summary>One parameter of <see cref="ParameterSet"/> the properties vary: its bounds, reading and setting, all from the block (<see cref="ModelParameters"/>).</summary>
    private sealed record PhysiologyParameter(string Name, double Min, double Max, Func<ParameterSet, double> Get, Func<ParameterSet, double, ParameterSet> Set)
    {
        public static PhysiologyParameter Of(ModelParameter p) => new(p.Name, p.Minimum, p.Maximum, p.ValueIn, p.Write);
    }

    /// <summary>
    /// The parameters of the block the properties draw anywhere in their bounds (the others keep their defaults: the
    /// volumes, the site of the mucosal release, the carriers' shares and the labile pool are varied by their own tests).
    /// </summary>
    private static readonly PhysiologyParameter[] PhysiologyParameters =
    [
        .. new[]
        {
            ModelParameters.IntrinsicFactorCapacity, ModelParameters.IntrinsicFactorHalfSaturation, ModelParameters.IntrinsicFactorRecovery,
            ModelParameters.PassiveFraction, ModelParameters.FoodReleaseFraction, ModelParameters.IlealUptakeFactor, ModelParameters.TurnoverPerDay,
            ModelParameters.BiliarySecretionPerDay, ModelParameters.BiliaryReabsorptionFraction, ModelParameters.TissueUptakeMaximumMicrogramsPerHour,
            ModelParameters.TissueUptakeHalfSaturation, ModelParameters.HydroxocobalaminFiltrationFactor, ModelParameters.HydroxocobalaminProteinBindingPerHour,
            ModelParameters.IntranasalBioavailability, ModelParameters.HydroxocobalaminSiteReleaseHalfTime, ModelParameters.InjectionSiteHalfTime,
            ModelParameters.HoloTranscobalaminHalfLife, ModelParameters.HoloHaptocorrinHalfLife, ModelParameters.BindingCapacity,
            ModelParameters.GlomerularFiltrationMillilitersPerMinute, ModelParameters.MaximumStores,
        }.Select(PhysiologyParameter.Of),
    ];

    /// <summary>
    /// Every parameter of <see cref="ParameterSet"/> anywhere in its bounds (often at an end), the IF capacity capped so that
    /// the physiology absorbs at most the dose (Cmax·ileal/K + p ≤ 1, <see cref="ParameterSet.MaximumOralFraction"/>).
    /// Shrinks one parameter at a time toward its healthy value and round numbers, keeping the cap.
    /// </summary>
    public static Arbitrary<ParameterSet> AnyPhysiology() => Arb.From(
        Gen.CollectToArray(PhysiologyParameters.Select(p => InRange(p.Min, p.Max))).Select(values =>
            CapIntrinsicFactor(PhysiologyParameters.Zip(values).Aggregate(PinnedHealthy, (p, pv) => pv.First.Set(p, pv.Second)))),
        ShrinkPhysiology);

    /// <summary>The healthy set with the release onto haptocorrin pinned at its default, so that the carrier constants drawn need not leave room for it.</summary>
    private static readonly ParameterSet PinnedHealthy = ParameterSet.Healthy with { HaptocorrinReleasePerDay = ParameterSet.Healthy.HaptocorrinReleasePerDay };

    /// <summary>The largest IF capacity that keeps the physiology absorbing at most the dose, if the drawn one does not.</summary>
    private static ParameterSet CapIntrinsicFactor(ParameterSet p) =>
        (p.IlealUptakeFactor * p.IntrinsicFactorCapacityMicrograms / p.IntrinsicFactorHalfSaturationMicrograms) + p.PassiveFraction <= 1 ? p
            : p with { IntrinsicFactorCapacityMicrograms = Math.Min(p.IntrinsicFactorCapacityMicrograms, (1 - p.PassiveFraction) * p.IntrinsicFactorHalfSaturationMicrograms / p.IlealUptakeFactor * (1 - 1e-12)) };

    private static IEnumerable<ParameterSet> ShrinkPhysiology(ParameterSet physiology) =>
        from parameter in PhysiologyParameters
        let healthy = Math.Clamp(parameter.Get(ParameterSet.Healthy), parameter.Min, parameter.Max)
        from value in Shrink.Toward(parameter.Get(physiology), healthy, parameter.Min, parameter.Max, logScale: parameter.Min > 0)
        let shrunk = parameter.Set(physiology, value)
        where shrunk.MaximumOralFraction <= 1
        select shrunk;

    /// <summary>A regimen's dose: 1-5000 µg written in µg or in mg, any route and form, or food-bound 0.1-500 µg (one in ten).</summary>
    private static readonly Gen<Dose> RegimenDoses =
        from micrograms in Gen.Choose(1, 5000)
        from inMilligrams in Gen.Elements(true, false)
        from form in Gen.Elements(FormChoices)
        from route in Gen.Elements(RouteChoices)
        from food in Gen.Choose(0, 9)
        select RegimenDose(micrograms, inMilligrams, form, route, food == 0);

    private static Dose RegimenDose(int micrograms, bool inMilligrams, CobalaminForm form, Route route, bool food) =>
        food ? Dose.Food(Mass.FromMicrograms(micrograms / 10.0))
            : Dose.Create(inMilligrams ? Mass.FromMilligrams(micrograms / 1000.0) : Mass.FromMicrograms(micrograms), route, form);

    /// <summary>A regimen's dose shrinks on its grid (whole µg, or tenths for food): to plain oral, cyanocobalamin, µg, and fewer µg.</summary>
    private static IEnumerable<Dose> ShrinkRegimenDose(Dose dose)
    {
        var food = dose.Vehicle == DoseVehicle.FoodBound;
        var inMilligrams = dose.Amount.Unit == UnitsNet.Units.MassUnit.Milligram;
        var units = (int)Math.Round(food ? dose.Amount.Micrograms * 10 : dose.Amount.Micrograms);
        if (food)
        {
            yield return RegimenDose(Math.Max(1, units / 10), false, CobalaminForm.Cyanocobalamin, Route.Oral, false);
        }
        else
        {
            if (dose.Route != Route.Oral)
            {
                yield return RegimenDose(units, inMilligrams, dose.Form, Route.Oral, false);
            }

            if (dose.Form != CobalaminForm.Cyanocobalamin)
            {
                yield return RegimenDose(units, inMilligrams, CobalaminForm.Cyanocobalamin, dose.Route, false);
            }

            if (inMilligrams)
            {
                yield return RegimenDose(units, false, dose.Form, dose.Route, false);
            }
        }

        foreach (var fewer in Shrink.Toward(units, 1))
        {
            yield return RegimenDose(fewer, inMilligrams, dose.Form, dose.Route, food);
        }
    }

    private static readonly int[] Delays = [0, 5, 24, 24 * 14];

    /// <summary>Intervals in hours, the simplest (daily, weekly) first: shrinking moves toward them.</summary>
    private static readonly int[] Intervals = [24, 24 * 7, 12, 6, 48, 84, 1, 24 * 30, 24 * 90, 37];

    /// <summary>See <see cref="PhaseSpec"/>: a dose, a delay, an interval with 1-4 offsets, split or not, and how the phase ends.</summary>
    public static Arbitrary<PhaseSpec> AnyPhase() => PhaseArbitrary;

    private static readonly Arbitrary<PhaseSpec> PhaseArbitrary = Arb.From(
        from dose in RegimenDoses
        from delay in Gen.Elements(0, 0, 0, 5, 24, 24 * 14)
        from interval in Gen.Elements(Intervals)
        from offsets in Gen.ArrayOf(Gen.Choose(0, interval - 1)).Select(o => o.Length == 0 ? [0] : o.Distinct().Order().Take(4).ToArray())
        from split in Gen.Elements(true, false)
        from limit in Gen.Choose(0, 3)
        from count in Gen.Choose(1, 20)
        from extra in Gen.Choose(1, 24 * 60)
        from at in Gen.ArrayOf(Gen.Choose(0, 24 * 200)).Select(a => a.Length == 0 ? [0] : a)
        select new PhaseSpec(dose, delay, interval, offsets, split, limit, count, offsets[0] + extra, at),
        ShrinkPhase);

    /// <summary>Shrinks one part at a time, keeping the invariants of <see cref="PhaseSpec"/> (the duration stays as far past the first offset).</summary>
    private static IEnumerable<PhaseSpec> ShrinkPhase(PhaseSpec s)
    {
        var extra = s.ForHours - s.OffsetHours[0];
        PhaseSpec WithOffsets(int[] offsets, int interval) => s with { IntervalHours = interval, OffsetHours = offsets, ForHours = offsets[0] + extra };

        foreach (var dose in ShrinkRegimenDose(s.Dose))
        {
            yield return s with { Dose = dose };
        }

        foreach (var delay in Shrink.Earlier(Delays, s.DelayHours))
        {
            yield return s with { DelayHours = delay };
        }

        foreach (var interval in Shrink.Earlier(Intervals, s.IntervalHours))
        {
            var kept = s.OffsetHours.Where(o => o < interval).ToArray();
            yield return WithOffsets(kept.Length == 0 ? [0] : kept, interval);
        }

        foreach (var offsets in Shrink.Array(s.OffsetHours, 1, o => Shrink.Toward(o, 0)).Where(o => o.Distinct().Count() == o.Length))
        {
            yield return WithOffsets([.. offsets.Order()], s.IntervalHours);
        }

        if (s.Split)
        {
            yield return s with { Split = false };
        }

        if (s.Limit != 1)
        {
            yield return s with { Limit = 1 };
        }

        foreach (var count in Shrink.Toward(s.Count, 1))
        {
            yield return s with { Count = count };
        }

        foreach (var shorter in Shrink.Toward(extra, 1))
        {
            yield return s with { ForHours = s.OffsetHours[0] + shorter };
        }

        foreach (var at in Shrink.Array(s.AtHours, 1, a => Shrink.Toward(a, 0)))
        {
            yield return s with { AtHours = at };
        }
    }

    private static readonly Arbitrary<PhaseSpec[]> SequenceSpecs = Arbitraries.ArrayOf(PhaseArbitrary, 1, 3);

    /// <summary>A sequence of 1-3 phases (no combination, shift or adherence), shrinking through its phases.</summary>
    internal static Arbitrary<Regimen> Sequences { get; } =
        Arbitraries.Built(SequenceSpecs.Generator, specs => PhaseSpec.Build(specs), specs => SequenceSpecs.Shrinker(specs));

    private static readonly int[] Shifts = [0, 7, 24 * 3];
    private static readonly double[] Adherences = [1.0, 0.5, 0.8, 0.95];

    private static readonly Gen<RegimenSpec> RegimenSpecs =
        from parts in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(SequenceSpecs.Generator, n))
        from shift in Gen.Elements(0, 0, 7, 24 * 3)
        from adherence in Gen.Elements(1.0, 1.0, 0.5, 0.8, 0.95)
        from seed in Gen.Choose(-1000, 1000)
        select new RegimenSpec(parts, shift, adherence, seed);

    private static IEnumerable<RegimenSpec> ShrinkRegimen(RegimenSpec s) =>
        Shrink.Array(s.Parts, 1, SequenceSpecs.Shrinker).Select(parts => s with { Parts = parts })
            .Concat(Shrink.Earlier(Shifts, s.ShiftHours).Select(shift => s with { ShiftHours = shift }))
            .Concat(Shrink.Earlier(Adherences, s.Adherence).Select(adherence => s with { Adherence = adherence }))
            .Concat(Shrink.Toward(s.Seed, 0).Select(seed => s with { Seed = seed }));

    /// <summary>
    /// 1-3 sequences of 1-3 phases combined, shifted and with an adherence; shrinks to fewer parts and phases, simpler
    /// phases, no shift and full adherence. Printed as its notation.
    /// </summary>
    public static Arbitrary<Regimen> AnyRegimen() => RegimenArbitrary;

    private static readonly Arbitrary<Regimen> RegimenArbitrary = Arbitraries.Built(RegimenSpecs, s => s.Build(), ShrinkRegimen);
}
