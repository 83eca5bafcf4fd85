using System.CommandLine;
using System.Diagnostics;
using B12Dosing.Absorption;
using B12Dosing.Cli.Commands;
using B12Dosing.Population;
using B12Dosing.Regimens;

namespace B12Dosing.Cli.Tests.Hardening;

/// <summary>The tool's edges (issue 12, class 7): what it does at the limits of its input and its environment.</summary>
public sealed class ToolEdgeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-edges-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Svg_does_not_take_the_next_option_as_its_file_name()
    {
        var error = CliRunner.AssertUsageError("simulate", "--regimen", "kuzminski-oral", "--days", "10", "--svg", "--json");
        Assert.Contains("--svg needs a file name, not '--json'", error, StringComparison.Ordinal);
        Assert.False(File.Exists("--json"));
    }

    [Fact]
    public void A_closed_standard_error_still_gives_exit_code_2()
    {
        using var stdout = new StringWriter();
        Assert.Equal(B12Cli.UsageError, B12Cli.Run(["convert", "NaN mg", "--to", "µg"], stdout, new ClosedWriter()));
        Assert.Equal(string.Empty, stdout.ToString());
    }

    [Fact]
    public void A_closed_standard_error_still_gives_exit_code_2_in_the_process()
    {
        // The shell closes file descriptor 2 (2>&-) before starting the tool: the old tool aborted with 134.
        var tool = Path.Combine(AppContext.BaseDirectory, "b12.dll");
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"exec dotnet \"{tool}\" convert 'NaN mg' --to µg 2>&-"]) { RedirectStandardOutput = true })!;
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "b12 did not finish within 60 s");
        Assert.Equal(B12Cli.UsageError, process.ExitCode);
    }

    [Fact]
    public void An_argument_exception_from_inside_the_library_is_a_bug_not_a_usage_error()
    {
        // A command whose code hands the library a value no option gave it: the library's refusal is a bug of the tool.
        var command = new Command("buggy");
        command.SetAction(_ => (ParameterSet.Healthy with { PassiveFraction = 2 }).PassiveFraction > 0 ? 0 : 1);
        var root = new RootCommand { command };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(B12Cli.InternalError, B12Cli.Run(root, ["buggy"], stdout, stderr));
        Assert.StartsWith("b12: internal error, a bug in b12", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("PassiveFraction", stderr.ToString(), StringComparison.Ordinal);

        // The same refusal of an option's value, through the boundary, is a usage error naming the option.
        var checkedCommand = new Command("checked");
        checkedCommand.SetAction(_ => CliInput.Check("--passive", () => ParameterSet.Healthy with { PassiveFraction = 2 }).PassiveFraction > 0 ? 0 : 1);
        using var stderr2 = new StringWriter();
        Assert.Equal(B12Cli.UsageError, B12Cli.Run(new RootCommand { checkedCommand }, ["checked"], stdout, stderr2));
        Assert.StartsWith("b12: --passive: PassiveFraction must be from 0 to 1; got 2.", stderr2.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ctrl_C_clears_the_progress_bar()
    {
        using var error = new StringWriter();
        using var cancel = new CancellationTokenSource();
        var bar = new PopulationCommand.ProgressBar(error);
        var settings = new PopulationSettings(100_000, TimeSpan.FromDays(365), 1);
        var progress = new Progress<PopulationProgress>(_ => cancel.Cancel());
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
        Assert.ThrowsAny<OperationCanceledException>(() => PopulationCommand.RunWithProgressBar(Regimen.Parse("1 mg im daily"), settings, bar, cancel.Token));
        Assert.EndsWith($"\r{new string(' ', 40)}\r", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_write_leaves_the_previous_file_and_no_half_written_one()
    {
        var path = Path.Combine(_folder, "chart.svg");
        File.WriteAllText(path, "previous");
        var e = Assert.Throws<CliUsageException>(() => CliFiles.Write("--svg", path, w =>
        {
            w.Write("<svg>half");
            throw new IOException("No space left on device");
        }));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", e.Message, StringComparison.Ordinal);
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));

        CliFiles.Write("--svg", path, w => w.Write("<svg/>"));
        Assert.Equal("<svg/>", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_named_with_the_reason()
    {
        var missing = Path.Combine(_folder, "no-such-folder", "chart.svg");
        var error = CliRunner.AssertUsageError("simulate", "--regimen", "kuzminski-oral", "--days", "10", "--svg", missing);
        Assert.Contains($"cannot write --svg '{missing}'", error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        var folder = CliRunner.AssertUsageError("simulate", "--regimen", "kuzminski-oral", "--days", "10", "--svg", _folder);
        Assert.Contains("is a folder", folder, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "simulte", "--regimen", "none", "--days", "1" }, "Did you mean 'simulate'?")]
    [InlineData(new[] { "populaton" }, "Did you mean 'population'?")]
    [InlineData(new[] { "simulate", "--regimen", "none", "--dyas", "1" }, "Did you mean '--days'?")]
    [InlineData(new[] { "simulate", "--regimen", "bnf-neuor", "--days", "10" }, "Did you mean 'bnf-neuro'?")]
    [InlineData(new[] { "population", "--regimen", "kuzminsky-oral", "--days", "10", "--patients", "1", "--seed", "1" }, "Did you mean 'kuzminski-oral'?")]
    [InlineData(new[] { "regimens", "--export", "stabler-2031", "--events" }, "Did you mean 'stabler-2013'?")]
    public void A_mistyped_command_option_or_catalogue_name_gets_a_suggestion(string[] args, string suggestion) =>
        Assert.Contains(suggestion, CliRunner.AssertUsageError(args), StringComparison.Ordinal);

    [Fact]
    public void An_unquoted_regimen_gets_a_hint_to_quote_it()
    {
        var error = CliRunner.AssertUsageError("simulate", "--regimen", "1", "mg", "im", "daily", "--days", "10");
        Assert.Contains("A regimen with spaces must be quoted: --regimen \"1 mg im daily\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_name_the_value_and_the_limit()
    {
        Assert.Contains("--days", CliRunner.AssertUsageError("simulate", "--regimen", "none", "--days", "1e300"), StringComparison.Ordinal);
        var stores = CliRunner.AssertUsageError("simulate", "--regimen", "none", "--days", "10", "--initial-stores", "2 g");
        Assert.Contains("--initial-stores", stores, StringComparison.Ordinal);
        Assert.Contains("1 g", stores, StringComparison.Ordinal);
        var events = CliRunner.AssertUsageError("simulate", "--regimen", "1 µg im q1s", "--days", "36500");
        Assert.Contains("--regimen", events, StringComparison.Ordinal);
        Assert.Contains("10000000", events, StringComparison.Ordinal);
    }

    /// <summary>A standard error that has been closed: every write fails, as on a closed file descriptor.</summary>
    private sealed class ClosedWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("Bad file descriptor");

        public override void Write(string? value) => throw new IOException("Bad file descriptor");

        public override void WriteLine(string? value) => throw new IOException("Bad file descriptor");
    }
}
