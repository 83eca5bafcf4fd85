using DocsSection = B12Dosing.Tests.Shared.DocsSection;

namespace B12Dosing.Cli.Tests.Hardening;

/// <summary>
/// One bad command line for the <c>b12</c> tool: it must exit with code 2, print nothing on standard output and
/// exactly one line <c>b12: …</c> on standard error (no stack trace) that contains <see cref="Fragment"/>.
/// </summary>
/// <param name="Command">The command the case exercises (<c>b12</c> for the root).</param>
/// <param name="Args">The arguments.</param>
/// <param name="Fragment">Text the error line must contain: the bad value, or the option or rule it breaks.</param>
internal sealed record ToolBadInput(string Command, string[] Args, string Fragment)
{
    /// <summary>The command line as a user would type it (each argument quoted when needed).</summary>
    public string Line => "b12 " + string.Join(' ', Args.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) || a.Contains('"', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}

/// <summary>The catalogue of bad command lines (issue 7): data, one row per case; <c>docs/reliability.md</c> lists them.</summary>
internal static class ToolBadInputCatalogue
{
    public static IReadOnlyList<ToolBadInput> All { get; } =
    [
        new("b12", [], "Required command was not provided"),
        new("b12", [""], "Unrecognized command or argument ''"),
        new("b12", ["frobnicate"], "frobnicate"),
        new("b12", ["--bogus"], "--bogus"),
        new("b12", ["Convert", "1 mg", "--to", "µg"], "Convert"),
        new("b12", ["simulte", "--regimen", "none", "--days", "1"], "Did you mean 'simulate'?"),
        new("simulate", ["simulate", "--regimen", "none", "--dyas", "1"], "Did you mean '--days'?"),
        new("simulate", ["simulate", "--regimen", "kuzminski-oral", "--days", "10", "--svg", "--json"], "--svg needs a file name, not '--json'"),
        new("simulate", ["simulate", "--regimen", "1", "mg", "im", "daily", "--days", "10"], "--regimen \"1 mg im daily\""),
        new("simulate", ["simulate", "--regimen", "bnf-neuor", "--days", "10"], "Did you mean 'bnf-neuro'?"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "10", "--svg", "/no/such/folder/chart.svg"], "the folder '/no/such/folder' does not exist"),

        new("convert", ["convert"], "--to"),
        new("convert", ["convert", "1 mg"], "--to"),
        new("convert", ["convert", "1 mg", "--to"], "--to"),
        new("convert", ["convert", "NaN mg", "--to", "µg"], "NaN mg"),
        new("convert", ["convert", "Infinity mg", "--to", "µg"], "Infinity mg"),
        new("convert", ["convert", "1e400 mg", "--to", "µg"], "1e400 mg"),
        new("convert", ["convert", "1e308 g", "--to", "ng"], "1e308 g"),
        new("convert", ["convert", "-5 mg", "--to", "µg"], "-5 mg"),
        new("convert", ["convert", "1,000 mcg", "--to", "mg"], "ambiguous comma"),
        new("convert", ["convert", "1,5 mg", "--to", "µg"], "ambiguous comma"),
        new("convert", ["convert", "5000 IU", "--to", "µg"], "international unit"),
        new("convert", ["convert", "5000 iu", "--to", "µg"], "international unit"),
        new("convert", ["convert", "5000 international units", "--to", "µg"], "international unit"),
        new("convert", ["convert", "1000 mcg", "--to", "IU"], "international unit"),
        new("convert", ["convert", "", "--to", "µg"], "empty"),
        new("convert", ["convert", "   ", "--to", "µg"], "empty"),
        new("convert", ["convert", "1 mg", "--to", "pg/mL"], "pg/mL"),
        new("convert", ["convert", "1 mg", "--to", "furlong"], "furlong"),
        new("convert", ["convert", "1 mg", "--to", "pmol"], "form"),
        new("convert", ["convert", "1 mg", "--to", "pmol", "--form", "folate"], "folate"),
        new("convert", ["convert", "1 mg", "--to", "µg", "--digits"], "--digits"),
        new("convert", ["convert", "1 mg", "--to", "µg", "--digits", "abc"], "abc"),
        new("convert", ["convert", "1 mg", "--to", "µg", "--digits", "0"], "significant digits"),
        new("convert", ["convert", "1 mg", "--to", "µg", "--digits", "99999999999"], "99999999999"),
        new("convert", ["convert", "1 mg", "2 mg", "--to", "µg"], "2 mg"),

