using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace B12Dosing.Examples.Tests;

/// <summary>
/// One run of a file-based example, <c>dotnet run docs/examples/NAME.cs -- --svg FILE</c>: what it printed and
/// the chart it wrote. Each example runs once per test run (the runs are cached), one at a time, because every
/// example builds the same library project.
/// </summary>
internal sealed partial class ExampleRun
{
    private static readonly ConcurrentDictionary<string, Lazy<ExampleRun>> Runs = new();
    private static readonly Lock OneAtATime = new();

    /// <summary>A guard against a hang, not a speed test: a cold build of one example takes well under a minute.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private ExampleRun(string name, int exitCode, string stdout, string stderr, string? svg)
    {
        Name = name;
        ExitCode = exitCode;
        Stdout = stdout;
        Stderr = stderr;
        Svg = svg;
    }

    public string Name { get; }

    public int ExitCode { get; }

    public string Stdout { get; }

    public string Stderr { get; }

    public string? Svg { get; }

    /// <summary>What the program printed, line by line, without the build's diagnostics (<c>file(line,col): warning …</c>).</summary>
    public string[] Lines => [.. Stdout.Split('\n', StringSplitOptions.TrimEntries).Where(l => !l.Contains(": warning ", StringComparison.Ordinal))];

    /// <summary>The repository's root folder (where B12Dosing.sln is).</summary>
    public static string Root { get; } = RepositoryRoot();

    /// <summary>The run of <c>docs/examples/<paramref name="name"/>.cs</c>, started on first use.</summary>
    public static ExampleRun Of(string name) => Runs.GetOrAdd(name, n => new Lazy<ExampleRun>(() => Start(n))).Value;

    /// <summary>Asserts the example ran cleanly and wrote a well-formed SVG chart, and returns its root element.</summary>
    public XElement AssertRanAndDrewChart()
    {
        Assert.True(ExitCode == 0, $"{Name} exited with {ExitCode}:\n{Stderr}\n{Stdout}");
        Assert.NotNull(Svg);
        var root = XDocument.Parse(Svg).Root!;
        Assert.Equal("{http://www.w3.org/2000/svg}svg", root.Name.ToString());
        Assert.NotEmpty(root.Descendants("{http://www.w3.org/2000/svg}polyline"));
        return root;
    }

    /// <summary>The numbers on the one line that starts with <paramref name="start"/>, after that start.</summary>
    public double[] Row(string start)
    {
        var line = Assert.Single(Lines, l => l.StartsWith(start, StringComparison.Ordinal));
        return Numbers(line[start.Length..]);
    }

    /// <summary>Every number in <paramref name="text"/>, in order (invariant culture; a trailing <c>%</c> or <c>x</c> is ignored).</summary>
    public static double[] Numbers(string text) =>
        [.. NumberPattern().Matches(text).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture))];

    /// <summary>Asserts that <paramref name="printed"/> is <paramref name="expected"/> rounded to <paramref name="decimals"/> places.</summary>
    public static void AssertRounded(double expected, double printed, int decimals, string what) =>
        Assert.True(
            Math.Abs(expected - printed) <= (0.5 * Math.Pow(10, -decimals)) + 1e-9,
            $"{what}: printed {printed.ToString(CultureInfo.InvariantCulture)}, the library gives {expected.ToString("R", CultureInfo.InvariantCulture)}");

    private static ExampleRun Start(string name)
    {
        lock (OneAtATime)
        {
            var root = Root;
            var svgPath = Path.Combine(Path.GetTempPath(), $"b12-example-{name}-{Environment.ProcessId}.svg");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            foreach (var arg in new[] { "run", $"docs/examples/{name}.cs", "--", "--svg", svgPath })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet run docs/examples/{name}.cs did not finish within {Limit}.");
            }

            string? svg = File.Exists(svgPath) ? File.ReadAllText(svgPath) : null;
            File.Delete(svgPath);
            return new ExampleRun(name, process.ExitCode, stdout.Result, stderr.Result, svg);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "B12Dosing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No B12Dosing.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();
}
