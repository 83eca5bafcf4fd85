using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using B12Dosing.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using B12Dosing.Tests.Properties;
using Xunit.Abstractions;

namespace B12Dosing.Tests.Hardening;

/// <summary>
/// Fuzzing of every parser (issue 7): only <see cref="FormatException"/> escapes, TryParse agrees with Parse, and
/// every accepted input prints back to text that parses to the same value. <see cref="Fuzz.Count"/> inputs each
/// (<see cref="FuzzPropertyAttribute"/>); a failure prints the shrunk input and the seed to replay it.
/// </summary>
[Trait("Category", "Fuzz")]
public class ParserFuzzTests(ITestOutputHelper output)
{
    private static Fuzzer<(string, CultureInfo)> MassFuzzer => QuantityFuzzer(nameof(Mass_parse), QuantityKinds.Mass, "ng", "µg", "\u03bcg", "ug", "mcg", "mg", "g");

    private static Fuzzer<(string, CultureInfo)> MassConcentrationFuzzer =>
        QuantityFuzzer(nameof(Mass_concentration_parse), QuantityKinds.MassConcentration, "pg/mL", "ng/L", "ng/mL", "µg/L", "\u03bcg/L", "mcg/L");

    private static Fuzzer<(string, CultureInfo)> MolarityFuzzer => QuantityFuzzer(nameof(Molar_concentration_parse), QuantityKinds.Molarity, "pmol/L", "nmol/L");

    private static Fuzzer<(string, CultureInfo)> AmountFuzzer =>
        QuantityFuzzer(nameof(Amount_of_substance_parse), QuantityKinds.AmountOfSubstance, "pmol", "nmol", "µmol", "\u03bcmol", "umol");

    private static Fuzzer<string> RouteFuzzer => WordFuzzer(nameof(Route_parse), Routes.Parse, (string? s, out Route r) => Routes.TryParse(s, out r), r => r.ShortName());

    private static Fuzzer<string> FormFuzzer =>
        WordFuzzer(nameof(Cobalamin_form_parse), CobalaminForms.Parse, (string? s, out CobalaminForm f) => CobalaminForms.TryParse(s, out f), f => f.Name());

    private static Fuzzer<string> ConditionFuzzer => WordFuzzer(nameof(Condition_parse), Conditions.Parse, (string? s, out Condition c) => Conditions.TryParse(s, out c), c => c.Name());

    [FuzzProperty]
    public Property Mass_parse() => MassFuzzer.Property();

    [FuzzProperty]
    public Property Mass_concentration_parse() => MassConcentrationFuzzer.Property();

    [FuzzProperty]
    public Property Molar_concentration_parse() => MolarityFuzzer.Property();

    [FuzzProperty]
    public Property Amount_of_substance_parse() => AmountFuzzer.Property();

    [FuzzProperty]
    public Property Quantity_converter() => ConverterFuzzer.Property();

    [FuzzProperty]
    public Property Route_parse() => RouteFuzzer.Property();

    [FuzzProperty]
    public Property Cobalamin_form_parse() => FormFuzzer.Property();

    [FuzzProperty]
    public Property Condition_parse() => ConditionFuzzer.Property();

    [FuzzProperty]
    public Property Regimen_notation_parse() => RegimenFuzzer.Property();

    /// <summary>See <see cref="ConditionMixFuzzer"/>.</summary>
    [FuzzProperty]
    public Property Condition_mix_parse() => ConditionMixFuzzer.Property();

    /// <summary>Every fuzzer's inputs reach both the accepting and the refusing path (at least 2 % each of 500 drawn with a fixed seed).</summary>
    [Fact]
    public void Every_fuzzer_reaches_both_paths()
    {
        foreach (var line in new[]
        {
            MassFuzzer.BothPaths(), MassConcentrationFuzzer.BothPaths(), MolarityFuzzer.BothPaths(), AmountFuzzer.BothPaths(), ConverterFuzzer.BothPaths(),
            RouteFuzzer.BothPaths(), FormFuzzer.BothPaths(), ConditionFuzzer.BothPaths(), RegimenFuzzer.BothPaths(), ConditionMixFuzzer.BothPaths(),
        })
        {
            output.WriteLine(line);
        }
    }

