namespace B12Dosing.Absorption;

/// <summary>A named physiological condition that changes how B12 is absorbed and kept; see <see cref="Physiology.For(Condition)"/>.</summary>
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
    public static Condition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var condition)
            ? condition
            : throw new FormatException($"'{text}' is not a condition; {Accepted}");
    }

    /// <summary>Tries to parse a condition (see <see cref="Parse"/>).</summary>
    public static bool TryParse(string? text, out Condition condition)
    {
        condition = default;
        switch (text?.Trim().Replace(' ', '-').Replace('_', '-').ToLowerInvariant())
        {
            case "healthy" or "normal":
                condition = Condition.Healthy;
                return true;
            case "pernicious-anemia" or "pernicious-anaemia" or "pa":
                condition = Condition.PerniciousAnemia;
                return true;
            case "atrophic-gastritis":
                condition = Condition.AtrophicGastritis;
                return true;
            case "gastrectomy" or "total-gastrectomy":
                condition = Condition.Gastrectomy;
                return true;
            case "ileal-resection":
                condition = Condition.IlealResection;
                return true;
            default:
                return false;
        }
    }

    private const string Accepted = "accepted: healthy, pernicious-anemia (pernicious-anaemia), atrophic-gastritis, gastrectomy, ileal-resection.";
}
