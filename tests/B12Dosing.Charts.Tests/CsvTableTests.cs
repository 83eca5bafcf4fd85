using System.Globalization;

namespace B12Dosing.Charts.Tests;

public class CsvTableTests
{
    internal sealed record Row(double Day, double Stores, string Note);

    internal static readonly CsvTable<Row> Table = new([
        CsvColumn.Number<Row>("day", "d", r => r.Day),
        CsvColumn.Number<Row>("stores", "µg", r => r.Stores),
        CsvColumn.Text<Row>("note", r => r.Note)]);

    [Fact]
    public void The_header_names_the_units_and_lines_end_with_crlf()
    {
        var csv = Table.ToCsv([new Row(0, 2500, "start"), new Row(1.5, 2496.25, "")]);
        Assert.Equal("day (d),stores (µg),note\r\n0,2500,start\r\n1.5,2496.25,\r\n", csv);
    }

    [Fact]
    public void Numbers_use_the_invariant_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Contains("0.125,1234.5,", Table.ToCsv([new Row(0.125, 1234.5, "x")]), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Numbers_round_trip_exactly_by_default()
    {
        var value = 0.1 + 0.2;
        var line = Table.ToCsv([new Row(value, 1, "")]).Split("\r\n")[1];
        Assert.Equal(value, double.Parse(line.Split(',')[0], CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    public void Fields_are_quoted_as_rfc_4180_requires(string field, string expected) =>
        Assert.Equal(expected, CsvColumn.Quote(field));

    [Fact]
    public void A_header_with_a_comma_is_quoted()
    {
        var table = new CsvTable<double>([CsvColumn.Number<double>("serum", "pg/mL, total", v => v)], "\n");
        Assert.Equal("\"serum (pg/mL, total)\"\n3\n", table.ToCsv([3]));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_numbers_are_rejected_naming_row_and_column(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => Table.ToCsv([new Row(0, 1, ""), new Row(1, bad, "")]));
        Assert.Contains("Row 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("stores", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_format_applies_to_the_number()
    {
        var table = new CsvTable<double>([CsvColumn.Number<double>("x", "", v => v, "0.00")]);
        Assert.Equal("x\r\n3.14\r\n", table.ToCsv([Math.PI]));
    }

    [Fact]
    public void Duplicate_names_no_columns_and_odd_line_endings_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new CsvTable<double>([CsvColumn.Number<double>("x", "", v => v), CsvColumn.Number<double>("x", "µg", v => v)]));
        Assert.Throws<ArgumentException>(() => new CsvTable<double>([]));
        Assert.Throws<ArgumentException>(() => new CsvTable<double>([CsvColumn.Number<double>("x", "", v => v)], ";"));
    }
}