    private static Fuzzer<(string quantity, string unit, CobalaminForm? form)> ConverterFuzzer => new(
        nameof(Quantity_converter),
        Arb.From(
            from quantity in FuzzText.AnyQuantity
            from unit in Gen.Frequency((6, Gen.Elements([.. FuzzText.MassUnits, .. FuzzText.OtherUnits])), (1, FuzzText.Noise))
            from form in Gen.Elements<CobalaminForm?>(null, CobalaminForm.Cyanocobalamin, CobalaminForm.Adenosylcobalamin)
            select (quantity, unit, form),
            input => Text.Shrinker(input.quantity).Select(q => (q, input.unit, input.form))),
        input =>
        {
            try
            {
                var converted = input.form is { } f ? QuantityConverter.Convert(input.quantity, input.unit, f) : QuantityConverter.Convert(input.quantity, input.unit);
                Assert.True(double.IsFinite(converted.Value) && converted.Value >= 0, $"{input}: {converted}");
                Assert.Equal(converted.Value, QuantityConverter.Convert(converted.ToString(), input.unit).Value);
                return true;
            }
            catch (Exception e) when (e is FormatException || e.GetType() == typeof(ArgumentException))
            {
                return false;
            }
        });

    /// <summary>Texts shrink as FsCheck shrinks strings.</summary>
    private static readonly Arbitrary<string> Text = ArbMap.Default.ArbFor<string>();

    private static Fuzzer<string> RegimenFuzzer => new(nameof(Regimen_notation_parse), Arbitraries.Text(RegimenFuzz.Notation), text =>
    {
        Regimen regimen;
        try
        {
            regimen = Regimen.Parse(text);
        }
        catch (FormatException)
        {
            Assert.False(Regimen.TryParse(text, out _));
            return false;
        }

        Assert.True(Regimen.TryParse(text, out var again) && again == regimen);
        var printed = regimen.ToString();
        var reparsed = Regimen.Parse(printed);
        Assert.Equal(regimen, reparsed);
        Assert.Equal(printed, reparsed.ToString());
        return true;
    });

    /// <summary>
    /// Condition mixes (issue 7): only <see cref="FormatException"/>; an accepted mix has distinct conditions whose shares
    /// are in (0, 1] and add up to 1 within 1e-15, and prints back (as <c>name=share</c>, shares in round-trip format) to a
    /// mix with the same conditions and shares within 1e-15. Not exactly equal: re-parsing divides the shares by their
    /// sum, which is 1 only within (n − 1)·2^−53 for n ≤ 5 conditions (under 5e-16), and the printed shares are at most 1.
    /// <see cref="ConditionMix.ToString"/> names every condition.
    /// </summary>
    private static Fuzzer<string> ConditionMixFuzzer => new(
        nameof(Condition_mix_parse),
        Arbitraries.Text(Gen.Frequency((4, ConditionMixes), (2, ShareMixes), (1, FuzzText.Mutate(ConditionMixes)), (1, FuzzText.Mutate(ShareMixes)), (1, FuzzText.Noise))),
        text =>
    {
        ConditionMix mix;
        try
        {
            mix = ConditionMix.Parse(text);
        }
        catch (FormatException)
        {
            return false;
        }

        Assert.Equal(mix.Shares.Count, mix.Shares.Select(s => s.Condition).Distinct().Count());
        Assert.All(mix.Shares, s => Assert.True(s.Share is > 0 and <= 1, $"'{text}': {s}"));
        Assert.Equal(1, mix.Shares.Sum(s => s.Share), 1e-15);
        var printed = string.Join(",", mix.Shares.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Condition.Name}={s.Share:R}")));
        var reparsed = ConditionMix.Parse(printed);
        Assert.Equal(mix.Shares.Select(s => s.Condition), reparsed.Shares.Select(s => s.Condition));
        Assert.All(mix.Shares.Zip(reparsed.Shares), p => Assert.Equal(p.First.Share, p.Second.Share, 1e-15));
        Assert.All(mix.Shares, s => Assert.Contains(s.Condition.Name, mix.ToString(), StringComparison.Ordinal));
        return true;
    });

