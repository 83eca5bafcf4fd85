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

    /// <summary>
    /// Issue 22: <c>--events</c> without <c>--id</c> runs every subject and keys the output by ID: CSV with an <c>id</c>
    /// column, JSON with <c>subjects</c> by ID, text subject by subject; each subject's rows are those of its own run with <c>--id</c>.
    /// </summary>
    [Fact]
    public void Events_without_id_run_every_subject_keyed_by_ID()
    {
        var table = Write("three.csv", "ID,TIME,AMT,EVID,ROUTE\n1,0,1000,1,im\n1,72,.,0,.\n2,0,500,1,oral\n2,24,500,1,oral\n2,48,.,0,.\n7,0,.,0,.\n7,12,100,1,im\n7,96,.,0,.\n");
        var csv = CliRunner.AssertSuccess("simulate", "--events", table, "--csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = CliRunner.AssertSuccess("simulate", "--events", table, "--id", "1", "--csv").Split("\r\n")[0];
        Assert.Equal("id," + header, csv[0]);
        foreach (var subject in new[] { 1, 2, 7 })
        {
            var own = CliRunner.AssertSuccess("simulate", "--events", table, "--id", subject.ToString(System.Globalization.CultureInfo.InvariantCulture), "--csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1);
            Assert.Equal(own.Select(row => $"{subject},{row}"), csv.Skip(1).Where(row => row.StartsWith($"{subject},", StringComparison.Ordinal)));
        }

        var json = JsonDocument.Parse(CliRunner.AssertSuccess("simulate", "--events", table, "--json")).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("inputs").GetProperty("id").ValueKind);
        Assert.Equal([1, 2, 7], json.GetProperty("inputs").GetProperty("subjects").EnumerateArray().Select(e => e.GetInt32()));
        var subjects = json.GetProperty("subjects");
        Assert.Equal(["1", "2", "7"], subjects.EnumerateObject().Select(p => p.Name));
        foreach (var subject in new[] { "1", "2", "7" })
        {
            var own = JsonDocument.Parse(CliRunner.AssertSuccess("simulate", "--events", table, "--id", subject, "--json")).RootElement;
            var entry = subjects.GetProperty(subject);
            Assert.Equal(JsonSerializer.Serialize(own.GetProperty("summary")), JsonSerializer.Serialize(entry.GetProperty("summary")));
            Assert.Equal(JsonSerializer.Serialize(own.GetProperty("guideline")), JsonSerializer.Serialize(entry.GetProperty("guideline")));
            Assert.Equal(JsonSerializer.Serialize(own.GetProperty("series")), JsonSerializer.Serialize(entry.GetProperty("series")));
            Assert.Equal(own.GetProperty("inputs").GetProperty("days").GetDouble(), entry.GetProperty("days").GetDouble());
        }

        var text = CliRunner.AssertSuccess("simulate", "--events", table);
        Assert.StartsWith("3 subjects in three.csv, each simulated on its own (choose one with --id):", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split("not medical advice").Length - 1);
        var second = text[text.IndexOf("subject ID 2:", StringComparison.Ordinal)..text.IndexOf("subject ID 7:", StringComparison.Ordinal)];
        Assert.Equal("subject ID 2:" + Environment.NewLine + CliRunner.AssertSuccess("simulate", "--events", table, "--id", "2") + Environment.NewLine, second);

        // One chart per run: --svg needs --id; a subject that cannot run is refused before any output.
        Assert.Contains("--svg draws one subject", CliRunner.AssertUsageError("simulate", "--events", table, "--svg", Path.Combine(_folder, "x.svg")), StringComparison.Ordinal);
        var late = Write("late.csv", "ID,TIME,AMT,EVID,ROUTE\n1,0,1000,1,im\n1,24,.,0,.\n2,0,.,0,.\n2,24,.,0,.\n2,48,1000,1,im\n");
        Assert.Contains("(subject ID 2) has a dose at TIME 48 h, at or after its last sample (24 h)", CliRunner.AssertUsageError("simulate", "--events", late, "--csv"), StringComparison.Ordinal);
    }

    [Fact]
    public void Events_refusals_are_one_line_usage_errors()
    {
        var bad = Write("bad.csv", "ID,TIME,AMT,EVID,ROUTE\n1,0,1000,4,im\n");
        Assert.Contains("Line 2, column EVID is 4", CliRunner.AssertUsageError("simulate", "--events", bad, "--days", "10"), StringComparison.Ordinal);
        var two = Write("two.csv", "ID,TIME,AMT,ROUTE\n1,0,1000,im\n2,0,1000,im\n");
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
