using System.Collections.Immutable;
using System.Globalization;
using B12Dosing.Parameters;

namespace B12Dosing.Absorption;

/// <summary>
/// The physiological route through which an <see cref="Effect"/> changes a parameter. Two effects on the same parameter
/// through the same mechanism do not add up: the stronger one applies (see <see cref="Effect.Combine"/>).
/// </summary>
public enum EffectMechanism
{
    /// <summary>Gastric acid and pepsin, which release food-bound B12 (lost in atrophic gastritis, pernicious anaemia and after gastrectomy; suppressed by proton-pump inhibitors).</summary>
    GastricAcid,

    /// <summary>Intrinsic factor, which carries B12 (from a dose or from bile) to the ileum.</summary>
    IntrinsicFactor,

    /// <summary>The terminal ileum, where the IF-B12 receptor lies.</summary>
    Ileum,

    /// <summary>The release of stored B12 onto haptocorrin, the carrier that holds most of serum B12.</summary>
    HaptocorrinRelease,
}

/// <summary>One change an <see cref="Effect"/> makes: a parameter multiplied by a factor, through a mechanism.</summary>
/// <param name="Parameter">The parameter changed (a parameter of the set, not a constant).</param>
/// <param name="Factor">The factor its value is multiplied by: 0 or more.</param>
/// <param name="Mechanism">The route through which the effect acts.</param>
public readonly record struct EffectChange(ModelParameter Parameter, double Factor, EffectMechanism Mechanism)
{
    /// <summary><c>FoodReleaseFraction × 0.5 (gastric acid)</c>, invariant.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Parameter.Name} × {Factor:G6} ({Mechanism})");
}

/// <summary>
/// A condition or covariate as an effect on a parameter set: each changes named parameters by a factor through a
/// <see cref="EffectMechanism"/>, and cites its source. The five conditions of <see cref="Condition"/>, acid suppression
/// by omeprazole (20 or 40 mg a day; food-bound B12 only) and metformin (the haptocorrin readout) are defined here, and
/// <see cref="Physiology"/>'s presets are these effects applied to <see cref="Physiology.Healthy"/>. Effects combine
/// (<see cref="Combine"/>, <c>+</c>, <see cref="Parse"/> of <c>atrophic-gastritis+omeprazole-40</c>) and apply to any
/// set (<see cref="ApplyTo"/>). The rule where two effects touch the same parameter: through the same mechanism the
/// stronger factor applies (the one farthest from 1: a proton-pump inhibitor cannot lower the acid that atrophic gastritis
/// has already removed below its own effect); through different mechanisms the factors multiply (pernicious anaemia's
/// loss of intrinsic factor and an ileal resection both cut biliary reabsorption). Immutable; equal when their names and
/// changes are.
/// </summary>
public sealed class Effect : IEquatable<Effect>
{
    private readonly ImmutableArray<EffectChange> _changes;
    private readonly ImmutableArray<Effect> _parts;

    private Effect(string name, string description, string source, string group, ImmutableArray<EffectChange> changes, ImmutableArray<Effect>? parts)
    {
        (Name, Description, Source, Group, _changes) = (name, description, source, group, changes);
        _parts = parts ?? (changes.IsEmpty ? [] : [this]);
    }

    /// <summary>The name the tool prints and parses: <c>pernicious-anemia</c>, or <c>atrophic-gastritis+omeprazole-40</c> for a combination (its parts in the order of <see cref="All"/>).</summary>
    public string Name { get; }

    /// <summary>What the effect is, in a sentence (for a combination, its parts' joined).</summary>
    public string Description { get; }

    /// <summary>Where its figures come from (for a combination, its parts' joined).</summary>
    public string Source { get; }

    /// <summary>Effects of one group exclude each other (<c>omeprazole</c>: one dose at a time); empty for none.</summary>
    public string Group { get; }

    /// <summary>The changes as declared, part by part (before the combination rule).</summary>
    public IReadOnlyList<EffectChange> Changes => _changes;

    /// <summary>The single effects this is made of, in the order of <see cref="All"/>: itself for a single effect, none for <see cref="Healthy"/>.</summary>
    public IReadOnlyList<Effect> Parts => _parts;

    /// <summary>The factor each parameter is multiplied by once the combination rule is applied, in the block's order.</summary>
    public IReadOnlyList<ParameterValue> Factors =>
        [.. ModelParameters.Settable.Where(p => _changes.Any(c => c.Parameter == p)).Select(p => new ParameterValue(p, FactorOf(p)))];

