using B12Dosing.Quantities;

namespace B12Dosing.Absorption;

/// <summary>A named physiological condition that changes how B12 is absorbed and kept; see <see cref="ParameterSet.For(Condition)"/>.</summary>
public enum Condition
{
    /// <summary>Normal gastric acid, intrinsic factor (IF) and ileum (<c>healthy</c>).</summary>
    Healthy,

    /// <summary>Autoimmune loss of IF (and of gastric acid): no IF-mediated uptake (<c>pernicious-anemia</c>).</summary>
    PerniciousAnemia,

    /// <summary>Atrophic gastritis: little acid and pepsin, so food-bound B12 is poorly released; crystalline B12 is absorbed normally (<c>atrophic-gastritis</c>).</summary>
    AtrophicGastritis,

    /// <summary>Total gastrectomy: no IF and no acid (<c>gastrectomy</c>).</summary>
    Gastrectomy,

    /// <summary>Resection of the terminal ileum, where the IF-B12 receptor lies: reduced IF-mediated uptake (<c>ileal-resection</c>).</summary>
    IlealResection,
}

/// <summary>Names and parsing of <see cref="Condition"/>.</summary>
public static class Conditions
{
    /// <summary>All conditions, in declaration order.</summary>
    public static IReadOnlyList<Condition> All { get; } =
        [Condition.Healthy, Condition.PerniciousAnemia, Condition.AtrophicGastritis, Condition.Gastrectomy, Condition.IlealResection];

    /// <summary>The name the tool prints and parses: <c>healthy</c>, <c>pernicious-anemia</c>, <c>atrophic-gastritis</c>, <c>gastrectomy</c>, <c>ileal-resection</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined condition.</exception>
    public static string Name(this Condition condition) => condition switch
    {
        Condition.Healthy => "healthy",
        Condition.PerniciousAnemia => "pernicious-anemia",
        Condition.AtrophicGastritis => "atrophic-gastritis",
        Condition.Gastrectomy => "gastrectomy",
        Condition.IlealResection => "ileal-resection",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, Accepted),
    };

    /// <summary>
    /// Parses a condition, case-insensitive, accepting the names of <see cref="Name"/>, the British
    /// spelling <c>pernicious-anaemia</c>, and spaces or underscores instead of hyphens.
    /// </summary>
    /// <exception cref="FormatException">The text names no condition.</exception>
    public static Condition Parse(string text) => Spellings.Parse(text);

    /// <summary>Tries to parse a condition (see <see cref="Parse"/>).</summary>
    public static bool TryParse(string? text, out Condition condition) => Spellings.TryParse(text, out condition);

    private const string Accepted = "accepted: healthy, pernicious-anemia (pernicious-anaemia), atrophic-gastritis, gastrectomy, ileal-resection.";

    private static readonly SpellingTable<Condition> Spellings = new(
        "condition",
        Accepted,
        (Condition.Healthy, ["healthy", "normal"]),
        (Condition.PerniciousAnemia, ["pernicious-anemia", "pernicious-anaemia", "pa"]),
        (Condition.AtrophicGastritis, ["atrophic-gastritis"]),
        (Condition.Gastrectomy, ["gastrectomy", "total-gastrectomy"]),
        (Condition.IlealResection, ["ileal-resection"]))
    {
        Normalize = static text => text.Replace(' ', '-').Replace('_', '-'),
    };
}
