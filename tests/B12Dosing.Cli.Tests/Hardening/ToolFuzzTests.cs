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
        ["--dose", "--route", "--form", "--condition", "--json", "--to", "--digits", "--help", "-h", "-?", "--bogus", "-x", "--", "--dose=1 mg", "--route:oral"];

    private static readonly Gen<string[]> Arguments =
        from command in Gen.Frequency((6, Gen.Elements("convert", "absorb", "compare")), (1, Gen.Elements(Commands)), (1, FuzzText.Noise))
        from n in Gen.Choose(0, 8)
        from rest in Gen.ArrayOf(Gen.Frequency((4, Gen.Elements(Options)), (3, FuzzText.AnyQuantity), (3, FuzzText.Word), (1, FuzzText.Number), (1, FuzzText.Noise)), n)
        select (string[])[command, .. rest];

    /// <summary>Arguments shaped like a valid call of a command, with one piece likely wrong.</summary>
    private static readonly Gen<string[]> Calls =
        from quantity in FuzzText.Quantity("µg", "mcg", "mg", "g", "ng")
        from word in FuzzText.Word
        from unit in Gen.Elements([.. FuzzText.MassUnits, .. FuzzText.OtherUnits])
        from json in Gen.Elements<string[]>([], ["--json"])
        from shape in Gen.Choose(0, 4)
        select shape switch
        {
            0 => (string[])["absorb", "--dose", quantity, "--route", word, .. json],
            1 => ["absorb", "--dose", "1000 µg", "--route", "oral", "--condition", word, .. json],
            2 => ["compare", "--dose", quantity, "--form", word, .. json],
            3 => ["convert", quantity, "--to", unit],
            _ => ["convert", quantity, "--to", unit, "--form", word],
        };

    [Fact]
    public void Tool_arguments() => output.WriteLine(Fuzz.Check(Gen.Frequency((1, Arguments), (1, Calls)), args =>
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
    }));
}
