namespace B12Dosing.Regimens;

/// <summary>A published dosing protocol: its catalogue name, what it is, where it comes from, and the regimen.</summary>
public sealed record Protocol
{
    internal Protocol(string name, string description, string source, string notation)
    {
        Name = name;
        Description = description;
        Source = source;
        Regimen = Regimen.Parse(notation);
    }

    /// <summary>The catalogue name, such as <c>bnf-neuro</c>; scripts depend on it.</summary>
    public string Name { get; }

    /// <summary>What the protocol gives, in words, and how the model reads any range the source allows.</summary>
    public string Description { get; }

    /// <summary>The citation the protocol comes from.</summary>
    public string Source { get; }

    /// <summary>The regimen.</summary>
    public Regimen Regimen { get; }

    /// <summary>The regimen in the notation (see <c>docs/regimens.md</c>).</summary>
    public string Notation => Regimen.ToString();
}

/// <summary>
/// The catalogue of published B12 protocols (sources: the shared reference, section 5), by name:
/// <c>none</c>, <c>bnf-no-neuro</c>, <c>bnf-neuro</c>, <c>us-label-cyanocobalamin</c>, <c>stabler-2013</c>,
/// <c>kuzminski-oral</c>, <c>kuzminski-im</c>, <c>nascobal-weekly</c>, <c>rda-diet</c>, <c>oral-1000-daily</c>.
/// Where a source gives a range ("every 2-3 months", "weekly for 4-8 weeks") the description says which
/// value the regimen uses. A "then" phase starts one of its own intervals after the last dose of the phase
/// before it, so "then every 3 months" gives the first maintenance dose 3 months after the last loading dose.
/// </summary>
public static class RegimenCatalogue
{
    private const string Bnf = "British National Formulary (BNF), hydroxocobalamin: pernicious anaemia and other macrocytic anaemias";
    private const string Stabler = "Stabler SP. Vitamin B12 deficiency. N Engl J Med 2013;368:149-160";
    private const string Kuzminski = "Kuzminski AM, Del Giacco EJ, Allen RH, Stabler SP, Lindenbaum J. Effective treatment of cobalamin deficiency with oral cobalamin. Blood 1998;92(4):1191-1198";

    /// <summary>Every protocol, in catalogue order.</summary>
    public static IReadOnlyList<Protocol> All { get; } =
    [
        new("none", "No B12 at all: the body lives on its stores (the baseline for relapse).", "No source: a comparison baseline.", "none"),
        new("bnf-no-neuro", "Hydroxocobalamin 1 mg IM three times a week (days 0, 2, 4 of each week) for 2 weeks, then 1 mg every 3 months (the BNF allows every 2-3 months since 2018; the model uses 3).", $"{Bnf}, without neurological involvement", "1 mg ohcbl im tiw for 2w then 1 mg ohcbl im q3mo"),
        new("bnf-neuro", "Hydroxocobalamin 1 mg IM on alternate days until no further improvement (modelled as 3 weeks), then 1 mg every 2 months.", $"{Bnf}, with neurological involvement", "1 mg ohcbl im q2d for 3w then 1 mg ohcbl im q2mo"),
        new("us-label-cyanocobalamin", "Cyanocobalamin 100 µg IM daily for 7 days, then on alternate days for 7 doses, then every 3-4 days (modelled as every 3.5 days) for 3 weeks, then 100 µg monthly for life.", "US prescribing information, cyanocobalamin injection USP", "100 µg im daily x7 then 100 µg im q2d x7 then 100 µg im q84h for 3w then 100 µg im monthly"),
        new("stabler-2013", "Cyanocobalamin 1000 µg IM daily for 1 week, then weekly for 4 weeks (the source allows 4-8), then monthly for life.", Stabler, "1000 µg im daily x7 then 1000 µg im weekly x4 then 1000 µg im monthly"),
        new("kuzminski-oral", "Cyanocobalamin 2000 µg by mouth every day (the oral arm of the trial, continued).", Kuzminski, "2000 µg oral daily"),
        new("kuzminski-im", "Cyanocobalamin 1000 µg IM on days 1, 3, 7, 10, 14, 21, 30, 60 and 90 (the IM arm of the trial).", Kuzminski, "1000 µg im at d1,d3,d7,d10,d14,d21,d30,d60,d90"),
        new("nascobal-weekly", "Cyanocobalamin 500 µg intranasal once a week (maintenance).", "Nascobal (cyanocobalamin) nasal spray, US prescribing information", "500 µg intranasal weekly"),
        new("rda-diet", "The adult RDA, 2.4 µg a day of food-bound B12, eaten in three meals at 8:00, 13:00 and 19:00.", "Institute of Medicine. Dietary Reference Intakes for thiamin, riboflavin, niacin, vitamin B6, folate, vitamin B12, pantothenic acid, biotin, and choline. National Academy Press 1998, ch. 9", "2.4 µg food daily split at 8h,13h,19h"),
        new("oral-1000-daily", "Cyanocobalamin 1000 µg by mouth every day (for mild deficiency the source gives 500-1000 µg daily).", Stabler, "1000 µg oral daily"),
    ];

    /// <summary>The catalogue names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    /// <summary>The protocol with this name (case-insensitive).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No protocol has this name; the message lists the names.</exception>
    public static Protocol Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGet(name, out var protocol)
            ? protocol
            : throw new ArgumentOutOfRangeException(nameof(name), name, $"No protocol is named '{name}'; the catalogue has: {string.Join(", ", Names)}.");
    }

    /// <summary>Tries to find the protocol with this name (case-insensitive).</summary>
    public static bool TryGet(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Protocol? protocol)
    {
        protocol = All.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return protocol is not null;
    }

    /// <summary>A catalogue name or, failing that, the regimen notation (what the tool's <c>--regimen</c> accepts).</summary>
    /// <exception cref="FormatException">The text is neither a catalogue name nor valid notation; the message lists the names.</exception>
    public static Regimen Resolve(string nameOrNotation)
    {
        ArgumentNullException.ThrowIfNull(nameOrNotation);
        if (TryGet(nameOrNotation, out var protocol))
        {
            return protocol.Regimen;
        }

        try
        {
            return Regimen.Parse(nameOrNotation);
        }
        catch (FormatException e) when (!nameOrNotation.Trim().Contains(' ', StringComparison.Ordinal))
        {
            throw new FormatException($"'{nameOrNotation}' is not a catalogue name ({string.Join(", ", Names)}) nor a regimen in the notation: {e.Message}", e);
        }
    }
}
