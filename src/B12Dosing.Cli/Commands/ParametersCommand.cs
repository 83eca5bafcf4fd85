using System.CommandLine;
using System.Globalization;
using B12Dosing.Parameters;

namespace B12Dosing.Cli.Commands;

/// <summary><c>b12 parameters [--condition c] [--set NAME=VALUE] [--json]</c>: the model's parameter block with the values of one set.</summary>
internal static class ParametersCommand
{
    /// <summary>One entry as <c>--json</c> prints it (snake_case names).</summary>
    internal sealed record Entry(string Name, string Symbol, double Value, string Unit, double Default, double Minimum, double Maximum, string Scale, string Origin, bool Constant, string Source);

    public static Command Create()
    {
        var condition = CliOptions.Condition();
        var set = CliOptions.Set();
        var model = CliOptions.Model();
        var json = new Option<bool>("--json") { Description = "Print a JSON array: name, symbol, value, unit, default, minimum, maximum, scale, origin, constant and source of every entry." };
        var command = new Command("parameters", "List the model's parameters (name, value, unit, bounds, origin, source) for a condition, with any --set changes applied. Example: b12 parameters --condition pernicious-anemia --set \"HoloTranscobalaminHalfLife=6 h\"")
        {
            condition, set, model, json,
        };
        command.SetAction(result =>
        {
            var parameters = CliOptions.Parameters(result, condition, set, model);
            var entries = ModelParameters.All.Select(p => new Entry(
                p.Name, p.Symbol, p.ValueIn(parameters), p.Unit, p.Default, p.Minimum, p.Maximum, p.Scale.ToString().ToLowerInvariant(), p.Origin.ToString().ToLowerInvariant(), p.IsConstant, p.Source)).ToList();
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                CliJson.Write(output, entries);
                return B12Cli.Success;
            }

            var width = entries.Max(e => e.Name.Length) + 2;
            output.WriteLine($"{"NAME".PadRight(width)}{"VALUE",12} {"UNIT",-7} {"BOUNDS",-22} ORIGIN");
            foreach (var e in entries)
            {
                var bounds = e.Constant ? "constant" : string.Create(CultureInfo.InvariantCulture, $"{e.Minimum:G4} to {e.Maximum:G4}");
                var origin = e.Name == ModelParameters.HaptocorrinReleasePerDay.Name && parameters.IsHaptocorrinReleasePinned ? "pinned" : e.Origin;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Name.PadRight(width)}{e.Value,12:G6} {(e.Unit == "1" ? string.Empty : e.Unit),-7} {bounds,-22} {origin}"));
            }

            return B12Cli.Success;
        });
        return command;
    }
}
