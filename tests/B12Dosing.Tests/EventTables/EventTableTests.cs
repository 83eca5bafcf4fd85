using B12Dosing.Dosing;
using B12Dosing.EventTables;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using B12Dosing.Tests.Properties;
using B12Dosing.Tests.Shared;
using static B12Dosing.Tests.Kinetics.KineticsTestData;

namespace B12Dosing.Tests.EventTables;

/// <summary>NONMEM-style event tables in and out (issue 13).</summary>
public class EventTableTests
{
    private const string Header = "ID,TIME,AMT,EVID,ROUTE,II,ADDL\n";

    private static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    private static string Key(DoseEvent e) => $"{e.Time.Ticks} {e.Dose.Micrograms:R} {e.Dose.Route} {e.Dose.Form} {e.Dose.Vehicle}";

    /// <summary>Subject 1's doses (a table of no doses has no subject).</summary>
    private static IEnumerable<DoseEvent> Doses(EventTable table) => table.Ids.Count == 0 ? [] : table.Events(1);

    /// <summary>Every published protocol: regimen → table (ADDL runs) → CSV → table → the same events, and → notation → the same events.</summary>
    [Fact]
    public void Every_catalogue_regimen_round_trips_through_a_table_and_back_to_the_notation()
    {
        foreach (var protocol in RegimenCatalogue.All)
        {
            var events = protocol.Regimen.Events(Horizon);
            var table = EventTable.Parse(EventTable.FromRegimen(protocol.Regimen, Horizon).ToCsv());
            Assert.Equal(events.Select(Key), Doses(table).Select(Key));
            var notation = table.Ids.Count == 0 ? "none" : table.ToRegimen(1).ToString();
            Assert.Equal(events.Select(Key), Regimen.Parse(notation).Events(Horizon).Select(Key));
        }
    }

    /// <summary>Any events (several at one instant, any route and form, food): table → CSV → table gives them back exactly.</summary>
    [Property]
    public bool Any_events_round_trip_exactly(DoseEvent[] events)
    {
        var back = Doses(EventTable.Parse(EventTable.FromEvents(events).ToCsv()));
        return events.Select(Key).Order().SequenceEqual(back.Select(Key).Order());
    }

    /// <summary>Done when: a table with ADDL gives the same result as the equivalent notation to 1e-12.</summary>
    [Fact]
    public void A_table_with_ADDL_simulates_as_the_equivalent_notation()
    {
        var table = EventTable.Parse(Header + "1,0,1000,1,im,84,9\n1,36,500,1,oral,24,29\n");
        var notation = Regimen.Parse("1 mg im q84h x10 + after 36h 500 ug oral daily x30");
        var settings = new SimulationSettings(TimeSpan.FromDays(60)) { Step = TimeSpan.FromHours(6) };
        var a = Simulator.Run(table.Events(1), settings);
        var b = Simulator.Run(notation, settings);
        Assert.Equal(b.Series.Count, a.Series.Count);
        for (var i = 0; i < a.Series.Count; i++)
        {
            Assert.Equal(b.Series[i].StoresMicrograms, a.Series[i].StoresMicrograms, 1e-12 * b.Series[i].StoresMicrograms);
            Assert.Equal(b.Series[i].SerumPicogramsPerMilliliter, a.Series[i].SerumPicogramsPerMilliliter, 1e-12 * b.Series[i].SerumPicogramsPerMilliliter);
        }

        Assert.Equal(b.Summary, a.Summary);
        var words = table.ToRegimen(1).ToString();
        Assert.Equal("1000 µg im q84h x10 + after 36h 500 µg oral daily x30", words);
        Assert.Equal(notation.Events(settings.Horizon).Select(Key), Regimen.Parse(words).Events(settings.Horizon).Select(Key));
    }

    /// <summary>ADDL with II, NONMEM's own example (help for ADDL): 15 at 10 h with ADDL 2, II 12, and 10 at 20 h give doses at 10, 20, 22 and 34 h.</summary>
    [Fact]
    public void ADDL_expands_every_II_after_the_dose_and_leaves_other_records_alone()
    {
        var table = EventTable.Parse("TIME,AMT,ADDL,II,DV,CMT\n10.,15.,2,12.,.,2\n15.,.,.,.,25.7,.\n20.,10.,0,0,.,2\n36.,.,.,.,30.2,.\n");
        Assert.Equal([10, 20, 22, 34], table.Events(1).Select(e => e.Time.TotalHours));
        Assert.Equal([15, 10, 15, 15], table.Events(1).Select(e => e.Dose.Amount.Micrograms));
        Assert.All(table.Events(1), e => Assert.Equal(Route.Intravenous, e.Dose.Route));
        Assert.Equal([15, 36], table.SampleTimes(1).Select(t => t.TotalHours));
        Assert.Equal(TimeSpan.FromHours(36), table.LastTime(1));
    }

