using System.Security.Cryptography;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Population;

/// <summary>
/// Population results to the bit, over many chunks: the SHA-256 of the saved counts (<see cref="PopulationResult.WriteCounts"/>:
/// every histogram bin of stores and serum at every row, each row's window of octaves, the counts below the serum
/// threshold and below two holoTC lines) of 1 000 patients (16 chunks) over a year with daily rows, on one thread, on an
/// injected and an oral regimen, against the hashes committed in <c>population-counts.sha256.txt</c>. The catalogue's
/// hashes (<c>CatalogueRowHashTests</c>) cover 64-patient populations, one chunk; a change to the kernel that is only
/// for speed (how the histograms are filled chunk after chunk) must leave these equal too. A deliberate model change
/// rewrites the file (set <see cref="RewriteVariable"/> to 1).
/// </summary>
public class PopulationCountHashTests
{
    /// <summary>Set to 1 to rewrite the committed hashes from the current model (only for a deliberate model change).</summary>
    private const string RewriteVariable = "B12_REWRITE_POPULATION_HASHES";

    [Fact]
    public void Populations_of_many_chunks_give_the_committed_counts()
    {
        var actual = string.Join("\n", new[] { "bnf-no-neuro", "kuzminski-oral" }.Select(Line)) + "\n";
        Shared.CommittedFile.AssertHolds("tests/B12Dosing.Tests/Population/population-counts.sha256.txt", actual, RewriteVariable);
    }

    private static string Line(string regimen)
    {
        var settings = new PopulationSettings(1000, TimeSpan.FromDays(365), 3)
        {
            MaxDegreeOfParallelism = 1,
            HoloTranscobalaminThresholds = [Molarity.FromPicomolesPerLiter(25), Molarity.FromPicomolesPerLiter(50)],
        };
        using var counts = new MemoryStream();
        PopulationSimulator.Run(RegimenCatalogue.Get(regimen).Regimen, settings).WriteCounts(counts);
        return $"population {regimen} 1000 {Convert.ToHexStringLower(SHA256.HashData(counts.ToArray()))}";
    }
}
