using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Parameters;

/// <summary>
/// Results to the bit: the SHA-256 of every row (every column, round-trip precision) of every catalogue regimen under
/// every condition, for one patient over two years and for a 64-patient population's percentiles, against the hashes
/// committed in <c>catalogue-rows.sha256.txt</c>. A refactoring must leave them equal; a deliberate model change
/// rewrites the file (set <see cref="RewriteVariable"/> to 1), and the diff shows which regimens and conditions moved.
/// </summary>
public class CatalogueRowHashTests
{
    /// <summary>Set to 1 to rewrite the committed hashes from the current model (only for a deliberate model change).</summary>
    private const string RewriteVariable = "B12_REWRITE_ROW_HASHES";

    [Fact]
    public void Every_catalogue_regimen_under_every_condition_gives_the_committed_rows()
    {
        var actual = string.Join("\n", Lines()) + "\n";
        Shared.CommittedFile.AssertHolds("tests/B12Dosing.Tests/Parameters/catalogue-rows.sha256.txt", actual, RewriteVariable);
    }

    private static IEnumerable<string> Lines()
    {
        foreach (var protocol in RegimenCatalogue.All)
        {
            foreach (var condition in Conditions.All)
            {
                var settings = new SimulationSettings(TimeSpan.FromDays(730)) { ParameterSet = ParameterSet.For(condition), Step = TimeSpan.FromHours(12) };
                var text = new StringBuilder();
                foreach (var record in Simulator.Run(protocol.Regimen, settings).Records())
                {
                    foreach (var (key, value) in record)
                    {
                        text.Append(key).Append('=').Append(value?.ToString("R", CultureInfo.InvariantCulture) ?? "-").Append(';');
                    }

                    text.Append('\n');
                }

                yield return $"simulate {protocol.Name} {condition.Name()} {Hash(text)}";
            }

            var population = PopulationSimulator.Run(protocol.Regimen, new PopulationSettings(64, TimeSpan.FromDays(365), 7) { Step = TimeSpan.FromDays(7), Model = PopulationModel.Default with { Conditions = ConditionMix.Of(Conditions.All.Select(c => (c, 1.0))) } });
            var rows = new StringBuilder();
            for (var row = 0; row < population.Times.Count; row++)
            {
                foreach (var p in new[] { 5.0, 25, 50, 75, 95 })
                {
                    rows.Append(population.StoresPercentileMicrograms(row, p).ToString("R", CultureInfo.InvariantCulture)).Append(';')
                        .Append(population.SerumPercentilePicogramsPerMilliliter(row, p).ToString("R", CultureInfo.InvariantCulture)).Append(';');
                }

                rows.Append(population.ShareBelowThreshold[row].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }

            yield return $"population {protocol.Name} all-conditions {Hash(rows)}";
        }
    }

    private static string Hash(StringBuilder text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
}