    /// <summary>Same-time doses (a user-reported bug elsewhere: one of two same-time doses lost): both are given, in any order.</summary>
    [Fact]
    public void Same_time_doses_are_all_given()
    {
        var two = EventTable.Parse(Header + "1,0,500,1,im,0,0\n1,0,500,1,im,0,0\n1,0,2000,1,oral,0,0\n");
        var one = EventTable.Parse(Header + "1,0,2000,1,oral,0,0\n1,0,1000,1,im,0,0\n");
        var settings = new SimulationSettings(TimeSpan.FromDays(10));
        var a = Simulator.Run(two.Events(1), settings);
        Assert.Equal(3000, a.Summary.TotalDoseMicrograms);
        Assert.Equal(Simulator.Run(one.Events(1), settings).Series, a.Series);
    }

    /// <summary>
    /// A dose at the last sample time (a user-reported surprise elsewhere): the sample before it in the file is its
    /// trough, not touched by it; the dose is given (and counted) once the run goes beyond it.
    /// </summary>
    [Fact]
    public void A_dose_at_the_last_sample_time_follows_its_trough()
    {
        var table = EventTable.Parse(Header + "1,0,.,0,.,.,.\n1,0,1000,1,im,0,0\n1,24,.,0,.,.,.\n1,48,.,0,.,.,.\n1,48,1000,1,im,0,0\n");
        var samples = table.SampleTimes(1);
        Assert.Equal([0, 24, 48], samples.Select(t => t.TotalHours));
        var beyond = Simulator.Run(table.Events(1), new SimulationSettings(TimeSpan.FromDays(3)) { SampleTimes = samples });
        var withoutIt = Simulator.Run(table.Events(1).Take(1), new SimulationSettings(TimeSpan.FromDays(3)) { SampleTimes = samples });
        Assert.Equal(withoutIt.Series, beyond.Series);            // the 48 h sample is before the 48 h dose
        Assert.Equal(1, beyond.Series[^1].DoseNumber);
        Assert.Equal(2000, beyond.Summary.TotalDoseMicrograms);   // and that dose is given
    }

    [Fact]
    public void Routes_and_forms_map_to_CMT_and_FORM_and_back()
    {
        foreach (var route in Routes.All)
        {
            var dose = Dose.Create(Mass.FromMicrograms(100), route, CobalaminForm.Hydroxocobalamin);
            var csv = EventTable.FromEvents([new DoseEvent(TimeSpan.FromHours(1), dose)]).ToCsv();
            Assert.Contains($",{EventTable.Compartment(route)},{route.ShortName()},hydroxocobalamin,", csv, StringComparison.Ordinal);
            var byCmt = EventTable.Parse($"TIME,AMT,CMT,FORM\n1,100,{EventTable.Compartment(route)},ohcbl\n").Events(1);
            Assert.Equal(dose, Assert.Single(byCmt).Dose);
        }

        Assert.Equal(Dose.Food(Mass.FromMicrograms(2.4)), EventTable.Parse("TIME,AMT,ROUTE,FORM\n8,2.4,po,food\n").Events(1)[0].Dose);
        Assert.Equal([1, 2, 3, 4, 5, 6], new[] { Route.Oral, Route.Intravenous, Route.Intramuscular, Route.Subcutaneous, Route.Intranasal, Route.Sublingual }.Select(EventTable.Compartment));
    }

    [Fact]
    public void Subjects_are_kept_apart_and_unknown_columns_ignored()
    {
        var table = EventTable.Parse("ID,TIME,AMT,EVID,ROUTE,WT,DV,MDV\n7,0,1000,1,im,70,.,1\n7,24,.,0,.,70,450,0\n9,0,2000,1,\"oral\",81,.,1\n");
        Assert.Equal([7, 9], table.Ids);
        Assert.Equal(1000, Assert.Single(table.Events(7)).Dose.Amount.Micrograms);
        Assert.Equal(Route.Oral, Assert.Single(table.Events(9)).Dose.Route);
        Assert.Empty(table.SampleTimes(9));
        Assert.Throws<ArgumentOutOfRangeException>("id", () => table.Events(8));
    }