    /// <summary>Normal gastric acid, intrinsic factor and ileum: no change (<c>healthy</c>).</summary>
    public static Effect Healthy { get; } = new("healthy", "Normal gastric acid, intrinsic factor (IF) and ileum.", "The default parameter set.", string.Empty, [], null);

    /// <summary>
    /// Pernicious anaemia (<c>pernicious-anemia</c>): no IF (capacity × 0; the PA column of Carmel 2008, Table 1 is passive
    /// only), so no biliary B12 is reabsorbed and stores fall at 0.2 %/day (IOM 1998; Boddy &amp; Adams 1972); the
    /// achlorhydria impairs food release (× <see cref="ModelParameters.ImpairedFoodReleaseFactor"/>, an assumption).
    /// </summary>
    public static Effect PerniciousAnemia { get; } = Single(
        "pernicious-anemia",
        "Autoimmune loss of IF and of gastric acid: no IF-mediated uptake and no biliary reabsorption; food-bound B12 poorly released.",
        "Carmel 2008, Table 1 (no IF); IOM 1998 and Boddy & Adams 1972 (stores fall 0.2 %/day); food release an assumption (ImpairedFoodReleaseFactor).",
        string.Empty,
        (ModelParameters.IntrinsicFactorCapacity, 0, EffectMechanism.IntrinsicFactor),
        (ModelParameters.FoodReleaseFraction, ModelParameters.ImpairedFoodReleaseFactor.Default, EffectMechanism.GastricAcid),
        (ModelParameters.BiliaryReabsorptionFraction, 0, EffectMechanism.IntrinsicFactor));

    /// <summary>
    /// Atrophic gastritis (<c>atrophic-gastritis</c>): crystalline B12 absorbed normally, food-bound B12 poorly released
    /// (× <see cref="ModelParameters.ImpairedFoodReleaseFactor"/>); IOM 1998 (Appendix N) assumes stores fall at 0.15 %/day,
    /// which the default set reaches by reducing biliary reabsorption (IF secretion is often reduced too): by the factor
    /// that gives 0.15 %/day there (<see cref="ModelParameters.AtrophicGastritisStoreLossPerDay"/>).
    /// </summary>
    public static Effect AtrophicGastritis { get; } = Single(
        "atrophic-gastritis",
        "Little acid and pepsin, so food-bound B12 is poorly released; crystalline B12 absorbed normally; less bile reabsorbed (stores fall 0.15 %/day).",
        "Carmel 2008 (acid loss blocks the release of food-bound B12, not crystalline uptake); IOM 1998, Appendix N (0.15 %/day); food release an assumption (ImpairedFoodReleaseFactor).",
        string.Empty,
        (ModelParameters.FoodReleaseFraction, ModelParameters.ImpairedFoodReleaseFactor.Default, EffectMechanism.GastricAcid),
        (ModelParameters.BiliaryReabsorptionFraction,
            (1 - ((ModelParameters.AtrophicGastritisStoreLossPerDay.Default - ModelParameters.TurnoverPerDay.Default) / ModelParameters.BiliarySecretionPerDay.Default)) / ModelParameters.BiliaryReabsorptionFraction.Default,
            EffectMechanism.IntrinsicFactor));

    /// <summary>Total gastrectomy (<c>gastrectomy</c>): no IF and no acid or pepsin; as <see cref="PerniciousAnemia"/> (an assumption: the same lack of IF and acid, Carmel 2008).</summary>
    public static Effect Gastrectomy { get; } = new(
        "gastrectomy",
        "Total gastrectomy: no IF (the parietal cells are gone) and no acid or pepsin; the changes of pernicious anaemia.",
        "Carmel 2008 (the same lack of IF and acid as pernicious anaemia; an assumption that the effects are equal).",
        string.Empty,
        PerniciousAnemia._changes,
        null);

    /// <summary>
    /// Ileal resection (<c>ileal-resection</c>): IF-mediated uptake × <see cref="ModelParameters.IlealResectionUptakeFactor"/>
    /// (an assumption), passive diffusion intact; biliary B12, reabsorbed by the same route, in the same proportion.
    /// </summary>
    public static Effect IlealResection { get; } = Single(
        "ileal-resection",
        "Resection of the terminal ileum, where the IF-B12 receptor lies: IF-mediated uptake and biliary reabsorption reduced; passive diffusion intact.",
        "An assumption (IlealResectionUptakeFactor): resection of about 60 cm or more of terminal ileum.",
        string.Empty,
        (ModelParameters.IlealUptakeFactor, ModelParameters.IlealResectionUptakeFactor.Default, EffectMechanism.Ileum),
        (ModelParameters.BiliaryReabsorptionFraction, ModelParameters.IlealResectionUptakeFactor.Default, EffectMechanism.Ileum));

