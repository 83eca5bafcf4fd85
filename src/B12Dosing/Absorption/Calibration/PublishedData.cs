using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Absorption.Calibration;

/// <summary>
/// The published single-dose figures of <c>b12-published-data.md</c> (sections 1 and 2) as data, with sources.
/// These are population means from small studies, not a person's values.
/// </summary>
public static class PublishedData
{
    /// <summary>Carmel R. How I treat cobalamin (vitamin B12) deficiency. Blood 2008;112:2214-21, Table 1 (after Chanarin 1979 and Berlin 1968).</summary>
    public const string Carmel2008 = "Carmel 2008, Blood 112:2214, Table 1 (Chanarin 1979; Berlin 1968)";

    /// <summary>"Hydroxocobalamin I", Blood 1961;18(5):511: 72-hour urinary loss after IM injection.</summary>
    public const string Blood1961 = "Blood 1961;18:511 (Hydroxocobalamin I), 72-h urine";

    /// <summary>"Hydroxocobalamin I", Blood 1961;18(5):511: mean serum after OHCbl as a multiple of that after CNCbl, same IM doses.</summary>
    public const string Blood1961Serum = "Blood 1961;18:511 (Hydroxocobalamin I), serum OHCbl/CNCbl";

    /// <summary>Greibe E et al. Eur J Nutr 2018 (CobaSorb design): median rise of holoTC after two days of oral CNCbl.</summary>
    public const string Greibe2018 = "Greibe 2018, Eur J Nutr (CobaSorb), median holoTC rise";

    /// <summary>Greibe E et al. Eur J Nutr 2019;58:261: 8 weeks of 3 µg/day orally in deficient adults.</summary>
    public const string Greibe2019 = "Greibe 2019, Eur J Nutr 58:261, 8 weeks of 3 µg/day";

    /// <summary>Scand J Haematol 1964 (doi 10.1111/j.1600-0609.1964.tb00001.x): serum after about 1 mg IM OHCbl and CNCbl.</summary>
    public const string ScandJHaematol1964 = "Scand J Haematol 1964 (doi 10.1111/j.1600-0609.1964.tb00001.x), serum OHCbl/CNCbl after about 1 mg IM";

    /// <summary>IOM 1998 (DRI, ch. 9): about 80 % of serum B12 on haptocorrin, so about 20 % on transcobalamin.</summary>
    public const string Iom1998Share = "IOM 1998, DRI ch. 9: about 80 % of serum B12 on haptocorrin";

    /// <summary>Nexo E, Hoffmann-Lücke E. Am J Clin Nutr 2011: about a quarter of serum B12 on transcobalamin ("active B12").</summary>
    public const string Nexo2011Share = "Nexo & Hoffmann-Lücke 2011, Am J Clin Nutr: about a quarter of serum B12 on transcobalamin";

    /// <summary>Greibe E et al. Eur J Nutr 2019;58:261: the baseline of the deficient adults (medians).</summary>
    public const string Greibe2019Baseline = "Greibe 2019, Eur J Nutr 58:261, baseline of deficient adults";

    /// <summary>Band of the 48-h Scand J Haematol 1964 multiple: a factor √2 about √18 ≈ 4.24, that is the published 3-6.</summary>
    public const string ScandBandReason =
        "The paper gives a range, 3-6 times over the 48 h after the first hour: the value is its geometric middle (4.24) and the band its ends.";

    /// <summary>Band of the 1-h Scand J Haematol 1964 multiple: a factor 2 about 1.</summary>
    public const string ScandOneHourBandReason =
        "\"About the same\" 1 h after either form: taken as within a factor 2 (a single study, assay of 1964).";

    /// <summary>Band of the holoTC share of serum in health: a factor 1.25 about the two statements' middle.</summary>
    public const string ShareBandReason =
        "Two statements, each \"about\": 20 % (the complement of IOM's 80 % on haptocorrin) and 25 % (Nexo & Hoffmann-Lücke 2011); the value is their geometric middle (22.4 %) and the band a factor 1.25 beyond either (16-31 %), for the rounding of each.";