        new("absorb", ["absorb"], "--dose"),
        new("absorb", ["absorb", "--dose"], "--dose"),
        new("absorb", ["absorb", "--dose", "1000 µg"], "--route"),
        new("absorb", ["absorb", "--dose", "1000 µg", "--route"], "--route"),
        new("absorb", ["absorb", "--dose", "0 µg", "--route", "oral"], "more than zero"),
        new("absorb", ["absorb", "--dose", "6 g", "--route", "oral"], "at most 5 g"),
        new("absorb", ["absorb", "--dose", "5000 IU", "--route", "oral"], "international unit"),
        new("absorb", ["absorb", "--dose", "1,000 mcg", "--route", "oral"], "ambiguous comma"),
        new("absorb", ["absorb", "--dose", "NaN µg", "--route", "oral"], "NaN µg"),
        new("absorb", ["absorb", "--dose", "1000 pg/mL", "--route", "oral"], "pg/mL"),
        new("absorb", ["absorb", "--dose", "1000 µg", "--route", "rectal"], "rectal"),
        new("absorb", ["absorb", "--dose", "1000 µg", "--route", ""], "route"),
        new("absorb", ["absorb", "--dose", "1000 µg", "--route", "oral", "--form", "folate"], "folate"),
        new("absorb", ["absorb", "--dose", "1000 µg", "--route", "oral", "--condition", "scurvy"], "scurvy"),
        new("absorb", ["absorb", "--dose", "1000 µg", "--route", "oral", "--condition"], "--condition"),
        new("absorb", ["absorb", "--dose", "1000 µg", "--route", "oral", "--bogus"], "--bogus"),
        new("absorb", ["absorb", "--dose", "1000 µg", "--route", "oral", "--json", "maybe"], "maybe"),

        new("compare", ["compare"], "--dose"),
        new("compare", ["compare", "--dose", "   "], "empty"),
        new("compare", ["compare", "--dose", "1e400 mg"], "1e400 mg"),
        new("compare", ["compare", "--dose", "-1 mg"], "-1 mg"),
        new("compare", ["compare", "--dose", "1 mg", "--dose", "2 mg"], "--dose"),
        new("compare", ["compare", "--dose", "1 mg", "--route", "oral"], "--route"),
        new("compare", ["compare", "--dose", "1 mg", "--condition", "pernicious"], "pernicious"),
        new("compare", ["compare", "--dose", "1 mg", "extra"], "extra"),

        new("regimens", ["regimens", "extra"], "extra"),
        new("regimens", ["regimens", "--json", "--bogus"], "--bogus"),

