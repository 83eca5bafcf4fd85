using System.CommandLine;
using B12Dosing.Regimens;

namespace B12Dosing.Cli.Commands;

/// <summary><c>b12 regimens [--json]</c>: lists the catalogue of published protocols.</summary>
internal static class RegimensCommand
{
    /// <summary>One protocol as <c>--json</c> prints it (snake_case names; scripts depend on them).</summary>
    internal sealed record Entry(string Name, string Description, string Source, string Notation, bool OpenEnded);

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of objects with name, description, source, notation and open_ended." };
        var command = new Command("regimens", "List the catalogue of published dosing protocols, with their notation and sources. Example: b12 regimens --json")
        {
            json,
        };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var entries = RegimenCatalogue.All.Select(p => new Entry(p.Name, p.Description, p.Source, p.Notation, p.Regimen.IsOpenEnded)).ToList();
            if (result.GetValue(json))
            {
                CliJson.Write(output, entries);
            }
            else
            {
                WriteTable(output, entries);
            }

            return B12Cli.Success;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<Entry> entries)
    {
        var width = entries.Max(e => e.Name.Length) + 2;
        output.WriteLine($"{"NAME".PadRight(width)}REGIMEN (notation: see docs/regimens.md)");
        foreach (var e in entries)
        {
            output.WriteLine($"{e.Name.PadRight(width)}{e.Notation}");
            output.WriteLine($"{new string(' ', width)}{e.Description}");
            output.WriteLine($"{new string(' ', width)}Source: {e.Source}");
        }
    }
}
