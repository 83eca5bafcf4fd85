namespace B12Dosing.Quantities;

/// <summary>
/// Converts quantity text such as <c>"400 pg/mL"</c> to a unit given as text such as <c>"pmol/L"</c>,
/// whatever the kind of quantity: within a dimension (mass to mass, concentration to concentration)
/// and between mass and molar units through a <see cref="CobalaminForm"/>'s molar mass. This is what
/// the <c>b12 convert</c> command runs; code that knows its types should call
/// <see cref="Mass.ToAmountOfSubstance"/>, <see cref="MassConcentration.ToMolarConcentration"/> and
/// the other typed conversions directly.
/// </summary>
public static class QuantityConverter
{
    private static readonly Dimension Amount = new(
        "mass or amount of substance",
        (micrograms, form) => Mass.FromMicrograms(micrograms).ToAmountOfSubstance(form).Picomoles,
        (picomoles, form) => AmountOfSubstance.FromPicomoles(picomoles).ToMass(form).Micrograms);

    private static readonly Dimension Concentration = new(
        "concentration",
        (pgPerMl, form) => MassConcentration.FromPicogramsPerMilliliter(pgPerMl).ToMolarConcentration(form).PicomolesPerLiter,
        (pmolPerL, form) => MolarConcentration.FromPicomolesPerLiter(pmolPerL).ToMassConcentration(form).PicogramsPerMilliliter);

    private static readonly Kind[] Kinds =
    [
        new(Mass.Units, Amount, IsMolar: false),
        new(AmountOfSubstance.Units, Amount, IsMolar: true),
        new(MassConcentration.Units, Concentration, IsMolar: false),
        new(MolarConcentration.Units, Concentration, IsMolar: true),
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
    public static ConvertedQuantity Convert(string quantity, string unit, IFormatProvider? provider = null) =>
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
    public static ConvertedQuantity Convert(string quantity, string unit, CobalaminForm form, IFormatProvider? provider = null) =>
        Convert(quantity, unit, (CobalaminForm?)form, provider);

    private static ConvertedQuantity Convert(string quantity, string unit, CobalaminForm? form, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        ArgumentNullException.ThrowIfNull(unit);
        if (!QuantityText.TrySplit(quantity, provider, AllUnits, out var value, out var unitText, out var error))
        {
            throw new FormatException(error);
        }

        var (from, fromFactor) = FindKind(unitText)
            ?? throw new FormatException(QuantityText.UnknownUnitMessage(AllUnits, unitText, quantity.AsSpan().Trim()));
        if (!from.Units.FitsEveryUnit(value, fromFactor))
        {
            throw new FormatException($"'{quantity.Trim()}' is too large (it would be infinite in a smaller unit).");
        }

        var target = unit.Trim();
        var (to, toFactor) = FindKind(target) ?? throw new FormatException(UnknownTargetMessage(target));
        if (from.Dimension != to.Dimension)
        {
            throw new ArgumentException(
                $"Cannot convert '{quantity.Trim()}' ({from.Dimension.Name}) to '{target}' ({to.Dimension.Name}).", nameof(unit));
        }

        var baseValue = value * fromFactor;
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
            catch (ArgumentOutOfRangeException)
            {
                // The converted amount overflows the target type (about 1e308 pmol of a heavy form): refused below.
                baseValue = double.PositiveInfinity;
            }
        }

        var converted = baseValue / toFactor;
        return double.IsFinite(converted)
            ? new ConvertedQuantity(converted, target)
            : throw new FormatException($"'{quantity.Trim()}' is too large to express in '{target}'.");
    }

    private static (Kind Kind, double ToBase)? FindKind(ReadOnlySpan<char> unitText)
    {
        foreach (var kind in Kinds)
        {
            if (kind.Units.TryFindFactor(unitText, out var toBase))
            {
                return (kind, toBase);
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
