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

    /// <summary>Biliary secretion as a fraction of stores per day: 1.4 µg/day at the average store of 2500 µg (Carmel 2008).</summary>
    public const double DefaultBiliarySecretionPerDay = 1.4 / 2500.0;

    /// <summary>
    /// IF recovery time constant, hours: <c>4 h / ln 10 ≈ 1.74 h</c>. A second dose 4-6 h after the first is
    /// absorbed as well as the first (Heyssel 1966, via IOM 1998). With exponential recovery this is the largest
    /// time constant for which a saturating second dose given 4 h later meets at least 90 % of the capacity
    /// (radio-label absorption tests do not resolve differences under about 10 %); at 6 h 97 % is back.
    /// </summary>
    public static readonly double DefaultIntrinsicFactorRecoveryHours = 4.0 / Math.Log(10.0);

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
    public const double MaximumIntrinsicFactorCapacityMicrograms = 100;

    /// <summary>The largest retention capacity or tissue half-saturation amount accepted, µg: 100 000 (100 mg, about a thousand times the roughly 100-150 µg kept from a 1000 µg injection, Carmel 2008; an ASSUMPTION).</summary>
    public const double MaximumAmountMicrograms = 1e5;

    /// <summary>
    /// The shortest time constant or half-life accepted, hours: 0.01 (36 s). An ASSUMPTION: the fastest published one is
    /// the plasma transit of about an hour (Nexo &amp; Hoffmann-Lücke 2011); much shorter ones make the transit rate so
    /// large against the store rates that the propagator loses the mass balance.
    /// </summary>
    public const double MinimumHours = 0.01;

    /// <summary>The longest time constant or half-life accepted, hours: 1000 (about six weeks; an ASSUMPTION, far beyond the hours published).</summary>
    public const double MaximumHours = 1000;

    /// <summary>Fraction of biliary B12 reabsorbed through the IF route in health: about half (Carmel 2008).</summary>
    private const double HealthyBiliaryReabsorptionFraction = 0.5;

    private Physiology()
    {
    }

    /// <summary>
    /// IF-mediated uptake at saturation from one dose, µg: <see cref="FittedParameters.IntrinsicFactorCapacityMicrograms"/>
    /// in health (Carmel 2008, Table 1), 0 without IF. From 0 to 100 µg (<see cref="MaximumIntrinsicFactorCapacityMicrograms"/>).
    /// </summary>
    public required double IntrinsicFactorCapacityMicrograms { get; init => field = InRange(value, 0, MaximumIntrinsicFactorCapacityMicrograms); }

    /// <summary>Dose giving half the IF-mediated capacity, µg (fitted to Carmel 2008, Table 1). From 0.001 to 1000 µg (an ASSUMPTION: three orders of magnitude either side of the fitted 1.4 µg).</summary>
    public required double IntrinsicFactorHalfSaturationMicrograms { get; init => field = InRange(value, 1e-3, 1e3); }

    /// <summary>Time constant of the exponential recovery of used IF capacity, hours (<see cref="DefaultIntrinsicFactorRecoveryHours"/>; Heyssel 1966 via IOM 1998). From 0.01 to 1000 h (<see cref="MinimumHours"/>, <see cref="MaximumHours"/>).</summary>
    public required double IntrinsicFactorRecoveryHours { get; init => field = InRange(value, MinimumHours, MaximumHours); }

    /// <summary>Fraction of an oral dose absorbed by passive diffusion, independent of IF (about 1.2 %: Berlin 1968; Carmel 2008). In [0, 1].</summary>
    public required double PassiveFraction { get; init => field = Fraction(value); }

    /// <summary>Fraction of food-bound B12 released by gastric acid and pepsin (fitted to Doets 2013 in health). In [0, 1].</summary>
    public required double FoodReleaseFraction { get; init => field = Fraction(value); }

    /// <summary>Fraction of the normal IF-mediated ileal uptake that works (1 in health; reduced after ileal resection). In [0, 1].</summary>
    public required double IlealUptakeFactor { get; init => field = Fraction(value); }

    /// <summary>
    /// Fraction of stores lost per day by routes other than bile (shed cells, urine, skin), per day. Healthy:
    /// <c>0.13 %/day − biliary loss</c> = 0.102 %/day, so that the total loss is 0.13 %/day (Doets 2013). In [0, 1].
    /// </summary>
    public required double TurnoverPerDay { get; init => field = Fraction(value); }

    /// <summary>Fraction of stores secreted in bile per day (1.4 µg/day of 2500 µg: Carmel 2008). In [0, 1].</summary>
    public required double BiliarySecretionPerDay { get; init => field = Fraction(value); }

    /// <summary>Fraction of biliary B12 reabsorbed through the IF route (about half: Carmel 2008; none without IF). In [0, 1].</summary>
    public required double BiliaryReabsorptionFraction { get; init => field = Fraction(value); }

    /// <summary>
    /// Renal-retention capacity <c>a = Vmax/k_r</c> for cyanocobalamin, µg (fitted to Carmel 2008, Table 1). From 0.01 to
    /// 100 000 µg (an ASSUMPTION: about four orders of magnitude either side of the fitted 50 µg; a capacity near zero
    /// would make the retained amount <c>a·ln(1 + L/a)</c> overflow).
    /// </summary>
    public double RenalRetentionCapacityMicrograms { get; init => field = InRange(value, 1e-2, MaximumAmountMicrograms); } = FittedParameters.RenalRetentionCapacityMicrograms;

    /// <summary>
    /// Half-saturation plasma amount of tissue uptake, µg (the Km of the injected model). 0: the fit to Carmel 2008
    /// puts Km at its lower bound (uptake saturated at every plasma load reached after an injection). From 0 to
    /// 100 000 µg (<see cref="MaximumAmountMicrograms"/>).
    /// </summary>
    public double TissueUptakeHalfSaturationMicrograms { get; init => field = InRange(value, 0, MaximumAmountMicrograms); }

    /// <summary>Filterable fraction of hydroxocobalamin relative to cyanocobalamin (fitted to Blood 1961: 0.04). From 0.001 to 1 (an ASSUMPTION: a fraction near zero would make its retention capacity <c>a/f</c> overflow).</summary>
    public double HydroxocobalaminFreeFraction { get; init => field = InRange(value, 1e-3, 1); } = FittedParameters.HydroxocobalaminFreeFraction;

    /// <summary>
    /// Factor by which an intravenous bolus speeds renal loss compared with an IM injection: 2. An ASSUMPTION that
    /// puts a number on the US cyanocobalamin label's statement that IV B12 is excreted even faster, with little
    /// liver storage; IM B12 reaches plasma over about an hour, IV all at once. From 1 to 100 (an ASSUMPTION: a larger
    /// factor would leave almost nothing of an IV dose, against the label's "little", not "none").
    /// </summary>
    public double IntravenousRenalFactor { get; init => field = InRange(value, 1, 100); } = 2.0;

    /// <summary>
    /// Bioavailability of intranasal B12 relative to IM: 8.9 % (Nascobal label, crossover study in 25 healthy fasting
    /// subjects). We could not verify the figure or read its 90 % confidence interval here; we carry a ±30 %
    /// relative uncertainty (about 6-12 %) as an assumption. In [0, 1].
    /// </summary>
    public double IntranasalBioavailability { get; init => field = Fraction(value); } = 0.089;

    /// <summary>
    /// Half-time of release of hydroxocobalamin from an IM injection site, hours: about 2.5 h (US hydroxocobalamin
    /// label); cyanocobalamin peaks in plasma within 1 h (US cyanocobalamin label). Reported for teaching; its effect
    /// on retention is inside <see cref="HydroxocobalaminFreeFraction"/>, since two data points cannot separate them.
    /// From 0.01 to 1000 h (<see cref="MinimumHours"/>, <see cref="MaximumHours"/>).
    /// </summary>
    public double HydroxocobalaminSiteReleaseHalfTimeHours { get; init => field = InRange(value, MinimumHours, MaximumHours); } = 2.5;

    /// <summary>
    /// Half-life of newly arrived B12 in the plasma (transit) pool before it reaches the stores, hours: 1.5 h. An
    /// ASSUMPTION standing for the fast plasma clearance of holotranscobalamin, the carrier of newly absorbed B12
    /// (Nexo &amp; Hoffmann-Lücke 2011: holoTC is cleared within hours); it makes the transit pool about a quarter of serum
    /// B12 or less at steady state (IOM 1998: about a quarter of serum B12 is on transcobalamin). From 0.01 to 1000 h
    /// (<see cref="MinimumHours"/>, <see cref="MaximumHours"/>).
    /// </summary>
    public double PlasmaTransitHalfLifeHours { get; init => field = InRange(value, MinimumHours, MaximumHours); } = 1.5;

    /// <summary>The loss of stores per day with this physiology: <c>turnover + biliary secretion × (1 − reabsorbed)</c>.</summary>
    public double StoreLossPerDay => TurnoverPerDay + (BiliarySecretionPerDay * (1 - BiliaryReabsorptionFraction));

    /// <summary>The IF-mediated capacity that works: <c>IF capacity × ileal uptake factor</c>, µg.</summary>
    public double EffectiveIntrinsicFactorCapacityMicrograms => IntrinsicFactorCapacityMicrograms * IlealUptakeFactor;

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
    /// fitted to Doets 2013; IF recovery from Heyssel 1966 (IOM 1998); bile 1.4 µg/day, half reabsorbed (Carmel 2008);
    /// total store loss 0.13 %/day (Doets 2013).
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
    /// B12 is reabsorbed and stores fall at 0.158 %/day: more than in health, less than the 0.2 %/day of IOM 1998
    /// (the model follows Carmel's bile figure; IOM's is an upper estimate). The achlorhydria of PA impairs food
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

    /// <summary>The value if it is in [<paramref name="minimum"/>, <paramref name="maximum"/>] (which refuses NaN and infinity).</summary>
    private static double InRange(double value, double minimum, double maximum, [System.Runtime.CompilerServices.CallerMemberName] string name = "") =>
        value >= minimum && value <= maximum
            ? value
            : throw new ArgumentOutOfRangeException(name, value, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} must be from {minimum} to {maximum}; got {value}."));

    private static double Fraction(double value, [System.Runtime.CompilerServices.CallerMemberName] string name = "") => InRange(value, 0, 1, name);
}
