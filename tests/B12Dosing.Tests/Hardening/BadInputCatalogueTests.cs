using B12Dosing.Tests.Shared;

namespace B12Dosing.Tests.Hardening;

/// <summary>Every case of <see cref="BadInputCatalogue"/> is refused with its documented exception and a message that names the value.</summary>
public class BadInputCatalogueTests
{
    public static TheoryData<string> Keys => [.. BadInputCatalogue.All.Select(c => c.Key)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Bad_input_is_refused_with_the_documented_exception(string key)
    {
        var bad = BadInputCatalogue.All.Single(c => c.Key == key);
        var e = Assert.Throws(bad.Expected, bad.Act);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        if (e is ArgumentException argument)
        {
            Assert.False(string.IsNullOrEmpty(argument.ParamName), $"{key}: the exception does not name the parameter.");
        }

        if (e is ArgumentOutOfRangeException range)
        {
            Assert.NotNull(range.ActualValue);
        }

        if (bad.IsText && bad.Input.Trim().Length > 0)
        {
            Assert.Contains(bad.Input.Trim(), e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_catalogue_has_at_least_60_distinct_cases_in_every_area()
    {
        Assert.Equal(BadInputCatalogue.All.Count, BadInputCatalogue.All.Select(c => c.Key).Distinct().Count());
        Assert.True(BadInputCatalogue.All.Count >= 60);
        foreach (var area in new[] { "quantities", "doses", "physiology", "regimens", "simulation", "population" })
        {
            Assert.NotEmpty(BadInputCatalogue.In(area));
        }
    }

    [Fact]
    public void Docs_reliability_lists_every_case() =>
        DocsSection.AssertCurrent("reliability.md", "library-catalogue", BadInputCatalogue.ToMarkdown());
}
