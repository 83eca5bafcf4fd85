using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using Xunit.Abstractions;
using static B12Dosing.Tests.Kinetics.KineticsTestData;

namespace B12Dosing.Tests.Kinetics;

/// <summary>
/// Model 3 (<see cref="PlasmaCarrierModel.FreeCapacity"/>: the carriers' free capacity as state, absorption over hours):
/// its solver against an independent fine-step reference, its mass balance, and the figures of section 8 of the shared
/// reference (repeated doses, the Schilling test, serum against intake, the intranasal peak) with the section 1, 2 and 6
/// figures the model 3 fit put inside their bands. Each band is stated where it is used.
/// </summary>
public class FreeCapacityTests(ITestOutputHelper output)
{
    private static readonly Physiology Healthy = Physiology.Healthy.WithFreeCapacity();

    /// <summary>
    /// Stores for which the carriers in balance give <paramref name="serumPicomolar"/> (a study's baseline), by bisection
    /// on the balance: under model 3 serum is not proportional to the stores (the release onto haptocorrin saturates).
    /// </summary>
    private static double StoresFor(double serumPicomolar, Physiology? p = null)
    {
        double low = 1, high = 11000;
        for (var i = 0; i < 60; i++)
        {
            var mid = Math.Sqrt(low * high);
            (Run([], 1, mid, p).Series[0].SerumMolarity.PicomolesPerLiter < serumPicomolar ? ref low : ref high) = mid;
        }

        return Math.Sqrt(low * high);
    }

    private static SimulationResult Run(IEnumerable<DoseEvent> events, double days, double stores, Physiology? p = null, double stepHours = 24) =>
        Simulator.Run([.. events], new SimulationSettings(TimeSpan.FromDays(days)) { Physiology = p ?? Healthy, InitialStores = Mass.FromMicrograms(stores), Step = TimeSpan.FromHours(stepHours) });

    private static SimulationSettings Days(double days, Physiology p) => new(TimeSpan.FromDays(days)) { Physiology = p };

    private static IEnumerable<DoseEvent> Daily(Dose dose, int days) => Enumerable.Range(0, days).Select(d => At(d, dose));

    /// <summary>
    /// The adaptive Dormand-Prince stretch and the exact propagator together against an independent fine-step RK4 of the
    /// same equations (<see cref="FreeCapacityReference"/>): every pool of every row, and the urine and faeces, within
    /// 1e-6 relative (1e-9 µg absolute for pools near zero), over doses of every route and both forms.
    /// </summary>
    [Theory]
    [InlineData(Condition.Healthy, 2500)]
    [InlineData(Condition.PerniciousAnemia, 9000)]
    public void Solver_agrees_with_fine_step_Runge_Kutta(Condition condition, double stores)
    {
        var p = Physiology.For(condition).WithFreeCapacity();
        DoseEvent[] events = [At(0.25, Oral(1000)), At(0.5, Oral(2)), At(3, Im(1000)), At(10.3, Im(500, CobalaminForm.Hydroxocobalamin)), At(11, Dose.Food(Mass.FromMicrograms(3))), At(12.5, Dose.Intravenous(Mass.FromMicrograms(1000))), At(13, Dose.Intranasal(Mass.FromMicrograms(500)))];
        var settings = Days(20, p) with { Step = TimeSpan.FromHours(6), InitialStores = Mass.FromMicrograms(stores) };
        var result = Simulator.Run(events, settings);
        var reference = FreeCapacityReference.Run(events, settings);
        static void Close(double expected, double actual, string what) =>
            Assert.True(Math.Abs(expected - actual) <= Math.Max(1e-6 * Math.Abs(expected), 1e-9), $"{what}: solver {actual:R}, reference {expected:R}");
        for (var i = 0; i < reference.Length; i++)
        {
            var (row, r) = (result.Series[i], reference[i]);
            Close(r.Stores, row.StoresMicrograms, $"day {r.Day} stores");
            Close(r.Transcobalamin, row.HoloTranscobalaminMicrograms, $"day {r.Day} holoTC");
            Close(r.Haptocorrin, row.HoloHaptocorrinMicrograms, $"day {r.Day} holoHC");
            Close(r.ProteinBound, row.ProteinBoundMicrograms, $"day {r.Day} protein-bound");
            Close(r.Free, row.FreeMicrograms, $"day {r.Day} free");
            Close(r.Labile, row.LabileMicrograms, $"day {r.Day} labile");
            Close(r.Urine, row.CumulativeUrinaryLossMicrograms, $"day {r.Day} urine");
            Close(r.Faeces, row.CumulativeFaecesMicrograms, $"day {r.Day} faeces");
        }
    }

