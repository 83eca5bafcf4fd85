using B12Dosing.Cli;

namespace B12Dosing.Cli.Tests;

/// <summary>Runs the tool in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = B12Cli.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Asserts a successful run (exit code 0, nothing on stderr) and returns what it printed.</summary>
    public static string AssertSuccess(params string[] args)
    {
        var (exitCode, stdout, stderr) = Run(args);
        Assert.True(exitCode == B12Cli.Success, stderr);
        Assert.Equal(string.Empty, stderr);
        return stdout;
    }

    /// <summary>Asserts the error contract: exit code 2, nothing on stdout, one line "b12: …" on stderr, no stack trace.</summary>
    public static string AssertUsageError(params string[] args)
    {
        var (exitCode, stdout, stderr) = Run(args);
        Assert.Equal(B12Cli.UsageError, exitCode);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(line + Environment.NewLine, stderr);
        Assert.StartsWith("b12: ", line, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bat [\w.`<>]+\.[\w<>]+\(", line); // a stack frame: "at Namespace.Type.Method("
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        return line;
    }
}
