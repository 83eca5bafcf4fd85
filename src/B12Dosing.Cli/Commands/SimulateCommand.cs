using System.CommandLine;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Charts;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Cli.Commands;

/// <summary>
/// <c>b12 simulate --regimen &lt;name or notation&gt; --days N [--condition c] [--initial-stores amount] [--step-hours h]
/// [--json | --csv] [--svg file] [--guideline id]</c>: the time course of stores and serum B12 under a regimen.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var regimen = CliOptions.Regimen();
        var days = new Option<double>("--days") { Required = true, HelpName = "N", Description = $"How many days to simulate: more than 0, at most {SimulationSettings.MaximumHorizon.TotalDays} (100 years).", CustomParser = CliNumbers.ParseDouble };
        var condition = CliOptions.Condition();
        var initial = new Option<string>("--initial-stores") { HelpName = "amount", Description = "Body stores at the start, quoted: default \"2500 µg\" (Carmel 2008).", DefaultValueFactory = _ => "2500 µg" };
        var stepHours = new Option<double>("--step-hours") { HelpName = "h", Description = "Hours between output rows (default 24).", DefaultValueFactory = _ => 24, CustomParser = CliNumbers.ParseDouble };
        var json = new Option<bool>("--json") { Description = "Print JSON: summary and series." };
        var csv = new Option<bool>("--csv") { Description = "Print the series as CSV with units in the header." };
        var svg = new Option<string?>("--svg") { HelpName = "file", Description = "Write an SVG chart of stores and serum with the guideline's bands to this file." };
        var guideline = new Option<string>("--guideline") { HelpName = "id", Description = $"The total serum B12 guideline for the chart's bands and the summary: {TotalSerumGuidelines} (default nice).", DefaultValueFactory = _ => "nice" };
        var command = new Command("simulate", "Simulate body stores and serum B12 over time under a regimen. Example: b12 simulate --regimen kuzminski-oral --days 120 --condition pernicious-anemia")
        {
            regimen, days, condition, initial, stepHours, json, csv, svg, guideline,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(json) && r.GetValue(csv))
            {
                r.AddError("--json and --csv cannot be used together.");
            }
        });
        command.SetAction(result =>
        {
            var horizonDays = result.GetValue(days);
            if (!(horizonDays > 0 && horizonDays <= SimulationSettings.MaximumHorizon.TotalDays))
            {
                throw new ArgumentOutOfRangeException(nameof(days), horizonDays, $"--days must be more than 0 and at most {SimulationSettings.MaximumHorizon.TotalDays} (100 years).");
            }

            var hours = result.GetValue(stepHours);
            if (!(hours >= 1.0 / 3600 && hours <= SimulationSettings.MaximumHorizon.TotalHours))
            {
                throw new ArgumentOutOfRangeException(nameof(stepHours), hours, $"--step-hours must be one second (0.0003 h) or more and at most {SimulationSettings.MaximumHorizon.TotalHours} (100 years).");
            }

            var chosen = TotalSerumGuideline(result.GetRequiredValue(guideline));
            var settings = new SimulationSettings(TimeSpan.FromDays(horizonDays))
            {
                Physiology = Physiology.For(Conditions.Parse(result.GetRequiredValue(condition))),
                InitialStores = QuantityText.ParseMass(result.GetRequiredValue(initial), CultureInfo.InvariantCulture),
                Step = TimeSpan.FromHours(hours),
            };
            var simulation = Simulator.Run(RegimenCatalogue.Resolve(result.GetRequiredValue(regimen)), settings);
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(svg) is { } file)
            {
                File.WriteAllText(file, Chart(simulation, chosen));
            }

            if (result.GetValue(json))
            {
                CliJson.Write(output, SimulationJson.Of(simulation));
            }
            else if (result.GetValue(csv))
            {
                Csv.Write(output, simulation.Series);
            }
            else
            {
                output.WriteLine(simulation.ToString());
                var final = simulation.Summary.FinalSerumPicogramsPerMilliliter;
                output.WriteLine($"{chosen.Name}: {chosen.Classify(MassConcentration.FromPicogramsPerMilliliter(final)).Label} at the end. Research and teaching only; not medical advice.");
            }

            return B12Cli.Success;
        });
        return command;
    }

    private static readonly CsvTable<SimulationRow> Csv = new([
        CsvColumn.Number<SimulationRow>("day", "d", r => r.Day),
        CsvColumn.Number<SimulationRow>("stores", "µg", r => r.StoresMicrograms),
        CsvColumn.Number<SimulationRow>("plasma", "µg", r => r.PlasmaMicrograms),
        CsvColumn.Number<SimulationRow>("serum", "pg/mL", r => r.SerumPicogramsPerMilliliter),
        CsvColumn.Number<SimulationRow>("serum molar", "pmol/L", r => r.SerumPicomolesPerLiter),
        CsvColumn.Number<SimulationRow>("cumulative urine", "µg", r => r.CumulativeUrineMicrograms),
        CsvColumn.Number<SimulationRow>("cumulative faeces", "µg", r => r.CumulativeFaecesMicrograms),
    ]);

    /// <summary>The guidelines for total serum B12, the quantity the simulation gives (not active B12, holotranscobalamin).</summary>
    private static readonly string TotalSerumGuidelines = string.Join(", ", SerumGuidelines.All.Where(g => g.Analyte == SerumAnalyte.TotalB12).Select(g => g.Id));

    /// <summary>The guideline with this id, if it classifies total serum B12.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No guideline has this id, or it classifies another analyte.</exception>
    private static SerumGuideline TotalSerumGuideline(string id)
    {
        var chosen = SerumGuidelines.Get(id);
        return chosen.Analyte == SerumAnalyte.TotalB12
            ? chosen
            : throw new ArgumentOutOfRangeException(nameof(id), id, $"--guideline {chosen.Id} is for active B12 (holotranscobalamin), which the simulation does not give; it gives total serum B12: use {TotalSerumGuidelines}.");
    }

    /// <summary>Two charts stacked in one SVG: serum with the guideline's bands, and stores with the serum model's low anchor, the smallest healthy store (300 µg, IOM 1998).</summary>
    private static string Chart(SimulationResult simulation, SerumGuideline guideline)
    {
        var time = new ChartAxis("Time (days)");
        var lowest = simulation.Settings.Serum.LowStoresMicrograms;
        var serum = new SvgChart(
            $"Serum B12 ({guideline.Name})",
            time,
            new ChartAxis("Serum B12 (pg/mL)", includeZero: true),
            [new ChartSeries("serum", simulation.Series.Select(r => new ChartPoint(r.Day, r.SerumPicogramsPerMilliliter)))])
            .WithBands(guideline.ChartBands(SerumUnit.PicogramsPerMilliliter));
        var stores = new SvgChart(
            "Body stores",
            time,
            new ChartAxis("Stores (µg)", includeZero: true),
            [new ChartSeries("stores", simulation.Series.Select(r => new ChartPoint(r.Day, r.StoresMicrograms)))])
            .WithBand(new ThresholdBand(string.Create(CultureInfo.InvariantCulture, $"below the smallest healthy store, {lowest} µg (IOM 1998)"), 0, lowest, BandTone.Caution));
        return new SvgFigure([serum, stores]).ToSvg();
    }

    /// <summary>The JSON contract of issue 4.</summary>
    private sealed record SimulationJson(SummaryJson Summary, IReadOnlyList<RowJson> Series)
    {
        public static SimulationJson Of(SimulationResult r)
        {
            var s = r.Summary;
            return new(
                new(s.TotalDoseMicrograms, s.TotalAbsorbedMicrograms, s.TotalRetainedMicrograms, s.TotalExcretedMicrograms, s.TotalUrineMicrograms, s.TotalFaecesMicrograms, s.NotAbsorbedMicrograms, s.FinalStoresMicrograms, s.FinalSerumPicogramsPerMilliliter, s.FinalSerumPicomolesPerLiter, s.MassBalanceErrorMicrograms),
                [.. r.Series.Select(x => new RowJson(x.Day, x.StoresMicrograms, x.PlasmaMicrograms, x.SerumPicogramsPerMilliliter, x.SerumPicomolesPerLiter, x.CumulativeUrineMicrograms, x.CumulativeFaecesMicrograms))]);
        }
    }

    private sealed record SummaryJson(double TotalDoseUg, double TotalAbsorbedUg, double TotalRetainedUg, double TotalExcretedUg, double TotalUrineUg, double TotalFaecesUg, double NotAbsorbedUg, double FinalStoresUg, double FinalSerumPgPerMl, double FinalSerumPmolPerL, double MassBalanceErrorUg);

    private sealed record RowJson(double Day, double StoresUg, double PlasmaUg, double SerumPgPerMl, double SerumPmolPerL, double CumulativeUrineUg, double CumulativeFaecesUg);
}