    /// <summary>Mass balance over 100 years of weekly oral doses and monthly injections of both forms: within 1e-9 of the amounts (Runge-Kutta steps keep the linear invariants; Kahan-summed tallies).</summary>
    [Fact]
    public void Mass_balance_closes_over_100_years()
    {
        var settings = Days(36525, Healthy) with { Step = TimeSpan.FromDays(30) };
        DoseEvent[] events = [.. Enumerable.Range(0, 5218).Select(w => At(7 * w, Oral(1000))), .. Enumerable.Range(0, 1200).Select(m => At(30.4 * m, Im(1000, m % 2 == 0 ? CobalaminForm.Hydroxocobalamin : CobalaminForm.Cyanocobalamin)))];
        var s = Simulator.Run(events, settings).Summary;
        Assert.True(Math.Abs(s.MassBalanceErrorMicrograms) <= 1e-9 * (s.TotalDoseMicrograms + s.InitialBodyMicrograms), s.ToString());
    }

    /// <summary>
    /// Sharabi 2003 (n = 10 per arm, adults with low serum B12): 500 µg a day for 4 weeks by mouth, 108 ± 17 -> 286 ± 87
    /// pmol/L; sublingual, 94 ± 30 -> 288 ± 74 (sublingual = oral). Band: a factor 1.3 each way, inside one SD of the
    /// individuals (87/286) around the mean; sampled 24 h after the last tablet (an assumption: not stated).
    /// </summary>
    [Theory]
    [InlineData(Route.Oral, 108, 286)]
    [InlineData(Route.Sublingual, 94, 288)]
    public void Four_weeks_of_500_micrograms_a_day_Sharabi2003(Route route, double baseline, double published)
    {
        var run = Run(Daily(Dose.Create(Mass.FromMicrograms(500), route), 28), 28, StoresFor(baseline));
        var serum = run.Series[^1].SerumMolarity.PicomolesPerLiter;
        output.WriteLine($"{route}: {run.Series[0].SerumMolarity.PicomolesPerLiter:0} -> {serum:0} pmol/L (published {baseline} -> {published})");
        Assert.InRange(serum / published, 1 / 1.3, 1.3);
    }

    /// <summary>
    /// OPEN (Dangour 2015): a year of 1 mg a day by mouth from serum 231 pmol/L (the placebo arm; entry 107-210): serum
    /// 641 pmol/L and holoTC 240 pmol/L. The sampling time after the last tablet is not stated, so both the model's trough
    /// (24 h after the last tablet) and its average over the last day (hourly) must lie in the band: a factor 1.3 each
    /// way (group means of people aged 75 and over, a third on PPIs, which do not touch crystalline B12; the paper gives
    /// no spread in the abstract, and 1.3 is the band of the Sharabi means, about one SD of individuals).
    /// </summary>
    [Fact]
    public void A_year_of_1_mg_a_day_OPEN()
    {
        var run = Run(Daily(Oral(1000), 365), 365, StoresFor(231), stepHours: 1);
        var day = run.Series.Where(r => r.Time.TotalDays > 364).ToArray();
        var (serum, holoTc) = (day[^1].SerumMolarity.PicomolesPerLiter, day[^1].HoloTranscobalaminPicomolesPerLiter);
        var (serumMean, holoTcMean) = (day.Average(r => r.SerumMolarity.PicomolesPerLiter), day.Average(r => r.HoloTranscobalaminPicomolesPerLiter));
        output.WriteLine($"serum trough {serum:0}, day average {serumMean:0} pmol/L (OPEN 641); holoTC trough {holoTc:0}, day average {holoTcMean:0} (OPEN 240)");
        Assert.InRange(serum / 641, 1 / 1.3, 1.3);
        Assert.InRange(serumMean / 641, 1 / 1.3, 1.3);
        Assert.InRange(holoTc / 240, 1 / 1.3, 1.3);
        Assert.InRange(holoTcMean / 240, 1 / 1.3, 1.3);
    }

