using System.Globalization;
using B12Dosing.Tests.Shared;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Tests;

/// <summary>
/// Exception messages that quote a number write it in the invariant culture, like the library's output: under
/// German settings "1,5" would read as fifteen to a user of the notation, which has no decimal comma.
/// </summary>
public sealed class InvariantMessageTests
{
    [Fact]
    public void Too_large_quantity_names_its_limit_with_a_decimal_point() =>
        // The dose quotes the amount refused (the text layer's format, not UnitsNet's current-culture "6,5 g").
        Assert.Contains("6.5 g", GermanCulture.MessageOf(() => Dose.Oral(Mass.FromGrams(6.5))), StringComparison.Ordinal);

    [Fact]
    public void Regimen_with_too_many_events_quotes_the_horizon_with_a_decimal_point() =>
        // One dose a second gives 86 400 a day: 200.5 days exceed Regimen.MaximumEvents (10 million) before any expansion.
        Assert.Contains("up to 200.5 days", GermanCulture.MessageOf(() => Regimen.Parse("1 µg oral q1s").Events(TimeSpan.FromDays(200.5))), StringComparison.Ordinal);
}
