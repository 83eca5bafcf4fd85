using B12Dosing.Dosing;

namespace B12Dosing.Tests.Dosing;

public sealed class RouteTests
{
    [Theory]
    [InlineData("oral", Route.Oral)]
    [InlineData("PO", Route.Oral)]
    [InlineData("sl", Route.Sublingual)]
    [InlineData("nasal", Route.Intranasal)]
    [InlineData("im", Route.Intramuscular)]
    [InlineData(" IM ", Route.Intramuscular)]
    [InlineData("intramuscular", Route.Intramuscular)]
    [InlineData("sc", Route.Subcutaneous)]
    [InlineData("subq", Route.Subcutaneous)]
    [InlineData("iv", Route.Intravenous)]
    public void ParsesNamesAndShortNames(string text, Route route) => Assert.Equal(route, Routes.Parse(text));

    [Fact]
    public void ShortNamesParseBackAndOnlyInjectionsAreInjected()
    {
        foreach (var route in Routes.All)
        {
            Assert.Equal(route, Routes.Parse(route.ShortName()));
            Assert.Equal(route is Route.Intramuscular or Route.Subcutaneous or Route.Intravenous, route.IsInjected());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("rectal")]
    [InlineData("i.m.x")]
    public void RejectsUnknownRoutes(string text)
    {
        Assert.Contains("im", Assert.Throws<FormatException>(() => Routes.Parse(text)).Message, StringComparison.Ordinal);
        Assert.False(Routes.TryParse(text, out _));
    }

    [Fact]
    public void UndefinedRouteHasNoShortName() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Route)99).ShortName());
}