    /// <summary>
    /// Dullemeijer 2013 (dose-response meta-analysis): steady serum rises 11 % per doubling of usual intake (95 % CI
    /// 9.4-12.5 %; 8 % in adults, 13 % in the elderly). Usual intake as food-bound B12 in three meals 8 h apart, doubled
    /// from 2.5 to 5 µg and from 5 to 10 µg a day (around the RDA of 2.4 µg and the usual Western intakes); serum averaged
    /// over a day at the steady state (the stores found as the root of their drift). Band: 5-25 % per doubling (issue 17;
    /// the subgroups of the meta-analysis span 8-13 %, and a model whose serum followed the stores would give about 60 %).
    /// </summary>
    [Theory]
    [InlineData(2.5)]
    [InlineData(5)]
    public void Serum_rises_about_11_percent_per_doubling_of_usual_intake_Dullemeijer2013(double perDay)
    {
        var slope = (SteadySerum(2 * perDay) / SteadySerum(perDay)) - 1;
        output.WriteLine($"{perDay} -> {2 * perDay} µg a day: serum {slope:P1} (Dullemeijer 2013: 11 %)");
        Assert.InRange(slope, 0.05, 0.25);
    }

    /// <summary>The day-average serum (pmol/L) at the steady state of food-bound B12 in three meals a day.</summary>
    private static double SteadySerum(double perDay)
    {
        var meal = Dose.Food(Mass.FromMicrograms(perDay / 3));
        DoseEvent[] meals = [.. Enumerable.Range(0, 3 * 60).Select(i => new DoseEvent(TimeSpan.FromHours(8 * i), meal))];
        SimulationResult last = null!;
        double Drift(double stores)
        {
            last = Run(meals, 60, stores, stepHours: 1);
            return last.Series[^1].StoresMicrograms - last.Series[^((30 * 24) + 1)].StoresMicrograms;
        }

        // Secant on the drift of the stores over days 30-60, from the stores that the kept amount and the loss give.
        var s0 = 3 * AbsorptionModel.Evaluate(meal, Healthy).Retained.Micrograms / Healthy.StoreLossPerDay;
        var s1 = 1.2 * s0;
        double d0 = Drift(s0), d1 = Drift(s1);
        for (var i = 0; i < 6 && d1 != d0 && Math.Abs(s1 - s0) > 1e-5 * s1; i++)
        {
            (s0, d0, s1) = (s1, d1, Math.Clamp(s1 - (d1 * (s1 - s0) / (d1 - d0)), 1, 11000));
            d1 = Drift(s1);
        }

        Assert.True(Math.Abs(d1) < 1e-3 * s1, $"the steady stores were not found: drift {d1} µg over 30 days at {s1} µg");
        return last.Series.Where(r => r.Time.TotalDays > 59).Average(r => r.SerumMolarity.PicomolesPerLiter);
    }

