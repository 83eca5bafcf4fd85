using B12Dosing.Quantities;

namespace B12Dosing.Absorption;

/// <summary>
/// The parameters of one person's B12 absorption and retention. Immutable: start from a preset
/// (<see cref="Healthy"/>, <see cref="PerniciousAnemia"/> …, or <see cref="For(Condition)"/>) and change what
/// you need with a <c>with</c> expression: <c>Physiology.Healthy with { PassiveFraction = 0.01 }</c>.
/// Every value is checked when set (<see cref="ArgumentOutOfRangeException"/>). Sources of each value are in
/// the property docs and in <c>docs/model.md</c>.
/// </summary>
public sealed record Physiology
{
    /// <summary>The loss of body stores per day in health, 0.13 %/day: the pooled estimate of Doets 2013 (0.13 ± 0.03 %/day), inside the 0.1-0.2 %/day of IOM 1998.</summary>
    public const double HealthyStoreLossPerDay = 0.0013;

    /// <summary>The loss of body stores per day without intrinsic factor, when no biliary B12 is reabsorbed: 0.2 %/day (IOM 1998 p.331, after Boddy &amp; Adams 1972).</summary>
    public const double NoReabsorptionStoreLossPerDay = 0.002;

    /// <summary>
    /// Biliary secretion as a fraction of stores per day, 0.14 %/day: the difference between the loss without
    /// reabsorption (0.2 %/day, IOM 1998) and in health (0.13 %/day, Doets 2013) is the reabsorbed half of the bile
    /// (Carmel 2008), so bile is 2 × 0.07 %/day, 3.5 µg/day at 2500 µg (Carmel's 1.4 µg/day is at the low end of the
    /// 3-8 µg/day elimination of the Swiss cyanocobalamin label).
    /// </summary>
    public const double DefaultBiliarySecretionPerDay = (NoReabsorptionStoreLossPerDay - HealthyStoreLossPerDay) / HealthyBiliaryReabsorptionFraction;

    /// <summary>
    /// The share of reabsorbed biliary B12 that passes through plasma holotranscobalamin, 0.4: Carmel 2008 measures
    /// biliary secretion at about 1.4 µg/day (0.056 %/day of 2500 µg), about half reabsorbed (0.7 µg/day onto
    /// transcobalamin); the model's bile (<see cref="DefaultBiliarySecretionPerDay"/>, 0.14 %/day) is larger only to carry
    /// the difference of store loss with and without IF (0.2 against 0.13 %/day). Only Carmel's measured part,
    /// 0.056/0.14 = 0.4 of the reabsorbed bile, is taken onto holoTC; the rest returns to the stores directly (an
    /// ASSUMPTION: the data need it for the loss, no figure says which carrier brings it back). Without it bile alone
    /// would hold holoTC at 25 % of serum in balance, leaving no room for the release of stores onto transcobalamin
    /// (<see cref="TranscobalaminReleasePerDay"/>) that Greibe 2019's deficient adults need (holoTC 16 of 128 pmol/L).
    /// </summary>
    public const double ReabsorbedBileThroughTranscobalaminFraction = 0.4;

    /// <summary>Average adult body stores, µg: 2500 (Carmel 2008); the stores at which <see cref="ReferenceSerumPicogramsPerMilliliter"/> holds.</summary>
    internal const double ReferenceStoresMicrograms = 2500;

    /// <summary>Serum B12 with average stores and the carriers in balance, pg/mL: 450, the middle of the normal 400-500 pg/mL.</summary>
    internal const double ReferenceSerumPicogramsPerMilliliter = 450;

    /// <summary>Average adult body stores: 2500 µg (Carmel 2008); the stores at which <see cref="ReferenceSerum"/> holds.</summary>
    public static readonly Mass ReferenceStores = Mass.FromMicrograms(ReferenceStoresMicrograms);

    /// <summary>Serum B12 with average stores and the carriers in balance: 450 pg/mL, the middle of the normal 400-500 pg/mL.</summary>
    public static readonly MassConcentration ReferenceSerum = MassConcentration.FromPicogramsPerMilliliter(ReferenceSerumPicogramsPerMilliliter);

    /// <summary>
    /// IF recovery time constant, hours: <c>4 h / ln 10 ≈ 1.74 h</c>. A second dose 4-6 h after the first is
    /// absorbed as well as the first (Heyssel 1966, via IOM 1998). With exponential recovery this is the largest
    /// time constant for which a saturating second dose given 4 h later meets at least 90 % of the capacity
    /// (radio-label absorption tests do not resolve differences under about 10 %); at 6 h 97 % is back.
    /// </summary>
    internal static readonly double DefaultIntrinsicFactorRecoveryHours = 4.0 / Math.Log(10.0);

    /// <summary>IF recovery time constant: <c>4 h / ln 10 ≈ 1.74 h</c> (see <see cref="DefaultIntrinsicFactorRecoveryHours"/> for the source).</summary>
    public static readonly Duration DefaultIntrinsicFactorRecovery = Duration.FromHours(DefaultIntrinsicFactorRecoveryHours);

    /// <summary>
    /// Relative food release in atrophic gastritis, pernicious anaemia and gastrectomy: half of the healthy value.
    /// An ASSUMPTION: without acid and pepsin little food-bound B12 is released (food-cobalamin malabsorption,
    /// Carmel 2008; IOM 1998), but no pooled figure for the fraction exists; half keeps some release by
    /// pancreatic proteases.
    /// </summary>
    public const double ImpairedFoodReleaseFactor = 0.5;

