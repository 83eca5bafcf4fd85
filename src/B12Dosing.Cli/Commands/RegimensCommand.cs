using System.CommandLine;
using B12Dosing.Dosing;
using B12Dosing.EventTables;
using B12Dosing.Regimens;

namespace B12Dosing.Cli.Commands;

/// <summary><c>b12 regimens [--json]</c>: lists the catalogue of published protocols; <c>--export NAME --events [--days N]</c> writes one as a NONMEM-style event table.</summary>
internal static class RegimensCommand
{
    /// <summary>One protocol as <c>--json</c> prints it (snake_case names; scripts depend on them).</summary>
    internal sealed record Entry(string Name, string Description, string Source, string Notation, bool OpenEnded);

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of objects with name, description, source, notation and open_ended." };
        var export = new Option<string?>("--export") { HelpName = "name|notation", Description = "Write this regimen (a catalogue name or the notation) instead of the list; with --events as a NONMEM-style event table (CSV)." };
        var events = new Option<bool>("--events") { Description = "With --export: write a NONMEM-style event table (ID, TIME h, EVID, AMT µg, CMT, ROUTE, FORM, II, ADDL, SS, MDV; docs/event-tables.md)." };
        var days = new Option<double?>("--days") { HelpName = "N", Description = "With --export: the doses before this day (required for an open-ended regimen).", CustomParser = r => CliNumbers.ParseDouble(r) };
        var command = new Command("regimens", "List the catalogue of published dosing protocols, with their notation and sources. Example: b12 regimens --json")
        {
            json, export, events, days,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetResult(export) is null) != (r.GetResult(events) is null))
            {
                r.AddError("--export and --events go together: b12 regimens --export NAME --events.");
            }
        });
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(export) is { } name)
            {
                Export(output, CliOptions.ResolveRegimen(name, "--export"), result.GetValue(days));
                return B12Cli.Success;
            }

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

    /// <summary>The doses before <paramref name="days"/> (all of them for a regimen that ends) as an event table.</summary>
    private static void Export(TextWriter output, Regimen regimen, double? days)
    {
        if (days is not { } d && regimen.IsOpenEnded)
        {
            throw new ArgumentException("This regimen is open-ended (maintenance without end): give --days to say how far to export it.", nameof(days));
        }

        if (days is { } x && !(x > 0 && x <= Regimen.MaximumHorizon.TotalDays))
        {
            throw new ArgumentOutOfRangeException(nameof(days), x, $"--days must be more than 0 and at most {Regimen.MaximumHorizon.TotalDays}.");
        }

        // The doses before the day (the regimen's events up to one tick before it), read one at a time: memory does not
        // grow with the number of events.
        var horizon = days is { } h ? TimeSpan.FromDays(h) - TimeSpan.FromTicks(1) : Regimen.MaximumHorizon;
        var table = horizon < TimeSpan.Zero
            ? EventTable.FromEvents([])
            : CliInput.Check("--export", () => EventTable.FromRegimen(regimen, horizon));
        table.Write(output);
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