    /// <summary>
    /// Large injections (section 2), band a factor 1.6 each (the band of the injection points in <c>PublishedData</c>:
    /// retention studies of the 1950s-60s differ by that much): 100 µg IM keeps 55 % (Carmel 2008, Table 1); 500 and
    /// 1000 µg keep 40 and 31 % (Blood 1961: 60 and 69 % in the 72-h urine); Carmel 2008 gives 15 % for 1000 µg. The two
    /// sources disagree by a factor 2.1 on 1000 µg; the fit weighs both, and the model lands inside both bands (19-24 %).
    /// </summary>
    [Fact]
    public void Large_injections_keep_what_Carmel2008_and_Blood1961_measured()
    {
        double Kept(double dose) => AbsorptionModel.Evaluate(Im(dose), Healthy).FractionRetained;
        var (kept100, kept500, kept1000) = (Kept(100), Kept(500), Kept(1000));
        output.WriteLine($"IM keeps {kept100:P1} of 100 µg (Carmel 55 %), {kept500:P1} of 500 µg (Blood 1961 40 %), {kept1000:P1} of 1000 µg (Blood 1961 31 %, Carmel 15 %)");
        Assert.InRange(kept100 / 0.55, 1 / 1.6, 1.6);
        Assert.InRange(kept500 / 0.40, 1 / 1.6, 1.6);
        Assert.InRange(kept1000 / 0.31, 1 / 1.6, 1.6);
        Assert.InRange(kept1000 / 0.15, 1 / 1.6, 1.6);
    }

    /// <summary>
    /// Hydroxocobalamin against cyanocobalamin (Blood 1961): 72-h urine 16 % of 500 µg and 27 % of 1000 µg OHCbl IM,
    /// band a factor 1.25 (the means of 17 and 19 people, whose CNCbl losses 60 and 69 % the same study gives); and
    /// serum about the same 1 h after 1 mg of either (Scand J Haematol 1964: "about the same", band 2, the resolution of
    /// a statement read off a figure) and 3-6 times higher after OHCbl over the next 48 h (√18 ≈ 4.24, band √2).
    /// The 1-h multiple needs hydroxocobalamin to leave the site faster than the US label's "about 2.5 h": model 3's fit
    /// weighs both (the label's figure with a band of 1.5) and lands inside both.
    /// </summary>
    [Fact]
    public void Hydroxocobalamin_is_kept_better_Blood1961_ScandJHaematol1964()
    {
        double Urine(double dose) => AbsorptionModel.Evaluate(Im(dose, CobalaminForm.Hydroxocobalamin), Healthy).UrinaryLoss.Micrograms / dose;
        double Multiple(double hours)
        {
            double Serum(CobalaminForm form) => Run([At(0, Im(1000, form))], hours / 24, 2500, stepHours: hours).Series[^1].SerumPicogramsPerMilliliter;
            return Serum(CobalaminForm.Hydroxocobalamin) / Serum(CobalaminForm.Cyanocobalamin);
        }

        var (u500, u1000, m1, m48) = (Urine(500), Urine(1000), Multiple(1), Multiple(48));
        output.WriteLine($"OHCbl 72-h urine {u500:P1} of 500 µg (16 %), {u1000:P1} of 1000 µg (27 %); serum OHCbl/CNCbl at 1 h {m1:0.00} (about 1), at 48 h {m48:0.00} (3-6)");
        Assert.InRange(u500 / 0.16, 1 / 1.25, 1.25);
        Assert.InRange(u1000 / 0.27, 1 / 1.25, 1.25);
        Assert.InRange(m48 / Math.Sqrt(18), 1 / Math.Sqrt(2), Math.Sqrt(2));
        Assert.InRange(m1, 1 / 2.0, 2);
        Assert.InRange(Healthy.HydroxocobalaminSiteReleaseHalfTime.TotalHours / 2.5, 1 / 1.5, 1.5);
    }

