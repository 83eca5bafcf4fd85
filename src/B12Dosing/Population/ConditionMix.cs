using System.Globalization;
using B12Dosing.Absorption;

namespace B12Dosing.Population;

/// <summary>One condition's share of a population.</summary>
/// <param name="Condition">The condition: a single effect or a combination (<see cref="Effect"/>, such as <c>atrophic-gastritis+omeprazole-40</c>).</param>
/// <param name="Share">Its share, in (0, 1]; the shares of a <see cref="ConditionMix"/> add up to 1.</param>
public readonly record struct ConditionShare(Effect Condition, double Share);

/// <summary>
/// The conditions of a population and their shares, such as 70 % pernicious anaemia and 30 % atrophic gastritis on
/// omeprazole 40 mg; each condition an <see cref="Effect"/> (one, or several combined). Each patient's condition is
/// drawn from the shares. Immutable.
/// </summary>
public sealed class ConditionMix : IEquatable<ConditionMix>
{
    private readonly ConditionShare[] _shares;

    private ConditionMix(ConditionShare[] shares)
    {
        _shares = shares;
        Shares = Array.AsReadOnly(shares);
    }

    /// <summary>Everyone healthy.</summary>
    public static ConditionMix Healthy { get; } = Only(Condition.Healthy);

    /// <summary>The shares, in the order given, adding up to 1.</summary>
    public IReadOnlyList<ConditionShare> Shares { get; }

    /// <summary>A population with one condition.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined condition.</exception>
    public static ConditionMix Only(Condition condition) => Of((condition, 1));

    /// <summary>A population with one condition: a single effect or a combination.</summary>
    public static ConditionMix Only(Effect condition) => Of([(condition, 1.0)]);

    /// <summary>
    /// A mix from weights: any positive numbers, which this method divides by their sum (so <c>(pa, 3), (healthy, 1)</c> is
    /// 75 % and 25 %); that scaling is what it is for. A condition listed twice has its weights added. The notation
    /// (<see cref="Parse"/>) takes shares that add up to 1 instead, and scales nothing.
    /// </summary>
    /// <exception cref="ArgumentException">No weights were given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is not a finite number more than zero, the weights add up to more than <see cref="double.MaxValue"/>, a weight is so small next to the others that its share is 0, or a condition is not defined.</exception>
    public static ConditionMix Of(params IEnumerable<(Condition Condition, double Weight)> weights) =>
        Of((weights ?? throw new ArgumentNullException(nameof(weights))).Select(w => (Effect.For(w.Condition), w.Weight)));

    /// <summary>A mix from weights, each condition an <see cref="Effect"/> (a single effect or a combination); as <see cref="Of(IEnumerable{ValueTuple{Condition, double}})"/>.</summary>
    /// <exception cref="ArgumentException">No weights were given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is not a finite number more than zero, the weights add up to more than <see cref="double.MaxValue"/>, or a weight is so small next to the others that its share is 0.</exception>
    public static ConditionMix Of(IEnumerable<(Effect Condition, double Weight)> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var merged = new List<(Effect Condition, double Weight)>();
        foreach (var (condition, weight) in weights)
        {
            ArgumentNullException.ThrowIfNull(condition, nameof(weights));
            if (!(weight > 0 && double.IsFinite(weight)))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weight, $"The weight of {condition.Name} must be a finite number more than zero.");
            }

