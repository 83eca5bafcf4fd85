using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Population;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Population;

/// <summary>The readable text of population results (for notebooks and logs).</summary>
public sealed class PopulationResultTextTests
{
    private static readonly PopulationResult Result = PopulationSimulator.Run(
        RegimenCatalogue.Get("none").Regimen,
        new PopulationSettings(40, TimeSpan.FromDays(3000), seed: 3)
        {
            Step = TimeSpan.FromDays(100),
            Model = PopulationModel.Default with { Conditions = ConditionMix.Only(Condition.PerniciousAnemia) },
        });

    [Fact]
    public void Percentiles_describe_a_row_in_the_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var serum = Result.Serum;
            var row = Result.Days.Count - 1;
            var expected = string.Create(
                CultureInfo.InvariantCulture,
                $"5th {serum.P5[row]:0.#}, 25th {serum.P25[row]:0.#}, median {serum.P50[row]:0.#}, 75th {serum.P75[row]:0.#}, 95th {serum.P95[row]:0.#}");
            Assert.Equal(expected, serum.Describe(row));
            Assert.Equal($"{expected} (last of {Result.Days.Count} rows)", serum.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Result_text_names_the_population_the_share_below_and_the_percentiles_at_the_end()
    {
        var last = Result.Days.Count - 1;
        var lines = Result.ToString().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"40 patients (pernicious-anemia), day 3000: {Result.ShareBelowThreshold[last]:0.#%} with serum below 180 pg/mL"),
            lines[0]);
        Assert.Equal("serum (pg/mL): " + Result.Serum.Describe(last), lines[1]);
        Assert.Equal("stores (µg): " + Result.Stores.Describe(last), lines[2]);
        Assert.True(Result.ShareBelowThreshold[last] > 0.5, "without B12 for 8 years most patients without IF are below 180 pg/mL");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(31)]
    public void Describing_a_row_outside_the_series_throws(int row) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Result.Serum.Describe(row));
}