    /// <summary>Band of the Greibe 2019 baseline: a factor 1.5, as for its rises.</summary>
    public const string BaselineBandReason =
        "Medians of a small group of deficient adults (serum 128, holoTC 16 pmol/L), their stores an ASSUMPTION (1000 µg); 1.5 as for the Greibe rises.";

    /// <summary>Doets EL et al. Ann Nutr Metab 2013;62:311: pooled regression of food B12 absorption over 8 studies.</summary>
    public const string Doets2013 = "Doets 2013, Ann Nutr Metab 62:311, pooled regression";

    /// <summary>Band of the injected CNCbl retention (Carmel 2008 and Blood 1961): a factor 1.6.</summary>
    public const string RetentionBandReason =
        "Carmel 2008 and Blood 1961 differ by a factor 2.07 at 1000 µg CNCbl IM (15 % against 31 % kept): no curve comes within 1.44 of both, and 1.6 leaves room for the other points.";

    /// <summary>Band of the 72-h OHCbl urine (Blood 1961): a factor 1.25.</summary>
    public const string HydroxocobalaminBandReason =
        "One study's 72-h urine means; 1.25 keeps OHCbl's loss (16-27 %) well apart from CNCbl's (60-85 %).";

    /// <summary>Band of the serum multiples (Blood 1961): a factor 1.5.</summary>
    public const string SerumBandReason =
        "Ratios of means of 17 and 19 people by a 1961 microbiological assay at single times; 1.5 keeps every multiple on its side of its neighbours (1.6-12.8).";

    /// <summary>Band of the holoTC and serum rises (Greibe 2018, 2019): a factor 1.5.</summary>
    public const string CarrierBandReason =
        "Medians of groups of 14-59 whose spread between people is about as wide as the median; the sampling time is an assumption (see the measure).";

    /// <summary>Band of the oral absorption points (Carmel 2008, Doets 2013): a factor 1.5.</summary>
    public const string OralBandReason =
        "Carmel's healthy means are not monotone (1.6 µg at 10 µg, 1.5 µg at 50 µg): a rising curve cannot pass both within 1.3; 1.5 also covers the Doets regression over one meal's B12.";

    /// <summary>Slope of the Doets 2013 regression ln(absorbed µg) = 0.7694 ln(dose µg) − 0.9614.</summary>
    public const double DoetsSlope = 0.7694;

    /// <summary>Intercept of the Doets 2013 regression.</summary>
    public const double DoetsIntercept = -0.9614;

    /// <summary>Absorbed amount from a food-bound dose of B12 by the Doets 2013 regression.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dose"/> is negative, not finite, or zero by rounding in µg.</exception>
    public static Mass DoetsAbsorbed(Mass dose) => Mass.FromMicrograms(DoetsAbsorbedMicrograms(QuantityKinds.Mass.NonNegative(dose, nameof(dose))));

    /// <summary><see cref="DoetsAbsorbed(Mass)"/> in µg.</summary>
    internal static double DoetsAbsorbedMicrograms(double doseMicrograms) => Math.Exp((DoetsSlope * Math.Log(doseMicrograms)) + DoetsIntercept);

    /// <summary>Oral crystalline cyanocobalamin, healthy and pernicious anaemia: absorbed µg (Carmel 2008, Table 1).</summary>
    public static IReadOnlyList<PublishedPoint> Oral { get; } =
    [
        OralPoint(Condition.Healthy, 1, 0.56),
        OralPoint(Condition.Healthy, 10, 1.6),
        OralPoint(Condition.Healthy, 50, 1.5),
        OralPoint(Condition.Healthy, 500, 9.7),
        OralPoint(Condition.Healthy, 1000, 13),
        OralPoint(Condition.PerniciousAnemia, 1, 0.012),
        OralPoint(Condition.PerniciousAnemia, 10, 0.12),
        OralPoint(Condition.PerniciousAnemia, 50, 0.6),
        OralPoint(Condition.PerniciousAnemia, 500, 7.0),
        OralPoint(Condition.PerniciousAnemia, 1000, 12),
    ];

