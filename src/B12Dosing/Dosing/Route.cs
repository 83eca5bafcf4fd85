using B12Dosing.Quantities;

namespace B12Dosing.Dosing;

/// <summary>How a dose is given.</summary>
public enum Route
{
    /// <summary>Swallowed (<c>oral</c>, <c>po</c>).</summary>
    Oral,

    /// <summary>Under the tongue (<c>sublingual</c>, <c>sl</c>); absorbed as an oral dose (Sharabi 2003).</summary>
    Sublingual,

    /// <summary>Nasal spray or gel (<c>intranasal</c>, <c>nasal</c>).</summary>
    Intranasal,

    /// <summary>Intramuscular injection (<c>intramuscular</c>, <c>im</c>).</summary>
    Intramuscular,

    /// <summary>Subcutaneous injection (<c>subcutaneous</c>, <c>sc</c>).</summary>
    Subcutaneous,

    /// <summary>Intravenous injection or infusion (<c>intravenous</c>, <c>iv</c>).</summary>
    Intravenous,
}

/// <summary>Names and parsing of <see cref="Route"/>.</summary>
public static class Routes
{
    /// <summary>All routes, in declaration order.</summary>
    public static IReadOnlyList<Route> All { get; } =
        [Route.Oral, Route.Sublingual, Route.Intranasal, Route.Intramuscular, Route.Subcutaneous, Route.Intravenous];

    /// <summary>The short name the tool and the notation print: <c>oral</c>, <c>sublingual</c>, <c>intranasal</c>, <c>im</c>, <c>sc</c>, <c>iv</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined route.</exception>
    public static string ShortName(this Route route) => route switch
    {
        Route.Oral => "oral",
        Route.Sublingual => "sublingual",
        Route.Intranasal => "intranasal",
        Route.Intramuscular => "im",
        Route.Subcutaneous => "sc",
        Route.Intravenous => "iv",
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, "Not a route; accepted: oral, sublingual, intranasal, im, sc, iv."),
    };

    /// <summary>True for the injected routes (IM, SC, IV).</summary>
    public static bool IsInjected(this Route route) => route is Route.Intramuscular or Route.Subcutaneous or Route.Intravenous;

    /// <summary>
    /// Parses a route, case-insensitive: <c>oral</c>/<c>po</c>/<c>mouth</c>, <c>sublingual</c>/<c>sl</c>,
    /// <c>intranasal</c>/<c>nasal</c>, <c>intramuscular</c>/<c>im</c>, <c>subcutaneous</c>/<c>sc</c>/<c>subq</c>,
    /// <c>intravenous</c>/<c>iv</c>.
    /// </summary>
    /// <exception cref="FormatException">The text names no route.</exception>
    public static Route Parse(string text) => Spellings.Parse(text);

    /// <summary>Tries to parse a route.</summary>
    public static bool TryParse(string? text, out Route route) => Spellings.TryParse(text, out route);

    private static readonly SpellingTable<Route> Spellings = new(
        "route",
        "accepted: oral (po), sublingual (sl), intranasal (nasal), im, sc, iv.",
        (Route.Oral, ["oral", "po", "mouth", "by mouth"]),
        (Route.Sublingual, ["sublingual", "sl"]),
        (Route.Intranasal, ["intranasal", "nasal", "in"]),
        (Route.Intramuscular, ["intramuscular", "im"]),
        (Route.Subcutaneous, ["subcutaneous", "sc", "subq", "sq"]),
        (Route.Intravenous, ["intravenous", "iv"]));
}