        new("simulate", ["simulate"], "--regimen"),
        new("simulate", ["simulate", "--regimen", "none"], "--days"),
        new("simulate", ["simulate", "--regimen", "--days", "30"], "'30'"),
        new("simulate", ["simulate", "--regimen", "bnf", "--days", "30"], "bnf-neuro"),
        new("simulate", ["simulate", "--regimen", "", "--days", "30"], "notation"),
        new("simulate", ["simulate", "--regimen", "1 mg im q0d", "--days", "30"], "q0d"),
        new("simulate", ["simulate", "--regimen", "1 mg im daily then 1 mg im weekly", "--days", "30"], "never ends"),
        new("simulate", ["simulate", "--regimen", "5000 IU oral daily", "--days", "30"], "international unit"),
        new("simulate", ["simulate", "--regimen", "1,000 mcg oral daily", "--days", "30"], "comma in a number is ambiguous"),
        new("simulate", ["simulate", "--regimen", "6 g iv once", "--days", "30"], "at most 5 g"),
        new("simulate", ["simulate", "--regimen", "1 mg im daily x0", "--days", "30"], "x0"),
        new("simulate", ["simulate", "--regimen", "1 mg im q1s", "--days", "36500"], "events"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "36526"], "100 years"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "0"], "--days"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "-5"], "--days"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "NaN"], "--days"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "1e400"], "--days"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "abc"], "abc"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "1,5"], "1,5"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "30", "--step-hours", "0"], "--step-hours"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "30", "--step-hours", "NaN"], "--step-hours"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "30", "--step-hours", "1e300"], "step"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "36525", "--step-hours", "0.001"], "rows"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "30", "--initial-stores", "5000 IU"], "international unit"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "30", "--initial-stores", "2 g"], "at most 1 g"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "30", "--initial-stores", "-1 µg"], "-1 µg"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "30", "--condition", "scurvy"], "scurvy"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "30", "--guideline", "foo"], "foo"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "30", "--json", "--csv"], "--csv"),
        new("simulate", ["simulate", "--regimen", "none", "--days", "30", "--svg", "/nonexistent-dir/b12/chart.svg"], "nonexistent-dir"),

        new("population", ["population"], "--regimen"),
        new("population", ["population", "--regimen", "none"], "--days"),
        new("population", ["population", "--regimen", "none", "--days", "10"], "--patients"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5"], "--seed"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "--seed", "1"], "'--seed'"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed"], "--seed"),
        new("population", ["population", "--regimen", "none", "--days", "--patients", "5", "--seed", "1"], "'--patients'"),
        new("population", ["population", "--regimen", "--days", "10", "--patients", "5", "--seed", "1"], "'10'"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "0", "--seed", "1"], "--patients must be 1 or more"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "-1", "--seed", "1"], "--patients must be 1 or more"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "-2147483648", "--seed", "1"], "--patients must be 1 or more"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "1,000", "--seed", "1"], "1,000"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "1.000", "--seed", "1"], "1.000"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "1e3", "--seed", "1"], "1e3"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "1 000", "--seed", "1"], "1 000"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "2147483648", "--seed", "1"], "2147483648"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "99999999999999999999", "--seed", "1"], "99999999999999999999"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "NaN", "--seed", "1"], "NaN"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "", "--seed", "1"], "--patients"),
        new("population", ["population", "--regimen", "none", "--days", "0", "--patients", "5", "--seed", "1"], "--days must be 1 or more"),
        new("population", ["population", "--regimen", "none", "--days", "-5", "--patients", "5", "--seed", "1"], "--days must be 1 or more"),
        new("population", ["population", "--regimen", "none", "--days", "1.5", "--patients", "5", "--seed", "1"], "1.5"),
        new("population", ["population", "--regimen", "none", "--days", "1,5", "--patients", "5", "--seed", "1"], "1,5"),
        new("population", ["population", "--regimen", "none", "--days", "36526", "--patients", "5", "--seed", "1"], "100 years"),
        new("population", ["population", "--regimen", "none", "--days", "99999999999", "--patients", "5", "--seed", "1"], "99999999999"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "-1"], "-1"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "18446744073709551616"], "18446744073709551616"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1,5"], "1,5"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "0x10"], "0x10"),
        new("population", ["population", "--regimen", "bnf", "--days", "10", "--patients", "5", "--seed", "1"], "bnf-no-neuro"),
        new("population", ["population", "--regimen", "", "--days", "10", "--patients", "5", "--seed", "1"], "notation"),
        new("population", ["population", "--regimen", "5000 IU oral daily", "--days", "10", "--patients", "5", "--seed", "1"], "international unit"),
        new("population", ["population", "--regimen", "1 mg im daily then 1 mg im weekly", "--days", "10", "--patients", "5", "--seed", "1"], "never ends"),
        new("population", ["population", "--regimen", "1 mg im q1s", "--days", "36500", "--patients", "5", "--seed", "1"], "events"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--condition", "scurvy"], "scurvy"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--condition", "foo=1"], "'foo'"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--condition", "pa=-1"], "pa=-1"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--condition", "pa=0"], "pa=0"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--condition", "pa=NaN"], "pa=NaN"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--condition", "pa=0,5"], "pa=0,5"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--condition", "pa=1e308,healthy=1e308"], "not a condition with its share"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--condition", "pa=0.7,healthy=0.7"], "add up to 1.4, not 1"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--condition", ""], "not a condition"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--condition", ","], "','"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--condition"], "--condition"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--condition", "pa", "--condition", "healthy"], "--condition"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--json", "maybe"], "maybe"),
        new("population", ["population", "--regimen", "none", "--days", "10", "--patients", "5", "--seed", "1", "--csv", "--json"], "--json and --csv"),
    ];

    /// <summary>The catalogue as Markdown: counts per command, then one row per case.</summary>
    public static string ToMarkdown()
    {
        var lines = new List<string> { "| Command | Cases |", "|---|---:|" };
        lines.AddRange(All.GroupBy(c => c.Command).Select(g => $"| `{g.Key}` | {g.Count()} |"));
        lines.Add($"| **tool total** | **{All.Count}** |");
        lines.Add(string.Empty);
        lines.Add("| Command line | The one stderr line contains |");
        lines.Add("|---|---|");
        lines.AddRange(All.Select(c => $"| {DocsSection.Code(c.Line)} | {DocsSection.Code(c.Fragment)} |"));
        return string.Join("\n", lines) + "\n";
    }
}
