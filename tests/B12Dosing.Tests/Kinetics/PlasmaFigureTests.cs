using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using Xunit.Abstractions;
using static B12Dosing.Tests.Kinetics.KineticsTestData;

namespace B12Dosing.Tests.Kinetics;

/// <summary>
/// The figures of sections 3 and 6 of the shared reference (plasma carriers, serum time course, stores and their
/// limits) against the time course. The values are typed from the reference; each tolerance is stated and justified.
/// </summary>
public class PlasmaFigureTests(ITestOutputHelper output)
{
    private static SimulationRow At(IEnumerable<DoseEvent> events, double days, ParameterSet? p = null, double stores = 2500)
    {
        var horizon = TimeSpan.FromDays(days);
        var settings = new SimulationSettings(horizon) { ParameterSet = p ?? ParameterSet.Healthy, InitialStores = Mass.FromMicrograms(stores), Step = horizon };
        return Simulator.Run([.. events], settings).Series[^1];
    }

    private static double SerumRatio(double dose, double days) =>
        At([new(TimeSpan.Zero, Im(dose, CobalaminForm.Hydroxocobalamin))], days).SerumPicogramsPerMilliliter
        / At([new(TimeSpan.Zero, Im(dose))], days).SerumPicogramsPerMilliliter;

    /// <summary>
    /// Serum after IM OHCbl as a multiple of serum after the same dose of CNCbl ("Hydroxocobalamin I", Blood 1961; 17 and
    /// 19 people): at 5 h, 24 h, 72 h and weeks 2-4 (taken as day 21). Ratios of group means by a 1961 assay at single
    /// times: tolerance a factor 1.5 each way, which keeps every multiple on its side of its neighbours (1.6-12.8).
    /// </summary>
    [Theory]
    [InlineData(500, 5.0 / 24, 1.8)]
    [InlineData(500, 1, 4.6)]
    [InlineData(500, 3, 2.4)]
    [InlineData(500, 21, 1.6)]
    [InlineData(1000, 5.0 / 24, 4.1)]
    [InlineData(1000, 1, 12.8)]
    [InlineData(1000, 3, 5.2)]
    [InlineData(1000, 21, 2.4)]
    public void Hydroxocobalamin_serum_multiples_Blood1961(double dose, double days, double multiple) =>
        Assert.InRange(SerumRatio(dose, days) / multiple, 1 / 1.5, 1.5);

    /// <summary>
    /// About 1 mg IM (Scand J Haematol 1964): serum about the same 1 h after CNCbl or OHCbl, and over the next 48 h OHCbl
    /// serum 3-6 times CNCbl serum. "About the same" is taken as within a factor 2; the published range 3-6 is checked
    /// at 48 h as it stands (both points are in the joint fit, <see cref="PublishedData.ScandJHaematolMultiples"/>).
    /// </summary>
    [Fact]
    public void Serum_one_hour_alike_then_hydroxocobalamin_higher_ScandJHaematol1964()
    {
        var oneHour = SerumRatio(1000, 1.0 / 24);
        var twoDays = SerumRatio(1000, 2);
        output.WriteLine($"OHCbl/CNCbl serum: 1 h {oneHour:0.00}, 48 h {twoDays:0.00}");
        Assert.InRange(oneHour, 0.5, 2);
        Assert.InRange(twoDays, 3, 6);
    }

    /// <summary>
    /// CobaSorb (Greibe 2018): median rise of holoTC after two days of oral CNCbl, three doses a day 6 h apart, sampled
    /// on the morning of day 3 (12 h after the last dose, an assumption): 19, 23 and 30 pmol/L for 1.5, 3 and 6 µg doses
    /// in low status (stores taken as 1000 µg), 30 pmol/L for 9 µg in normal status (2500 µg). Group medians whose
    /// spread between people is about as wide as the median: tolerance a factor 1.5 each way; and the rise must not
    /// fall with the dose (Greibe 2018 found 6 µg above 3 µg).
    /// </summary>
    [Theory]
    [InlineData(1.5, 1000, 19)]
    [InlineData(3, 1000, 23)]
    [InlineData(6, 1000, 30)]
    [InlineData(9, 2500, 30)]
    public void HoloTC_rise_CobaSorb_Greibe2018(double dose, double stores, double rise)
    {
        DoseEvent[] doses = [.. new[] { 0, 6, 12, 24, 30, 36 }.Select(h => new DoseEvent(TimeSpan.FromHours(h), Oral(dose)))];
        var model = At(doses, 2, stores: stores).HoloTranscobalaminPicomolesPerLiter - At([], 2, stores: stores).HoloTranscobalaminPicomolesPerLiter;
        Assert.InRange(model / rise, 1 / 1.5, 1.5);
    }