    /// <summary>Omeprazole 20 mg a day (<c>omeprazole-20</c>): the release of food-bound B12 × 0.340, the equally weighted fit of Marcuard 1994 (× 0.281) and Schenk 1996 (× 0.412); crystalline B12 unchanged.</summary>
    public static Effect Omeprazole20 { get; } = Single(
        "omeprazole-20",
        "Acid suppression by omeprazole 20 mg a day: food-bound B12 poorly released; crystalline B12 absorbed as before.",
        ModelParameters.Omeprazole20FoodReleaseFactor.Source,
        "omeprazole",
        (ModelParameters.FoodReleaseFraction, ModelParameters.Omeprazole20FoodReleaseFactor.Default, EffectMechanism.GastricAcid));

    /// <summary>Omeprazole 40 mg a day (<c>omeprazole-40</c>): the release of food-bound B12 × 0.165, the equally weighted fit of Marcuard 1994 (× 0.118) and Schenk 1996 (× 0.232); crystalline B12 unchanged.</summary>
    public static Effect Omeprazole40 { get; } = Single(
        "omeprazole-40",
        "Acid suppression by omeprazole 40 mg a day: food-bound B12 poorly released; crystalline B12 absorbed as before.",
        ModelParameters.Omeprazole40FoodReleaseFactor.Source,
        "omeprazole",
        (ModelParameters.FoodReleaseFraction, ModelParameters.Omeprazole40FoodReleaseFactor.Default, EffectMechanism.GastricAcid));

    /// <summary>
    /// Metformin (<c>metformin</c>): the release of stores onto haptocorrin × <see cref="ModelParameters.MetforminHaptocorrinReleaseFactor"/>
    /// (pinned at the changed value): serum falls through its haptocorrin fraction while holoTC, absorption and stores stay
    /// as they are, as the source describes it; the size is an assumption. Not an effect on absorption.
    /// </summary>
    public static Effect Metformin { get; } = Single(
        "metformin",
        "Metformin: less B12 on haptocorrin, so total serum falls while holoTC (active B12), absorption and stores do not: a readout effect, not one on absorption.",
        ModelParameters.MetforminHaptocorrinReleaseFactor.Source,
        string.Empty,
        (ModelParameters.HaptocorrinReleasePerDay, ModelParameters.MetforminHaptocorrinReleaseFactor.Default, EffectMechanism.HaptocorrinRelease));

    /// <summary>Every single effect, in the order combinations are named: the five conditions, then the drugs.</summary>
    public static IReadOnlyList<Effect> All { get; } = [Healthy, PerniciousAnemia, AtrophicGastritis, Gastrectomy, IlealResection, Omeprazole20, Omeprazole40, Metformin];

    /// <summary>The effect of a condition.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined condition.</exception>
    public static Effect For(Condition condition) => condition switch
    {
        Condition.Healthy => Healthy,
        Condition.PerniciousAnemia => PerniciousAnemia,
        Condition.AtrophicGastritis => AtrophicGastritis,
        Condition.Gastrectomy => Gastrectomy,
        Condition.IlealResection => IlealResection,
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not a condition; " + Accepted),
    };

    /// <summary>The effect of a condition (<see cref="For(Condition)"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined condition.</exception>
    public static implicit operator Effect(Condition condition) => For(condition);

    /// <summary>The effect of a condition (<see cref="For(Condition)"/>): the named alternative to the implicit conversion.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined condition.</exception>
    public static Effect FromCondition(Condition condition) => For(condition);

    /// <summary>A researcher's own effect, applied and combined as the built-in ones.</summary>
    /// <param name="name">Its name: letters, digits and hyphens, not one of <see cref="All"/>.</param>
    /// <param name="description">What it is.</param>
    /// <param name="source">Where its factors come from.</param>
    /// <param name="changes">At least one change, each on a parameter of the set (not a constant), its factor finite and 0 or more.</param>
    /// <exception cref="ArgumentException">The name is empty, taken, or not letters, digits and hyphens; there is no change; a parameter is a constant; or a parameter is changed twice through one mechanism.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A factor is negative or not finite.</exception>
    public static Effect Custom(string name, string description, string source, params IEnumerable<EffectChange> changes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(changes);
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || All.Any(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"An effect's name is letters, digits and hyphens, and not one of the built-in effects ({string.Join(", ", All.Select(e => e.Name))}); got '{name}'.", nameof(name));
        }