    /// <summary>
    /// IF-mediated uptake left after ileal resection, as a fraction of normal: 0.25. An ASSUMPTION standing for
    /// resection of about 60 cm or more of terminal ileum, where the IF-B12 receptor (cubam) lies; the true value
    /// depends on the length removed.
    /// </summary>
    public const double IlealResectionUptakeFactor = 0.25;

    /// <summary>
    /// The largest IF capacity accepted, µg: 100, about fifty times the 1.5-2 µg per meal reported (Watanabe 2007; NIH
    /// ODS). A bound (ASSUMPTION) against typing errors, like the other bounds below: each parameter is refused outside a
    /// range a few orders of magnitude wider than any published value, so that every outcome stays finite (issue 12).
    /// </summary>
    internal const double MaximumIntrinsicFactorCapacityMicrograms = 100;

    /// <summary>The largest retention capacity or tissue half-saturation amount accepted, µg: 100 000 (100 mg, about a thousand times the roughly 100-150 µg kept from a 1000 µg injection, Carmel 2008; an ASSUMPTION).</summary>
    internal const double MaximumAmountMicrograms = 1e5;

    /// <summary>
    /// The shortest time constant or half-life accepted, hours: 0.01 (36 s). An ASSUMPTION: the fastest published one is
    /// the plasma transit of about an hour (Nexo &amp; Hoffmann-Lücke 2011); much shorter ones make the transit rate so
    /// large against the store rates that the propagator loses the mass balance.
    /// </summary>
    internal const double MinimumHours = 0.01;

    /// <summary>The longest time constant or half-life accepted, hours: 1000 (about six weeks; an ASSUMPTION, far beyond the hours published).</summary>
    internal const double MaximumHours = 1000;

    /// <summary>Fraction of biliary B12 reabsorbed through the IF route in health: about half (Carmel 2008).</summary>
    private const double HealthyBiliaryReabsorptionFraction = 0.5;

    /// <summary>The longest release half-time from a site accepted, hours: 100 (an ASSUMPTION, 40 times the 2.5 h of OHCbl; it bounds the per-load solve).</summary>
    internal const double MaximumReleaseHours = 100;

    /// <summary>
    /// The release of stores onto haptocorrin, per day, that gives <see cref="ReferenceSerumPicogramsPerMilliliter"/> at
    /// <see cref="ReferenceStoresMicrograms"/> in health with the fitted carrier constants (see <see cref="HaptocorrinReleaseFor"/>).
    /// </summary>
    public static readonly double DefaultHaptocorrinReleasePerDay = HaptocorrinReleaseFor(
        FittedParameters.HoloTranscobalaminHalfLifeHours,
        FittedParameters.HoloHaptocorrinHalfLifeDays,
        FittedParameters.TranscobalaminToHaptocorrinFraction,
        (ReabsorbedBileThroughTranscobalaminFraction * HealthyBiliaryReabsorptionFraction * DefaultBiliarySecretionPerDay) + FittedParameters.TranscobalaminReleasePerDay,
        3);