    /// <summary>
    /// Eight weeks of 3 µg/day by mouth in deficient adults (Greibe 2019): serum 128 → 168 pmol/L, holoTC 16 → 19 pmol/L,
    /// sampled 24 h after the last dose (an assumption). The baseline serum of 128 pmol/L is the model's with stores of
    /// 950 µg (serum in balance is proportional to stores); the rises within a factor 1.5 (medians of a small group),
    /// and the serum rise is more than the stores alone give (the carriers take part of each day's supply).
    /// </summary>
    [Fact]
    public void Eight_weeks_of_3_micrograms_a_day_Greibe2019()
    {
        DoseEvent[] daily = [.. Enumerable.Range(0, 56).Select(d => KineticsTestData.At(d, Oral(3)))];
        var baseline = At([], 56, stores: 950);
        var treated = At(daily, 56, stores: 950);
        var start = At([], 0.001, stores: 950);
        output.WriteLine($"serum {start.SerumPicomolesPerLiter:0} -> {treated.SerumPicomolesPerLiter:0} pmol/L, holoTC {start.HoloTranscobalaminPicomolesPerLiter:0} -> {treated.HoloTranscobalaminPicomolesPerLiter:0}");
        Assert.InRange(start.SerumPicomolesPerLiter / 128, 0.9, 1.1);
        Assert.InRange((treated.SerumPicomolesPerLiter - baseline.SerumPicomolesPerLiter) / (168 - 128), 1 / 1.5, 1.5);
        Assert.InRange((treated.HoloTranscobalaminPicomolesPerLiter - baseline.HoloTranscobalaminPicomolesPerLiter) / (19 - 16), 1 / 1.5, 1.5);
        // The stores alone (carriers in balance with the treated stores) would give less.
        var storesOnly = At([], 0.001, stores: treated.StoresMicrograms).SerumPicomolesPerLiter;
        Assert.True(treated.SerumPicomolesPerLiter > storesOnly, $"serum {treated.SerumPicomolesPerLiter}, from the stores alone {storesOnly}");
    }

    /// <summary>
    /// Treated pernicious anaemia is replete (BNF: hydroxocobalamin 1 mg IM three times a week for two weeks, then every
    /// three months): from depleted stores (300 µg, the smallest consistent with health, IOM 1998) and from average ones,
    /// every trough after the loading phase over two years keeps active B12 at or above NICE NG239's "deficiency likely"
    /// line (25 pmol/L) and serum at or above its 180 ng/L. Holotranscobalamin between injections is fed by the release of
    /// stores onto transcobalamin; without it (no IF, no absorption) it would fall to nothing within a day.
    /// </summary>
    [Theory]
    [InlineData(300)]
    [InlineData(2500)]
    public void Treated_pernicious_anaemia_keeps_active_B12_above_the_deficiency_line_BNF(double stores)
    {
        // Daily rows; a row at the instant of a dose is taken just before it, so every trough is among them.
        var settings = new SimulationSettings(TimeSpan.FromDays(730)) { ParameterSet = ParameterSet.PerniciousAnemia, InitialStores = Mass.FromMicrograms(stores) };
        var run = Simulator.Run(RegimenCatalogue.Get("bnf-no-neuro").Regimen, settings);
        var after = run.Series.Where(r => r.Day >= 14).ToArray();
        output.WriteLine($"from {stores} µg: lowest holoTC {after.Min(r => r.HoloTranscobalaminPicomolesPerLiter):0.0} pmol/L, serum {after.Min(r => r.SerumPicogramsPerMilliliter):0} pg/mL");
        Assert.All(after, r => Assert.True(r.HoloTranscobalaminPicomolesPerLiter >= 25 && r.SerumPicogramsPerMilliliter >= 180, r.ToString()));
        var withoutRelease = Simulator.Run(RegimenCatalogue.Get("bnf-no-neuro").Regimen, settings with { ParameterSet = ParameterSet.PerniciousAnemia with { TranscobalaminReleasePerDay = 0 } });
        Assert.True(withoutRelease.Series[^1].HoloTranscobalaminPicomolesPerLiter < 1e-6, withoutRelease.Series[^1].ToString());
    }

