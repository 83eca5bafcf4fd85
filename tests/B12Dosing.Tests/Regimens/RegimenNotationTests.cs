using B12Dosing.Dosing;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Regimens;

public class RegimenNotationTests
{
    [Theory]
    [InlineData("1 mg ohcbl im q2d x7 then 1 mg ohcbl im q3mo", "1 mg ohcbl im q2d x7 then 1 mg ohcbl im q3mo")]
    [InlineData("2000 ug oral daily", "2000 µg oral daily")]
    [InlineData("1000 ug im at d1,d3,d7", "1000 µg im at d1,d3,d7")]
    [InlineData("1000 mcg IM at d1, d3 , d7", "1000 µg im at d1,d3,d7")]
    [InlineData("2.4 ug food daily split 3", "2.4 µg food daily split 3")]
    [InlineData("2.4 ug food oral daily split at 8h,13h,19h", "2.4 µg food daily split at 8h,13h,19h")]
    [InlineData("1 mg hydroxocobalamin intramuscular q1w on 0h,2d,4d for 14d", "1 mg ohcbl im tiw for 2w")]
    [InlineData("1 mg im q24h x 3", "1 mg im daily x3")]
    [InlineData("1 mg im q168h", "1 mg im weekly")]
    [InlineData("1 mg im q1.5d x2", "1 mg im q36h x2")]
    [InlineData("1 mg im once", "1 mg im at d1")]
    [InlineData("1 mg im at 36h", "1 mg im at 36h")]
    [InlineData("after 2w 500 ug nasal weekly", "after 2w 500 µg intranasal weekly")]
    [InlineData("1 mg im daily until d8", "1 mg im daily until d8")]
    [InlineData("none", "none")]
    [InlineData("NONE with adherence 50% seed -3", "none with adherence 0.5 seed -3")]
    [InlineData("1 mg im daily x7 + 2000 ug po daily with adherence 0.9 seed 1", "1 mg im daily x7 + 2000 µg oral daily with adherence 0.9 seed 1")]
    [InlineData("10 mg mecbl sl monthly x12", "10 mg mecbl sublingual monthly x12")]
    [InlineData("1 mg cncbl iv q1y", "1 mg iv q1y")]
    public void Notation_parses_and_prints_canonically(string text, string canonical)
    {
        var regimen = Regimen.Parse(text);
        Assert.Equal(canonical, regimen.ToString());
        Assert.Equal(regimen, Regimen.Parse(canonical));
    }

    [Fact]
    public void A_parsed_regimen_has_the_doses_it_names()
    {
        var events = Regimen.Parse("1 mg ohcbl im q2d x2 + 2.4 ug food daily split at 8h,13h,19h").Events(TimeSpan.FromHours(20));
        Assert.Equal(Dose.Intramuscular(Mass.FromMilligrams(1), CobalaminForm.Hydroxocobalamin), events[0].Dose);
        Assert.Equal(Dose.Food(Mass.FromMicrograms(0.8)).Route, events[1].Dose.Route);
        Assert.Equal(4, events.Length);
    }

    [Theory]
    [InlineData("", 1, "")]
    [InlineData("1 mg im every day", 9, "every")]
    [InlineData("1 mg foo daily", 6, "foo")]
    [InlineData("1000 IU im daily", 1, "1000")]
    [InlineData("-1 mg im daily", 1, "-1")]
    [InlineData("1 mg im q0d", 9, "q0d")]
    [InlineData("1 mg im q2x", 10, "2x")]
    [InlineData("1 mg im daily x0", 15, "0")]
    [InlineData("1 mg im daily x -2", 17, "-2")]
    [InlineData("1 mg im daily then 1 mg oral daily", 15, "then")]
    [InlineData("1 mg im daily x7 then", 22, "")]
    [InlineData("1 mg im daily x7 then 1 mg im at d1", 18, "then")]
    [InlineData("1 mg im at d0", 12, "d0")]
    [InlineData("1 mg im at d1,", 15, "")]
    [InlineData("1 mg im daily x7 daily", 18, "daily")]
    [InlineData("1 mg im daily split 7", 21, "7")]
    [InlineData("1 mg im daily on 2h,1h", 15, "on")]
    [InlineData("1 mg im daily with adherence 2 seed 1", 30, "2")]
    [InlineData("1 mg im daily with adherence 0.5", 33, "")]
    [InlineData("10 g im daily", 1, "10")]
    [InlineData("1 mg food im daily", 11, "im")]
    [InlineData("1 mg im daily for 0d", 15, "for")]
    [InlineData("1 mg im q2d until d1", 13, "until")]
    public void Malformed_text_is_rejected_pointing_at_the_bad_token(string text, int position, string token)
    {
        var ex = Assert.Throws<FormatException>(() => Regimen.Parse(text));
        var where = token.Length == 0 ? $"at the end (character {position})" : $"at character {position}, '{token}'";
        Assert.Contains(where, ex.Message, StringComparison.Ordinal);
        Assert.False(Regimen.TryParse(text, out _));
    }

    [Fact]
    public void International_units_are_rejected_with_the_reason()
    {
        var ex = Assert.Throws<FormatException>(() => Regimen.Parse("1000 IU im daily"));
        Assert.Contains("no international unit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_returns_the_regimen_or_false()
    {
        Assert.True(Regimen.TryParse("1 mg im weekly", out var regimen));
        Assert.Equal("1 mg im weekly", regimen.ToString());
        Assert.False(Regimen.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => Regimen.Parse(null!));
    }

    [Fact]
    public void Durations_print_in_the_largest_whole_unit()
    {
        Assert.Equal("1 mg im q90min", Regimen.Start(Dose.Intramuscular(Mass.FromMilligrams(1))).Every(TimeSpan.FromMinutes(90)).Indefinitely().ToString());
        Assert.Equal("1 mg im q61s", Regimen.Start(Dose.Intramuscular(Mass.FromMilligrams(1))).Every(TimeSpan.FromSeconds(61)).Indefinitely().ToString());
        Assert.Equal("1 mg im q2y", Regimen.Start(Dose.Intramuscular(Mass.FromMilligrams(1))).Every(TimeSpan.FromDays(730)).Indefinitely().ToString());
    }
}
