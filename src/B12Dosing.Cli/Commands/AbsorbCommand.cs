using System.CommandLine;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Cli.Commands;

/// <summary>
/// <c>b12 absorb --dose "1000 µg" --route oral [--form f] [--condition c] [--set NAME=VALUE] [--json]</c>: how much of one dose reaches the
/// circulation and how much the body keeps.
/// </summary>
internal static class AbsorbCommand
{
    public static Command Create()
    {
        var options = new DoseOptions(withRoute: true);
        var command = new Command("absorb", "How much of one dose reaches the circulation (absorbed) and how much the body keeps after the early urinary loss (retained, 72 h). Example: b12 absorb --dose \"1000 µg\" --route oral --condition pernicious-anemia --set \"PassiveFraction=1.5 %\"");
        options.AddTo(command);
        command.SetAction(result =>
        {
            var (amount, form, condition, parameters) = options.Read(result);
            var route = Routes.Parse(result.GetRequiredValue(options.Route!));
            var absorbed = AbsorptionResult.Of(amount, route, form, condition, parameters);
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(options.Json))
            {
                CliJson.Write(output, absorbed);
            }
            else
            {
                output.WriteLine(absorbed.ToText());
            }

            return B12Cli.Success;
        });
        return command;
    }
}

/// <summary>The options shared by <c>absorb</c> and <c>compare</c>.</summary>
internal sealed class DoseOptions
{
    public DoseOptions(bool withRoute)
    {
        Route = withRoute
            ? new Option<string>("--route") { Required = true, HelpName = "route", Description = "oral, sublingual, intranasal, im, sc or iv." }
            : null;
    }

    public Option<string> Dose { get; } = new("--dose") { Required = true, HelpName = "amount", Description = "The dose, quoted: \"1000 µg\", \"1 mg\", \"500 mcg\"." };

    public Option<string>? Route { get; }

    public Option<string> Form { get; } = new("--form") { HelpName = "form", Description = "cyanocobalamin (default), hydroxocobalamin, methylcobalamin or adenosylcobalamin.", DefaultValueFactory = _ => "cyanocobalamin" };

    public Option<string> Condition { get; } = CliOptions.Condition();

    public Option<string[]> Set { get; } = CliOptions.Set();

    public Option<string> Model { get; } = CliOptions.Model();

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON instead of text." };

    public void AddTo(Command command)
    {
        command.Options.Add(Dose);
        if (Route is not null)
        {
            command.Options.Add(Route);
        }

        command.Options.Add(Form);
        command.Options.Add(Condition);
        command.Options.Add(Set);
        command.Options.Add(Model);
        command.Options.Add(Json);
    }

    public (Mass Amount, CobalaminForm Form, Effect Condition, ParameterSet Parameters) Read(ParseResult result) => (
        QuantityText.ParseMass(result.GetRequiredValue(Dose), CultureInfo.InvariantCulture),
        CobalaminForms.Parse(result.GetRequiredValue(Form)),
        CliOptions.ParseCondition(result, Condition),
        CliOptions.Parameters(result, Condition, Set, Model));
}

/// <summary>One dose's outcome as the tool prints it (the JSON contract of issue 3).</summary>
/// <remarks>
/// Where the retained part goes first: <c>carriers_ug</c> (onto transcobalamin, onto haptocorrin and, for
/// hydroxocobalamin, bound to plasma proteins; split in the three fields after it) and <c>stores_ug</c> (taken up by
/// tissue); <c>urine_ug</c> is the early urinary loss (absorbed − retained); <c>parameters</c> is every parameter value used (name, value, unit).
/// </remarks>
internal sealed record AbsorptionResult(
    double DoseUg,
    string Route,
    string Form,
    string Condition,
    double AbsorbedUg,
    double RetainedUg,
    double FractionRetained,
    double CarriersUg,
    double TranscobalaminUg,
    double HaptocorrinUg,
    double ProteinBoundUg,
    double StoresUg,
    double UrineUg,
    ParameterJson[] Parameters)
{
    public static AbsorptionResult Of(Mass amount, Route route, CobalaminForm form, Effect condition, ParameterSet parameters)
    {
        var o = AbsorptionModel.Evaluate(CliInput.Check("--dose", () => Dosing.Dose.Create(amount, route, form)), parameters);
        return new(o.Dose.Micrograms, route.ShortName(), form.Name(), condition.Name, o.Absorbed.Micrograms, o.Retained.Micrograms, o.FractionRetained, o.Carriers.Micrograms, o.Transcobalamin.Micrograms, o.Haptocorrin.Micrograms, o.ProteinBound.Micrograms, o.Tissue.Micrograms, o.UrinaryLoss.Micrograms, ParameterJson.Of(parameters));
    }

    public string ToText() => string.Create(
        CultureInfo.InvariantCulture,
        $"{DoseUg:0.###} µg {Form} {Route}, {Condition}: absorbed {AbsorbedUg:0.###} µg ({AbsorbedUg / DoseUg:0.##%}), retained {RetainedUg:0.###} µg ({FractionRetained:0.##%}) after the early urinary loss (72 h): {CarriersUg:0.###} µg onto the plasma carriers (holoTC {TranscobalaminUg:0.###}, holoHC {HaptocorrinUg:0.###}, protein-bound {ProteinBoundUg:0.###}), {StoresUg:0.###} µg into the stores; urine {UrineUg:0.###} µg.");
}
