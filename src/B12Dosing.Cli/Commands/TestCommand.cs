using System.CommandLine;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using B12Dosing.AbsorptionTests;
using B12Dosing.Quantities;

namespace B12Dosing.Cli.Commands;

/// <summary>
/// <c>b12 test schilling [--condition c] [--with-intrinsic-factor] [--initial-stores amount] [--set NAME=VALUE] [--json]</c> and
/// <c>b12 test cobasorb [--condition c] [--dose amount] [--initial-stores amount] [--set NAME=VALUE] [--json]</c>: the virtual
/// absorption tests of <see cref="SchillingTest"/> and <see cref="CobaSorbTest"/>, for teaching. Both need model 3 (the
/// carriers' free capacity): when the condition's preset is model 2, the tool runs its model-3 form
/// (<see cref="ParameterSet.WithFreeCapacity"/>), applies every <c>--set</c> to that, and says so.
/// </summary>
internal static class TestCommand
{
    private const string Disclaimer = "A model of the test for research and teaching; not a diagnostic test and not medical advice.";

    public static Command Create() =>
        new("test", "Run a classic B12 absorption test on the model, for teaching: schilling (oral dose against an IM flush, 24-h urine) or cobasorb (holoTC before and after two days of small oral doses). Example: b12 test schilling --condition pernicious-anemia --with-intrinsic-factor")
        {
            Schilling(),
            CobaSorb(),
        };

