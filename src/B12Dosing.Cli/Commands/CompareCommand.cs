using System.CommandLine;
using System.Globalization;
using B12Dosing.Dosing;

namespace B12Dosing.Cli.Commands;

/// <summary><c>b12 compare --dose "1000 µg" [--condition c] [--form f] [--set NAME=VALUE] [--json]</c>: the same dose by every route.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var options = new DoseOptions(withRoute: false);
        var command = new Command("compare", "The same dose by every route, absorbed and retained: the teaching view of oral against injected. Example: b12 compare --dose \"1 mg\" --condition pernicious-anemia");
        options.AddTo(command);
        command.SetAction(result =>
        {
            var (amount, form, condition, parameters) = options.Read(result);
            var rows = Routes.All.Select(route => AbsorptionResult.Of(amount, route, form, condition, parameters)).ToArray();
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(options.Json))
            {
                CliJson.Write(output, rows);
                return B12Cli.Success;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows[0].DoseUg:0.###} µg {rows[0].Form}, {rows[0].Condition}"));
            output.WriteLine($"{"route",-11}{"absorbed µg",13}{"retained µg",13}{"retained",10}");
            foreach (var r in rows)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Route,-11}{r.AbsorbedUg,13:0.###}{r.RetainedUg,13:0.###}{r.FractionRetained,10:0.##%}"));
            }

            return B12Cli.Success;
        });
        return command;
    }
}
