using B12Dosing.Dosing;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Regimens;

public class RegimenCatalogueTests
{
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);

    [Fact]
    public void The_catalogue_has_exactly_the_names_scripts_depend_on()
    {
        Assert.Equal(
            ["none", "bnf-no-neuro", "bnf-neuro", "us-label-cyanocobalamin", "stabler-2013", "kuzminski-oral", "kuzminski-im", "nascobal-weekly", "rda-diet", "oral-1000-daily"],
            RegimenCatalogue.Names);
    }

    [Fact]
    public void Every_entry_has_a_description_a_source_and_notation_that_round_trips()
    {
        Assert.All(RegimenCatalogue.All, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Description));
            Assert.False(string.IsNullOrWhiteSpace(p.Source));
            Assert.Equal(p.Regimen, Regimen.Parse(p.Notation));
        });
    }

    [Fact]
    public void Lookup_is_case_insensitive_and_unknown_names_list_the_catalogue()
    {
        Assert.Same(RegimenCatalogue.Get("bnf-neuro"), RegimenCatalogue.Get(" BNF-Neuro "));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RegimenCatalogue.Get("bnf"));
        Assert.Equal("name", ex.ParamName);
        Assert.Contains("kuzminski-oral", ex.Message, StringComparison.Ordinal);
        Assert.False(RegimenCatalogue.TryGet("nope", out _));
    }

    [Fact]
    public void Resolve_takes_a_name_or_notation()
    {
        Assert.Equal(RegimenCatalogue.Get("kuzminski-oral").Regimen, RegimenCatalogue.Resolve("kuzminski-oral"));
        Assert.Equal(Regimen.Parse("500 ug oral daily"), RegimenCatalogue.Resolve("500 ug oral daily"));
        var ex = Assert.Throws<FormatException>(() => RegimenCatalogue.Resolve("kuzminsky-oral"));
        Assert.Contains("kuzminski-oral", ex.Message, StringComparison.Ordinal);
    }

    // The schedules below are read from the sources in the shared reference, section 5.
    [Fact]
    public void Bnf_without_neurological_involvement_three_times_a_week_for_two_weeks_then_every_three_months()
    {
        var events = RegimenCatalogue.Get("bnf-no-neuro").Regimen.Events(Year);
        Assert.Equal(6, events.Count(e => e.Time < TimeSpan.FromDays(14)));
        Assert.All(events, e => Assert.Equal(Dose.Intramuscular(Mass.FromMilligrams(1), CobalaminForm.Hydroxocobalamin), e.Dose));
        var maintenance = events.Where(e => e.Time >= TimeSpan.FromDays(14)).Select(e => e.Time.TotalDays).ToArray();
        Assert.Equal([101, 191, 281], maintenance);
    }

    [Fact]
    public void Bnf_with_neurological_involvement_alternate_days_for_three_weeks_then_every_two_months()
    {
        var days = RegimenCatalogue.Get("bnf-neuro").Regimen.Events(Year).Select(e => e.Time.TotalDays).ToArray();
        Assert.Equal([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 80, 140, 200, 260, 320], days);
    }

    [Fact]
    public void Us_label_gives_100_ug_daily_for_a_week_then_alternate_days_for_seven_doses_then_monthly()
    {
        var events = RegimenCatalogue.Get("us-label-cyanocobalamin").Regimen.Events(Year);
        Assert.All(events, e => Assert.Equal(100, e.Dose.Amount.Micrograms));
        var days = events.Select(e => e.Time.TotalDays).ToArray();
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 20], days[..14]);
        Assert.Equal(30, days[^1] - days[^2]);
    }

    [Fact]
    public void Kuzminski_arms_match_the_trial()
    {
        var oral = RegimenCatalogue.Get("kuzminski-oral").Regimen.Events(TimeSpan.FromDays(119));
        Assert.Equal(120, oral.Length);
        Assert.All(oral, e => Assert.Equal(Dose.Oral(Mass.FromMicrograms(2000)), e.Dose));
        var im = RegimenCatalogue.Get("kuzminski-im").Regimen.Events(Year);
        Assert.Equal([1, 3, 7, 10, 14, 21, 30, 60, 90], im.Select(e => (int)e.Time.TotalDays + 1));
        Assert.All(im, e => Assert.Equal(Dose.Intramuscular(Mass.FromMicrograms(1000)), e.Dose));
    }

    [Fact]
    public void The_rda_diet_gives_2_4_ug_of_food_bound_b12_a_day_over_three_meals()
    {
        var week = RegimenCatalogue.Get("rda-diet").Regimen.Events(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(21, week.Length);
        Assert.Equal(7 * 2.4, week.Sum(e => e.Dose.Amount.Micrograms), 10);
        Assert.All(week, e => Assert.Equal(DoseVehicle.FoodBound, e.Dose.Vehicle));
    }

    [Fact]
    public void None_gives_nothing_and_the_weekly_and_daily_protocols_repeat()
    {
        Assert.Empty(RegimenCatalogue.Get("none").Regimen.Events(Year));
        Assert.Equal(53, RegimenCatalogue.Get("nascobal-weekly").Regimen.Events(Year).Length);
        Assert.Equal(Route.Intranasal, RegimenCatalogue.Get("nascobal-weekly").Regimen.Events(Year)[0].Dose.Route);
        Assert.Equal(366, RegimenCatalogue.Get("oral-1000-daily").Regimen.Events(Year).Length);
        // Stabler 2013: daily for a week, weekly (4 doses; the source allows 4-8), then monthly.
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 13, 20, 27, 34, 64, 94], RegimenCatalogue.Get("stabler-2013").Regimen.Events(TimeSpan.FromDays(100)).Select(e => e.Time.TotalDays));
    }
}