    /// <summary>
    /// The release of stores onto haptocorrin, per day, for which the carriers in balance with average stores (2500 µg)
    /// hold a serum of 450 pg/mL: holoTC in balance is <c>T = (r + e_T)·S/k_T</c> (<c>r</c> the reabsorbed bile onto
    /// transcobalamin per day, <c>e_T</c> the release of stores onto it), holoHC takes the rest,
    /// <c>H = 450 pg/mL × V − T</c>, and <c>H·k_H = e·S + φ·k_T·T</c> gives <c>e</c>.
    /// </summary>
    /// <param name="holoTcHalfLifeHours">Half-life of holotranscobalamin, hours.</param>
    /// <param name="holoHcHalfLifeDays">Half-life of holohaptocorrin, days.</param>
    /// <param name="tcToHc">Fraction of holotranscobalamin cleared onto haptocorrin.</param>
    /// <param name="reabsorbedPerDay">The flow of stores onto transcobalamin per day (reabsorbed bile onto it plus the release of stores onto it), as a fraction of stores.</param>
    /// <param name="plasmaVolumeLiters">Plasma volume, litres.</param>
    /// <exception cref="ArgumentException">The constants leave no room for haptocorrin (holoTC alone would exceed the reference serum).</exception>
    internal static double HaptocorrinReleaseFor(double holoTcHalfLifeHours, double holoHcHalfLifeDays, double tcToHc, double reabsorbedPerDay, double plasmaVolumeLiters)
    {
        var kT = Math.Log(2) * 24 / holoTcHalfLifeHours;
        var kH = Math.Log(2) / holoHcHalfLifeDays;
        var t = reabsorbedPerDay * ReferenceStoresMicrograms / kT;
        var h = (ReferenceSerumPicogramsPerMilliliter * plasmaVolumeLiters / 1000) - t;
        var e = ((kH * h) - (tcToHc * kT * t)) / ReferenceStoresMicrograms;
        return e >= 0 && double.IsFinite(e)
            ? e
            : throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"No release onto haptocorrin gives 450 pg/mL at 2500 µg: holotranscobalamin alone holds {t:G4} µg."), nameof(holoTcHalfLifeHours));
    }

    private Physiology()
    {
    }

    /// <summary>
    /// IF-mediated uptake at saturation from one dose, µg: <see cref="FittedParameters.IntrinsicFactorCapacityMicrograms"/>
    /// in health (Carmel 2008, Table 1), 0 without IF. From 0 to 100 µg (<see cref="MaximumIntrinsicFactorCapacityMicrograms"/>).
    /// </summary>
    public Mass IntrinsicFactorCapacity
    {
        get => Mass.FromMicrograms(IntrinsicFactorCapacityMicrograms);
        init => IntrinsicFactorCapacityMicrograms = QuantityKinds.Mass.NonNegative(value, nameof(IntrinsicFactorCapacity));
    }

    /// <summary><see cref="IntrinsicFactorCapacity"/> in µg, for the kernels.</summary>
    internal double IntrinsicFactorCapacityMicrograms { get; init => field = InRange(value, 0, MaximumIntrinsicFactorCapacityMicrograms); }

    /// <summary>Dose giving half the IF-mediated capacity, µg (fitted to Carmel 2008, Table 1). From 0.001 to 1000 µg (an ASSUMPTION: three orders of magnitude either side of the fitted 1.4 µg).</summary>
    public Mass IntrinsicFactorHalfSaturation
    {
        get => Mass.FromMicrograms(IntrinsicFactorHalfSaturationMicrograms);
        init => IntrinsicFactorHalfSaturationMicrograms = QuantityKinds.Mass.NonNegative(value, nameof(IntrinsicFactorHalfSaturation));
    }

    /// <summary><see cref="IntrinsicFactorHalfSaturation"/> in µg, for the kernels.</summary>
    internal double IntrinsicFactorHalfSaturationMicrograms { get; init => field = InRange(value, 1e-3, 1e3); }

    /// <summary>Time constant of the exponential recovery of used IF capacity, hours (<see cref="DefaultIntrinsicFactorRecoveryHours"/>; Heyssel 1966 via IOM 1998). From 0.01 to 1000 h (<see cref="MinimumHours"/>, <see cref="MaximumHours"/>).</summary>
    public Duration IntrinsicFactorRecovery
    {
        get => Duration.FromHours(IntrinsicFactorRecoveryHours);
        init => IntrinsicFactorRecoveryHours = ParameterUnits.Hours(value, nameof(IntrinsicFactorRecovery));
    }

    /// <summary><see cref="IntrinsicFactorRecovery"/> in hours, for the kernels.</summary>
    internal double IntrinsicFactorRecoveryHours { get; init => field = InRange(value, MinimumHours, MaximumHours); }

    /// <summary>Fraction of an oral dose absorbed by passive diffusion, independent of IF (about 1.2 %: Berlin 1968; Carmel 2008). In [0, 1].</summary>
    public required double PassiveFraction { get; init => field = Fraction(value); }

    /// <summary>Fraction of food-bound B12 released by gastric acid and pepsin (fitted to Doets 2013 in health). In [0, 1].</summary>
    public required double FoodReleaseFraction { get; init => field = Fraction(value); }

    /// <summary>Fraction of the normal IF-mediated ileal uptake that works (1 in health; reduced after ileal resection). In [0, 1].</summary>
    public required double IlealUptakeFactor { get; init => field = Fraction(value); }

    /// <summary>
    /// Fraction of stores lost per day by routes other than bile (shed cells, urine, skin), per day:
    /// <c>0.2 %/day − bile</c> = 0.06 %/day, so that the loss without reabsorption is 0.2 %/day (IOM 1998) and in health,
    /// with half the bile reabsorbed, 0.13 %/day (Doets 2013). In [0, 1].
    /// </summary>
    public required double TurnoverPerDay { get; init => field = Fraction(value); }

    /// <summary>
    /// Fraction of stores secreted in bile per day: 0.14 %/day (3.5 µg/day at 2500 µg). Set, with
    /// <see cref="TurnoverPerDay"/>, so that stores fall 0.2 %/day without intrinsic factor (IOM 1998; Boddy &amp; Adams
    /// 1972), when no biliary B12 is reabsorbed, and 0.13 %/day in health (Doets 2013) with half of it reabsorbed
    /// (Carmel 2008); elimination, mainly biliary, is then 3.25-5 µg/day, inside the 3-8 µg/day of the Swiss
    /// cyanocobalamin label. In [0, 1].
    /// </summary>
    public required double BiliarySecretionPerDay { get; init => field = Fraction(value); }

    /// <summary>Fraction of biliary B12 reabsorbed through the IF route (about half: Carmel 2008; none without IF). In [0, 1].</summary>
    public required double BiliaryReabsorptionFraction { get; init => field = Fraction(value); }

    /// <summary>
    /// Plasma volume, litres: 3 L (about 40 mL/kg in a 75 kg adult; an ASSUMPTION for a typical adult). Serum and
    /// holotranscobalamin are the carriers' B12 over this volume, and the binding capacity is
    /// <see cref="BindingCapacityNanogramsPerMilliliter"/> times it. From 1 to 10 L (an ASSUMPTION: a child to a very large adult).
    /// </summary>
    public Volume PlasmaVolume
    {
        get => Volume.FromLiters(PlasmaVolumeLiters);
        init => PlasmaVolumeLiters = ParameterUnits.Liters(value, nameof(PlasmaVolume));
    }

    /// <summary><see cref="PlasmaVolume"/> in L, for the kernels.</summary>
    internal double PlasmaVolumeLiters { get; init => field = InRange(value, 1, 10); } = 3;

    /// <summary>
    /// Volume in which free (unbound) B12 spreads, litres: the extracellular fluid, 15 L (about 20 % of body weight in
    /// a 75 kg adult; Guyton &amp; Hall, Textbook of Medical Physiology). From 5 to 50 L (an ASSUMPTION, as the plasma volume).
    /// </summary>
    public Volume ExtracellularVolume
    {
        get => Volume.FromLiters(ExtracellularVolumeLiters);
        init => ExtracellularVolumeLiters = ParameterUnits.Liters(value, nameof(ExtracellularVolume));
    }

    /// <summary><see cref="ExtracellularVolume"/> in L, for the kernels.</summary>
    internal double ExtracellularVolumeLiters { get; init => field = InRange(value, 5, 50); } = 15;

    /// <summary>
    /// Glomerular filtration rate, mL/min: 120 (a normal young adult, about 120 mL/min per 1.73 m²; KDIGO 2012
    /// counts 90 or more as normal). Free B12 is filtered at this rate: its renal rate constant is GFR over
    /// <see cref="ExtracellularVolumeLiters"/>, 0.48 per hour (half-life 1.44 h, so most of an excess is gone within
    /// 8 h, as the Swiss cyanocobalamin label says). From 1 (kidney failure) to 300 mL/min (hyperfiltration).
    /// </summary>
    public double GlomerularFiltrationMillilitersPerMinute { get; init => field = InRange(value, 1, 300); } = 120;

    /// <summary>
    /// Unsaturated B12-binding capacity of plasma, ng/mL: about 1.8 (Swiss cyanocobalamin injection label), mostly
    /// apo-transcobalamin and apo-haptocorrin. The first <c>1.8 ng/mL × plasma volume</c> (5.4 µg) of a plasma load is
    /// bound at once and kept; the capacity is restored between loads. From 0 to 100 ng/mL (an ASSUMPTION: well above the 1.8 of the label, as in myeloproliferative disease).
    /// </summary>
    public MassConcentration BindingCapacity
    {
        get => MassConcentration.FromNanogramsPerMilliliter(BindingCapacityNanogramsPerMilliliter);
        init => BindingCapacityNanogramsPerMilliliter = ParameterUnits.NanogramsPerMilliliter(value, nameof(BindingCapacity));
    }

    /// <summary><see cref="BindingCapacity"/> in ng/mL, for the kernels.</summary>
    internal double BindingCapacityNanogramsPerMilliliter { get; init => field = InRange(value, 0, 100); } = 1.8;

    /// <summary>
    /// Free (apo-) transcobalamin of plasma with average stores and the carriers in balance, pmol/L: 700, the mean of
    /// Gimsing &amp; Nexo 1989 (Clin Chem 35:1447; 228 adults, central 95 % 400-930 pmol/L). The carrier's whole capacity
    /// is this plus the holotranscobalamin in balance with 2500 µg (<c>PoolRates.CarrierCapacities</c>); what
    /// is free at any moment is that capacity less holoTC, used up by binding and restored as holoTC is cleared into
    /// cells (hours). From 0 to 10 000 pmol/L (an ASSUMPTION: ten times the top of the reference interval).
    /// </summary>
    public Molarity ApoTranscobalamin
    {
        get => Molarity.FromPicomolesPerLiter(ApoTranscobalaminPicomolesPerLiter);
        init => ApoTranscobalaminPicomolesPerLiter = InRange(value.PicomolesPerLiter, 0, 1e4, nameof(ApoTranscobalamin));
    }

    /// <summary><see cref="ApoTranscobalamin"/> in pmol/L, for the kernels.</summary>
    internal double ApoTranscobalaminPicomolesPerLiter { get; init => field = InRange(value, 0, 1e4); } = 700;

    /// <summary>
    /// Free (apo-) haptocorrin of plasma with average stores and the carriers in balance, pmol/L: fitted (see
    /// <see cref="FittedParameters.ApoHaptocorrinPicomolesPerLiter"/>, 115 pmol/L) inside the central 95 % interval
    /// 90-275 pmol/L of Gimsing &amp; Nexo 1989: haptocorrin is mostly saturated already. Its whole
    /// capacity is this plus the holohaptocorrin in balance with 2500 µg; the free part is restored as holohaptocorrin
    /// is cleared (days). From 0 to 10 000 pmol/L.
    /// </summary>
    public Molarity ApoHaptocorrin
    {
        get => Molarity.FromPicomolesPerLiter(ApoHaptocorrinPicomolesPerLiter);
        init => ApoHaptocorrinPicomolesPerLiter = InRange(value.PicomolesPerLiter, 0, 1e4, nameof(ApoHaptocorrin));
    }

    /// <summary><see cref="ApoHaptocorrin"/> in pmol/L, for the kernels.</summary>
    internal double ApoHaptocorrinPicomolesPerLiter { get; init => field = InRange(value, 0, 1e4); } = FittedParameters.ApoHaptocorrinPicomolesPerLiter;

    /// <summary>
    /// Mass-action rate of binding of free B12 to free transcobalamin, per µg of free capacity per hour: 10, so that free
    /// B12 meeting the free capacity of average plasma (<see cref="ApoTranscobalamin"/>, 2.85 µg) is bound with a
    /// half-time of about 1.5 min. An ASSUMPTION (binding is near-instant in vitro); the fit (Calibrator.FitPlasma) put it
    /// at its upper end: the smallest value for which 10 µg IM loses at most 6 % (Carmel 2008: 3 %). From 0.01 to 100.
    /// </summary>
    public double CarrierBindingPerMicrogramHour { get; init => field = InRange(value, 0.01, 100); } = 10;

    /// <summary>
    /// The rate of binding of free B12 to free haptocorrin relative to free transcobalamin, per unit of free capacity:
    /// fitted (see <see cref="FittedParameters.HaptocorrinBindingRatio"/>). Newly absorbed B12 appears on
    /// transcobalamin first (Nexo &amp; Hoffmann-Lücke 2011), and daily doses fill haptocorrin over weeks, not in a day
    /// (Greibe 2019; Sharabi 2003). From 0 to 10.
    /// </summary>
    public double HaptocorrinBindingRatio { get; init => field = InRange(value, 0, 10); } = FittedParameters.HaptocorrinBindingRatio;

    /// <summary>
    /// Mean time B12 taken up through intrinsic factor spends in each of three transit steps (ileal cell, lymph and
    /// portal passage) before it reaches plasma free, hours: 4. With three steps the arrival starts after a lag
    /// (6 % arrived by 3.5 h) and peaks at 8 h: IF-mediated B12 enters the circulation 3-4 h after the dose, with a
    /// plasma peak at 8-12 h (IOM 1998 p.308). From 0.01 to 100 h.
    /// </summary>
    public Duration IntrinsicFactorTransit
    {
        get => Duration.FromHours(IntrinsicFactorTransitHours);
        init => IntrinsicFactorTransitHours = ParameterUnits.Hours(value, nameof(IntrinsicFactorTransit));
    }

    /// <summary><see cref="IntrinsicFactorTransit"/> in hours, for the kernels.</summary>
    internal double IntrinsicFactorTransitHours { get; init => field = InRange(value, MinimumHours, MaximumReleaseHours); } = 4;

    /// <summary>
    /// Half-time of release of an intranasal dose from the nasal mucosa, hours: 1/6 (10 min). An ASSUMPTION chosen so
    /// that serum peaks about half an hour after the dose, as measured (Br J Clin Pharmacol 1998;45:83: 35 ± 13 min
    /// after 750 µg, 28 ± 16 min after 1500 µg of hydroxocobalamin). From 0.01 to 100 h.
    /// </summary>
    public Duration NasalReleaseHalfTime
    {
        get => Duration.FromHours(NasalReleaseHalfTimeHours);
        init => NasalReleaseHalfTimeHours = ParameterUnits.Hours(value, nameof(NasalReleaseHalfTime));
    }

    /// <summary><see cref="NasalReleaseHalfTime"/> in hours, for the kernels.</summary>
    internal double NasalReleaseHalfTimeHours { get; init => field = InRange(value, MinimumHours, MaximumReleaseHours); } = 1.0 / 6;

    /// <summary>
    /// Share of newly bound B12 (the binding capacity, and protein-bound hydroxocobalamin when released) that goes onto
    /// haptocorrin; the rest goes onto transcobalamin (fitted, see <see cref="FittedParameters.HaptocorrinShare"/>).
    /// In [0, 1].
    /// </summary>
    public double HaptocorrinShare { get; init => field = Fraction(value); } = FittedParameters.HaptocorrinShare;

    /// <summary>
    /// Maximum rate of tissue (liver) uptake of free B12, µg/h (fitted to Carmel 2008 and Blood 1961, see
    /// <see cref="FittedParameters.TissueUptakeMaximumMicrogramsPerHour"/>). From 0.01 to 1000 µg/h (an ASSUMPTION: with the half-saturation at least 10 µg the free pool's rate stays under 100 per hour, so the per-load solve takes a bounded number of steps).
    /// </summary>
    public double TissueUptakeMaximumMicrogramsPerHour { get; init => field = InRange(value, 0.01, 1000); } = FittedParameters.TissueUptakeMaximumMicrogramsPerHour;

    /// <summary>
    /// Free B12 at which tissue uptake runs at half its maximum, µg (fitted with
    /// <see cref="TissueUptakeMaximumMicrogramsPerHour"/>). From 10 to 100 000 µg (see <see cref="TissueUptakeMaximumMicrogramsPerHour"/>).
    /// </summary>
    public Mass TissueUptakeHalfSaturation
    {
        get => Mass.FromMicrograms(TissueUptakeHalfSaturationMicrograms);
        init => TissueUptakeHalfSaturationMicrograms = QuantityKinds.Mass.NonNegative(value, nameof(TissueUptakeHalfSaturation));
    }

    /// <summary><see cref="TissueUptakeHalfSaturation"/> in µg, for the kernels.</summary>
    internal double TissueUptakeHalfSaturationMicrograms { get; init => field = InRange(value, 10, MaximumAmountMicrograms); } = FittedParameters.TissueUptakeHalfSaturationMicrograms;

    /// <summary>
    /// Half-time of release of cyanocobalamin (and of methyl- and adenosylcobalamin) from an IM or SC injection site,
    /// hours: 0.25 h. An ASSUMPTION that puts the plasma peak within 1 h of the injection (US cyanocobalamin label).
    /// From 0.01 to 100 h (<see cref="MaximumReleaseHours"/>).
    /// </summary>
    public Duration InjectionSiteHalfTime
    {
        get => Duration.FromHours(InjectionSiteHalfTimeHours);
        init => InjectionSiteHalfTimeHours = ParameterUnits.Hours(value, nameof(InjectionSiteHalfTime));
    }

    /// <summary><see cref="InjectionSiteHalfTime"/> in hours, for the kernels.</summary>
    internal double InjectionSiteHalfTimeHours { get; init => field = InRange(value, MinimumHours, MaximumReleaseHours); } = 0.25;

    /// <summary>
    /// Half-time of release of hydroxocobalamin from an IM or SC injection site, hours: about 2.5 h (US
    /// hydroxocobalamin label). From 0.01 to 100 h (<see cref="MaximumReleaseHours"/>).
    /// </summary>
    public Duration HydroxocobalaminSiteReleaseHalfTime
    {
        get => Duration.FromHours(HydroxocobalaminSiteReleaseHalfTimeHours);
        init => HydroxocobalaminSiteReleaseHalfTimeHours = ParameterUnits.Hours(value, nameof(HydroxocobalaminSiteReleaseHalfTime));
    }

    /// <summary><see cref="HydroxocobalaminSiteReleaseHalfTime"/> in hours, for the kernels.</summary>
    internal double HydroxocobalaminSiteReleaseHalfTimeHours { get; init => field = InRange(value, MinimumHours, MaximumReleaseHours); } = 2.5;

    /// <summary>
    /// Half-time over which the passively absorbed part of an oral, sublingual or intranasal dose reaches the blood,
    /// hours: 1 h. An ASSUMPTION that puts the serum and urine peak after a large oral dose within 6 h (IOM 1998).
    /// From 0.01 to 100 h (<see cref="MaximumReleaseHours"/>).
    /// </summary>
    public Duration MucosalReleaseHalfTime
    {
        get => Duration.FromHours(MucosalReleaseHalfTimeHours);
        init => MucosalReleaseHalfTimeHours = ParameterUnits.Hours(value, nameof(MucosalReleaseHalfTime));
    }

    /// <summary><see cref="MucosalReleaseHalfTime"/> in hours, for the kernels.</summary>
    internal double MucosalReleaseHalfTimeHours { get; init => field = InRange(value, MinimumHours, MaximumReleaseHours); } = 1;

    /// <summary>
    /// Renal filtration of free hydroxocobalamin relative to cyanocobalamin: it diffuses more slowly and is bound to
    /// plasma proteins (Scand J Haematol 1964), so less is filtered (fitted to Blood 1961, see
    /// <see cref="FittedParameters.HydroxocobalaminFiltrationFactor"/>). From 0.001 to 1.
    /// </summary>
    public double HydroxocobalaminFiltrationFactor { get; init => field = InRange(value, 1e-3, 1); } = FittedParameters.HydroxocobalaminFiltrationFactor;

    /// <summary>
    /// Rate at which free hydroxocobalamin binds to plasma proteins in proportion to its concentration, per hour
    /// (Scand J Haematol 1964; fitted to Blood 1961, see <see cref="FittedParameters.HydroxocobalaminProteinBindingPerHour"/>).
    /// The bound part stays in plasma and is released slowly (<see cref="ProteinBoundHalfLifeHours"/>). From 0 to 10 per hour (an ASSUMPTION that bounds the per-load solve; binding within minutes).
    /// </summary>
    public double HydroxocobalaminProteinBindingPerHour { get; init => field = InRange(value, 0, 10); } = FittedParameters.HydroxocobalaminProteinBindingPerHour;

    /// <summary>
    /// Half-life of protein-bound hydroxocobalamin in plasma before carriers take it up, hours (fitted to the serum
    /// multiples of Blood 1961, see <see cref="FittedParameters.ProteinBoundHalfLifeHours"/>). From 0.01 to 1000 h.
    /// </summary>
    public Duration ProteinBoundHalfLife
    {
        get => Duration.FromHours(ProteinBoundHalfLifeHours);
        init => ProteinBoundHalfLifeHours = ParameterUnits.Hours(value, nameof(ProteinBoundHalfLife));
    }

    /// <summary><see cref="ProteinBoundHalfLife"/> in hours, for the kernels.</summary>
    internal double ProteinBoundHalfLifeHours { get; init => field = InRange(value, MinimumHours, MaximumHours); } = FittedParameters.ProteinBoundHalfLifeHours;

    /// <summary>
    /// Half-life of holotranscobalamin (active B12) in plasma before cells take it up, hours (fitted to the holoTC
    /// rises of Greibe 2018 and 2019, see <see cref="FittedParameters.HoloTranscobalaminHalfLifeHours"/>). From 0.01 to 1000 h.
    /// </summary>
    public Duration HoloTranscobalaminHalfLife
    {
        get => Duration.FromHours(HoloTranscobalaminHalfLifeHours);
        init => HoloTranscobalaminHalfLifeHours = ParameterUnits.Hours(value, nameof(HoloTranscobalaminHalfLife));
    }

    /// <summary><see cref="HoloTranscobalaminHalfLife"/> in hours, for the kernels.</summary>
    internal double HoloTranscobalaminHalfLifeHours { get; init => field = InRange(value, MinimumHours, MaximumHours); } = FittedParameters.HoloTranscobalaminHalfLifeHours;

    /// <summary>
    /// Half-life of holohaptocorrin in plasma, days (fitted to the serum multiples of Blood 1961, see
    /// <see cref="FittedParameters.HoloHaptocorrinHalfLifeDays"/>). From 0.01 to 1000 days.
    /// </summary>
    public Duration HoloHaptocorrinHalfLife
    {
        get => Duration.FromDays(HoloHaptocorrinHalfLifeDays);
        init => HoloHaptocorrinHalfLifeDays = ParameterUnits.Days(value, nameof(HoloHaptocorrinHalfLife));
    }

    /// <summary><see cref="HoloHaptocorrinHalfLife"/> in days, for the kernels.</summary>
    internal double HoloHaptocorrinHalfLifeDays { get; init => field = InRange(value, 0.01, 1000); } = FittedParameters.HoloHaptocorrinHalfLifeDays;

    /// <summary>
    /// Fraction of holotranscobalamin cleared onto haptocorrin rather than into cells (fitted to the serum rise of
    /// Greibe 2019, see <see cref="FittedParameters.TranscobalaminToHaptocorrinFraction"/>). In [0, 1].
    /// </summary>
    public double TranscobalaminToHaptocorrinFraction { get; init => field = Fraction(value); } = FittedParameters.TranscobalaminToHaptocorrinFraction;

    /// <summary>
    /// Fraction of stores released onto haptocorrin per day: set so that average stores (2500 µg, Carmel 2008), with
    /// the carriers in balance, give a normal serum of 450 pg/mL (the middle of 400-500; see
    /// <see cref="ReferenceSerumPicogramsPerMilliliter"/>). Derived, not fitted. In [0, 1].
    /// </summary>
    public double HaptocorrinReleasePerDay { get; init => field = Fraction(value); } = DefaultHaptocorrinReleasePerDay;

    /// <summary>
    /// Fraction of stores released onto transcobalamin per day (tissue B12 returned to plasma holoTC, with or without IF):
    /// fitted by <see cref="Calibration.Calibrator.FitPlasma"/> to the share of holoTC in serum (about a quarter in health:
    /// IOM 1998; Nexo &amp; Hoffmann-Lücke 2011) and to the baseline holoTC of Greibe 2019's deficient adults (16 pmol/L at a
    /// serum of 128 pmol/L), see <see cref="FittedParameters.TranscobalaminReleasePerDay"/>. It keeps holoTC above zero
    /// without absorption (pernicious anaemia). In [0, 1].
    /// </summary>
    public double TranscobalaminReleasePerDay { get; init => field = Fraction(value); } = FittedParameters.TranscobalaminReleasePerDay;

    /// <summary>
    /// The largest body store (stores and carriers), µg: 11 100, the highest individual total body store reported (IOM
    /// 1998 p.308). Uptake into the body slows as it fills: the kept part <c>R</c> of a dose raises the body content
    /// <c>M</c> by the solution of <c>dM/dR = 1 − (M/Mmax)²</c>, so the body never exceeds this; the part not taken up
    /// joins the labile excess. From 1 µg to 1 g.
    /// </summary>
    public Mass MaximumStores
    {
        get => Mass.FromMicrograms(MaximumStoresMicrograms);
        init => MaximumStoresMicrograms = QuantityKinds.Mass.NonNegative(value, nameof(MaximumStores));
    }

    /// <summary><see cref="MaximumStores"/> in µg, for the kernels.</summary>
    internal double MaximumStoresMicrograms { get; init => field = InRange(value, 1, 1e6); } = 11100;

    /// <summary>
    /// Half-life of the labile excess (B12 kept from a dose but not taken into the filling stores), days: 30. An
    /// ASSUMPTION (no figure in the shared reference): lost faster than deep stores (years) and slower than
    /// holohaptocorrin (days). From 0.01 to 100 000 days.
    /// </summary>
    public Duration LabileHalfLife
    {
        get => Duration.FromDays(LabileHalfLifeDays);
        init => LabileHalfLifeDays = ParameterUnits.Days(value, nameof(LabileHalfLife));
    }

    /// <summary><see cref="LabileHalfLife"/> in days, for the kernels.</summary>
    internal double LabileHalfLifeDays { get; init => field = InRange(value, 0.01, 1e5); } = 30;

    /// <summary>
    /// Bioavailability of intranasal B12 relative to IM: 8.9 % (Nascobal label, crossover study in 25 healthy fasting
    /// subjects). We could not verify the figure or read its 90 % confidence interval here; we carry a ±30 %
    /// relative uncertainty (about 6-12 %) as an assumption. In [0, 1].
    /// </summary>
    public double IntranasalBioavailability { get; init => field = Fraction(value); } = 0.089;

    /// <summary>The loss of stores per day with this physiology: <c>turnover + biliary secretion × (1 − reabsorbed)</c>.</summary>
    public double StoreLossPerDay => TurnoverPerDay + (BiliarySecretionPerDay * (1 - BiliaryReabsorptionFraction));

    /// <summary>The IF-mediated capacity that works: <c>IF capacity × ileal uptake factor</c>.</summary>
    public Mass EffectiveIntrinsicFactorCapacity => Mass.FromMicrograms(EffectiveIntrinsicFactorCapacityMicrograms);

    /// <summary><see cref="EffectiveIntrinsicFactorCapacity"/> in µg, for the kernels.</summary>
    internal double EffectiveIntrinsicFactorCapacityMicrograms => IntrinsicFactorCapacityMicrograms * IlealUptakeFactor;

    /// <summary>
    /// The largest fraction of an oral dose this physiology can absorb, reached as the dose tends to zero:
    /// <c>Cmax/K + p</c> (the slope of <c>c·E/(K+E) + p·E</c> at <c>E = 0</c>). A physiology whose value exceeds 1
    /// would absorb more than a small dose contains; the model refuses it (<see cref="AbsorptionModel"/>,
    /// <see cref="Kinetics.SimulationSettings"/>). Every preset is below 1 (healthy: about 0.97).
    /// </summary>
    public double MaximumOralFraction =>
        (EffectiveIntrinsicFactorCapacityMicrograms / IntrinsicFactorHalfSaturationMicrograms) + PassiveFraction;

    /// <summary>Throws unless <see cref="MaximumOralFraction"/> is at most 1.</summary>
    /// <exception cref="ArgumentException">The IF capacity is too large for its half-saturation dose.</exception>
    internal Physiology EnsureAbsorbsAtMostTheDose(string paramName) => MaximumOralFraction <= 1
        ? this
        : throw new ArgumentException(
            string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"The physiology would absorb more than a small oral dose contains: IntrinsicFactorCapacityMicrograms × IlealUptakeFactor / IntrinsicFactorHalfSaturationMicrograms + PassiveFraction = {MaximumOralFraction:0.###}, and it must be at most 1 (lower the IF capacity or raise the half-saturation dose)."),
            paramName);

    /// <summary>
    /// Normal gastric acid, IF and ileum. IF and passive parameters fitted to Carmel 2008, Table 1; food release
    /// fitted to Doets 2013; IF recovery from Heyssel 1966 (IOM 1998); bile 0.14 %/day of stores, half reabsorbed
    /// (Carmel 2008), so that stores fall 0.13 %/day (Doets 2013); the plasma carriers and the injected retention
    /// as in <c>docs/model.md</c>.
    /// </summary>
    public static Physiology Healthy { get; } = new()
    {
        IntrinsicFactorCapacityMicrograms = FittedParameters.IntrinsicFactorCapacityMicrograms,
        IntrinsicFactorHalfSaturationMicrograms = FittedParameters.IntrinsicFactorHalfSaturationMicrograms,
        IntrinsicFactorRecoveryHours = DefaultIntrinsicFactorRecoveryHours,
        PassiveFraction = FittedParameters.PassiveFraction,
        FoodReleaseFraction = FittedParameters.FoodReleaseFraction,
        IlealUptakeFactor = 1,
        TurnoverPerDay = HealthyStoreLossPerDay - (DefaultBiliarySecretionPerDay * (1 - HealthyBiliaryReabsorptionFraction)),
        BiliarySecretionPerDay = DefaultBiliarySecretionPerDay,
        BiliaryReabsorptionFraction = HealthyBiliaryReabsorptionFraction,
    };

    /// <summary>
    /// Pernicious anaemia: no IF (capacity 0; the PA column of Carmel 2008, Table 1 is passive only), so no biliary
    /// B12 is reabsorbed and stores fall at 0.2 %/day (IOM 1998; Boddy &amp; Adams 1972). The achlorhydria of PA impairs food
    /// release (<see cref="ImpairedFoodReleaseFactor"/>, an assumption).
    /// </summary>
    public static Physiology PerniciousAnemia { get; } = Healthy with
    {
        IntrinsicFactorCapacityMicrograms = 0,
        FoodReleaseFraction = FittedParameters.FoodReleaseFraction * ImpairedFoodReleaseFactor,
        BiliaryReabsorptionFraction = 0,
    };

    /// <summary>
    /// Atrophic gastritis: crystalline B12 absorbed normally (IF intact), food-bound B12 poorly released
    /// (<see cref="ImpairedFoodReleaseFactor"/>, an assumption). IOM 1998 (Appendix N) assumes stores fall at
    /// 0.15 %/day; the model reaches it by reducing biliary reabsorption (IF secretion is often reduced too).
    /// </summary>
    public static Physiology AtrophicGastritis { get; } = Healthy with
    {
        FoodReleaseFraction = FittedParameters.FoodReleaseFraction * ImpairedFoodReleaseFactor,
        BiliaryReabsorptionFraction = 1 - ((0.0015 - Healthy.TurnoverPerDay) / DefaultBiliarySecretionPerDay),
    };

    /// <summary>
    /// Total gastrectomy: no IF (the parietal cells are gone) and no acid or pepsin. As
    /// <see cref="PerniciousAnemia"/> (an assumption: the same lack of IF and acid, Carmel 2008).
    /// </summary>
    public static Physiology Gastrectomy { get; } = PerniciousAnemia with { };

    /// <summary>
    /// Ileal resection: IF-mediated uptake reduced to <see cref="IlealResectionUptakeFactor"/> (an assumption),
    /// passive diffusion intact; biliary B12, reabsorbed by the same route, is reabsorbed in the same proportion.
    /// </summary>
    public static Physiology IlealResection { get; } = Healthy with
    {
        IlealUptakeFactor = IlealResectionUptakeFactor,
        BiliaryReabsorptionFraction = HealthyBiliaryReabsorptionFraction * IlealResectionUptakeFactor,
    };

    /// <summary>The preset for a condition.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined condition.</exception>
    public static Physiology For(Condition condition) => condition switch
    {
        Condition.Healthy => Healthy,
        Condition.PerniciousAnemia => PerniciousAnemia,
        Condition.AtrophicGastritis => AtrophicGastritis,
        Condition.Gastrectomy => Gastrectomy,
        Condition.IlealResection => IlealResection,
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not a condition; accepted: " + string.Join(", ", Conditions.All)),
    };

    /// <summary>The values, quantities in invariant text (<c>IntrinsicFactorCapacity = 1.367 µg, …</c>), never UnitsNet's culture-dependent text.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.PrintMembers(builder, this);

    /// <summary>The value if it is in [<paramref name="minimum"/>, <paramref name="maximum"/>] (which refuses NaN and infinity).</summary>
    private static double InRange(double value, double minimum, double maximum, [System.Runtime.CompilerServices.CallerMemberName] string name = "") =>
        value >= minimum && value <= maximum
            ? value
            : throw new ArgumentOutOfRangeException(name, value, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} must be from {minimum} to {maximum}; got {value}."));

    private static double Fraction(double value, [System.Runtime.CompilerServices.CallerMemberName] string name = "") => InRange(value, 0, 1, name);
}