    private static Command Schilling()
    {
        var common = new Common();
        var withIf = new Option<bool>("--with-intrinsic-factor") { Description = "Give intrinsic factor with the oral dose (the second stage): the IF capacity raised to the healthy one." };
        var command = new Command("schilling", "The Schilling test: 1 µg cyanocobalamin by mouth, 1000 µg IM at 2 h to flush, 24-h urine as a share of the oral dose (normal at least 8 %, low below 5 %). The oral dose's urine is the difference of two runs, with and without it. Example: b12 test schilling --condition pernicious-anemia --with-intrinsic-factor");
        common.AddTo(command);
        command.Options.Add(withIf);
        command.SetAction(result =>
        {
            var (condition, parameters, converted) = common.Parameters(result);
            var design = CliInput.Check("--initial-stores", () => SchillingTest.Standard with { InitialStores = common.Stores(result), WithIntrinsicFactor = result.GetValue(withIf) });
            var r = CliInput.Check("--set", () => design.Run(parameters));
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(common.Json))
            {
                CliJson.Write(output, new SchillingJson(
                    "schilling", condition.Name, design.WithIntrinsicFactor, design.OralDose.Micrograms, design.FlushDose.Micrograms, design.FlushTime.TotalHours, design.Collection.TotalHours, design.InitialStores.Micrograms,
                    r.UrineWithOralDose.Micrograms, r.UrineWithoutOralDose.Micrograms, r.OralDoseInUrine.Micrograms, r.ExcretedFraction, r.Reading.ToString().ToLowerInvariant(), SchillingTest.NormalAtLeast, SchillingTest.LowBelow,
                    "difference_of_two_runs", CarrierJson.Of(converted), CliOptions.ModelVersion, ParameterJson.Of(r.ParameterSet)));
                return B12Cli.Success;
            }

            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"Schilling test{(design.WithIntrinsicFactor ? " with intrinsic factor" : string.Empty)} (on the model), {condition.Name}: {r.ExcretedFraction:0.0%} of the oral dose in the 24-h urine: {r.Reading.ToString().ToLowerInvariant()} (normal at least {SchillingTest.NormalAtLeast:0%}, low below {SchillingTest.LowBelow:0%})."));
            output.WriteLine(string.Create(c, $"  design: {design.OralDose.Micrograms:0.###} µg cyanocobalamin by mouth at 0 h{(design.WithIntrinsicFactor ? " with intrinsic factor" : string.Empty)}, {design.FlushDose.Micrograms:0.###} µg IM at {design.FlushTime.TotalHours:0.##} h to flush, urine collected 0-{design.Collection.TotalHours:0.##} h; stores {design.InitialStores.Micrograms:0.#} µg."));
            output.WriteLine(string.Create(c, $"  method: the difference of two runs (the model tracks no label): urine {r.UrineWithOralDose.Micrograms:0.####} µg with the oral dose, {r.UrineWithoutOralDose.Micrograms:0.####} µg without it; the oral dose adds {r.OralDoseInUrine.Micrograms:0.####} µg."));
            output.WriteLine(CarrierLine(condition, converted));
            output.WriteLine(Disclaimer);
            return B12Cli.Success;
        });
        return command;
    }

    private static Command CobaSorb()
    {
        var common = new Common();
        var dose = new Option<string>("--dose") { HelpName = "amount", Description = "Each oral dose, quoted: default \"9 µg\" (Greibe 2018 also gave 1.5, 3 and 6 µg).", DefaultValueFactory = _ => "9 µg" };
        var command = new Command("cobasorb", "The CobaSorb test (Greibe 2018): holoTC before the first dose and the morning after (48 h) three oral doses of 9 µg cyanocobalamin a day, 6 h apart, on two days; the rise shows absorption. Example: b12 test cobasorb --condition pernicious-anemia");
        common.AddTo(command);
        command.Options.Add(dose);
        command.SetAction(result =>
        {
            var (condition, parameters, converted) = common.Parameters(result);
            var amount = Amount("--dose", result.GetRequiredValue(dose));
            var design = CliInput.Check(new CliInput.Options("--initial-stores", new() { [nameof(CobaSorbTest.Dose)] = "--dose" }), () => CobaSorbTest.Standard with { Dose = amount, InitialStores = common.Stores(result) });
            var r = CliInput.Check("--set", () => design.Run(parameters));
            var published = condition == Condition.Healthy
                ? PublishedData.OralCarriers.Where(p => p.Measure == PublishedMeasure.CobaSorbHoloTranscobalaminRise && p.Dose.Micrograms == amount.Micrograms).ToArray()
                : [];
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(common.Json))
            {
                CliJson.Write(output, new CobaSorbJson(
                    "cobasorb", condition.Name, design.Dose.Micrograms, [.. design.DoseTimes.Select(t => t.TotalHours)], design.SampleTime.TotalHours, design.InitialStores.Micrograms,
                    r.Before.PicomolesPerLiter, r.After.PicomolesPerLiter, r.Rise.PicomolesPerLiter, r.RelativeRise,
                    [.. published.Select(p => new PublishedRiseJson(p.Source, p.InitialStores.Micrograms, p.Value))],
                    CarrierJson.Of(converted), CliOptions.ModelVersion, ParameterJson.Of(r.ParameterSet)));
                return B12Cli.Success;
            }

            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"CobaSorb test (on the model), {condition.Name}: holoTC {r.Before.PicomolesPerLiter:0.0} pmol/L before the first dose, {r.After.PicomolesPerLiter:0.0} pmol/L at {design.SampleTime.TotalHours:0.##} h: rise {r.Rise.PicomolesPerLiter:0.0} pmol/L ({r.RelativeRise:+0%;-0%;0%})."));
            output.WriteLine(string.Create(c, $"  design: {design.Dose.Micrograms:0.###} µg cyanocobalamin by mouth at {string.Join(", ", design.DoseTimes.Select(t => t.TotalHours.ToString("0.##", c)))} h (three a day, 6 h apart, on two days); holoTC at 0 and {design.SampleTime.TotalHours:0.##} h, in one run; stores {design.InitialStores.Micrograms:0.#} µg."));
            foreach (var p in published)
            {
                output.WriteLine(string.Create(c, $"  published for comparison: {p.Source}, {p.Dose.Micrograms:0.###} µg doses, {(p.InitialStores.Micrograms < 2500 ? "low" : "normal")} status: {p.Value:0} pmol/L (model/published {r.Rise.PicomolesPerLiter / p.Value:0.00})."));
            }

            output.WriteLine(CarrierLine(condition, converted));
            output.WriteLine(Disclaimer);
            return B12Cli.Success;
        });
        return command;
    }

    /// <summary>An amount option's text read as a mass; text that is not one is a usage error naming the option.</summary>
    private static Mass Amount(string option, string text)
    {
        try
        {
            return QuantityText.ParseMass(text, CultureInfo.InvariantCulture);
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"{option}: {e.Message}", e);
        }
    }

    private static string CarrierLine(Effect condition, bool converted) => converted
        ? $"  carrier model: model 3 (the carriers' free capacity, absorption over hours), which the test needs; the {condition.Name} preset is model 2, so its model-3 form (ParameterSet.WithFreeCapacity) was used, with any --set applied to it."
        : "  carrier model: model 3 (the carriers' free capacity, absorption over hours), the preset's own.";

    /// <summary>The options both tests take.</summary>
    private sealed class Common
    {
        public Option<string> Condition { get; } = CliOptions.Condition();

        public Option<string> InitialStores { get; } = new("--initial-stores") { HelpName = "amount", Description = "Body stores at the start, quoted: default \"2500 µg\" (Carmel 2008).", DefaultValueFactory = _ => "2500 µg" };

        public Option<string[]> Set { get; } = CliOptions.Set();

        public Option<bool> Json { get; } = new("--json") { Description = "Print JSON: the design, the result, the carrier model, the model version and every parameter value used." };

        public void AddTo(Command command)
        {
            command.Options.Add(Condition);
            command.Options.Add(InitialStores);
            command.Options.Add(Set);
            command.Options.Add(Json);
        }

        public Mass Stores(ParseResult result) => Amount("--initial-stores", result.GetRequiredValue(InitialStores));

        /// <summary>The condition and its model-3 set with every <c>--set</c> applied, and whether the preset was model 2.</summary>
        public (Effect Condition, ParameterSet Parameters, bool Converted) Parameters(ParseResult result)
        {
            var condition = CliOptions.ParseCondition(result, Condition);
            var preset = ParameterSet.For(condition);
            var converted = preset.CarrierModel != PlasmaCarrierModel.FreeCapacity;
            var changes = CliOptions.Changes(result, Set);
            return (condition, CliInput.Check("--set", () => changes.Apply(converted ? preset.WithFreeCapacity() : preset)), converted);
        }
    }

    /// <summary>The carrier model a test ran on (JSON <c>carrier_model</c>).</summary>
    private sealed record CarrierJson(string Model, bool ModelThreeFormOfPreset)
    {
        public static CarrierJson Of(bool converted) => new("free_capacity", converted);
    }

    private sealed record SchillingJson(
        string Test,
        string Condition,
        bool WithIntrinsicFactor,
        double OralDoseUg,
        double FlushDoseUg,
        double FlushTimeH,
        double CollectionH,
        double InitialStoresUg,
        double UrineWithOralDoseUg,
        double UrineWithoutOralDoseUg,
        double OralDoseInUrineUg,
        double ExcretedFraction,
        string Reading,
        double NormalAtLeast,
        double LowBelow,
        string Method,
        CarrierJson CarrierModel,
        string ModelVersion,
        ParameterJson[] Parameters);

    private sealed record PublishedRiseJson(string Source, double InitialStoresUg, double RisePmolPerL);

    private sealed record CobaSorbJson(
        string Test,
        string Condition,
        double DoseUg,
        double[] DoseTimesH,
        double SampleTimeH,
        double InitialStoresUg,
        double HolotcBeforePmolPerL,
        double HolotcAfterPmolPerL,
        double RisePmolPerL,
        double RelativeRise,
        PublishedRiseJson[] Published,
        CarrierJson CarrierModel,
        string ModelVersion,
        ParameterJson[] Parameters);
}
