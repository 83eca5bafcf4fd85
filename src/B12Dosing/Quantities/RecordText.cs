using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;
using UnitsNet;
using UnitsNet.Units;

namespace B12Dosing.Quantities;

/// <summary>
/// The members of a record as its <c>ToString()</c> prints them (<c>Name = value, …</c>), with quantities in the
/// invariant text of <see cref="QuantityText"/> (<c>2500 µg</c>) and numbers in the invariant culture, instead of the
/// compiler's default, which would print UnitsNet's culture-dependent text (<c>2,500 µg</c>, or <c>2.500 µg</c> in de-DE).
/// </summary>
internal static class RecordText
{
    /// <summary>Appends every public instance property of <paramref name="record"/>, in declaration order.</summary>
    /// <remarks>
    /// The properties are those of <typeparamref name="T"/>, the record's static type (every caller is a sealed record,
    /// so it is also the runtime type); the annotation tells the trimmer to keep them, so the text is the same in a
    /// trimmed application (the teaching page) as in the library.
    /// </remarks>
    public static bool PrintMembers<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(StringBuilder builder, T record)
        where T : class
    {
        var separator = string.Empty;
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                builder.Append(separator).Append(property.Name).Append(" = ").Append(Format(property.GetValue(record)));
                separator = ", ";
            }
        }

        return true;
    }

    /// <summary>One value in invariant text.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        Mass m => QuantityText.Format(m),
        MassConcentration c => QuantityText.Format(c),
        Molarity c => QuantityText.Format(c),
        IEnumerable<Molarity> list => "[" + string.Join(", ", list.Select(m => QuantityText.Format(m))) + "]",
        AmountOfSubstance a => QuantityText.Format(a),
        Duration d => string.Create(CultureInfo.InvariantCulture, $"{d.Value} {Symbol(d.Unit)}"),
        Volume v => string.Create(CultureInfo.InvariantCulture, $"{v.Value} {(v.Unit == VolumeUnit.Liter ? "L" : v.Unit.ToString())}"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Symbol(DurationUnit unit) => unit switch
    {
        DurationUnit.Hour => "h",
        DurationUnit.Day => "d",
        DurationUnit.Minute => "min",
        DurationUnit.Second => "s",
        _ => unit.ToString(),
    };
}
