using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace B12Dosing.Tests.Quantities;

/// <summary>Invalid quantity texts for the quantity properties (values and cultures are in <see cref="Properties.B12Arbitraries"/>).</summary>
internal static class QuantityGenerators
{
    /// <summary>Number texts that are not a non-negative finite number in the invariant culture.</summary>
    public static string[] InvalidNumbers { get; } =
        ["NaN", "nan", "Infinity", "-Infinity", "∞", "1e400", "-1e400", "-1", "-0.5", "1,000", "1,5", "1.2.3", "e5", "--1", "abc", ""];

    /// <summary>Unit texts that no quantity type accepts: international units in several spellings, other and empty words.</summary>
    public static string[] InvalidUnits { get; } =
        ["IU", "iu", "I.U.", "international units", "units", "furlong", "kg", "mL", "%", "µ", ""];

    public static Gen<string> Whitespace { get; } = Gen.Elements("", " ", "  ", "\t");

    /// <summary>
    /// Texts that must be rejected by a quantity whose valid unit symbols are <paramref name="validUnits"/>:
    /// an invalid number with any unit, or a valid number with an invalid unit (including the other
    /// quantity types' units, <paramref name="foreignUnits"/>), or empty/whitespace text.
    /// </summary>
    public static Gen<string> InvalidTexts(IReadOnlyList<string> validUnits, IReadOnlyList<string> foreignUnits) => Gen.OneOf(
        from number in Gen.Elements(InvalidNumbers)
        from space in Whitespace
        from unit in Gen.Elements(validUnits.Concat(InvalidUnits))
        select number + space + unit,
        from number in Gen.Choose(0, 100_000)
        from space in Whitespace
        from unit in Gen.Elements(InvalidUnits.Concat(foreignUnits))
        select number.ToString(CultureInfo.InvariantCulture) + space + unit,
        Whitespace);
}
