using System.Text.Json;

namespace B12Dosing.Cli.Tests;

/// <summary><c>b12 simulate --events</c> and <c>b12 regimens --export NAME --events</c> (issue 13).</summary>
public sealed class EventTableCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-events-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static double[] Column(string json, string name) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("series").EnumerateArray().Select(r => r.GetProperty(name).GetDouble())];

    /// <summary>Done when: --events on a table with ADDL gives the same result as the equivalent notation to 1e-12.</summary>
    [Fact]
    public void Events_with_ADDL_give_the_notation_result()
    {
        var table = Write("addl.csv", "ID,TIME,AMT,EVID,ROUTE,FORM,II,ADDL\n1,0,1000,1,im,ohcbl,48,6\n1,2448,1000,1,im,ohcbl,2160,3\n");
        var fromTable = CliRunner.AssertSuccess("simulate", "--events", table, "--days", "365", "--condition", "pernicious-anemia", "--json");
        var fromNotation = CliRunner.AssertSuccess("simulate", "--regimen", "1 mg ohcbl im q2d x7 then 1 mg ohcbl im q3mo x4", "--days", "365", "--condition", "pernicious-anemia", "--json");
        foreach (var name in new[] { "stores_ug", "serum_pg_per_ml", "cumulative_urine_ug" })
        {
            var a = Column(fromTable, name);
            var b = Column(fromNotation, name);
            Assert.Equal(b.Length, a.Length);
            Assert.All(a.Zip(b), p => Assert.Equal(p.Second, p.First, 1e-12 * Math.Max(1, Math.Abs(p.Second))));
        }
    }

    /// <summary>A catalogue protocol exported as a table and simulated from it equals the protocol simulated by name.</summary>
    [Fact]
    public void Export_then_simulate_equals_the_protocol()
    {
        var csv = CliRunner.AssertSuccess("regimens", "--export", "bnf-no-neuro", "--events", "--days", "365");
        Assert.StartsWith("ID,TIME,EVID,AMT,CMT,ROUTE,FORM,II,ADDL,SS,MDV\r\n1,0,1,1000,3,im,hydroxocobalamin,48,2,0,1\r\n", csv, StringComparison.Ordinal);
        var table = Write("bnf.csv", csv);
        Assert.Equal(
            CliRunner.AssertSuccess("simulate", "--regimen", "bnf-no-neuro", "--days", "365", "--csv"),
            CliRunner.AssertSuccess("simulate", "--events", table, "--days", "365", "--csv"));
        var closed = CliRunner.AssertSuccess("regimens", "--export", "kuzminski-im", "--events");
        Assert.Equal(5, closed.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>The table's sample records are the sample times, and the run ends at the last one by default.</summary>
    [Fact]
    public void Sample_records_give_the_rows()
    {
        var table = Write("obs.csv", "ID,TIME,AMT,EVID,ROUTE,II,ADDL,DV\n1,0,.,0,.,.,.,.\n1,0,1000,1,im,0,0,.\n1,2,.,0,.,.,.,610\n1,24,.,0,.,.,.,480\n1,168,.,0,.,.,.,470\n");
        var json = CliRunner.AssertSuccess("simulate", "--events", table, "--json");
        Assert.Equal([0, 2.0 / 24, 1, 7], Column(json, "day"));
    }

    [Fact]
    public void Events_refusals_are_one_line_usage_errors()
    {
        var bad = Write("bad.csv", "ID,TIME,AMT,EVID,ROUTE\n1,0,1000,4,im\n");
        Assert.Contains("Line 2, column EVID is 4", CliRunner.AssertUsageError("simulate", "--events", bad, "--days", "10"), StringComparison.Ordinal);
        var two = Write("two.csv", "ID,TIME,AMT,ROUTE\n1,0,1000,im\n2,0,1000,im\n");
        Assert.Contains("2 subjects (1, 2); choose one with --id", CliRunner.AssertUsageError("simulate", "--events", two, "--days", "10"), StringComparison.Ordinal);
        CliRunner.AssertSuccess("simulate", "--events", two, "--id", "2", "--days", "10");
        var noSamples = Write("nosamples.csv", "TIME,AMT,ROUTE\n0,1000,im\n");
        Assert.Contains("give --days", CliRunner.AssertUsageError("simulate", "--events", noSamples), StringComparison.Ordinal);
        // A dose at the last sample time would fall at the end of the run: refused unless --days goes beyond it.
        var last = Write("last.csv", "TIME,AMT,EVID,ROUTE\n0,1000,1,im\n48,.,0,.\n48,1000,1,im\n");
        Assert.Contains("dose at TIME 48 h, at or after its last sample (48 h)", CliRunner.AssertUsageError("simulate", "--events", last), StringComparison.Ordinal);
        var beyond = CliRunner.AssertSuccess("simulate", "--events", last, "--days", "3", "--json");
        Assert.Equal(2000, JsonDocument.Parse(beyond).RootElement.GetProperty("summary").GetProperty("total_dose_ug").GetDouble());
        Assert.Contains("Give either --regimen or --events", CliRunner.AssertUsageError("simulate", "--events", last, "--regimen", "none", "--days", "3"), StringComparison.Ordinal);
        Assert.Contains("--days is required", CliRunner.AssertUsageError("simulate", "--regimen", "none"), StringComparison.Ordinal);
        Assert.Contains("open-ended", CliRunner.AssertUsageError("regimens", "--export", "bnf-no-neuro", "--events"), StringComparison.Ordinal);
        Assert.Contains("--export and --events go together", CliRunner.AssertUsageError("regimens", "--export", "bnf-no-neuro"), StringComparison.Ordinal);
        Assert.Contains("missing.csv", CliRunner.AssertUsageError("simulate", "--events", Path.Combine(_folder, "missing.csv"), "--days", "3"), StringComparison.Ordinal);
    }
}
