using System.Globalization;
using B12Dosing.Tests.Shared;
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
        // The largest mass in grams that stays finite in nanograms: double.MaxValue / 1e9 = 1.8e299.
        Assert.Contains("at most 1.8E+299 g", GermanCulture.MessageOf(() => Mass.FromGrams(1e300)), StringComparison.Ordinal);

    [Fact]
    public void Regimen_with_too_many_events_quotes_the_horizon_with_a_decimal_point() =>
        // One dose a second gives 86 400 a day: 200.5 days exceed Regimen.MaximumEvents (10 million) before any expansion.
        Assert.Contains("up to 200.5 days", GermanCulture.MessageOf(() => Regimen.Parse("1 µg oral q1s").Events(TimeSpan.FromDays(200.5))), StringComparison.Ordinal);
}