    /// <summary>IM cyanocobalamin retained, µg (Carmel 2008, Table 1).</summary>
    public static IReadOnlyList<PublishedPoint> InjectedCyanocobalamin { get; } =
    [
        Injected("carmel-im-10", CobalaminForm.Cyanocobalamin, 10, PublishedMeasure.RetainedMicrograms, 9.7, Carmel2008) with { Band = 1.6, BandReason = RetentionBandReason },
        Injected("carmel-im-100", CobalaminForm.Cyanocobalamin, 100, PublishedMeasure.RetainedMicrograms, 55, Carmel2008) with { Band = 1.6, BandReason = RetentionBandReason },
        Injected("carmel-im-1000", CobalaminForm.Cyanocobalamin, 1000, PublishedMeasure.RetainedMicrograms, 150, Carmel2008) with { Band = 1.6, BandReason = RetentionBandReason },
    ];

    /// <summary>IM hydroxocobalamin: 72-h urinary loss as a fraction of the dose (Blood 1961).</summary>
    public static IReadOnlyList<PublishedPoint> InjectedHydroxocobalamin { get; } =
    [
        Injected("blood1961-ohcbl-500", CobalaminForm.Hydroxocobalamin, 500, PublishedMeasure.UrinaryLossFraction, 0.16, Blood1961) with { Band = 1.25, BandReason = HydroxocobalaminBandReason },
        Injected("blood1961-ohcbl-1000", CobalaminForm.Hydroxocobalamin, 1000, PublishedMeasure.UrinaryLossFraction, 0.27, Blood1961) with { Band = 1.25, BandReason = HydroxocobalaminBandReason },
    ];

    /// <summary>
    /// IM cyanocobalamin: kept after 72 h, the complement of the 72-h urine (Blood 1961: 60 % and 69 % lost). Compared
    /// as the kept fraction, as Carmel 2008 reports it: at 1000 µg the two disagree (31 % kept against 15 %), and the
    /// model lands between them (see <c>docs/model.md</c>).
    /// </summary>
    public static IReadOnlyList<PublishedPoint> InjectedCyanocobalaminBlood1961 { get; } =
    [
        Injected("blood1961-cncbl-500", CobalaminForm.Cyanocobalamin, 500, PublishedMeasure.RetainedFraction, 1 - 0.60, Blood1961) with { Band = 1.6, BandReason = RetentionBandReason },
        Injected("blood1961-cncbl-1000", CobalaminForm.Cyanocobalamin, 1000, PublishedMeasure.RetainedFraction, 1 - 0.69, Blood1961) with { Band = 1.6, BandReason = RetentionBandReason },
    ];

    /// <summary>Serum after IM OHCbl as a multiple of serum after the same dose of CNCbl, at 5 h, 24 h, 72 h and weeks 2-4 (taken as day 21) (Blood 1961).</summary>
    public static IReadOnlyList<PublishedPoint> SerumMultiples { get; } =
    [
        .. Multiples(500, [1.8, 4.6, 2.4, 1.6]),
        .. Multiples(1000, [4.1, 12.8, 5.2, 2.4]),
    ];

    /// <summary>The rise of holoTC (CobaSorb; Greibe 2018) and of serum and holoTC after 8 weeks of 3 µg/day (Greibe 2019), pmol/L.</summary>
    /// <remarks>
    /// Low status is taken as stores of 1000 µg, normal as 2500 µg (an ASSUMPTION; in the model the rise hardly depends on
    /// them). Greibe 2019's deficient adults: serum 128 → 168 pmol/L, holoTC 16 → 19 pmol/L.
    /// </remarks>
    public static IReadOnlyList<PublishedPoint> OralCarriers { get; } =
    [
        Carrier("greibe2018-low-1.5", 1.5, PublishedMeasure.CobaSorbHoloTranscobalaminRise, 19, 2, 1000, Greibe2018),
        Carrier("greibe2018-low-3", 3, PublishedMeasure.CobaSorbHoloTranscobalaminRise, 23, 2, 1000, Greibe2018),
        Carrier("greibe2018-low-6", 6, PublishedMeasure.CobaSorbHoloTranscobalaminRise, 30, 2, 1000, Greibe2018),
        Carrier("greibe2018-normal-9", 9, PublishedMeasure.CobaSorbHoloTranscobalaminRise, 30, 2, 2500, Greibe2018),
        Carrier("greibe2019-serum", 3, PublishedMeasure.DailySerumRise, 168 - 128, 56, 1000, Greibe2019),
        Carrier("greibe2019-holotc", 3, PublishedMeasure.DailyHoloTranscobalaminRise, 19 - 16, 56, 1000, Greibe2019),
    ];

