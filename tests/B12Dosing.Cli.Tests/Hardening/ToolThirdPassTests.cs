using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace B12Dosing.Cli.Tests.Hardening;

/// <summary>
/// Issue 21, the third hardening pass, at the command line: one test per class of the tool side, each failing on
/// the code before the fix (listed in <c>docs/reliability.md</c>).
/// </summary>
public sealed class ToolThirdPassTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-third-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Table(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // ---- Class 1: every refusal of input is exit 2, naming the option or the table's line and column ----

    [Fact]
    public void Bad_input_is_a_usage_error_naming_the_option_or_the_line_and_column()
    {
        var two = Table("two.csv", "ID,TIME,AMT,EVID,ROUTE\n1,0,1000,1,im\n1,24,0,0,.\n2,0,500,1,im\n2,24,0,0,.\n");
        Assert.StartsWith("b12: --id: The table has no subject 99", CliRunner.AssertUsageError("simulate", "--events", two, "--id", "99"), StringComparison.Ordinal);

        var far = Table("far.csv", "ID,TIME,AMT,EVID,ROUTE,II,ADDL\n1,0,1000,1,im,1752000,2147483647\n1,24,0,0,.,.,.\n");
        Assert.StartsWith("b12: Line 2, column ADDL is 2147483647", CliRunner.AssertUsageError("simulate", "--events", far), StringComparison.Ordinal);

        var many = Table("many.csv", "ID,TIME,AMT,EVID,ROUTE,II,ADDL\n1,0,1000,1,im,0.0025,9000000\n1,0,1000,1,oral,0.0025,9000000\n1,24,0,0,.,.,.\n");
        Assert.StartsWith("b12: Line 3, column ADDL is 9000000", CliRunner.AssertUsageError("simulate", "--events", many), StringComparison.Ordinal);

        foreach (var (option, value) in new[] { ("--times", "99999999999999999999"), ("--times", "0,1e3"), ("--after-dose", "99999999999999999999h"), ("--after-dose", "1e30w") })
        {
            var error = CliRunner.AssertUsageError("simulate", "--regimen", "1 mg im daily", "--days", "10", option, value);
            Assert.Contains(option, error, StringComparison.Ordinal);
        }
    }

    // ---- Class 3: output streamed with bounded memory and few write calls ----

    /// <summary>A writer that keeps nothing: it counts the characters and the largest single write.</summary>
    private sealed class MeasuringWriter : TextWriter
    {
        public long Characters { get; private set; }

        public int LargestWrite { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Count(1);

        public override void Write(char[] buffer, int index, int count) => Count(count);

        public override void Write(ReadOnlySpan<char> buffer) => Count(buffer.Length);

        public override void Write(string? value) => Count(value?.Length ?? 0);

        private void Count(int length)
        {
            Characters += length;
            LargestWrite = Math.Max(LargestWrite, length);
        }
    }

    [Fact]
    public void Json_output_is_streamed_in_pieces_that_do_not_grow_with_the_output()
    {
        // The whole document was built as one string first: an 847 MB output peaked at 3.85 GB.
        var largest = new List<int>();
        foreach (var days in new[] { 2_000, 20_000 })
        {
            var writer = new MeasuringWriter();
            Assert.Equal(B12Cli.Success, B12Cli.Run(["simulate", "--regimen", "1 mg im monthly", "--days", days.ToString(CultureInfo.InvariantCulture), "--json"], writer, TextWriter.Null));
            output.WriteLine(Invariant($"{days} days: {writer.Characters} characters of JSON, largest write {writer.LargestWrite}"));
            largest.Add(writer.LargestWrite);
        }

        Assert.All(largest, l => Assert.InRange(l, 1, 2 * CliJson.FlushBytes));
        Assert.InRange(largest[1] / (double)largest[0], 0, 1.5);
    }

    [Fact]
    public void Streamed_json_is_the_text_the_serializer_gives()
    {
        var streamed = CliRunner.AssertSuccess("simulate", "--regimen", "1 mg im weekly", "--days", "30", "--json");
        using var document = JsonDocument.Parse(streamed);
        var whole = JsonSerializer.Serialize(document.RootElement, CliJson.Options) + Environment.NewLine;
        Assert.Equal(whole, streamed);
        Assert.Equal(31, document.RootElement.GetProperty("series").GetArrayLength());
    }

    /// <summary>A stream that counts its write calls and bytes and keeps nothing.</summary>
    private sealed class CountingStream : Stream
    {
        public int Writes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => 0;

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Writes++;

        public override void Write(ReadOnlySpan<byte> buffer) => Writes++;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public void Csv_to_standard_output_makes_a_write_call_per_block_not_per_cell()
    {
        // Console.Out flushed every write: 20 system calls a row. The tool's standard output is buffered and flushed once.
        var perRow = new List<double>();
        foreach (var days in new[] { 3_000, 30_000 })
        {
            var stream = new CountingStream();
            using (var stdout = Program.Output(stream))
            {
                Assert.Equal(B12Cli.Success, B12Cli.Run(["simulate", "--regimen", "1 mg im monthly", "--days", days.ToString(CultureInfo.InvariantCulture), "--csv"], stdout, TextWriter.Null));
            }

            perRow.Add(stream.Writes / (double)(days + 1));
        }

        output.WriteLine(Invariant($"write calls per row: {perRow[0]:0.0000} (3 001 rows), {perRow[1]:0.0000} (30 001 rows)"));
        Assert.All(perRow, p => Assert.InRange(p, 0, 0.05));
    }

    [Fact]
    public void Streamed_csv_and_json_are_what_the_whole_result_gives()
    {
        // Without --svg the rows are written as they are made; with it, from the whole result: the same text.
        string[] run = ["simulate", "--regimen", "1 mg ohcbl im q3d x5 then 1 mg im monthly", "--days", "120", "--after-dose", "0h,2h"];
        var svg = Path.Combine(_folder, "chart.svg");
        foreach (var format in new[] { "--csv", "--json" })
        {
            Assert.Equal(CliRunner.AssertSuccess([.. run, format, "--svg", svg]), CliRunner.AssertSuccess([.. run, format]));
        }
    }

    // ---- Class 4: options are honoured or refused, never ignored in silence ----

    [Fact]
    public void Options_are_honoured_or_refused_never_ignored()
    {
        var idAlone = CliRunner.AssertUsageError("simulate", "--regimen", "1 mg im daily", "--days", "10", "--id", "3");
        Assert.Contains("--id", idAlone, StringComparison.Ordinal);

        var tooMuch = CliRunner.AssertUsageError("simulate", "--regimen", "1 mg im daily", "--days", "10", "--initial-stores", "50 mg");
        Assert.StartsWith("b12: --initial-stores 50 mg: the model's body holds at most 11100 µg", tooMuch, StringComparison.Ordinal);

        // The text output prints the rows asked for.
        var times = CliRunner.AssertSuccess("simulate", "--regimen", "1 mg im daily", "--days", "10", "--times", "0,2.5,7");
        Assert.Contains("day 2.5:", times, StringComparison.Ordinal);
        Assert.Contains("day 7:", times, StringComparison.Ordinal);
        var afterDose = CliRunner.AssertSuccess("simulate", "--regimen", "1 mg im weekly", "--days", "14", "--after-dose", "12h");
        Assert.Contains("day 7.5:", afterDose, StringComparison.Ordinal);
        var step = CliRunner.AssertSuccess("simulate", "--regimen", "1 mg im weekly", "--days", "2", "--step-hours", "12");
        Assert.Contains("day 1.5:", step, StringComparison.Ordinal);
    }

    // ---- Class 6: every pool and tally in the JSON ----

    [Fact]
    public void Json_accounts_for_every_microgram()
    {
        // A year of 1 mg IM daily: 9 058 µg could not be accounted for from the output while the balance error said 0.
        using var document = JsonDocument.Parse(CliRunner.AssertSuccess("simulate", "--regimen", "1 mg im daily", "--days", "365", "--json"));
        var summary = document.RootElement.GetProperty("summary");
        var series = document.RootElement.GetProperty("series");
        var first = series[0];
        var last = series[series.GetArrayLength() - 1];
        double Get(JsonElement e, string name) => e.GetProperty(name).GetDouble();
        Assert.True(Get(summary, "final_labile_ug") > 1000);
        Assert.Equal(Get(summary, "final_labile_ug"), Get(last, "labile_ug"));
        Assert.Equal(Get(summary, "initial_body_ug"), Get(first, "body_ug"));
        var unaccounted = Get(summary, "total_dose_ug") - (Get(summary, "final_body_ug") - Get(summary, "initial_body_ug") + Get(summary, "total_excreted_ug") + Get(summary, "not_absorbed_ug"));
        Assert.True(Math.Abs(unaccounted) <= 1e-9 * Get(summary, "mass_balance_scale_ug"), Invariant($"{unaccounted} µg"));
    }

    // ---- Class 8: messages that name what was given ----

    [Fact]
    public void Messages_name_what_was_given_and_nothing_else()
    {
        // A table sample beyond --days was reported under --times, which was not given.
        var late = Table("late.csv", "ID,TIME,AMT,EVID,ROUTE\n1,0,1000,1,im\n1,240,0,0,.\n");
        var beyond = CliRunner.AssertUsageError("simulate", "--events", late, "--days", "5");
        Assert.StartsWith("b12: --events", beyond, StringComparison.Ordinal);
        Assert.DoesNotContain("--times", beyond, StringComparison.Ordinal);

        // A --times conflict with the table's samples was reported under --days.
        var conflict = CliRunner.AssertUsageError("simulate", "--events", late, "--times", "0,1");
        Assert.StartsWith("b12: --times", conflict, StringComparison.Ordinal);

        // Any mistyped option after --regimen NAME added the "must be quoted" hint.
        var mistyped = CliRunner.AssertUsageError("simulate", "--regimen", "bnf-no-neuro", "--dyas", "10");
        Assert.DoesNotContain("must be quoted", mistyped, StringComparison.Ordinal);
        Assert.Contains("must be quoted", CliRunner.AssertUsageError("simulate", "--regimen", "1", "mg", "im", "daily", "--days", "10"), StringComparison.Ordinal);

        // --events on a folder said "Access denied".
        var folder = CliRunner.AssertUsageError("simulate", "--events", _folder);
        Assert.Contains("is a folder", folder, StringComparison.Ordinal);
        Assert.Contains("no such file", CliRunner.AssertUsageError("simulate", "--events", Path.Combine(_folder, "missing.csv")), StringComparison.Ordinal);

        // --days 1e-12 was "must be more than zero".
        var tiny = CliRunner.AssertUsageError("simulate", "--regimen", "1 mg im daily", "--days", "1e-12");
        Assert.Contains("at least one second", tiny, StringComparison.Ordinal);

        // 200 000 subjects were listed in one 1.5 MB line.
        var text = new StringBuilder("ID,TIME,AMT,EVID,ROUTE\n");
        for (var id = 1; id <= 200_000; id++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{id},0,1000,1,im\n{id},24,0,0,.\n");
        }

        var crowd = Table("crowd.csv", text.ToString());
        var missing = CliRunner.AssertUsageError("simulate", "--events", crowd, "--id", "999999");
        Assert.True(missing.Length < 300, Invariant($"{missing.Length} characters"));

        // A message that wrapped a sentence with its own full stop ended in "..".
        var huge = Table("huge.csv", "TIME,AMT,EVID,ROUTE\n0,6000000,1,im\n24,0,0,.\n");
        Assert.False(CliRunner.AssertUsageError("simulate", "--events", huge).EndsWith("..", StringComparison.Ordinal));
    }
}
