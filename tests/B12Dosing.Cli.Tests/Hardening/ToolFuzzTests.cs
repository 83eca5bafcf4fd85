using System.Globalization;
using B12Dosing.Regimens;
using B12Dosing.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace B12Dosing.Cli.Tests.Hardening;

/// <summary>
/// Fuzzing of the tool's arguments through <see cref="B12Cli.Run"/> (issue 7): whatever the arguments, the tool
/// never throws and never reports an internal error; it succeeds with nothing on stderr, or exits with code 2 and
/// exactly one line <c>b12: …</c> on stderr and nothing on stdout.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ToolFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Commands = ["convert", "absorb", "compare", "regimens", "simulate", "population", "help", "frobnicate", ""];

    private static readonly string[] Options =
        [
            "--dose", "--route", "--form", "--condition", "--json", "--csv", "--to", "--digits", "--regimen", "--days", "--step-hours",
            "--initial-stores", "--guideline", "--help", "-h", "-?", "--bogus", "-x", "--", "--dose=1 mg", "--route:oral", "--days=30",
        ];

    private static readonly Gen<string[]> Arguments =
        from command in Gen.Frequency((8, Gen.Elements("convert", "absorb", "compare", "simulate")), (1, Gen.Elements(Commands)), (1, FuzzText.Noise))
        from n in Gen.Choose(0, 8)
        from rest in Gen.ArrayOf(Gen.Frequency((4, Gen.Elements(Options)), (3, FuzzText.AnyQuantity), (3, FuzzText.Word), (1, FuzzText.Number), (1, FuzzText.Noise)), n)
        select (string[])[command, .. rest];

    /// <summary>Arguments shaped like a valid call of a command, with one piece likely wrong.</summary>
    private static readonly Gen<string[]> Calls =
        from quantity in FuzzText.Quantity("µg", "mcg", "mg", "g", "ng")
        from word in FuzzText.Word
        from unit in Gen.Elements([.. FuzzText.MassUnits, .. FuzzText.OtherUnits])
        from json in Gen.Elements<string[]>([], ["--json"])
        from regimen in Gen.Frequency((1, Gen.Elements([.. RegimenCatalogue.Names, "bnf", ""])), (3, RegimenFuzz.Notation))
        from days in Gen.Frequency((6, Gen.Choose(1, 400).Select(d => d.ToString(CultureInfo.InvariantCulture))), (1, Gen.Elements("0", "-1", "abc", "1,5", "36526", "NaN", "1e400", "0.5", "36525")), (1, FuzzText.Number))
        from output in Gen.Elements<string[]>([], [], ["--json"], ["--csv"], ["--json", "--csv"])
        from number in Gen.Frequency((3, Gen.Elements("24", "1", "0.5", "168", "0", "-1", "1e300", "NaN", "1,5")), (1, FuzzText.Number))
        from shape in Gen.Choose(0, 7)
        select shape switch
        {
            5 => ["simulate", "--regimen", regimen, "--days", days, .. output],
            6 => ["simulate", "--regimen", regimen, "--days", days, "--step-hours", number, "--condition", word, "--initial-stores", quantity],
            7 => ["regimens", .. json, .. output.Skip(1)],
            0 => (string[])["absorb", "--dose", quantity, "--route", word, .. json],
            1 => ["absorb", "--dose", "1000 µg", "--route", "oral", "--condition", word, .. json],
            2 => ["compare", "--dose", quantity, "--form", word, .. json],
            3 => ["convert", quantity, "--to", unit],
            _ => ["convert", quantity, "--to", unit, "--form", word],
        };

    /// <summary>
    /// <c>b12 population</c> shaped like a valid call, each piece often wrong: counts with commas, signs, exponents and
    /// beyond <see cref="int.MaxValue"/>, condition mixes, catalogue names and notation, options missing or repeated.
    /// Valid counts stay small (at most 8 patients and 40 days; longer valid horizons are left to the population tests) so that the runs are quick.
    /// </summary>
    private static readonly Gen<string[]> PopulationCalls =
        from regimen in Gen.Frequency((3, Gen.Elements([.. RegimenCatalogue.Names, "bnf", "", "none"])), (2, RegimenFuzz.Notation))
        from days in Gen.Frequency((8, Gen.Choose(1, 40).Select(Invariant)), (2, Gen.Elements("0", "-1", "1,5", "1.5", "1e2", "36526", "99999999999", "", "abc")), (1, FuzzText.Number.Where(n => !int.TryParse(n, CultureInfo.InvariantCulture, out var d) || d is < 1 or > 36525)))
        from patients in Gen.Frequency((8, Gen.Choose(1, 8).Select(Invariant)), (2, Gen.Elements("0", "-1", "1,000", "1.000", "1e3", "1 000", "2147483648", "-2147483648", "NaN", "", "+3", " 5")), (1, FuzzText.Number.Where(n => !int.TryParse(n, CultureInfo.InvariantCulture, out var p) || p < 1))) // a number that is a count (9 or more) would run that many patients
        from seed in Gen.Frequency((8, Gen.Choose(0, 1000).Select(Invariant)), (1, Gen.Elements("-1", "18446744073709551615", "18446744073709551616", "1,5", "0x10", "")), (1, FuzzText.Number))
        from condition in Gen.Frequency(
            (3, Gen.Constant<string[]>([])),
            (3, Gen.Elements("pa=0.7,healthy=0.3", "pa", "pa=1,5", "pa=-1", "foo=1", "", ",", "pa=0.7,healthy=0.7", "gastrectomy:2, ileal-resection").Select(c => new[] { "--condition", c })),
            (2, FuzzText.Word.Select(w => new[] { "--condition", w })))
        from extra in Gen.Frequency((6, Gen.Constant<string[]>([])), (2, Gen.Elements<string[]>(["--json"], ["--csv"], ["--json", "--json"], ["--seed", "2"], ["--patients"], ["--bogus"], ["extra"])))
        from drop in Gen.Frequency((8, Gen.Constant(-1)), (1, Gen.Choose(0, 3)))
        select (string[])["population", .. new[] { ("--regimen", regimen), ("--days", days), ("--patients", patients), ("--seed", seed) }
            .Where((_, i) => i != drop).SelectMany(o => new[] { o.Item1, o.Item2 }), .. condition, .. extra];

    private static Fuzzer<string[]> ToolCalls => new(nameof(Tool_arguments), Fuzz.Arguments(Gen.Frequency((1, Arguments), (1, Calls))), CheckContract);

    private static Fuzzer<string[]> Populations => new(nameof(Population_arguments), Fuzz.Arguments(PopulationCalls), CheckContract);

    [FuzzProperty]
    public Property Tool_arguments() => ToolCalls.Property();

    [FuzzProperty]
    public Property Population_arguments() => Populations.Property();

    /// <summary>Both fuzzers reach a successful call and a usage error.</summary>
    [Fact]
    public void Both_fuzzers_reach_success_and_usage_errors()
    {
        output.WriteLine(ToolCalls.BothPaths());
        output.WriteLine(Populations.BothPaths());
    }

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static bool CheckContract(string[] args)
    {
        var (exitCode, stdout, stderr) = CliRunner.Run(args);
        if (exitCode == B12Cli.Success)
        {
            Assert.Equal(string.Empty, stderr);
            Assert.NotEqual(string.Empty, stdout);
            Assert.DoesNotContain("NaN", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("∞", stdout, StringComparison.Ordinal);
            return true;
        }

        Assert.Equal(B12Cli.UsageError, exitCode);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(line + Environment.NewLine, stderr);
        Assert.StartsWith("b12: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        return false;
    }
}