    /// <summary>
    /// About 1 mg IM (Scand J Haematol 1964): serum about the same 1 h after OHCbl or CNCbl (taken as 1, band 2), and 3-6
    /// times higher after OHCbl over the next 48 h (the geometric middle √18 at 48 h, band √2: the range's ends).
    /// </summary>
    public static IReadOnlyList<PublishedPoint> ScandJHaematolMultiples { get; } =
    [
        Injected("scand1964-1h", CobalaminForm.Hydroxocobalamin, 1000, PublishedMeasure.SerumRatioHydroxoToCyano, 1, ScandJHaematol1964) with { Day = 1.0 / 24, Band = 2, BandReason = ScandOneHourBandReason },
        Injected("scand1964-48h", CobalaminForm.Hydroxocobalamin, 1000, PublishedMeasure.SerumRatioHydroxoToCyano, Math.Sqrt(18), ScandJHaematol1964) with { Day = 2, Band = Math.Sqrt(2), BandReason = ScandBandReason },
    ];

    /// <summary>
    /// The carriers without intake: holoTC as a share of serum in health at average stores (2500 µg; IOM 1998 and Nexo &amp;
    /// Hoffmann-Lücke 2011: 20-25 %, the geometric middle √(0.2·0.25)), and the baseline of Greibe 2019's deficient adults
    /// (serum 128, holoTC 16 pmol/L; stores of 1000 µg as for its rises, an ASSUMPTION).
    /// </summary>
    public static IReadOnlyList<PublishedPoint> CarrierBaselines { get; } =
    [
        new PublishedPoint("holotc-share-health", Route.Oral, DoseVehicle.Crystalline, CobalaminForm.Cyanocobalamin, Condition.Healthy, Mass.Zero, PublishedMeasure.HoloTranscobalaminShareOfSerum, Math.Sqrt(0.20 * 0.25), $"{Iom1998Share}; {Nexo2011Share}") { Band = 1.25 * Math.Sqrt(1.25), BandReason = ShareBandReason },
        new PublishedPoint("greibe2019-baseline-serum", Route.Oral, DoseVehicle.Crystalline, CobalaminForm.Cyanocobalamin, Condition.Healthy, Mass.Zero, PublishedMeasure.BaselineSerum, 128, Greibe2019Baseline) { InitialStoresMicrograms = 1000, BandReason = BaselineBandReason },
        new PublishedPoint("greibe2019-baseline-holotc", Route.Oral, DoseVehicle.Crystalline, CobalaminForm.Cyanocobalamin, Condition.Healthy, Mass.Zero, PublishedMeasure.BaselineHoloTranscobalamin, 16, Greibe2019Baseline) { InitialStoresMicrograms = 1000, BandReason = BaselineBandReason },
    ];

    /// <summary>Every point the plasma model is fitted to (<see cref="Calibrator.FitPlasma"/>), weight 1 each.</summary>
    public static IReadOnlyList<PublishedPoint> Plasma { get; } =
        [.. InjectedCyanocobalamin, .. InjectedCyanocobalaminBlood1961, .. InjectedHydroxocobalamin, .. SerumMultiples, .. ScandJHaematolMultiples, .. OralCarriers, .. CarrierBaselines];

    /// <summary>The food-dose range over which the food release fraction is fitted to Doets 2013: one meal's B12, 0.5-5 µg.</summary>
    public static (Mass Low, Mass High) FoodFitRange => (Mass.FromMicrograms(0.5), Mass.FromMicrograms(5));

    /// <summary>Doets 2013 regression values at 11 log-spaced doses over <see cref="FoodFitRange"/>, as points.</summary>
    public static IReadOnlyList<PublishedPoint> FoodRegression { get; } = FoodPointsMicrograms(FoodFitRange.Low.Micrograms, FoodFitRange.High.Micrograms, 11);

    /// <summary>The most points <see cref="FoodPoints"/> gives (a bound on the work a call asks for).</summary>
    internal const int MaximumFoodPoints = 10_000;