            var i = merged.FindIndex(m => m.Condition == condition);
            if (i < 0)
            {
                merged.Add((condition, weight));
            }
            else
            {
                merged[i] = (condition, merged[i].Weight + weight);
            }
        }

        if (merged.Count == 0)
        {
            throw new ArgumentException("A condition mix needs at least one condition.", nameof(weights));
        }

        var total = merged.Sum(m => m.Weight);
        foreach (var (condition, weight) in merged)
        {
            // An infinite total would make every share 0; a weight too small next to the others would vanish.
            if (!double.IsFinite(total) || weight / total == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weight, $"The weight of {condition.Name} is out of scale: the weights must add up to a finite number, and each be a share of the total more than zero.");
            }
        }

        return new([.. merged.Select(m => new ConditionShare(m.Condition, m.Weight / total))]);
    }

    /// <summary>
    /// How far the shares of a parsed mix may add up from 1: 1e-9, room for shares written with a few digits
    /// (<c>pa=0.333333333,healthy=0.666666667</c>) but not for weights (<c>pa=3,healthy=1</c>), which are refused.
    /// </summary>
    public const double ShareSumTolerance = 1e-9;

    /// <summary>
    /// Parses <c>healthy</c>, or a mix such as <c>pernicious-anemia=0.7,atrophic-gastritis=0.3</c>: each condition's share
    /// after <c>=</c> or <c>:</c> (invariant culture), the shares adding up to 1 (within <see cref="ShareSumTolerance"/>);
    /// one condition may leave its share out and take the rest (<c>pernicious-anemia=0.7,healthy</c>). Nothing is rescaled:
    /// shares that do not add up to 1 are refused, not scaled (use <c>Of</c> for weights). Each condition as
    /// <see cref="Effect.Parse"/>, one effect or several joined by <c>+</c> (<c>healthy=0.5,atrophic-gastritis+omeprazole-40=0.5</c>); a condition named twice has its shares added.
    /// </summary>
    /// <exception cref="FormatException">A part names no condition or has a share that is not a number in (0, 1], the shares do not add up to 1, more than one condition has no share, or the rest left for the one without is not more than zero. The message quotes the text.</exception>
    public static ConditionMix Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shares = new List<(Effect, double)>();
        int? rest = null;
        try
        {
            foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
            {
                var pair = part.Split('=', ':');
                var share = 1.0;
                if (pair.Length > 2 || (pair.Length == 2 && !(double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out share) && share is > 0 and <= 1)))
                {
                    throw new FormatException($"'{part}' is not a condition with its share, such as 'pernicious-anemia=0.7' (a share is a number more than 0 and at most 1).");
                }

                if (pair.Length == 1 && text.Contains(',', StringComparison.Ordinal))
                {
                    rest = rest is null ? shares.Count : throw new FormatException($"'{part}' has no share, and neither has another condition: give each condition but one its share, such as 'pernicious-anemia=0.7,healthy'.");
                }

                shares.Add((Effect.Parse(pair[0]), share));
            }

            var given = shares.Where((_, i) => i != rest).Sum(s => s.Item2);
            if (rest is int r)
            {
                shares[r] = (shares[r].Item1, 1 - given);
                if (!(shares[r].Item2 > ShareSumTolerance))
                {
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"the shares given add up to {given:R}, which leaves nothing for {shares[r].Item1.Name}; shares add up to 1."));
                }
            }
            else if (Math.Abs(given - 1) > ShareSumTolerance)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"the shares add up to {given:R}, not 1 (they are shares of the population, not weights: write 'pernicious-anemia=0.75,healthy=0.25' for 3 to 1)."));
            }

            return Of(shares);
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
        {
            var reason = e is FormatException ? e.Message : "the shares are out of scale: each must be a share of the total more than zero.";
            throw new FormatException(text.AsSpan().IndexOfAny(",=:") >= 0 ? $"'{text}' is not a condition mix: {reason}" : reason, e);
        }
    }

    /// <summary>The condition whose cumulative share first exceeds <paramref name="u"/> in [0, 1).</summary>
    internal Effect Pick(double u)
    {
        var cumulative = 0.0;
        foreach (var share in _shares)
        {
            cumulative += share.Share;
            if (u < cumulative)
            {
                return share.Condition;
            }
        }

        return _shares[^1].Condition;
    }

    /// <summary>Text such as <c>pernicious-anemia 70 %, atrophic-gastritis 30 %</c>, or the one condition's name.</summary>
    public override string ToString() => _shares.Length == 1
        ? _shares[0].Condition.Name
        : string.Join(", ", _shares.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Condition.Name} {s.Share * 100:0.#} %")));

    /// <inheritdoc/>
    public bool Equals(ConditionMix? other) => other is not null && _shares.AsSpan().SequenceEqual(other._shares);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ConditionMix);

    /// <inheritdoc/>
    public override int GetHashCode() => _shares.Aggregate(0, (h, s) => HashCode.Combine(h, s));
}
