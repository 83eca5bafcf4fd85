using B12Dosing.Tests.Shared;

namespace B12Dosing.Cli.Tests.Hardening;

/// <summary>Every case of <see cref="ToolBadInputCatalogue"/> gives exit code 2 and one line on stderr naming the problem.</summary>
public sealed class ToolBadInputCatalogueTests
{
    public static TheoryData<string> Lines => [.. ToolBadInputCatalogue.All.Select(c => c.Line)];

    [Theory]
    [MemberData(nameof(Lines))]
    public void Bad_command_lines_give_exit_code_2_and_one_line(string line)
    {
        var bad = ToolBadInputCatalogue.All.Single(c => c.Line == line);
        var error = CliRunner.AssertUsageError(bad.Args);
        Assert.Contains(bad.Fragment, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_catalogue_has_distinct_cases_for_every_command()
    {
        Assert.Equal(ToolBadInputCatalogue.All.Count, ToolBadInputCatalogue.All.Select(c => c.Line).Distinct().Count());
        Assert.Equal(
            ["absorb", "b12", "compare", "convert", "population", "regimens", "simulate"],
            ToolBadInputCatalogue.All.Select(c => c.Command).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Docs_reliability_lists_every_case() =>
        DocsSection.AssertCurrent("reliability.md", "tool-catalogue", ToolBadInputCatalogue.ToMarkdown());
}