    /// <summary>
    /// Untreated pernicious anaemia (no IF, no intake): active B12 is the release of stores onto transcobalamin, so it
    /// stays above zero and falls in proportion to the stores (over four years, within 1 % of the stores' fall: the
    /// carriers follow the stores within hours), crossing NICE NG239's 25 pmol/L above 300 µg of stores (IOM 1998: the
    /// smallest store consistent with health), so that depleted stores read "deficiency likely".
    /// </summary>
    [Fact]
    public void Untreated_pernicious_anaemia_active_B12_follows_the_stores()
    {
        var run = Simulator.Run([], new SimulationSettings(TimeSpan.FromDays(1461)) { ParameterSet = ParameterSet.PerniciousAnemia, InitialStores = Mass.FromMicrograms(5000), Step = TimeSpan.FromDays(30) });
        var first = run.Series[0];
        foreach (var r in run.Series)
        {
            Assert.True(r.HoloTranscobalaminPicomolesPerLiter > 0, r.ToString());
            var relative = (r.HoloTranscobalaminPicomolesPerLiter / first.HoloTranscobalaminPicomolesPerLiter) / (r.StoresMicrograms / first.StoresMicrograms);
            Assert.InRange(relative, 0.99, 1.01);
        }

        var perMicrogram = first.HoloTranscobalaminPicomolesPerLiter / first.StoresMicrograms;
        output.WriteLine($"holoTC in untreated PA: {perMicrogram * 1000:0.00} pmol/L per mg of stores; 25 pmol/L at {25 / perMicrogram:0} µg");
        Assert.True(25 / perMicrogram > 300, $"25 pmol/L at {25 / perMicrogram} µg");
    }

    /// <summary>
    /// The RDA, 2.4 µg/day of food B12 (IOM 1998: enough for 97-98 % of healthy people), keeps a healthy adult out of
    /// NICE NG239's "deficiency likely" for total and active B12 at steady state (40 years from 2500 µg). The model does
    /// NOT reach NICE's "deficiency unlikely" (above 350 ng/L and 70 pmol/L) there: with the Doets 2013 absorption
    /// (about 0.97 µg/day from three meals) and the 0.13 %/day loss (Doets 2013) the stores settle near 750-800 µg
    /// (docs/model.md, 2.4).
    /// </summary>
    [Fact]
    public void The_RDA_keeps_a_healthy_adult_out_of_deficiency_IOM1998()
    {
        var days = 40 * 365;
        var run = Simulator.Run(RegimenCatalogue.Get("rda-diet").Regimen, new SimulationSettings(TimeSpan.FromDays(days)) { Step = TimeSpan.FromDays(365) });
        var end = run.Series[^1];
        output.WriteLine(end.ToString());
        Assert.InRange(run.Series[^2].StoresMicrograms / end.StoresMicrograms, 0.999, 1.001);
        Assert.InRange(end.SerumPicogramsPerMilliliter, 180, 350);
        Assert.InRange(end.HoloTranscobalaminPicomolesPerLiter, 25, 70);
    }