    /// <summary>Condition mixes whose shares add up to 1 (issue 12: the notation takes shares, not weights): two or three conditions, the last one sometimes without its share.</summary>
    private static readonly Gen<string> ShareMixes =
        from n in Gen.Choose(2, 3)
        from cuts in Gen.ArrayOf(Gen.Choose(1, 999), n - 1)
        from words in Gen.ArrayOf(Gen.Elements("healthy", "pa", "pernicious-anemia", "atrophic-gastritis", "gastrectomy", "ileal-resection"), n)
        from restLeftOut in Gen.Elements(true, false)
        let sorted = cuts.Select(c => c / 1000.0).Order().Prepend(0.0).Append(1.0).ToArray()
        select string.Join(",", words.Select((w, i) => restLeftOut && i == n - 1 ? w : string.Create(CultureInfo.InvariantCulture, $"{w}={sorted[i + 1] - sorted[i]:R}")));

    /// <summary>Condition mixes: one to four parts, each a condition word with no weight or a weight after = or :, joined by commas.</summary>
    private static readonly Gen<string> ConditionMixes =
        from n in Gen.Frequency((3, Gen.Constant(1)), (4, Gen.Choose(2, 4)))
        from parts in Gen.ArrayOf(
            from word in Gen.Frequency((4, Gen.Elements("healthy", "normal", "pa", "PA", "pernicious-anemia", "pernicious anaemia", "atrophic-gastritis", "gastrectomy", "ileal-resection")), (1, FuzzText.Word))
            from weight in Gen.Frequency((2, Gen.Constant(string.Empty)), (4, FuzzText.ValidNumber), (3, FuzzText.Number))
            from separator in Gen.Elements("=", "=", " = ", ":", "==", " ")
            from space in FuzzText.Space
            select weight.Length == 0 ? word : word + separator + weight + space,
            n)
        from comma in Gen.Elements(",", ",", ", ", " , ", ";", ",,")
        select string.Join(comma, parts);

    private delegate bool TryParser<T>(string? text, out T value);

    /// <summary>Quantity text in a culture: the text shrinks as a string, the culture toward the invariant one.</summary>
    private static Fuzzer<(string, CultureInfo)> QuantityFuzzer<T, TUnit>(string name, QuantityKind<T, TUnit> kind, params string[] units)
        where T : struct, IQuantity<TUnit, double>
        where TUnit : struct, Enum =>
        new(
            name,
            Arbitraries.Pair(Arbitraries.Text(Gen.Frequency((3, FuzzText.Quantity(units)), (1, FuzzText.Mutate(FuzzText.Quantity(units))))), B12Arbitraries.AnyCulture()),
            input =>
            {
                var (text, culture) = input;
                T value;
                try
                {
                    value = QuantityText.Parse(kind, text, culture);
                }
                catch (FormatException)
                {
                    Assert.False(QuantityText.TryParse(kind, text, culture, out _));
                    return false;
                }

                Assert.True(QuantityText.TryParse(kind, text, culture, out var again) && again.Value == value.Value && again.Unit.Equals(value.Unit));
                Assert.True(double.IsFinite(value.Value) && value.Value >= 0);
                var reference = kind.InReference(value);
                Assert.True(double.IsFinite(reference) && (reference != 0 || value.Value == 0), $"'{text}' is {reference} in the reference unit.");

                var printed = QuantityText.Format(kind, value, null, culture);
                var reparsed = QuantityText.Parse(kind, printed, culture);
                Assert.True(reparsed.Value == value.Value && reparsed.Unit.Equals(value.Unit), $"'{text}' -> '{printed}' -> {reparsed.Value} {reparsed.Unit}");
                Assert.Equal(value.Value, QuantityText.Parse(kind, QuantityText.Format(kind, value, null, null), CultureInfo.InvariantCulture).Value);
                return true;
            });

    private static Fuzzer<string> WordFuzzer<T>(string fuzzer, Func<string, T> parse, TryParser<T> tryParse, Func<T, string> name)
        where T : struct, Enum =>
        new(fuzzer, Arbitraries.Text(Gen.OneOf(FuzzText.Word, FuzzText.Mutate(FuzzText.Word))), text =>
        {
            T value;
            try
            {
                value = parse(text);
            }
            catch (FormatException)
            {
                Assert.False(tryParse(text, out _));
                return false;
            }

            Assert.True(Enum.IsDefined(value));
            Assert.True(tryParse(text, out var again) && again.Equals(value));
            Assert.Equal(value, parse(name(value)));
            return true;
        });
}
