using System.Collections;
using System.Collections.Immutable;
using B12Dosing.Absorption;
using B12Dosing.Parameters;

namespace B12Dosing.Population;

/// <summary>Between-person variation of one parameter of the set: each patient's value is the condition's value times a factor drawn from <see cref="Variation"/>.</summary>
public sealed record ParameterVariation
{
    /// <summary>Creates a variation of a parameter.</summary>
    /// <param name="parameter">A parameter of the set (not a constant of the model).</param>
    /// <param name="variation">The factor's distribution.</param>
    /// <exception cref="ArgumentException">The parameter is a constant of the model.</exception>
    public ParameterVariation(ModelParameter parameter, Variation variation)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(variation);
        Parameter = parameter.IsConstant
            ? throw new ArgumentException($"{parameter.Name} is a constant of the model, not a parameter that varies between patients.", nameof(parameter))
            : parameter;
        Variation = variation;
    }

    /// <summary>The parameter that varies.</summary>
    public ModelParameter Parameter { get; }

    /// <summary>The factor's distribution.</summary>
    public Variation Variation { get; }

    /// <summary><paramref name="physiology"/> with the parameter multiplied by <paramref name="factor"/> (its bounds checked; a derived parameter is pinned).</summary>
    internal ParameterSet Apply(ParameterSet physiology, double factor) => Parameter.Write(physiology, Parameter.ValueIn(physiology) * factor);

    /// <summary><c>HoloTranscobalaminHalfLife: log-normal σ 0.2 in [0.5, 2]</c>.</summary>
    public override string ToString() => $"{Parameter.Name}: {Variation}";
}

/// <summary>
/// The further variations of a population model (<see cref="PopulationModel.Variations"/>), in the order patients draw
/// them. Immutable, compared by value; a parameter varies at most once here.
/// </summary>
public sealed class ParameterVariations : IReadOnlyList<ParameterVariation>, IEquatable<ParameterVariations>
{
    private readonly ImmutableArray<ParameterVariation> _items;

    private ParameterVariations(ImmutableArray<ParameterVariation> items) => _items = items;

    /// <summary>No further variation.</summary>
    public static ParameterVariations None { get; } = new([]);

    /// <summary>The number of variations.</summary>
    public int Count => _items.Length;

    /// <summary>The variation at <paramref name="index"/>, in drawing order.</summary>
    public ParameterVariation this[int index] => _items[index];

    /// <summary>Variations by parameter name (<see cref="ModelParameters.Get"/>, case-insensitive).</summary>
    /// <exception cref="ArgumentException">A name is unknown or a constant, or a parameter is named twice.</exception>
    public static ParameterVariations Of(params IEnumerable<(string Name, Variation Variation)> variations)
    {
        ArgumentNullException.ThrowIfNull(variations);
        return Of(variations.Select(v => new ParameterVariation(ModelParameters.Get(v.Name), v.Variation)));
    }

    /// <summary>Variations of parameters.</summary>
    /// <exception cref="ArgumentException">A parameter is named twice.</exception>
    public static ParameterVariations Of(IEnumerable<ParameterVariation> variations)
    {
        ArgumentNullException.ThrowIfNull(variations);
        var items = variations.ToImmutableArray();
        if (items.Any(v => v is null))
        {
            throw new ArgumentNullException(nameof(variations));
        }

        if (items.GroupBy(v => v.Parameter).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"{twice.Key.Name} varies twice; give one variation per parameter.", nameof(variations));
        }

        return items.IsEmpty ? None : new(items);
    }

    /// <inheritdoc/>
    public IEnumerator<ParameterVariation> GetEnumerator() => ((IEnumerable<ParameterVariation>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(ParameterVariations? other) => other is not null && _items.SequenceEqual(other._items);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ParameterVariations);

    /// <inheritdoc/>
    public override int GetHashCode() => _items.Aggregate(0, (h, v) => HashCode.Combine(h, v));

    /// <summary>The variations, <c>; </c>-separated, or <c>none</c>.</summary>
    public override string ToString() => _items.IsEmpty ? "none" : string.Join("; ", _items);
}