    /// <summary>
    /// A steady daily oral supply raises serum beyond what the stores alone give (section 6): after a year of 1000 µg a
    /// day by mouth, serum is higher than the carriers in balance with the same stores hold.
    /// </summary>
    [Fact]
    public void Daily_supply_raises_serum_beyond_the_stores()
    {
        var treated = At(KuzminskiOral(365), 365, ParameterSet.PerniciousAnemia);
        var storesOnly = At([], 0.001, ParameterSet.PerniciousAnemia, treated.StoresMicrograms);
        Assert.True(treated.SerumPicogramsPerMilliliter > 1.05 * storesOnly.SerumPicogramsPerMilliliter, $"{treated} vs {storesOnly}");
    }

    /// <summary>
    /// Daily loss of stores without intake (IOM 1998: 0.1-0.2 %/day; 0.2 %/day in PA, Boddy &amp; Adams 1972; Doets 2013:
    /// 0.13 %/day in health), read from the time course over a year (the carriers in balance): within 2 % of the
    /// stated rate (the carriers hold about 0.05 % of the body).
    /// </summary>
    [Theory]
    [InlineData(Condition.Healthy, 0.0013)]
    [InlineData(Condition.PerniciousAnemia, 0.002)]
    [InlineData(Condition.AtrophicGastritis, 0.0015)]
    public void Stores_fall_at_the_published_rate_IOM1998(Condition condition, double perDay)
    {
        var year = At([], 365, ParameterSet.For(condition));
        var rate = -Math.Log(year.StoresMicrograms / 2500) / 365;
        Assert.InRange(rate / perDay, 0.98, 1.02);
    }

    /// <summary>
    /// No store beyond the highest reported, 11.1 mg (IOM 1998 p.308): 2000 µg by mouth daily for 40 years (healthy and
    /// PA), 1 mg IM OHCbl every other day for a year, and every catalogue regimen over 40 years keep the stores at or
    /// below it; the excess goes to the labile pool and is lost.
    /// </summary>
    [Fact]
    public void Stores_never_exceed_the_highest_reported_IOM1998()
    {
        const double days = 40 * 365.25;
        var horizon = TimeSpan.FromDays(days);
        foreach (var p in new[] { ParameterSet.Healthy, ParameterSet.PerniciousAnemia })
        {
            var oral = Simulator.Run(KuzminskiOral((int)days), new SimulationSettings(horizon) { ParameterSet = p, Step = TimeSpan.FromDays(30) });
            output.WriteLine($"2000 µg oral daily, 40 years: {oral.Series[^1]}");
            Assert.All(oral.Series, r => Assert.True(r.StoresMicrograms <= 11100, r.ToString()));
            DoseEvent[] alternate = [.. Enumerable.Range(0, 183).Select(i => KineticsTestData.At(2 * i, Im(1000, CobalaminForm.Hydroxocobalamin)))];
            var loading = Simulator.Run(alternate, new SimulationSettings(TimeSpan.FromDays(366)) { ParameterSet = p });
            Assert.All(loading.Series, r => Assert.True(r.StoresMicrograms + r.HoloHaptocorrinMicrograms + r.HoloTranscobalaminMicrograms + r.ProteinBoundMicrograms <= 11100 * (1 + 1e-12), r.ToString()));
            foreach (var entry in RegimenCatalogue.All)
            {
                var run = Simulator.Run(entry.Regimen, new SimulationSettings(horizon) { ParameterSet = p, Step = TimeSpan.FromDays(30) });
                Assert.True(run.Series.Max(r => r.StoresMicrograms) <= 11100, entry.Name);
            }
        }
    }

    /// <summary>Every fitted point of the calibration is inside its stated band (<see cref="PublishedPoint.Band"/>, reasons in <see cref="PublishedData"/>).</summary>
    [Fact]
    public void Every_published_point_is_inside_its_band()
    {
        foreach (var point in PublishedData.All)
        {
            var ratio = point.Ratio();
            output.WriteLine($"{point.Id}: model {point.ModelValue():G4}, published {point.Value:G4}, ratio {ratio:0.00} (band {point.Band})");
            Assert.True(ratio >= 1 / point.Band && ratio <= point.Band, $"{point.Id}: ratio {ratio} outside [1/{point.Band}, {point.Band}]: {point.BandReason}");
            Assert.False(string.IsNullOrEmpty(point.BandReason), point.Id);
        }
    }
}
