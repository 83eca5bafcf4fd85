using System.Xml.Linq;
using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Examples.Tests;

/// <summary>
/// docs/examples/serum-time-course.cs (model 3 throughout): serum and holoTC after one injection of each form (Blood 1961), on a daily oral
/// supply with and without intrinsic factor (Greibe 2019), and after the CobaSorb doses (Greibe 2018). Every printed
/// number is derived here from the library, by its own runs (one row at the sample time) or by the published point's
/// <see cref="PublishedPoint.ModelValue()"/>, not from the example's sample grid.
/// </summary>
public sealed class SerumTimeCourseTests
{
    private static readonly Mass Injection = Mass.FromMicrograms(1000);

    private static readonly ParameterSet Healthy = ParameterSet.Healthy.WithFreeCapacity();

    private static ExampleRun Run => ExampleRun.Of("serum-time-course");

    public static TheoryData<string> SerumMultiples() => [.. PublishedData.SerumMultiples.Where(p => p.Dose.Micrograms == 1000).Select(p => p.Id)];

    public static TheoryData<string> CobaSorbArms() => [.. PublishedData.OralCarriers.Where(p => p.Measure == PublishedMeasure.CobaSorbHoloTranscobalaminRise).Select(p => p.Id)];

    public static TheoryData<string, string, string> Supplies()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var supply in new[] { "diet 2.4 µg/day", "diet + 10 µg/day", "diet + 100 µg/day", "diet + 1000 µg/day" })
        {
            foreach (var person in new[] { "healthy", "no IF" })
            {
                data.Add(supply, person, supply == "diet 2.4 µg/day" ? "" : supply["diet + ".Length..].Replace("/day", " oral daily", StringComparison.Ordinal));
            }
        }

        return data;
    }

    /// <summary>One row at <paramref name="days"/> of a run from <paramref name="storesMicrograms"/>.</summary>
    private static SimulationRow At(IEnumerable<DoseEvent> events, double days, ParameterSet physiology, double storesMicrograms = 2500)
    {
        var horizon = TimeSpan.FromDays(days);
        return Simulator.Run(events, new SimulationSettings(horizon) { ParameterSet = physiology, InitialStores = Mass.FromMicrograms(storesMicrograms), Step = horizon }).Series[^1];
    }

    private static DoseEvent[] Injected(CobalaminForm form) => [new(TimeSpan.Zero, Dose.Intramuscular(Injection, form))];

    [Fact]
    public void Prints_serum_and_holotc_before_the_injection()
    {
        var start = Simulator.Run([], new SimulationSettings(TimeSpan.FromDays(1)) { ParameterSet = Healthy }).Series[0];
        var printed = Run.Row("Before it: ");
        Assert.Equal(2, printed.Length);
        ExampleRun.AssertRounded(start.Serum.PicogramsPerMilliliter, printed[0], 0, "serum before the injection");
        ExampleRun.AssertRounded(start.HoloTranscobalamin.PicomolesPerLiter, printed[1], 1, "holoTC before the injection");
    }

    [Theory]
    [MemberData(nameof(SerumMultiples))]
    public void Prints_the_serum_multiples_against_Blood1961(string id)
    {
        var point = PublishedData.SerumMultiples.Single(p => p.Id == id);
        var label = point.SampleTime.TotalDays < 7 ? $"serum {point.SampleTime.TotalDays * 24:F0} h" : $"serum day {point.SampleTime.TotalDays:F0}";
        var cyano = At(Injected(CobalaminForm.Cyanocobalamin), point.SampleTime.TotalDays, Healthy);
        var hydroxo = At(Injected(CobalaminForm.Hydroxocobalamin), point.SampleTime.TotalDays, Healthy);
        var printed = Run.Row(label + " ");
        (double Value, int Decimals, string What)[] expected =
        [
            (cyano.Serum.PicogramsPerMilliliter, 0, "CNCbl serum"),
            (hydroxo.Serum.PicogramsPerMilliliter, 0, "OHCbl serum"),
            (cyano.HoloTranscobalamin.PicomolesPerLiter, 1, "CNCbl holoTC"),
            (hydroxo.HoloTranscobalamin.PicomolesPerLiter, 1, "OHCbl holoTC"),
            (point.ModelValue(Healthy), 2, "model multiple"),
            (point.Value, 2, "published multiple"),
            (point.Ratio(Healthy), 2, "model/published"),
        ];
        AssertRow(expected, printed, label);
    }

    [Fact]
    public void Prints_serum_and_holotc_eight_weeks_after_the_injection()
    {
        var cyano = At(Injected(CobalaminForm.Cyanocobalamin), 56, Healthy);
        var hydroxo = At(Injected(CobalaminForm.Hydroxocobalamin), 56, Healthy);
        AssertRow(
            [
                (cyano.Serum.PicogramsPerMilliliter, 0, "CNCbl serum"), (hydroxo.Serum.PicogramsPerMilliliter, 0, "OHCbl serum"),
                (cyano.HoloTranscobalamin.PicomolesPerLiter, 1, "CNCbl holoTC"), (hydroxo.HoloTranscobalamin.PicomolesPerLiter, 1, "OHCbl holoTC"),
            ],
            Run.Row("serum day 56 "),
            "day 56");
    }

    [Theory]
    [MemberData(nameof(Supplies))]
    public void Prints_the_daily_supply_approaching_its_steady_state(string supply, string person, string tablet)
    {
        var physiology = person == "healthy" ? Healthy : ParameterSet.PerniciousAnemia.WithFreeCapacity();
        var diet = Regimen.Diet(Mass.FromMicrograms(2.4));
        var regimen = tablet.Length == 0 ? diet : diet.And(Regimen.Parse(tablet));
        var settings = new SimulationSettings(TimeSpan.FromDays(730))
        {
            ParameterSet = physiology,
            InitialStores = Mass.FromMicrograms(1000),
            SampleTimes = [TimeSpan.FromDays(56), TimeSpan.FromDays(364), TimeSpan.FromDays(730)],
        };
        var rows = Simulator.Run(regimen, settings).Series;
        var end = rows[2];
        var alone = Simulator.Run([], new SimulationSettings(TimeSpan.FromDays(1)) { ParameterSet = physiology, InitialStores = Mass.FromMicrograms(end.Stores.Micrograms) })
            .Series[0].Serum.PicogramsPerMilliliter;
        var line = Assert.Single(Run.Lines, l => l.StartsWith(supply + " ", StringComparison.Ordinal) && l[supply.Length..].TrimStart().StartsWith(person + " ", StringComparison.Ordinal));
        var printed = ExampleRun.Numbers(line[(line.IndexOf(person, supply.Length, StringComparison.Ordinal) + person.Length)..]);
        AssertRow(
            [
                (rows[0].Serum.PicogramsPerMilliliter, 0, "serum at week 8"),
                (rows[1].Serum.PicogramsPerMilliliter, 0, "serum at week 52"),
                (end.Serum.PicogramsPerMilliliter, 0, "serum at year 2"),
                (end.HoloTranscobalamin.PicomolesPerLiter, 1, "holoTC at year 2"),
                (end.Stores.Micrograms, 0, "stores at year 2"),
                (alone, 0, "serum from the stores alone"),
                (end.Serum.PicogramsPerMilliliter / alone, 2, "times the stores alone"),
            ],
            printed,
            $"{supply}, {person}");
    }

    [Fact]
    public void A_daily_tablet_keeps_serum_above_what_its_stores_alone_give()
    {
        // Section 6 of the shared reference: a steady daily supply raises serum beyond what the stores alone give.
        var line = Assert.Single(Run.Lines, l => l.StartsWith("diet + 1000 µg/day ", StringComparison.Ordinal) && l.Contains(" healthy ", StringComparison.Ordinal));
        Assert.True(ExampleRun.Numbers(line)[^1] > 1, line);
    }

    [Theory]
    [InlineData("serum (pmol/L), 3 µg/day", PublishedMeasure.DailySerumRise)]
    [InlineData("holoTC (pmol/L), 3 µg/day", PublishedMeasure.DailyHoloTranscobalaminRise)]
    public void Prints_the_eight_week_rises_against_Greibe2019(string label, PublishedMeasure measure)
    {
        var point = PublishedData.OralCarriers.Single(p => p.Source == PublishedData.Greibe2019 && p.Measure == measure);
        var physiology = ParameterSet.For(point.Condition).WithFreeCapacity();
        AssertRow([(point.ModelValue(physiology), 1, "model rise"), (point.Value, 1, "published rise"), (point.Ratio(physiology), 2, "model/published")], Run.Row(label + " "), label);
    }

    [Theory]
    [MemberData(nameof(CobaSorbArms))]
    public void Prints_the_holotc_rises_against_Greibe2018(string id)
    {
        var point = PublishedData.OralCarriers.Single(p => p.Id == id);
        var physiology = ParameterSet.For(point.Condition).WithFreeCapacity();
        var dose = Dose.Oral(Mass.FromMicrograms(point.Dose.Micrograms));
        DoseEvent[] doses = [.. new[] { 0, 6, 12, 24, 30, 36 }.Select(h => new DoseEvent(TimeSpan.FromHours(h), dose))];
        var before = Simulator.Run([], new SimulationSettings(TimeSpan.FromDays(1)) { ParameterSet = physiology, InitialStores = Mass.FromMicrograms(point.InitialStores.Micrograms) }).Series[0];
        var at48 = At(doses, 2, physiology, point.InitialStores.Micrograms);
        AssertRow(
            [
                (before.HoloTranscobalamin.PicomolesPerLiter, 1, "holoTC before"),
                (at48.HoloTranscobalamin.PicomolesPerLiter, 1, "holoTC at 48 h"),
                (point.ModelValue(physiology), 1, "rise"),
                (point.Value, 0, "published rise"),
                (point.Ratio(physiology), 2, "model/published"),
            ],
            Run.Row($"{point.Dose.Micrograms} µg x6 "),
            id);
    }

    [Fact]
    public void Says_it_is_not_medical_advice() =>
        Assert.Contains(Run.Lines, l => l.Contains("not medical advice", StringComparison.Ordinal));

    [Fact]
    public void Draws_five_panels_with_log_serum_axes_and_the_published_points()
    {
        var svg = Run.AssertRanAndDrewChart();
        XNamespace ns = "http://www.w3.org/2000/svg";
        var panels = svg.Elements(ns + "svg").ToArray();
        Assert.Equal(5, panels.Length);
        // (a) 2 + 2 curves, (b) 8 + 8, (c) 4; the published points as markers: 4 of Blood 1961, 4 of Greibe 2018.
        Assert.Equal([2, 2, 8, 8, 4], panels.Select(p => p.Descendants(ns + "polyline").Count()));
        Assert.Equal(4, panels[0].Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "series").Last().Elements(ns + "circle").Count());
        Assert.Equal(4, panels[4].Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "series").Last().Elements(ns + "circle").Count());
        var descriptions = panels.Select(p => (string?)p.Element(ns + "desc") ?? "").ToArray();
        Assert.All(descriptions[..4], d => Assert.Contains("(log scale)", d, StringComparison.Ordinal));
    }

    private static void AssertRow((double Value, int Decimals, string What)[] expected, double[] printed, string row)
    {
        Assert.True(expected.Length == printed.Length, $"{row}: {printed.Length} numbers printed, {expected.Length} expected");
        for (var i = 0; i < expected.Length; i++)
        {
            ExampleRun.AssertRounded(expected[i].Value, printed[i], expected[i].Decimals, $"{row}, {expected[i].What}");
        }
    }
}
