using B12Dosing.Dosing;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Regimens;

public class RegimenTests
{
    private static readonly Dose OhIm = Dose.Intramuscular(Mass.FromMilligrams(1), CobalaminForm.Hydroxocobalamin);
    private static readonly Dose CnIm = Dose.Intramuscular(Mass.FromMicrograms(1000));
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);

    private static double[] Days(Regimen regimen, double horizonDays) =>
        [.. regimen.Events(TimeSpan.FromDays(horizonDays)).Select(e => e.Time.TotalDays)];

    [Fact]
    public void Three_times_a_week_for_two_weeks_then_every_three_months_starts_maintenance_three_months_after_the_last_loading_dose()
    {
        var regimen = Regimen.Start(OhIm).ThreeTimesWeekly().For(TimeSpan.FromDays(14)).Then(OhIm).Every(TimeSpan.FromDays(90)).Indefinitely();
        Assert.Equal([0, 2, 4, 7, 9, 11, 101, 191, 281, 371], Days(regimen, 371));
        Assert.All(regimen.Events(Year), e => Assert.Equal(OhIm, e.Dose));
    }

    [Fact]
    public void A_count_ends_the_phase_after_that_many_cycles()
    {
        var regimen = Regimen.Start(OhIm).Every(TimeSpan.FromDays(2)).Times(7);
        Assert.Equal([0, 2, 4, 6, 8, 10, 12], Days(regimen, 365));
    }

    [Fact]
    public void For_and_until_end_the_phase_before_the_given_time()
    {
        Assert.Equal([0, 2, 4, 6, 8, 10, 12], Days(Regimen.Start(OhIm).Every(TimeSpan.FromDays(2)).For(TimeSpan.FromDays(14)), 365));
        Assert.Equal([0, 2, 4, 6, 8, 10, 12], Days(Regimen.Start(OhIm).Every(TimeSpan.FromDays(2)).Until(TimeSpan.FromDays(14)), 365));
        Assert.Equal([0, 2, 4, 6, 8, 10, 12, 14], Days(Regimen.Start(OhIm).Every(TimeSpan.FromDays(2)).Until(TimeSpan.FromDays(14.5)), 365));
    }

    [Fact]
    public void Until_is_measured_from_time_zero_even_after_a_delay()
    {
        var regimen = Regimen.Start(OhIm).After(TimeSpan.FromDays(10)).Daily().Until(TimeSpan.FromDays(13));
        Assert.Equal([10, 11, 12], Days(regimen, 365));
    }

    [Fact]
    public void An_open_ended_phase_is_cut_at_the_horizon_inclusive()
    {
        var daily = Regimen.Start(Dose.Oral(Mass.FromMicrograms(2000))).Daily().Indefinitely();
        Assert.Equal(11, daily.Events(TimeSpan.FromDays(10)).Length);
        Assert.Single(daily.Events(TimeSpan.Zero));
        Assert.True(daily.IsOpenEnded);
    }

    [Fact]
    public void Irregular_days_follow_the_clinical_numbering_day_one_is_time_zero()
    {
        var kuzminski = Regimen.Start(CnIm).OnDays(1, 3, 7, 10, 14, 21, 30, 60, 90);
        Assert.Equal([0, 2, 6, 9, 13, 20, 29, 59, 89], Days(kuzminski, 365));
        Assert.False(kuzminski.IsOpenEnded);
    }

    [Fact]
    public void A_phase_after_an_irregular_one_starts_one_interval_after_its_last_dose()
    {
        var regimen = Regimen.Start(CnIm).OnDays(1, 3).Then(CnIm).Monthly().Times(2);
        Assert.Equal([0, 2, 32, 62], Days(regimen, 365));
    }

    [Fact]
    public void Events_at_the_same_time_are_all_kept()
    {
        var oral = Regimen.Start(Dose.Oral(Mass.FromMicrograms(1000))).Daily().Times(3);
        var injection = Regimen.Start(CnIm).Once();
        var both = oral.And(injection).And(injection);
        var events = both.Events(Year);
        Assert.Equal(5, events.Length);
        Assert.Equal(3, events.Count(e => e.Time == TimeSpan.Zero));
        Assert.Equal([Route.Oral, Route.Intramuscular, Route.Intramuscular], events.Take(3).Select(e => e.Dose.Route));
    }

    [Fact]
    public void Offset_shifts_every_event_including_until_limits()
    {
        var regimen = Regimen.Start(OhIm).Daily().Until(TimeSpan.FromDays(3)).And(Regimen.Start(CnIm).OnDays(2));
        var shifted = regimen.Offset(TimeSpan.FromDays(5));
        Assert.Equal([5, 6, 6, 7], Days(shifted, 365));
        Assert.Equal([0, 1, 1, 2], Days(regimen, 365));
    }

    [Fact]
    public void Split_dosing_divides_the_amount_over_the_times_of_each_cycle()
    {
        var diet = Regimen.Diet(Mass.FromMicrograms(2.4));
        var day = diet.Events(TimeSpan.FromHours(23));
        Assert.Equal([8.0, 13.0, 19.0], day.Select(e => e.Time.TotalHours));
        Assert.All(day, e => Assert.Equal(DoseVehicle.FoodBound, e.Dose.Vehicle));
        Assert.Equal(2.4, day.Sum(e => e.Dose.Amount.Micrograms), 12);
        Assert.Equal(3 * 30, diet.Events(TimeSpan.FromDays(30)).Length);
    }

    [Fact]
    public void Split_into_equal_parts_spreads_them_evenly()
    {
        var regimen = Regimen.Start(Dose.Oral(Mass.FromMicrograms(1000))).Daily().Split(4).Times(1);
        Assert.Equal([0.0, 6, 12, 18], regimen.Events(Year).Select(e => e.Time.TotalHours));
        Assert.All(regimen.Events(Year), e => Assert.Equal(250, e.Dose.Amount.Micrograms, 12));
    }

    [Fact]
    public void The_builder_and_the_notation_describe_the_same_regimen()
    {
        var built = Regimen.Start(OhIm).Every(TimeSpan.FromDays(2)).Times(7).Then(OhIm).Every(TimeSpan.FromDays(90)).Indefinitely();
        Assert.Equal(built, Regimen.Parse("1 mg ohcbl im q2d x7 then 1 mg ohcbl im q3mo"));
        Assert.Equal("1 mg ohcbl im q2d x7 then 1 mg ohcbl im q3mo", built.ToString());
        Regimen implicitOpen = Regimen.Start(Dose.Oral(Mass.FromMicrograms(2000))).Daily();
        Assert.Equal("2000 µg oral daily", implicitOpen.ToString());
    }

    [Fact]
    public void Equality_compares_amounts_not_units_and_is_a_value_contract()
    {
        var a = Regimen.Parse("1 mg im daily x3");
        var b = Regimen.Parse("1000 ug im daily x3");
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Regimen.Parse("1 mg im daily x4"));
        Assert.True(a != Regimen.Parse("1 mg sc daily x3"));
        Assert.NotEqual(a, a.WithAdherence(0.5, 1));
        Assert.Equal(Regimen.None, Regimen.Parse("none"));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void None_has_no_events()
    {
        Assert.Empty(Regimen.None.Events(Year));
        Assert.True(Regimen.None.IsEmpty);
        Assert.Equal(Regimen.Start(CnIm).Once(), Regimen.Combine(Regimen.None, Regimen.Start(CnIm).Once()));
    }

    [Fact]
    public void Adherence_is_reproducible_per_seed_and_keeps_earlier_choices_for_longer_horizons()
    {
        var regimen = Regimen.Parse("1000 ug oral daily").WithAdherence(0.8, seed: 42);
        // ImmutableArray's own Equals compares references, so compare the contents as arrays.
        var first = regimen.Events(TimeSpan.FromDays(999)).ToArray();
        Assert.Equal(first, Regimen.Parse("1000 ug oral daily").WithAdherence(0.8, seed: 42).Events(TimeSpan.FromDays(999)).ToArray());
        var shorter = regimen.Events(TimeSpan.FromDays(100));
        Assert.Equal(shorter, first.TakeWhile(e => e.Time <= TimeSpan.FromDays(100)));
        Assert.NotEqual(first, regimen.WithAdherence(0.8, seed: 43).Events(TimeSpan.FromDays(999)).ToArray());
    }

    [Fact]
    public void Adherence_keeps_about_the_given_share_of_doses()
    {
        // 10 000 draws at p = 0.8: the binomial standard deviation of the share is 0.004; allow 5 of them.
        var kept = Regimen.Parse("1000 ug oral q1h").WithAdherence(0.8, seed: 7).Events(TimeSpan.FromHours(9999)).Length;
        Assert.InRange(kept / 10000.0, 0.78, 0.82);
        Assert.Empty(Regimen.Parse("1000 ug oral daily").WithAdherence(0, seed: 1).Events(Year));
        Assert.Equal(366, Regimen.Parse("1000 ug oral daily").WithAdherence(1, seed: 1).Events(Year).Length);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Adherence_outside_zero_to_one_is_rejected(double probability)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.None.WithAdherence(probability, 1));
        Assert.Equal("probability", ex.ParamName);
    }

    [Fact]
    public void Bad_builder_values_are_rejected_naming_the_value()
    {
        Assert.Equal("interval", Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Start(CnIm).Every(TimeSpan.Zero)).ParamName);
        Assert.Equal("interval", Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Start(CnIm).Every(TimeSpan.FromDays(-1))).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Start(CnIm).Daily().Times(0)).ParamName);
        Assert.Equal(-3, Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Start(CnIm).Daily().Times(-3)).ActualValue);
        Assert.Equal("delay", Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Start(CnIm).After(TimeSpan.FromHours(-1))).ParamName);
        Assert.Equal("limitTime", Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Start(CnIm).Daily().For(TimeSpan.Zero)).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Start(CnIm).OnDays(0, 3)).ParamName);
        Assert.Equal("times", Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Start(CnIm).Daily().On(TimeSpan.FromHours(25))).ParamName);
        Assert.Equal("times", Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Start(CnIm).Daily().SplitAt(TimeSpan.FromHours(9), TimeSpan.FromHours(8))).ParamName);
        Assert.Equal("parts", Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Start(CnIm).Daily().Split(0)).ParamName);
        Assert.Equal("interval", Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Start(CnIm).Every(TimeSpan.FromMilliseconds(1500))).ParamName);
        Assert.Throws<ArgumentException>(() => Regimen.Start(CnIm).At());
    }

    [Fact]
    public void A_phase_that_would_give_no_dose_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Regimen.Start(CnIm).After(TimeSpan.FromDays(10)).Daily().Until(TimeSpan.FromDays(5)));
        Assert.Contains("no dose", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_can_follow_an_open_ended_phase_or_a_combination()
    {
        Assert.Throws<InvalidOperationException>(() => Regimen.Start(CnIm).Daily().Indefinitely().Then(CnIm));
        Assert.Throws<InvalidOperationException>(() => Regimen.Start(CnIm).Once().And(Regimen.Start(CnIm).Once()).Then(CnIm));
        Assert.Throws<InvalidOperationException>(() => Regimen.Start(CnIm).Once().WithAdherence(0.5, 1).And(Regimen.None));
    }

    [Fact]
    public void An_irregular_phase_cannot_follow_then()
    {
        var ex = Assert.Throws<ArgumentException>(() => Regimen.Start(CnIm).Daily().Times(2).Then(CnIm).OnDays(1, 2));
        Assert.Contains("'at'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Horizons_out_of_range_or_too_many_events_are_rejected()
    {
        var daily = Regimen.Parse("1000 ug oral daily");
        Assert.Equal("horizon", Assert.Throws<ArgumentOutOfRangeException>(() => daily.Events(TimeSpan.FromDays(-1))).ParamName);
        Assert.Equal("horizon", Assert.Throws<ArgumentOutOfRangeException>(() => daily.Events(Regimen.MaximumHorizon + TimeSpan.FromDays(1))).ParamName);
        Assert.Equal(73001, daily.Events(Regimen.MaximumHorizon).Length);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Parse("1 ug oral q1s").Events(Regimen.MaximumHorizon));
        Assert.Contains("more than 10000000 events", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expansion_returns_a_new_sorted_array_each_time()
    {
        var regimen = Regimen.Parse("1 mg im weekly + 2000 ug oral daily + 500 ug intranasal q3d");
        var events = regimen.Events(Year);
        Assert.Equal(53 + 366 + 122, events.Length);
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Time <= p.Second.Time));
    }
}
