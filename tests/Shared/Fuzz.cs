using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace B12Dosing.Tests.Shared;

/// <summary>
/// FsCheck fuzz properties (issue 7), run as <see cref="FuzzPropertyAttribute"/> tests. The number of inputs per
/// property is <c>B12_FUZZ_COUNT</c> (default <see cref="DefaultCount"/>, a quick pass for every test run; set it to
/// 100000 for the full run).
/// </summary>
internal static class Fuzz
{
    /// <summary>Inputs per property when <c>B12_FUZZ_COUNT</c> is not set: enough to catch regressions in seconds.</summary>
    public const int DefaultCount = 2_000;

    /// <summary>The number of inputs per property.</summary>
    public static int Count { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("B12_FUZZ_COUNT"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultCount;

    /// <summary>
    /// The property of a <see cref="FuzzPropertyAttribute"/> test: <paramref name="check"/> throws when the contract is
    /// broken (and returns whether the input was accepted, which <see cref="BothPaths"/> counts).
    /// </summary>
    public static Property Check<T>(Arbitrary<T> input, Func<T, bool> check) => Prop.ForAll(input, (T x) => { check(x); });

    /// <summary>
    /// Checks that a fuzzer reaches both paths: of <paramref name="count"/> inputs drawn from <paramref name="gen"/> at size
    /// 50 with a fixed seed, <paramref name="check"/> (which checks the contract on each) accepts at least 2 % and refuses
    /// at least 2 %. Returns a line for the test output.
    /// </summary>
    public static string BothPaths<T>(string name, Gen<T> gen, Func<T, bool> check, int count = 500)
    {
        var inputs = gen.Sample(count, new Rnd(20261201UL), 50);
        Assert.Equal(count, inputs.Length);
        var accepted = inputs.Count(check);
        Assert.True(accepted >= count / 50 && accepted <= count - (count / 50), $"{name}: {accepted} of {count} inputs accepted; a fuzzer must reach both paths.");
        return string.Create(CultureInfo.InvariantCulture, $"{name}: {accepted} of {count} accepted, {count - accepted} refused");
    }

    /// <summary>Argument lists: fewer arguments, then each argument shrunk as text.</summary>
    public static Arbitrary<string[]> Arguments(Gen<string[]> gen) =>
        Arb.From(gen, args => Shrink.Array(args, 1, ArbMap.Default.ArbFor<string>().Shrinker));
}

/// <summary>A fuzzer: its inputs and the check of the contract (true when the input was accepted).</summary>
internal sealed record Fuzzer<T>(string Name, Arbitrary<T> Input, Func<T, bool> Contract)
{
    /// <summary>The property for a <see cref="FuzzPropertyAttribute"/> test.</summary>
    public Property Property() => Fuzz.Check(Input, Contract);

    /// <summary>See <see cref="Fuzz.BothPaths"/>.</summary>
    public string BothPaths() => Fuzz.BothPaths(Name, Input.Generator, Contract);
}

/// <summary>
/// Text generators for fuzzing: valid-looking grammar pieces (numbers with exponents, unit spellings with both
/// micro signs, IU words, commas, whitespace of several kinds) mixed with noise.
/// </summary>
internal static class FuzzText
{
    public static readonly string[] Numbers =
    [
        "0", "1", "5", "10", "2.4", ".5", "5.", "1000", "5000", "1e3", "2.5E-4", "1e-320", "4.9e-324", "1e300", "1e308", "1e400",
        "-1", "+3", "-0", "00012", "NaN", "nan", "Infinity", "-Infinity", "∞", "1,000", "1,5", "1.000,5", "1 000", "١٢٣", "½",
        "0x1F", "1.2.3", "e5", "1e", "99999999999999999999999", "0.000001", "5000000", "5000001",
    ];

    public static readonly string[] MassUnits =
        ["ng", "µg", "\u03bcg", "ug", "mcg", "mg", "g", "nanograms", "microgram", "milligrams", "gram", "MG", "Mcg", "µ g", "μ"];

    public static readonly string[] OtherUnits =
    [
        "pmol", "nmol", "µmol", "\u03bcmol", "umol", "picomoles", "pg/mL", "pg/ml", "ng/L", "ng/l", "ng/mL", "µg/L", "\u03bcg/L", "ug/L",
        "mcg/L", "pmol/L", "nmol/L", "IU", "iu", "I.U.", "international units", "units", "kg", "mL", "%", "/L", "pg/", "",
    ];

    public static readonly string[] Spaces = ["", " ", " ", " ", "  ", "\t", "\u00a0", "\u2009", "\n"];

    public static readonly string[] Words =
    [
        "oral", "po", "mouth", "by mouth", "sublingual", "sl", "intranasal", "nasal", "in", "intramuscular", "im", "subcutaneous", "sc",
        "subq", "sq", "intravenous", "iv", "rectal", "i.m.", "cyanocobalamin", "cncbl", "cn", "cn-cbl", "hydroxocobalamin",
        "hydroxycobalamin", "ohcbl", "oh", "methylcobalamin", "mecbl", "me", "adenosylcobalamin", "adocbl", "ado", "cobamamide",
        "folate", "healthy", "normal", "pernicious-anemia", "pernicious anaemia", "pernicious_anemia", "pa", "atrophic-gastritis",
        "gastrectomy", "total gastrectomy", "ileal-resection", "ileal resection", "scurvy", "food",
    ];

    /// <summary>Random characters: ASCII, digits and signs, both micro signs, other scripts, controls and a surrogate pair.</summary>
    public static Gen<string> Noise { get; } =
        Gen.ArrayOf(Gen.Elements("abcxyzAZ019.,;:+-eE/%_()[]'\"\\ \t\nµμ∞½١é中\0\u0001\u200b\u202e😀".EnumerateRunes().Select(r => r.ToString()).ToArray()))
            .Select(chars => string.Concat(chars));

    public static Gen<string> Space { get; } = Gen.Elements(Spaces);

    /// <summary>A number: a grammar piece, or any double (NaN and infinities included) printed in several formats.</summary>
    public static Gen<string> Number { get; } = Gen.Frequency(
        (3, Gen.Elements(Numbers)),
        (2, from d in ArbMap.Default.ArbFor<double>().Generator
            from format in Gen.Elements("R", "E3", "F2", "G", "0.###")
            select d.ToString(format, CultureInfo.InvariantCulture)),
        (2, Gen.Choose(0, 100_000).Select(i => i.ToString(CultureInfo.InvariantCulture))));

    /// <summary>A number a parser should accept: a non-negative double in several formats, or a plain integer.</summary>
    public static Gen<string> ValidNumber { get; } = Gen.OneOf(
        from d in ArbMap.Default.ArbFor<double>().Generator.Where(d => double.IsFinite(d)).Select(Math.Abs)
        from format in Gen.Elements("R", "E3", "F2", "G", "0.###")
        select d.ToString(format, CultureInfo.InvariantCulture),
        Gen.Choose(0, 100_000).Select(i => i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Quantity-like text: a number, a space and a unit (often one of <paramref name="units"/>), sometimes with noise.</summary>
    public static Gen<string> Quantity(params string[] units) => Gen.Frequency(
        (5, from n in ValidNumber from s in Gen.Elements(" ", "", "  ", "\t") from u in Gen.Elements(units) select n + s + u),
        (4, from n in Number from s in Space from u in Gen.Elements([.. units, .. MassUnits, .. OtherUnits]) select n + s + u),
        (1, Mix(Number, Gen.Elements(MassUnits), Gen.Elements(OtherUnits), Noise)),
        (1, Noise));

    /// <summary>Quantity-like text with any unit.</summary>
    public static Gen<string> AnyQuantity { get; } = Quantity([.. MassUnits, .. OtherUnits]);

    /// <summary>A word for a route, form or condition, in any case, padded, joined with another, or mutated.</summary>
    public static Gen<string> Word { get; } = Gen.Frequency(
        (4, from w in Gen.Elements(Words) from upper in Gen.Elements(false, true) from l in Space from r in Space
            select l + (upper ? w.ToUpperInvariant() : w) + r),
        (1, Mix(Gen.Elements(Words), Noise)),
        (1, Noise));

    /// <summary>One to six pieces, each from one of <paramref name="pieces"/>, joined by random whitespace.</summary>
    public static Gen<string> Mix(params Gen<string>[] pieces) =>
        from n in Gen.Choose(1, 6)
        from parts in Gen.ArrayOf(Gen.OneOf(pieces), n)
        from spaces in Gen.ArrayOf(Space, n)
        select string.Concat(parts.Zip(spaces, (part, space) => part + space));

    /// <summary>Mutates text: deletes, duplicates or replaces one character, or inserts noise, or leaves it.</summary>
    public static Gen<string> Mutate(Gen<string> text) =>
        from s in text
        from kind in Gen.Choose(0, 4)
        from at in Gen.Choose(0, Math.Max(0, s.Length - 1))
        from noise in Noise
        select s.Length == 0 || kind == 0 ? s
            : kind == 1 ? s.Remove(at, 1)
            : kind == 2 ? s.Insert(at, s[at].ToString())
            : kind == 3 ? s.Remove(at, 1).Insert(at, noise)
            : s.Insert(at, noise);
}
