using B12Dosing.Absorption;
using B12Dosing.Estimation;
using B12Dosing.EventTables;
using B12Dosing.Guidelines;
using B12Dosing.Quantities;

namespace B12Dosing.Tests.EventTables;

/// <summary>The event table's <c>DV</c> with an analyte column as blood tests (issue 19, items 1 and 4).</summary>
public class EventTableObservationTests
{
    private const string Header = "ID,TIME,AMT,EVID,ROUTE,DV,ANALYTE,UNIT,CENS,MDV\n";

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>
    /// Each analyte and unit reads as the observation the factories make: 160 pg/mL, 118 pmol/L and 160 ng/L (= 160 pg/mL)
    /// total serum, 45 pmol/L holoTC, and 50 pg/mL below the limit (CENS 1). EVID 2, MDV 1 and doses keep no DV.
    /// </summary>
    [Fact]
    public void DV_with_ANALYTE_UNIT_and_CENS_reads_as_observations()
    {
        var table = EventTable.Parse(Header +
            "1,0,.,0,.,160,serum,pg/mL,0,0\n" +
            "1,0,1000,1,im,999,serum,pg/mL,.,1\n" +
            "1,24,.,0,.,118,serum,pmol/L,.,.\n" +
            "1,48,.,0,.,160,total,ng/L,.,.\n" +
            "1,72,.,0,.,45,holotc,.,.,.\n" +
            "1,96,.,0,.,50,serum,pg/mL,1,0\n" +
            "1,120,.,2,.,77,serum,pg/mL,.,.\n" +
            "1,144,.,0,.,88,serum,pg/mL,.,1\n" +
            "1,168,.,0,.,.,.,.,.,.\n");
        Observation[] expected =
            [
                Observation.TotalSerum(TimeSpan.Zero, MassConcentration.FromPicogramsPerMilliliter(160)),
                Observation.TotalSerum(Day, Molarity.FromPicomolesPerLiter(118)),
                Observation.TotalSerum(2 * Day, MassConcentration.FromPicogramsPerMilliliter(160)),
                Observation.HoloTranscobalamin(3 * Day, Molarity.FromPicomolesPerLiter(45)),
                Observation.BelowLimit(4 * Day, SerumAnalyte.TotalB12, Molarity.FromPicomolesPerLiter(SerumModelPicomoles(50))),
            ];
        var read = table.Observations(1);
        Assert.Equal(expected.Length, read.Length);
        Assert.All(expected.Zip(read), pair =>
        {
            Assert.Equal((pair.First.Time, pair.First.Analyte, pair.First.IsBelowLimit), (pair.Second.Time, pair.Second.Analyte, pair.Second.IsBelowLimit));
            Assert.Equal(pair.First.Concentration.PicomolesPerLiter, pair.Second.Concentration.PicomolesPerLiter, 1e-12 * pair.First.Concentration.PicomolesPerLiter);
        });
        Assert.Equal(8, table.SampleTimes(1).Length); // every EVID 0 and 2 record is a sample time, with a DV or not
    }

    private static double SerumModelPicomoles(double picogramsPerMilliliter) => B12Dosing.Kinetics.SerumModel.ToPicomolesPerLiter(picogramsPerMilliliter);

    /// <summary>Without an ANALYTE column DV is not read (as before); a subject whose DV has values is refused with the line named, others are not.</summary>
    [Fact]
    public void DV_without_an_analyte_column_is_refused_where_it_has_values()
    {
        var table = EventTable.Parse("ID,TIME,AMT,EVID,ROUTE,DV\n1,0,1000,1,im,.\n1,24,.,0,.,.\n2,0,1000,1,im,.\n2,24,.,0,.,610\n");
        Assert.Empty(table.Observations(1));
        var e = Assert.Throws<FormatException>(() => table.Observations(2));
        Assert.StartsWith("Line 5, column DV has a value but the table has no ANALYTE column", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Bad input: each refusal is one line naming the table line and column.</summary>
    [Theory]
    [InlineData("1,24,.,0,.,abc,serum,pg/mL,.,.", "Line 2, column DV is 'abc', not a finite number")]
    [InlineData("1,24,.,0,.,0,serum,pg/mL,.,.", "Line 2, column DV is 0: a measured value must be above 0")]
    [InlineData("1,24,.,0,.,-5,serum,pg/mL,.,.", "Line 2, column DV is -5: a measured value must be above 0")]
    [InlineData("1,24,.,0,.,160,folate,pg/mL,.,.", "Line 2, column ANALYTE is 'folate'; accepted: serum (total B12) or holotc")]
    [InlineData("1,24,.,0,.,160,.,pg/mL,.,.", "Line 2, column ANALYTE is missing on a record with DV")]
    [InlineData("1,24,.,0,.,160,serum,.,.,.", "Line 2, column UNIT is missing for a serum DV; give pg/mL, ng/L or pmol/L")]
    [InlineData("1,24,.,0,.,160,serum,mg/dL2,.,.", "Line 2, column UNIT is 'mg/dL2'; accepted for serum: pg/mL, ng/L or pmol/L; for holotc: pmol/L")]
    [InlineData("1,24,.,0,.,45,holotc,pg/mL,.,.", "Line 2, column UNIT is 'pg/mL'; accepted for serum: pg/mL, ng/L or pmol/L; for holotc: pmol/L")]
    [InlineData("1,24,.,0,.,45,holotc,pmol/L,2,.", "Line 2, column CENS is 2; accepted: 0 (a measured value) or 1")]
    [InlineData("1,24,.,0,.,45,holotc,pmol/L,-1,.", "Line 2, column CENS is -1; accepted: 0 (a measured value) or 1")]
    [InlineData("1,900000,.,0,.,45,holotc,pmol/L,.,.", "Line 2, column TIME is 900000: An observation's time must be from 0 to 36525 days")]
    public void Bad_observations_are_refused_naming_line_and_column(string line, string message)
    {
        var e = Assert.Throws<FormatException>(() => EventTable.Parse(Header + line + "\n"));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    /// <summary>An estimate from a table is the estimate from the same doses and the same observations given as a list.</summary>
    [Fact]
    public void Estimate_from_a_table_equals_the_estimate_from_the_list()
    {
        var table = EventTable.Parse(Header +
            "1,0,.,0,.,160,serum,pg/mL,.,.\n" +
            "1,0,1000,1,im,.,.,.,.,.\n" +
            "1,168,1000,1,im,.,.,.,.,.\n" +
            "1,720,.,0,.,420,serum,pg/mL,.,.\n" +
            "1,720,.,0,.,45,holotc,pmol/L,.,.\n");
        var settings = EstimationSettings.Default with { Condition = Condition.PerniciousAnemia };
        var fromTable = Estimator.Estimate(table.Events(1), table.Observations(1), settings);
        var fromList = Estimator.Estimate(table.Events(1), Observation.ParseList("day 0: 160 pg/mL, day 30: 420 pg/mL, day 30: holoTC 45 pmol/L"), settings);
        Assert.Equal(fromList.Parameters, fromTable.Parameters);
        Assert.Equal(3, fromTable.Fits.Count);
    }
}
