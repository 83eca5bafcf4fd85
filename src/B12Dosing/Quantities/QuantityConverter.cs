using UnitsNet.Units;

namespace B12Dosing.Quantities;

/// <summary>
/// Converts quantity text such as <c>"400 pg/mL"</c> to a unit given as text such as <c>"pmol/L"</c>,
/// whatever the kind of quantity: within a dimension (mass to mass, concentration to concentration)
/// and between mass and molar units through a <see cref="CobalaminForm"/>'s molar mass. This is what
/// the <c>b12 convert</c> command runs; code that knows its types should parse with <see cref="QuantityText"/>
/// and convert with UnitsNet (<c>mass / form.MolarMass()</c>, <see cref="CobalaminForms.ToAmountOfSubstance"/> and the like).
/// </summary>
public static class QuantityConverter
{
    private static readonly Dimension Amount = new(
        "mass or amount of substance",
        (micrograms, form) => QuantityKinds.AmountOfSubstance.InReference(QuantityKinds.Mass.FromReference(micrograms).ToAmountOfSubstance(form)),
        (picomoles, form) => QuantityKinds.Mass.InReference(QuantityKinds.AmountOfSubstance.FromReference(picomoles).ToMass(form)));

    private static readonly Dimension Concentration = new(
        "concentration",
        (pgPerMl, form) => QuantityKinds.Molarity.InReference(QuantityKinds.MassConcentration.FromReference(pgPerMl).ToMolarity(form)),
        (pmolPerL, form) => QuantityKinds.MassConcentration.InReference(QuantityKinds.Molarity.FromReference(pmolPerL).ToMassConcentration(form)));

    private static readonly Kind[] Kinds =
    [
        new(QuantityKinds.Mass.Units, Amount, IsMolar: false),
        new(QuantityKinds.AmountOfSubstance.Units, Amount, IsMolar: true),
        new(QuantityKinds.MassConcentration.Units, Concentration, IsMolar: false),
        new(QuantityKinds.Molarity.Units, Concentration, IsMolar: true),
    ];

    private static readonly AnyUnit AllUnits = new();

    /// <summary>
    /// Converts <paramref name="quantity"/> to <paramref name="unit"/> within one dimension
    /// (for example <c>"1 mg"</c> to <c>"mcg"</c>, or <c>"400 pg/mL"</c> to <c>"ng/mL"</c>).
    /// </summary>
    /// <param name="quantity">A non-negative number and a unit, in the invariant culture unless <paramref name="provider"/> is given.</param>
    /// <param name="unit">Any spelling of a unit this library parses; the result keeps this spelling.</param>
    /// <param name="provider">The culture of the number; null for the invariant culture.</param>
    /// <exception cref="FormatException">The quantity or the unit cannot be parsed, or the result would be infinite.</exception>
    /// <exception cref="ArgumentException">The units belong to different dimensions, or the conversion is between mass and molar units (which needs a form).</exception>
    public static ConversionResult Convert(string quantity, string unit, IFormatProvider? provider = null) =>
        Convert(quantity, unit, form: null, provider);

    /// <summary>
    /// Converts <paramref name="quantity"/> to <paramref name="unit"/>, through the molar mass of
    /// <paramref name="form"/> when one is a mass unit and the other a molar unit
    /// (<c>"400 pg/mL"</c> of cyanocobalamin is <c>295.1 pmol/L</c>).
    /// </summary>
    /// <inheritdoc cref="Convert(string, string, IFormatProvider?)"/>
    /// <param name="quantity">A non-negative number and a unit, in the invariant culture unless <paramref name="provider"/> is given.</param>
    /// <param name="unit">Any spelling of a unit this library parses; the result keeps this spelling.</param>
    /// <param name="form">The cobalamin form whose molar mass links mass and molar units.</param>
    /// <param name="provider">The culture of the number; null for the invariant culture.</param>
    /// <exception cref="FormatException">The quantity or the unit cannot be parsed, or the result would be infinite.</exception>
    /// <exception cref="ArgumentException">The units belong to different dimensions (mass and concentration).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The form is not a defined <see cref="CobalaminForm"/>.</exception>
    public static ConversionResult Convert(string quantity, string unit, CobalaminForm form, IFormatProvider? provider = null) =>
        Convert(quantity, unit, (CobalaminForm?)form, provider);