        var list = changes.ToImmutableArray();
        return list.IsEmpty
            ? throw new ArgumentException("An effect changes at least one parameter.", nameof(changes))
            : new(name.ToLowerInvariant(), description, source, string.Empty, Checked(list, nameof(changes)), null);
    }

    /// <summary>
    /// The effects together: their parts (flattened, in the order of <see cref="All"/>, custom effects last in the order
    /// given), each parameter changed by the rule of this type (the stronger factor within a mechanism, the product across
    /// mechanisms). <see cref="Healthy"/> alone, or no effect, is <see cref="Healthy"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An effect is named twice, <c>healthy</c> is combined with another effect (it is the absence of one), or two effects of one group are combined (<c>omeprazole-20+omeprazole-40</c>).</exception>
    public static Effect Combine(params IEnumerable<Effect> effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var given = effects.ToList();
        if (given.Any(e => e is null))
        {
            throw new ArgumentNullException(nameof(effects));
        }

        if (given.Count > 1 && given.Any(e => e._parts.IsEmpty))
        {
            throw new ArgumentException($"'healthy' is the absence of any effect and cannot be combined with another ({string.Join("+", given.Select(e => e.Name))}); leave it out.", nameof(effects));
        }

        var parts = given.SelectMany(e => e._parts).ToList();
        foreach (var twice in parts.GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            throw new ArgumentException($"'{twice.Key}' is named twice in {string.Join("+", given.Select(e => e.Name))}.", nameof(effects));
        }

        foreach (var group in parts.Where(p => p.Group.Length > 0).GroupBy(p => p.Group).Where(g => g.Count() > 1))
        {
            throw new ArgumentException($"{string.Join(" and ", group.Select(p => p.Name))} are two doses of {group.Key}; give one.", nameof(effects));
        }

        if (parts.Count <= 1)
        {
            return parts.Count == 0 ? Healthy : parts[0];
        }

        var ordered = parts.OrderBy(p => Order(p)).ToImmutableArray();
        return new(
            string.Join("+", ordered.Select(p => p.Name)),
            string.Join(" ", ordered.Select(p => p.Description)),
            string.Join(" ", ordered.Select(p => p.Source)),
            string.Empty,
            [.. ordered.SelectMany(p => p._changes)],
            ordered);
    }

    /// <summary>The place of a single effect in <see cref="All"/> (custom effects after the built-in ones).</summary>
    private static int Order(Effect effect)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Equals(effect))
            {
                return i;
            }
        }

        return All.Count;
    }

    /// <summary>This effect and <paramref name="other"/> together (<see cref="Combine"/>).</summary>
    /// <exception cref="ArgumentException">See <see cref="Combine"/>.</exception>
    public Effect And(Effect other) => Combine(this, other);

    /// <summary>Both effects together (<see cref="Combine"/>).</summary>
    /// <exception cref="ArgumentException">See <see cref="Combine"/>.</exception>
    public static Effect operator +(Effect left, Effect right) => Combine(left, right);

    /// <summary>
    /// Parses one effect or several joined by <c>+</c>: <c>healthy</c>, <c>pernicious-anemia</c> (<c>pernicious-anaemia</c>,
    /// <c>pa</c>), <c>atrophic-gastritis</c>, <c>gastrectomy</c>, <c>ileal-resection</c>, <c>omeprazole-20</c>,
    /// <c>omeprazole-40</c>, <c>metformin</c>; case-insensitive, spaces or underscores for hyphens, spaces around <c>+</c>.
    /// </summary>
    /// <exception cref="FormatException">A part names no effect, or the combination is refused (see <see cref="Combine"/>); the message lists the accepted names.</exception>
    public static Effect Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<Effect>();
        foreach (var part in text.Split('+', StringSplitOptions.TrimEntries))
        {
            parts.Add(TryParseOne(part, out var effect)
                ? effect
                : throw new FormatException(part.Length == 0 && text.Contains('+', StringComparison.Ordinal)
                    ? $"'{text}' has an empty part: join effects with one '+', such as 'atrophic-gastritis+omeprazole-40'."
                    : $"'{part}' is not a condition or covariate; {Accepted}"));
        }

        try
        {
            return Combine(parts);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message.Split(" (Parameter")[0], e);
        }
    }

    /// <summary>Tries to parse an effect (see <see cref="Parse"/>).</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Effect? effect)
    {
        effect = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            effect = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// <paramref name="parameters"/> under this effect: each changed parameter multiplied by its combined factor
    /// (<see cref="Factors"/>), each result checked against its bounds. A derived parameter changed by an effect is pinned
    /// at its changed value (metformin's release onto haptocorrin).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A changed value is outside its parameter's bounds (a factor above 1 on a parameter near its top).</exception>
    public Physiology ApplyTo(Physiology parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var result = parameters;
        foreach (var parameter in ModelParameters.Settable)
        {
            if (_changes.Any(c => c.Parameter == parameter))
            {
                result = parameter.Write(result, parameter.ValueIn(parameters) * FactorOf(parameter));
            }
        }

        return result;
    }

    /// <summary>The combined factor on <paramref name="parameter"/>: per mechanism the factor farthest from 1 (in ratio), multiplied over the mechanisms in their declared order.</summary>
    private double FactorOf(ModelParameter parameter)
    {
        var factor = 1.0;
        foreach (var mechanism in Enum.GetValues<EffectMechanism>())
        {
            var strongest = 1.0;
            foreach (var change in _changes)
            {
                if (change.Parameter == parameter && change.Mechanism == mechanism && Distance(change.Factor) > Distance(strongest))
                {
                    strongest = change.Factor;
                }
            }

            factor *= strongest;
        }

        return factor;

        static double Distance(double f) => f == 0 ? double.PositiveInfinity : Math.Abs(Math.Log(f));
    }

    private static Effect Single(string name, string description, string source, string group, params (ModelParameter Parameter, double Factor, EffectMechanism Mechanism)[] changes) =>
        new(name, description, source, group, [.. changes.Select(c => new EffectChange(c.Parameter, c.Factor, c.Mechanism))], null);

    private static ImmutableArray<EffectChange> Checked(ImmutableArray<EffectChange> changes, string paramName)
    {
        foreach (var change in changes)
        {
            ArgumentNullException.ThrowIfNull(change.Parameter, paramName);
            if (change.Parameter.IsConstant)
            {
                throw new ArgumentException($"{change.Parameter.Name} is a constant of the model, not a parameter an effect can change.", paramName);
            }

            if (!(change.Factor >= 0 && double.IsFinite(change.Factor)))
            {
                throw new ArgumentOutOfRangeException(paramName, change.Factor, $"The factor on {change.Parameter.Name} must be a finite number, 0 or more.");
            }

            if (!Enum.IsDefined(change.Mechanism))
            {
                throw new ArgumentOutOfRangeException(paramName, change.Mechanism, "Not a mechanism; accepted: " + string.Join(", ", Enum.GetNames<EffectMechanism>()) + ".");
            }
        }

        if (changes.GroupBy(c => (c.Parameter, c.Mechanism)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"{twice.Key.Parameter.Name} is changed twice through {twice.Key.Mechanism}; give one factor.", paramName);
        }

        return changes;
    }

    private const string Accepted =
        "accepted: healthy, pernicious-anemia (pernicious-anaemia, pa), atrophic-gastritis, gastrectomy, ileal-resection, omeprazole-20, omeprazole-40, metformin, or several joined by '+' (atrophic-gastritis+omeprazole-40).";

    private static bool TryParseOne(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Effect? effect)
    {
        var key = text.Trim().Replace(' ', '-').Replace('_', '-').ToLowerInvariant();
        effect = key switch
        {
            "omeprazole-20" or "omeprazole-20mg" or "omeprazole-20-mg" => Omeprazole20,
            "omeprazole-40" or "omeprazole-40mg" or "omeprazole-40-mg" => Omeprazole40,
            "metformin" => Metformin,
            _ => Conditions.TryParse(key, out var condition) ? For(condition) : null,
        };
        return effect is not null;
    }

    /// <summary>The name (<see cref="Name"/>).</summary>
    public override string ToString() => Name;

    /// <inheritdoc/>
    public bool Equals(Effect? other) => other is not null && other.Name == Name && other._changes.SequenceEqual(_changes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Effect);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Whether two effects are equal (by value).</summary>
    public static bool operator ==(Effect? left, Effect? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two effects differ.</summary>
    public static bool operator !=(Effect? left, Effect? right) => !(left == right);
}