    /// <summary>
    /// The OHCbl/CNCbl serum multiples of Blood 1961 after 500 and 1000 µg IM at 5 h, 24 h, 72 h and weeks 2-4 (day 21):
    /// each within its band in <c>PublishedData.SerumMultiples</c> (a factor 1.5: means of 17 and 19 people read from a
    /// table of multiples of two means).
    /// </summary>
    [Fact]
    public void Serum_multiples_after_hydroxocobalamin_Blood1961()
    {
        var report = PublishedData.SerumMultiples.Select(p => (p.Id, Ratio: p.Ratio(Healthy), p.Band)).ToArray();
        output.WriteLine(string.Join("\n", report.Select(r => $"{r.Id}: model/published {r.Ratio:0.00} (band {r.Band})")));
        Assert.All(report, r => Assert.InRange(r.Ratio, 1 / r.Band, r.Band));
    }

    /// <summary>
    /// Greibe 2019: 3 µg a day by mouth for 8 weeks in deficient adults, serum 128 -> 168 pmol/L (medians), holoTC
    /// 16 -> 19: the paper's changes within the group, before and after (no control arm), so the model's are too. From
    /// stores that give serum 128: holoTC at baseline 16 and the rises of serum (40) and holoTC (3) after 56 days, each
    /// within a factor 1.5 (medians of small groups; the holoTC rise is 3 pmol/L on an assay whose precision is about
    /// that: a rise of 2-4.5 is accepted).
    /// </summary>
    [Fact]
    public void Eight_weeks_of_3_micrograms_a_day_Greibe2019()
    {
        var run = Run(Daily(Oral(3), 56), 56, StoresFor(128));
        var (before, after) = (run.Series[0], run.Series[^1]);
        var serumRise = after.SerumMolarity.PicomolesPerLiter - before.SerumMolarity.PicomolesPerLiter;
        var holoTcRise = after.HoloTranscobalaminPicomolesPerLiter - before.HoloTranscobalaminPicomolesPerLiter;
        output.WriteLine($"holoTC at baseline {before.HoloTranscobalaminPicomolesPerLiter:0.0} (16); rises over 8 weeks: serum {serumRise:0.0} (40), holoTC {holoTcRise:0.0} (3) pmol/L");
        Assert.InRange(before.HoloTranscobalaminPicomolesPerLiter / 16, 1 / 1.5, 1.5);
        Assert.InRange(serumRise / 40, 1 / 1.5, 1.5);
        Assert.InRange(holoTcRise / 3, 1 / 1.5, 1.5);
    }

    /// <summary>
    /// The holoTC share of serum in health (IOM 1998: about 80 % on haptocorrin, so 20 % on transcobalamin; Nexo &amp;
    /// Hoffmann-Lücke 2011: about a quarter): at average stores the carriers in balance give 20-25 %, band 1.25 beyond
    /// either end (16-31 %), the band of <c>PublishedData.CarrierBaselines</c>.
    /// </summary>
    [Fact]
    public void HoloTC_share_of_serum_in_health()
    {
        var row = Run([], 1, 2500).Series[0];
        var share = row.HoloTranscobalaminPicomolesPerLiter / row.SerumMolarity.PicomolesPerLiter;
        output.WriteLine($"holoTC share {share:P1} (IOM 1998 20 %, Nexo 2011 about 25 %)");
        Assert.InRange(share, 0.20 / 1.25, 0.25 * 1.25);
    }