    /// <summary>What a table cannot express is refused, naming the line and the column.</summary>
    [Theory]
    [InlineData("1,0,1000,3,im,0,0", "Line 2, column EVID is 3: a reset")]
    [InlineData("1,0,1000,7,im,0,0", "Line 2, column EVID is 7; accepted")]
    [InlineData("1,0,1000,1,im,0,3", "Line 2, column II is 0 with ADDL 3")]
    [InlineData("1,0,1000,1,im,24,0", "Line 2, column ADDL is 0 with II 24")]
    [InlineData("1,0,1000,1,im,24,-1", "Line 2, column ADDL is -1")]
    [InlineData("1,0,1000,1,xx,0,0", "Line 2, column ROUTE is 'xx'")]
    [InlineData("1,0,,1,im,0,0", "Line 2, column AMT is missing on a dose record")]
    [InlineData("1,0,-5,1,im,0,0", "Line 2, column AMT is -5 on a dose record (EVID 1); a dose must be more than 0 µg")]
    [InlineData("1,0,1e400,1,im,0,0", "Line 2, column AMT is '1e400', not a finite number")]
    [InlineData("1,0,1000,1,,0,0", "Line 2, column ROUTE is missing")]
    [InlineData("1,-1,1000,1,im,0,0", "Line 2, column TIME is -1 h")]
    [InlineData("1,0.333333,1000,1,im,0,0", "Line 2, column TIME is 0.333333 h = 1199.9988 s; times must be whole seconds")]
    [InlineData("1,,1000,1,im,0,0", "Line 2, column TIME is missing")]
    [InlineData("1,0,5,0,.,.,.", "Line 2, column AMT is 5 on a sample record")]
    [InlineData("1,0,.,0,.,24,.", "Line 2, column II is given on a sample record")]
    [InlineData("1,0,1000,1.5,im,0,0", "Line 2, column EVID is '1.5', not a whole number")]
    [InlineData("1,0,1000,1,im,0,0,9", "Line 2: the record has 8 cells but the header has 7")]
    [InlineData("1,0,\"im,0,0", "Line 2: a quoted field is not closed")]
    [InlineData("1,48,1000,1,im,0,0\n1,24,1000,1,im,0,0", "Line 3, column TIME is 24 h, before the record above (48 h)")]
    [InlineData("1,0,1000,1,im,0,0\n2,0,1000,1,im,0,0\n1,24,1000,1,im,0,0", "Line 4, column ID is 1: subject 1 appears again")]
    [InlineData("1,24,1000,1,im,0,0\n1,24,.,0,.,.,.", "Line 3, column EVID is 0: a sample after a dose at the same TIME (24 h)")]
    public void Bad_records_are_refused_naming_line_and_column(string records, string expected)
    {
        var e = Assert.Throws<FormatException>(() => EventTable.Parse(Header + records + "\n"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TIME,AMT,ROUTE,SS\n0,1000,im,1\n", "Line 2, column SS is 1: steady-state doses are not supported")]
    [InlineData("TIME,AMT,ROUTE,RATE\n0,1000,iv,50\n", "Line 2, column RATE is 50: infusions")]
    [InlineData("TIME,AMT,CMT\n0,1000,9\n", "Line 2, column CMT is 9; B12Dosing's compartments")]
    [InlineData("TIME,AMT,CMT,ROUTE\n0,1000,2,im\n", "Line 2, column CMT is 2 (iv) but ROUTE is im")]
    [InlineData("TIME,AMT,ROUTE,FORM\n0,1000,im,food\n", "Line 2, column FORM is food with route im")]
    [InlineData("TIME,AMT,ROUTE,FORM\n0,1000,im,iu\n", "Line 2, column FORM is 'iu'")]
    [InlineData("AMT,ROUTE\n1000,im\n", "Line 1: the event table has no TIME column")]
    [InlineData("TIME,AMT,time\n", "Line 1: the column time appears twice")]
    [InlineData("", "The event table is empty")]
    public void Bad_tables_are_refused_naming_line_and_column(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => EventTable.Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_records_come_back_as_sample_times_and_before_doses_at_their_time()
    {
        var table = EventTable.FromEvents([At(1, Im(1000)), At(0, Im(1000))], [TimeSpan.FromDays(1), TimeSpan.Zero]);
        var lines = table.ToCsv().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ID,TIME,EVID,AMT,CMT,ROUTE,FORM,II,ADDL,SS,MDV", lines[0]);
        Assert.Equal(["1,0,0,0,.,.,.,0,0,0,0", "1,0,1,1000,3,im,cyanocobalamin,24,1,0,1", "1,24,0,0,.,.,.,0,0,0,0"], lines[1..]);
        var back = EventTable.Parse(table.ToCsv());
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromDays(1)], back.SampleTimes(1).ToArray());
        Assert.Equal(2, back.Events(1).Length);
    }
}
