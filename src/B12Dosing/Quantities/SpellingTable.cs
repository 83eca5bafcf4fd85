namespace B12Dosing.Quantities;

/// <summary>
/// Parses the values of a small enum from fixed spellings (the enum-name counterpart of
/// <see cref="UnitTable{TUnit}"/>): the text is trimmed, passed through <see cref="Normalize"/>, lower-cased
/// in the invariant culture and matched exactly. Serves <c>Routes</c>, <see cref="CobalaminForms"/> and
/// <c>Conditions</c>.
/// </summary>
/// <param name="kind">What the values are, for messages: <c>"route"</c>.</param>
/// <param name="accepted">The sentence listing accepted spellings: <c>"accepted: oral (po), …"</c>.</param>
/// <param name="entries">Each value with its lower-case spellings.</param>
internal sealed class SpellingTable<TEnum>(string kind, string accepted, params (TEnum Value, string[] Spellings)[] entries)
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> _values = entries
        .SelectMany(e => e.Spellings, (e, spelling) => KeyValuePair.Create(spelling, e.Value))
        .ToDictionary(StringComparer.Ordinal);

    /// <summary>Rewrites the trimmed text before lookup (for example spaces to hyphens); none by default.</summary>
    public Func<string, string> Normalize { get; init; } = static text => text;

    /// <summary>Finds the value a text names; false (and the default value) for null or an unknown text.</summary>
    public bool TryParse(string? text, out TEnum value)
    {
        value = default;
        return text is not null && _values.TryGetValue(Normalize(text.Trim()).ToLowerInvariant(), out value);
    }

    /// <summary>Finds the value a text names.</summary>
    /// <exception cref="ArgumentNullException">The text is null.</exception>
    /// <exception cref="FormatException">The text names no value; the message lists the accepted spellings.</exception>
    public TEnum Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a {kind}; {accepted}");
    }
}