    /// <summary>
    /// CobaSorb (Greibe 2018): median holoTC rise after three oral doses a day 6 h apart on two days, sampled 12 h after the
    /// last (an assumption): 19, 23, 30 pmol/L for 1.5, 3, 6 µg in low status (stores 1000 µg), 30 for 9 µg in normal
    /// status (2500 µg). Group medians with a spread as wide as the median: band a factor 1.5.
    /// </summary>
    [Theory]
    [InlineData(1.5, 1000, 19)]
    [InlineData(3, 1000, 23)]
    [InlineData(6, 1000, 30)]
    [InlineData(9, 2500, 30)]
    public void CobaSorb_holoTC_rise_Greibe2018(double dose, double stores, double rise)
    {
        DoseEvent[] doses = [.. new[] { 0, 6, 12, 24, 30, 36 }.Select(h => new DoseEvent(TimeSpan.FromHours(h), Oral(dose)))];
        var model = Run(doses, 2, stores, stepHours: 48).Series[^1].HoloTranscobalaminPicomolesPerLiter - Run([], 2, stores, stepHours: 48).Series[^1].HoloTranscobalaminPicomolesPerLiter;
        output.WriteLine($"{dose} µg: rise {model:0.0} pmol/L (published {rise})");
        Assert.InRange(model / rise, 1 / 1.5, 1.5);
    }

    /// <summary>
    /// The Schilling test (section 8): 1 µg labelled CNCbl by mouth, 1000 µg IM at 2 h, 24-h urine as a share of the oral
    /// dose (the difference of two runs, with and without the labelled dose). In health at least 8 % (ranges quoted
    /// 8-40 %); without IF under 5 %; normal again when IF is given with the dose (the healthy IF capacity).
    /// </summary>
    [Fact]
    public void Schilling_test_comes_out_of_the_model()
    {
        static double Schilling(Physiology p)
        {
            var flush = new DoseEvent(TimeSpan.FromHours(2), Im(1000));
            return Run([At(0, Oral(1)), flush], 1, 2500, p).Summary.TotalUrinaryLossMicrograms - Run([flush], 1, 2500, p).Summary.TotalUrinaryLossMicrograms;
        }

        var health = Schilling(Healthy);
        var pa = Schilling(Physiology.PerniciousAnemia.WithFreeCapacity());
        var withIf = Schilling(Physiology.PerniciousAnemia.WithFreeCapacity() with { IntrinsicFactorCapacity = Physiology.Healthy.IntrinsicFactorCapacity });
        output.WriteLine($"urine share of the oral dose: health {health:P1}, PA {pa:P1}, PA with IF {withIf:P1}");
        Assert.InRange(health, 0.08, 0.40);
        Assert.InRange(pa, 0, 0.05);
        Assert.InRange(withIf, 0.08, 0.40);
    }

    /// <summary>
    /// Carmel 2008: 10 µg IM keeps 97 %. For a kept fraction above 80 % the lost fraction is judged: 3 % lost, the model
    /// at most 6 % (twice). The binding capacity the injections need comes out of the free capacity and its restoration.
    /// </summary>
    [Fact]
    public void Ten_micrograms_IM_loses_at_most_6_percent_Carmel2008()
    {
        var lost = AbsorptionModel.Evaluate(Im(10), Healthy).UrinaryLoss.Micrograms / 10;
        output.WriteLine($"10 µg IM loses {lost:P2} (Carmel 2008: 3 %)");
        Assert.InRange(lost, 0, 0.06);
    }

    /// <summary>
    /// Intranasal hydroxocobalamin (Br J Clin Pharmacol 1998;45:83): 750 µg, serum peak at 35 ± 13 min; 1500 µg, 28 ± 16
    /// min. Band: the mean ± 1 SD of either dose, 12-48 min.
    /// </summary>
    [Theory]
    [InlineData(750)]
    [InlineData(1500)]
    public void Intranasal_serum_peaks_after_about_half_an_hour(double dose)
    {
        var run = Run([At(0, Dose.Intranasal(Mass.FromMicrograms(dose), CobalaminForm.Hydroxocobalamin))], 0.125, 2500, stepHours: 1.0 / 60);
        var peak = run.Series.MaxBy(r => r.SerumPicogramsPerMilliliter);
        output.WriteLine($"{dose} µg: peak {peak.SerumMolarity.PicomolesPerLiter:0} pmol/L at {peak.Time.TotalMinutes:0} min");
        Assert.InRange(peak.Time.TotalMinutes, 12, 48);
    }

