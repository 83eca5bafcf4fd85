using System.Globalization;
using B12Dosing.Kinetics;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Kinetics;

/// <summary>A result as data (issue 13): CSV with units in the header, invariant culture, rows enumerated.</summary>
public class ResultCsvTests
{
    private static readonly SimulationResult Result = Simulator.Run(
        Regimen.Parse("1 mg im q84h"),
        new SimulationSettings(TimeSpan.FromDays(10)) { SamplesAfterDose = [TimeSpan.Zero, TimeSpan.FromHours(2)] });

    [Fact]
    public void The_header_names_every_column_with_its_unit()
    {
        var header = Result.ToCsv().Split("\r\n")[0];
        Assert.Equal("day,dose_number,time_since_last_dose_h,stores_ug,plasma_ug,serum_pg_per_ml,serum_pmol_per_l,cumulative_urine_ug,cumulative_faeces_ug,holotc_pmol_per_l,labile_ug,holotc_ug,holohc_ug,protein_bound_ug,free_ug,body_ug", header);
        Assert.Equal(header.Split(','), SimulationResult.CsvColumns.Select(c => c.Name));
        Assert.All(SimulationResult.CsvColumns.Where(c => c.Unit.Length > 0 && c.Name != "day"), c => Assert.Contains('_', c.Name));
    }

    /// <summary>Every cell reads back (invariant culture, whatever the current one) to exactly the row's value.</summary>
    [Fact]
    public void Cells_read_back_to_the_rows_exactly_in_any_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var lines = Result.ToCsv().Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
            Assert.Equal(Result.Count, lines.Length);
            for (var i = 0; i < lines.Length; i++)
            {
                var cells = lines[i].Split(',');
                var row = Result[i];
                double Cell(int c) => double.Parse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.Equal(row.Day, Cell(0));
                Assert.Equal(row.DoseNumber, Cell(1));
                Assert.Equal(row.TimeSinceLastDose?.TotalHours, cells[2].Length == 0 ? null : Cell(2));
                Assert.Equal(row.StoresMicrograms, Cell(3));
                Assert.Equal(row.SerumPicogramsPerMilliliter, Cell(5));
                Assert.Equal(row.CumulativeFaecesMicrograms, Cell(8));
                Assert.Equal(row.HoloTranscobalaminPicomolesPerLiter, Cell(9));
            }

            Assert.Equal(string.Empty, lines[0].Split(',')[2]);   // before the first dose: no time since it
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_result_is_its_rows_and_its_records_have_the_column_names()
    {
        Assert.Equal(Result.Series, Result);
        Assert.Equal(Result.Series[3], Result[3]);
        var record = Result.Records().ElementAt(3);
        Assert.Equal(SimulationResult.CsvColumns.Select(c => c.Name), record.Keys);
        Assert.Equal(Result[3].StoresMicrograms, record["stores_ug"]);
        Assert.Null(Result.Records().First()["time_since_last_dose_h"]);
        var lf = new StringWriter();
        Result.WriteCsv(lf, "\n");
        Assert.DoesNotContain('\r', lf.ToString());
        Assert.Throws<ArgumentException>("newLine", () => Result.WriteCsv(new StringWriter(), ";"));
    }
}