    /// <summary>All the numeric points, in the order above.</summary>
    public static IReadOnlyList<PublishedPoint> All { get; } =
        [.. Oral, .. InjectedCyanocobalamin, .. InjectedHydroxocobalamin, .. InjectedCyanocobalaminBlood1961, .. SerumMultiples, .. ScandJHaematolMultiples, .. OralCarriers, .. CarrierBaselines, .. FoodRegression];

    /// <summary>Doets 2013 regression values at <paramref name="count"/> log-spaced food doses from <paramref name="low"/> to <paramref name="high"/> (each rounded to 1e-4 µg).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> is not positive and finite, <paramref name="high"/> is below it or not finite, or <paramref name="count"/> is not 2 to 10 000.</exception>
    public static IReadOnlyList<PublishedPoint> FoodPoints(Mass low, Mass high, int count)
    {
        var lowMicrograms = QuantityKinds.Mass.NonNegative(low, nameof(low));
        var highMicrograms = QuantityKinds.Mass.NonNegative(high, nameof(high));
        if (!(lowMicrograms > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(low), QuantityText.Format(low), "The lowest food dose must be above 0 µg (the doses are log-spaced).");
        }

        if (highMicrograms < lowMicrograms)
        {
            throw new ArgumentOutOfRangeException(nameof(high), QuantityText.Format(high), $"The highest food dose must be at least the lowest, {QuantityText.Format(low)}.");
        }

        if (count is < 2 or > MaximumFoodPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The number of points must be 2 to {MaximumFoodPoints}.");
        }

        return FoodPointsMicrograms(lowMicrograms, highMicrograms, count);
    }

    private static PublishedPoint[] FoodPointsMicrograms(double low, double high, int count)
    {
        var points = new PublishedPoint[count];
        for (var i = 0; i < count; i++)
        {
            var dose = Math.Round(low * Math.Pow(high / low, i / (double)(count - 1)), 4);
            points[i] = new($"doets-food-{dose.ToString(System.Globalization.CultureInfo.InvariantCulture)}", Route.Oral, DoseVehicle.FoodBound, CobalaminForm.Cyanocobalamin, Condition.Healthy, Mass.FromMicrograms(dose), PublishedMeasure.AbsorbedMicrograms, DoetsAbsorbedMicrograms(dose), Doets2013) { BandReason = OralBandReason };
        }

        return points;
    }

    private static PublishedPoint OralPoint(Condition condition, double dose, double absorbed) => new(
        $"carmel-oral-{(condition == Condition.Healthy ? "healthy" : "pa")}-{(int)dose}",
        Route.Oral,
        DoseVehicle.Crystalline,
        CobalaminForm.Cyanocobalamin,
        condition,
        Mass.FromMicrograms(dose),
        PublishedMeasure.AbsorbedMicrograms,
        absorbed,
        Carmel2008)
    {
        BandReason = OralBandReason,
    };

    private static IEnumerable<PublishedPoint> Multiples(double dose, double[] multiples)
    {
        double[] days = [5.0 / 24, 1, 3, 21];
        string[] names = ["5h", "24h", "72h", "weeks2-4"];
        for (var i = 0; i < days.Length; i++)
        {
            yield return Injected($"blood1961-serum-{(int)dose}-{names[i]}", CobalaminForm.Hydroxocobalamin, dose, PublishedMeasure.SerumRatioHydroxoToCyano, multiples[i], Blood1961Serum) with { Day = days[i], BandReason = SerumBandReason };
        }
    }

    private static PublishedPoint Carrier(string id, double dose, PublishedMeasure measure, double value, double day, double stores, string source) =>
        new(id, Route.Oral, DoseVehicle.Crystalline, CobalaminForm.Cyanocobalamin, Condition.Healthy, Mass.FromMicrograms(dose), measure, value, source) { Day = day, InitialStoresMicrograms = stores, BandReason = CarrierBandReason };

    private static PublishedPoint Injected(string id, CobalaminForm form, double dose, PublishedMeasure measure, double value, string source) =>
        new(id, Route.Intramuscular, DoseVehicle.Crystalline, form, Condition.Healthy, Mass.FromMicrograms(dose), measure, value, source);
}
