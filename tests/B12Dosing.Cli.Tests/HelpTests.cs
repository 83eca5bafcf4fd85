using B12Dosing.Cli;

namespace B12Dosing.Cli.Tests;

public sealed class HelpTests
{
    [Fact]
    public void HelpListsEveryCommandWithAnExampleAndTheDisclaimer()
    {
        var stdout = CliRunner.AssertSuccess("--help");
        Assert.Contains("not medical advice", stdout, StringComparison.Ordinal);
        foreach (var command in B12Cli.CreateRootCommand().Subcommands)
        {
            Assert.Contains(command.Name, stdout, StringComparison.Ordinal);
            Assert.Contains("Example: b12 " + command.Name, command.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ConvertHelpDocumentsTheDefaultDigits()
    {
        var (exitCode, stdout, _) = CliRunner.Run("convert", "--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("--form", stdout, StringComparison.Ordinal);
        Assert.Contains("default 4", stdout, StringComparison.Ordinal);
    }
}
