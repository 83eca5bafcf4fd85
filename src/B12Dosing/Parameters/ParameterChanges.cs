using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Quantities;

namespace B12Dosing.Parameters;

/// <summary>
/// Changes to a parameter set, by name: what <c>b12 ... --set NAME=VALUE</c> and a population around a changed set
/// carry. Immutable, compared by value; each value is checked against its parameter's bounds when the changes are made,
/// and the cross-parameter rules when they are applied (<see cref="Apply"/>).
/// </summary>
public sealed class ParameterChanges : IReadOnlyList<ParameterValue>, IEquatable<ParameterChanges>
{
    private readonly ImmutableArray<ParameterValue> _values;

    private ParameterChanges(ImmutableArray<ParameterValue> values) => _values = values;

    /// <summary>No change.</summary>
    public static ParameterChanges None { get; } = new([]);

    /// <summary>The number of changes.</summary>
    public int Count => _values.Length;

    /// <summary>The change at <paramref name="index"/>, in the order given (a later change of the same parameter wins).</summary>
    public ParameterValue this[int index] => _values[index];

    /// <summary>Changes by name, each value in its parameter's <see cref="ModelParameter.Unit"/>.</summary>
    /// <exception cref="ArgumentException">A name is unknown, or a constant of the model.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its parameter's bounds.</exception>
    public static ParameterChanges Of(params IEnumerable<(string Name, double Value)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var list = ImmutableArray.CreateBuilder<ParameterValue>();
        foreach (var (name, value) in changes)
        {
            var parameter = ModelParameters.Get(name);
            if (parameter.IsConstant)
            {
                throw new ArgumentException($"{parameter.Name} is a constant of the model, not a parameter a set can change.", nameof(changes));
            }

            list.Add(new(parameter, parameter.Check(value)));
        }

        return list.Count == 0 ? None : new(list.ToImmutable());
    }

    /// <summary>
    /// Parses changes written <c>NAME=VALUE</c>, the value a number in the parameter's unit or a number with a unit of its
    /// kind: <c>HoloTranscobalaminHalfLife=6 h</c>, <c>IntrinsicFactorCapacity=2 µg</c>, <c>PlasmaVolume=3500 mL</c>,
    /// <c>PassiveFraction=0.02</c> or <c>2 %</c>. Invariant culture; names case-insensitive.
    /// </summary>
    /// <exception cref="FormatException">A text is not <c>NAME=VALUE</c>, the number cannot be read, or the unit is not one of the parameter's kind.</exception>
    /// <exception cref="ArgumentException">A name is unknown or a constant.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its parameter's bounds.</exception>
    public static ParameterChanges Parse(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Of(texts.Select(ParseOne));
    }

    /// <summary>One <c>NAME=VALUE</c>.</summary>
    private static (string Name, double Value) ParseOne(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0)
        {
            throw new FormatException($"'{text}' is not NAME=VALUE (for example HoloTranscobalaminHalfLife=6h).");
        }

        var parameter = ModelParameters.Get(text[..at].Trim());
        return (parameter.Name, ValueIn(parameter, text[(at + 1)..].Trim()));
    }

    /// <summary>The value of <paramref name="text"/> in the parameter's unit.</summary>
    private static double ValueIn(ModelParameter parameter, string text)
    {
        var split = 0;
        while (split < text.Length && (char.IsAsciiDigit(text[split]) || text[split] is '.' or '-' or '+' or 'e' or 'E'))
        {
            split++;
        }

        // An exponent's 'e' belongs to the number only if a digit or sign follows it.
        while (split > 0 && text[split - 1] is 'e' or 'E')
        {
            split--;
        }

        var unit = text[split..].Trim();
        if (!double.TryParse(text.AsSpan(0, split), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            throw new FormatException($"{parameter.Name}: '{text}' is not a number (in {parameter.Unit}) or a number with a unit.");
        }

        if (unit.Length == 0 || unit == parameter.Unit)
        {
            return number;
        }

        double? inUnit = parameter.Unit switch
        {
            "µg" => QuantityText.TryParse(text, CultureInfo.InvariantCulture, out Mass mass) ? mass.Micrograms : null,
            "ng/mL" => QuantityText.TryParse(text, CultureInfo.InvariantCulture, out MassConcentration c) ? c.NanogramsPerMilliliter : null,
            "h" or "d" when HoursPer(unit) is { } hours => number * hours / (parameter.Unit == "h" ? 1 : 24),
            "L" when unit is "mL" or "ml" => number / 1000,
            "1" when unit == "%" => number / 100,
            _ => null,
        };
        return inUnit ?? throw new FormatException($"{parameter.Name} is in {parameter.Unit}; '{unit}' is not a unit of that kind.");
    }

    /// <summary>Hours in one <paramref name="unit"/> of time, or null.</summary>
    private static double? HoursPer(string unit) => unit switch
    {
        "s" => 1.0 / 3600,
        "min" => 1.0 / 60,
        "h" => 1,
        "d" => 24,
        "w" => 24 * 7,
        _ => null,
    };

    /// <summary><paramref name="parameters"/> with these changes, the cross-parameter rules checked once on the result.</summary>
    /// <exception cref="ArgumentException">The changed set breaks a cross-parameter rule.</exception>
    public ParameterSet Apply(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Count == 0 ? parameters : parameters.With(_values.Select(v => new KeyValuePair<string, double>(v.Parameter.Name, v.Value)));
    }

    /// <inheritdoc/>
    public IEnumerator<ParameterValue> GetEnumerator() => ((IEnumerable<ParameterValue>)_values).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(ParameterChanges? other) => other is not null && _values.AsSpan().SequenceEqual(other._values.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ParameterChanges);

    /// <inheritdoc/>
    public override int GetHashCode() => _values.Aggregate(Count, (h, v) => HashCode.Combine(h, v));

    /// <summary><c>HoloTranscobalaminHalfLife = 6 h, PassiveFraction = 0.02</c>, or <c>none</c>.</summary>
    public override string ToString() => Count == 0 ? "none" : string.Join(", ", _values);
}
