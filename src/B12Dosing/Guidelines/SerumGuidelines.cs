namespace B12Dosing.Guidelines;

/// <summary>The serum B12 guidelines the library knows, with their sources (shared reference §4).</summary>
public static class SerumGuidelines
{
    private const string Nice = "National Institute for Health and Care Excellence. Vitamin B12 deficiency in over 16s: diagnosis and management. NICE guideline NG239, 2024";

    /// <summary>
    /// NICE NG239 (2024), total serum B12: below 180 ng/L deficiency likely; 180 to 350 ng/L indeterminate;
    /// above 350 ng/L deficiency unlikely. Source: National Institute for Health and Care Excellence,
    /// Vitamin B12 deficiency in over 16s: diagnosis and management, NICE guideline NG239, 2024.
    /// </summary>
    public static SerumGuideline NiceTotal { get; } = Create(
        "nice", "NICE NG239 (2024), total B12", Nice, SerumAnalyte.TotalB12, SerumUnit.PicogramsPerMilliliter, 180, 350, "deficiency likely", "indeterminate", "deficiency unlikely");

    /// <summary>
    /// NICE NG239 (2024), active B12 (holotranscobalamin): below 25 pmol/L deficiency likely; 25 to 70 pmol/L
    /// indeterminate; above 70 pmol/L deficiency unlikely. Source as <see cref="NiceTotal"/>.
    /// </summary>
    public static SerumGuideline NiceActive { get; } = Create(
        "nice-active", "NICE NG239 (2024), active B12", Nice, SerumAnalyte.ActiveB12, SerumUnit.PicomolesPerLiter, 25, 70, "deficiency likely", "indeterminate", "deficiency unlikely");

    /// <summary>
    /// WHO cut-offs for serum B12: below 148 pmol/L deficient; 148 to 221 pmol/L low; above 221 pmol/L adequate.
    /// Source: de Benoist B. Conclusions of a WHO Technical Consultation on folate and vitamin B12 deficiencies.
    /// Food Nutr Bull 2008;29(2 Suppl):S238-44.
    /// </summary>
    public static SerumGuideline Who { get; } = Create(
        "who", "WHO (2008)", "de Benoist B. Conclusions of a WHO Technical Consultation on folate and vitamin B12 deficiencies. Food Nutr Bull 2008;29(2 Suppl):S238-44",
        SerumAnalyte.TotalB12, SerumUnit.PicomolesPerLiter, 148, 221, "deficient", "low", "adequate");

    /// <summary>
    /// A common US laboratory reference range for total serum B12: 200 to 900 pg/mL normal; below is low
    /// (deficiency possible; a methylmalonic acid above about 0.4 µmol/L suggests functional deficiency);
    /// above is high. Source: the shared reference §4 (a typical US laboratory reference interval).
    /// </summary>
    public static SerumGuideline UsLaboratory { get; } = Create(
        "us-lab", "US laboratory range", "A common US clinical laboratory reference interval for serum B12, 200-900 pg/mL",
        SerumAnalyte.TotalB12, SerumUnit.PicogramsPerMilliliter, 200, 900, "low", "normal", "high", SerumStatus.Adequate, SerumStatus.High);

    /// <summary>Every guideline, in order.</summary>
    public static IReadOnlyList<SerumGuideline> All { get; } = [NiceTotal, NiceActive, Who, UsLaboratory];

    /// <summary>The guideline with this id (<c>nice</c>, <c>nice-active</c>, <c>who</c>, <c>us-lab</c>), case-insensitive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No guideline has this id; the message lists them.</exception>
    public static SerumGuideline Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return All.FirstOrDefault(g => string.Equals(g.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentOutOfRangeException(nameof(id), id, $"No guideline has the id '{id}'; known: {string.Join(", ", All.Select(g => g.Id))}.");
    }

    /// <summary>
    /// A guideline of three bands as the guidelines word them: below <paramref name="low"/>; from
    /// <paramref name="low"/> to <paramref name="high"/> inclusive ("180-350 ng/L"); above <paramref name="high"/>.
    /// </summary>
    private static SerumGuideline Create(
        string id, string name, string source, SerumAnalyte analyte, SerumUnit unit, double low, double high,
        string below, string between, string above,
        SerumStatus betweenStatus = SerumStatus.Indeterminate, SerumStatus aboveStatus = SerumStatus.Adequate) =>
        new(id, name, source, analyte, unit,
            new(below, SerumStatus.Deficient, 0, low, false),
            new(between, betweenStatus, low, high, true),
            new(above, aboveStatus, high, double.PositiveInfinity, false));
}