    private static ConversionResult Convert(string quantity, string unit, CobalaminForm? form, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        ArgumentNullException.ThrowIfNull(unit);
        if (!QuantityText.TrySplit(quantity, provider, AllUnits, out var value, out var unitText, out var error))
        {
            throw new FormatException(error);
        }

        var (from, fromExponent) = FindKind(unitText)
            ?? throw new FormatException(QuantityText.UnknownUnitMessage(AllUnits, unitText, quantity.AsSpan().Trim()));
        if (from.Units.RangeProblem(value, fromExponent) is { } problem)
        {
            throw new FormatException(QuantityText.Describe(quantity.AsSpan().Trim(), from.Units, problem));
        }

        var target = unit.Trim();
        var (to, toExponent) = FindKind(target) ?? throw new FormatException(UnknownTargetMessage(target));
        if (from.Dimension != to.Dimension)
        {
            throw new ArgumentException(
                $"Cannot convert '{quantity.Trim()}' ({from.Dimension.Name}) to '{target}' ({to.Dimension.Name}).", nameof(unit));
        }

        var baseValue = UnitTable<MassUnit>.Scale(value, fromExponent);
        if (from.IsMolar != to.IsMolar)
        {
            var f = form ?? throw new ArgumentException(
                $"Converting '{quantity.Trim()}' to '{target}' goes between mass and molar units and needs the cobalamin form: {CobalaminForms.AcceptedNames}.",
                nameof(form));
            _ = f.MolarMass();
            try
            {
                baseValue = from.IsMolar ? from.Dimension.MolarToMass(baseValue, f) : from.Dimension.MassToMolar(baseValue, f);
            }
            catch (ArgumentException)
            {
                // The converted amount overflows the target type (about 1e308 pmol of a heavy form): refused below.
                baseValue = double.PositiveInfinity;
            }
        }

        var converted = UnitTable<MassUnit>.Scale(baseValue, -toExponent);
        if (converted == 0 && value != 0)
        {
            throw new FormatException($"'{quantity.Trim()}' is too small to express in '{target}' (it would be zero).");
        }

        return double.IsFinite(converted)
            ? new ConversionResult(converted, target)
            : throw new FormatException($"'{quantity.Trim()}' is too large to express in '{target}'.");
    }

    private static (Kind Kind, int Exponent)? FindKind(ReadOnlySpan<char> unitText)
    {
        foreach (var kind in Kinds)
        {
            if (kind.Units.TryFindExponent(unitText, out var exponent))
            {
                return (kind, exponent);
            }
        }

        return null;
    }

    private static string UnknownTargetMessage(string target) =>
        QuantityText.IsInternationalUnit(target)
            ? QuantityText.InternationalUnitMessage
            : $"'{target}' is not a unit this library knows; accepted units: {AllUnits.AcceptedSymbols}.";

    /// <summary>Mass and molar units that measure the same thing (an amount, or a concentration).</summary>
    private sealed record Dimension(string Name, Func<double, CobalaminForm, double> MassToMolar, Func<double, CobalaminForm, double> MolarToMass);

    /// <summary>One quantity type: its units and whether they are molar.</summary>
    private sealed record Kind(IUnitTable Units, Dimension Dimension, bool IsMolar);

    /// <summary>Every unit of every kind, for the messages of text that is no known quantity.</summary>
    private sealed class AnyUnit : IUnitNames
    {
        public string QuantityName => "quantity";

        public string AcceptedSymbols { get; } = string.Join(", ", Kinds.Select(k => k.Units.AcceptedSymbols));
    }
}