    /// <summary>Serum after 16 weeks rises strictly with the daily oral dose from 10 to 2000 µg (issue 17): no plateau where every load refills the same capacity.</summary>
    [Fact]
    public void Serum_after_16_weeks_rises_strictly_with_the_daily_dose()
    {
        var serum = new[] { 10.0, 100, 500, 1000, 2000 }.Select(d => Run(Daily(Oral(d), 112), 112, 2500).Series[^1].SerumPicogramsPerMilliliter).ToArray();
        output.WriteLine(string.Join(", ", serum.Select(s => s.ToString("0", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.True(serum.Zip(serum.Skip(1)).All(x => x.Second > x.First), string.Join(", ", serum));
    }

    /// <summary>
    /// What falls first when absorption stops (Herbert 1994; Herrmann &amp; Geisel 2002: holoTC falls below its range long
    /// before total serum does; IOM 1998 p.313: serum is maintained at the expense of the tissues): from average stores
    /// with no intake at all for a year (the stores fall by about 40 %), holoTC falls by a larger share than serum does
    /// (the sources give the order, not a ratio; the model: 38 % against 21 %). Issue 17 also asks that holoTC fall "within days" after a supplement stops; model 3 does not show that
    /// now (after 4 weeks of 500 µg a day from serum 108 pmol/L, holoTC is 21 pmol/L at the last tablet, 16 three days
    /// later, against 7 before: it follows the stores the supplement filled), so it is not asserted (docs/model.md 1.2b).
    /// </summary>
    [Fact]
    public void HoloTC_falls_before_serum_as_the_stores_fall_Herbert1994()
    {
        var run = Run([], 365, 2500);
        var (first, last) = (run.Series[0], run.Series[^1]);
        var holoTcFall = 1 - (last.HoloTranscobalaminPicomolesPerLiter / first.HoloTranscobalaminPicomolesPerLiter);
        var serumFall = 1 - (last.SerumPicogramsPerMilliliter / first.SerumPicogramsPerMilliliter);
        var supplement = Run(Daily(Oral(500), 28), 31, StoresFor(108));
        output.WriteLine($"a year without intake: stores {first.StoresMicrograms:0} -> {last.StoresMicrograms:0} µg, holoTC falls {holoTcFall:P0}, serum {serumFall:P0}; after 4 weeks of 500 µg a day holoTC {supplement.Series[0].HoloTranscobalaminPicomolesPerLiter:0} -> {supplement.Series[28].HoloTranscobalaminPicomolesPerLiter:0} -> {supplement.Series[^1].HoloTranscobalaminPicomolesPerLiter:0} pmol/L 3 days after the last tablet");
        Assert.True(holoTcFall > serumFall && serumFall > 0, $"holoTC fell {holoTcFall:P1}, serum {serumFall:P1}");
    }

    /// <summary>The steady state of a repeated dose agrees with 80 years of the dose (the slowest mode leaves below 1e-16 of the start): stores and plasma within 1e-6.</summary>
    [Theory]
    [InlineData(1000, 30)]
    [InlineData(500, 7)]
    public void Steady_state_agrees_with_a_long_run(double dose, int intervalDays)
    {
        var periods = 29220 / intervalDays;
        var events = Enumerable.Range(0, periods).Select(i => At(i * intervalDays, Im(dose))).ToArray();
        var last = Simulator.Run(events, new SimulationSettings(TimeSpan.FromDays(periods * intervalDays)) { Physiology = Healthy, Step = TimeSpan.FromDays(intervalDays) }).Series[^1];
        var (stores, plasma) = Simulator.SteadyStateTroughMicrograms(Im(dose), TimeSpan.FromDays(intervalDays), Healthy);
        Assert.Equal(last.StoresMicrograms, stores, stores * 1e-6);
        Assert.Equal(last.PlasmaMicrograms, plasma, Math.Max(plasma, 1e-6) * 1e-6);
    }
}
