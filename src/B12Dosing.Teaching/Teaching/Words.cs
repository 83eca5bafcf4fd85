using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Teaching.Teaching;

/// <summary>The words the page uses for the library's names.</summary>
public static class Words
{
    /// <summary>A condition in words ("pernicious anemia").</summary>
    public static string Of(Condition condition) => condition.Name().Replace('-', ' ');

    /// <summary>A route in words ("intramuscular injection").</summary>
    public static string Of(Route route) => route switch
    {
        Route.Oral => "by mouth (tablet)",
        Route.Sublingual => "under the tongue",
        Route.Intranasal => "nasal spray",
        Route.Intramuscular => "intramuscular injection",
        Route.Subcutaneous => "subcutaneous injection",
        Route.Intravenous => "intravenous",
        _ => route.ShortName(),
    };

    /// <summary>A form in words ("cyanocobalamin").</summary>
    public static string Of(CobalaminForm form) => form.Name();
}
