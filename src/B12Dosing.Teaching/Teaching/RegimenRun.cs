using B12Dosing.Absorption;
using B12Dosing.Charts;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Regimens;

namespace B12Dosing.Teaching.Teaching;

/// <summary>What every regimen on a page shares: the person, the starting stores, how long, and the guideline.</summary>
/// <param name="Condition">The condition (its <see cref="ParameterSet"/> under model 3, <see cref="TeachingModel.Of"/>).</param>
/// <param name="InitialStoresMicrograms">Body stores at the start, in µg.</param>
/// <param name="Horizon">How long to simulate.</param>
/// <param name="Guideline">The guideline whose bands the serum (or holoTC) chart shows and the verdict uses.</param>
public sealed record RunSetup(Condition Condition, double InitialStoresMicrograms, TimeSpan Horizon, SerumGuideline Guideline)
{
    /// <summary>The library's settings, model 3: a row a day up to a year, fewer rows beyond (at most about 400 per curve).</summary>
    public SimulationSettings Settings => new(Horizon)
    {
        ParameterSet = TeachingModel.Of(Condition),
        InitialStores = Mass.FromMicrograms(InitialStoresMicrograms),
        Step = TimeSpan.FromDays(Math.Max(1, Math.Ceiling(Horizon.TotalDays / 400))),
    };

    /// <summary>The horizons offered, from weeks to years.</summary>
    public static IReadOnlyList<(string Label, TimeSpan Horizon)> Horizons { get; } =
    [
        ("4 weeks", TimeSpan.FromDays(28)),
        ("12 weeks", TimeSpan.FromDays(84)),
        ("6 months", TimeSpan.FromDays(182)),
        ("1 year", TimeSpan.FromDays(365)),
        ("2 years", TimeSpan.FromDays(730)),
        ("5 years", TimeSpan.FromDays(1826)),
    ];
}

/// <summary>One regimen simulated by the library, with its verdict at the end against the setup's guideline.</summary>
/// <param name="Label">The regimen's name on the page ("A", "B", or "every dose").</param>
/// <param name="Regimen">The regimen.</param>
/// <param name="Setup">The shared setup.</param>
/// <param name="Result">The library's result.</param>
public sealed record RegimenRun(string Label, Regimen Regimen, RunSetup Setup, SimulationResult Result)
{
    /// <summary>The doses given within the horizon.</summary>
    public int Doses => Regimen.Events(Setup.Horizon).Length;

    /// <summary>The guideline's band at the end of the horizon (serum for total B12, holoTC for active B12).</summary>
    public SerumBand FinalBand => Setup.Guideline.Analyte == SerumAnalyte.ActiveB12
        ? Setup.Guideline.Classify(Result.Summary.FinalHoloTranscobalamin)
        : Setup.Guideline.Classify(Result.Summary.FinalSerum);

    /// <summary>Simulates <paramref name="regimen"/> with the library.</summary>
    public static RegimenRun Simulate(string label, Regimen regimen, RunSetup setup) =>
        new(label, regimen, setup, Simulator.Run(regimen, setup.Settings));

    /// <summary>Serum, holoTC and stores over time for every run, one chart each, against the guideline's bands.</summary>
    public static SvgFigure Figure(IReadOnlyList<RegimenRun> runs, RunSetup setup)
    {
        var months = setup.Horizon.TotalDays > 120;
        var scale = months ? 365.0 / 12 : 7;
        var time = new ChartAxis(months ? "Time (months)" : "Time (weeks)");
        ChartSeries[] Curves(Func<SimulationRow, double> value) =>
            [.. runs.Select(run => new ChartSeries(run.Label, run.Result.Series.Select(row => new ChartPoint(row.Time.TotalDays / scale, value(row)))))];
        var active = setup.Guideline.Analyte == SerumAnalyte.ActiveB12;
        var serum = new SvgChart("Serum B12 (total)", time, new ChartAxis("Serum B12 (pg/mL)", AxisScale.Log10), Curves(row => row.Serum.PicogramsPerMilliliter));
        var holo = new SvgChart("HoloTC (active B12)", time, new ChartAxis("HoloTC (pmol/L)", AxisScale.Log10), Curves(row => row.HoloTranscobalamin.PicomolesPerLiter));
        var stores = new SvgChart("Body stores", time, new ChartAxis("Stores (µg)", includeZero: true), Curves(row => row.Stores.Micrograms));
        var bands = setup.Guideline.ChartBands(active ? SerumUnit.PicomolesPerLiter : SerumUnit.PicogramsPerMilliliter);
        return new SvgFigure(active ? [serum, holo.WithBands(bands), stores] : [serum.WithBands(bands), holo, stores]);
    }
}
