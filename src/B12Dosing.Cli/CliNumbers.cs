using System.CommandLine.Parsing;
using System.Globalization;

namespace B12Dosing.Cli;

/// <summary>
/// Numbers given as option values. System.CommandLine parses them in the current culture and accepts thousands
/// separators, so <c>--days 1,5</c> meant 15 days in English and 1.5 days in German; the tool instead reads them in
/// the invariant culture, refuses commas and requires a finite number, like the library's quantity parsing.
/// </summary>
internal static class CliNumbers
{
    /// <summary>A <c>CustomParser</c> for <c>Option&lt;double&gt;</c>: a finite number with a point for decimals, or a parse error.</summary>
    public static double ParseDouble(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        var name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        result.AddError($"'{text}' is not a number for {name}: write a finite number with a point for decimals and no thousands separators, for example 1.5.");
        return 0;
    }
}
