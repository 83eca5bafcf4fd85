using System.Globalization;
using System.Text.Json;
using B12Dosing.Regimens;

namespace B12Dosing.Cli.Tests;

public sealed class RegimensCommandTests
{
    private static readonly string[] CatalogueNames =
        ["none", "bnf-no-neuro", "bnf-neuro", "us-label-cyanocobalamin", "stabler-2013", "kuzminski-oral", "kuzminski-im", "nascobal-weekly", "rda-diet", "oral-1000-daily"];

    [Fact]
    public void Json_is_an_array_with_the_contract_fields_for_every_protocol()
    {
        using var doc = JsonDocument.Parse(CliRunner.AssertSuccess("regimens", "--json"));
        var items = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(CatalogueNames, items.Select(i => i.GetProperty("name").GetString()));
        Assert.All(items, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("description").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("source").GetString()));
            var notation = i.GetProperty("notation").GetString()!;
            Assert.Equal(RegimenCatalogue.Get(i.GetProperty("name").GetString()!).Regimen, Regimen.Parse(notation));
        });
        Assert.True(items.Single(i => i.GetProperty("name").GetString() == "kuzminski-oral").GetProperty("open_ended").GetBoolean());
        Assert.False(items.Single(i => i.GetProperty("name").GetString() == "kuzminski-im").GetProperty("open_ended").GetBoolean());
    }

    [Fact]
    public void The_table_lists_each_name_with_its_notation_and_source()
    {
        var stdout = CliRunner.AssertSuccess("regimens");
        var lines = stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NAME", lines[0], StringComparison.Ordinal);
        foreach (var name in CatalogueNames)
        {
            Assert.Contains(lines, l => l.StartsWith(name + " ", StringComparison.Ordinal) && l.Contains(RegimenCatalogue.Get(name).Notation, StringComparison.Ordinal));
        }

        Assert.Contains("Kuzminski AM", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Contains("2.4 µg food daily", CliRunner.Run("regimens").Stdout, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("--bogus", "regimens", "--bogus")]
    [InlineData("extra", "regimens", "extra")]
    public void Bad_arguments_are_one_line_errors_with_exit_code_two(string expected, params string[] args) =>
        Assert.Contains(expected, CliRunner.AssertUsageError(args), StringComparison.Ordinal);
}
