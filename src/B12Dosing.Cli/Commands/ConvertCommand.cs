using System.CommandLine;
using B12Dosing.Quantities;

namespace B12Dosing.Cli.Commands;

/// <summary><c>b12 convert "400 pg/mL" --to pmol/L --form cyanocobalamin</c>: converts a quantity to another unit.</summary>
internal static class ConvertCommand
{
    /// <summary>
    /// Default significant digits: serum B12 is reported to 3-4 digits and the molar masses are known
    /// to 6, so 4 digits show all the precision the input has (400 pg/mL -> 295.1 pmol/L) without
    /// inventing more.
    /// </summary>
    private const int DefaultDigits = 4;

    public static Command Create()
    {
        var quantity = new Argument<string>("quantity")
        {
            Description = "A number and a unit, quoted: \"400 pg/mL\", \"1 mg\", \"1000 mcg\", \"295 pmol/L\" (a point for decimals, no thousands separators).",
        };
        var to = new Option<string>("--to")
        {
            Description = "The unit to convert to: ng, µg (ug, mcg), mg, g; pmol, nmol, µmol; pg/mL (ng/L), ng/mL, µg/L; pmol/L, nmol/L. The output spells it as given.",
            HelpName = "unit",
            Required = true,
        };
        var form = new Option<string?>("--form")
        {
            HelpName = "form",
            Description = "The cobalamin form, needed to convert between mass and molar units: cyanocobalamin, hydroxocobalamin, methylcobalamin, adenosylcobalamin (or cncbl, ohcbl, mecbl, adocbl).",
        };
        var digits = new Option<int>("--digits")
        {
            HelpName = "n",
            Description = $"Significant digits to print (1-{ConversionResult.MaximumSignificantDigits}); default {DefaultDigits}, the precision of a lab report (serum B12 has 3-4 digits).",
            DefaultValueFactory = _ => DefaultDigits,
        };
        var command = new Command("convert", "Convert a quantity to another unit. Example: b12 convert \"400 pg/mL\" --to pmol/L --form cyanocobalamin  ->  295.1 pmol/L")
        {
            quantity, to, form, digits,
        };
        command.SetAction(result =>
        {
            var text = result.GetRequiredValue(quantity);
            var unit = result.GetRequiredValue(to);
            var formText = result.GetValue(form);
            var converted = CliInput.Check("--to", () => formText is null
                ? QuantityConverter.Convert(text, unit)
                : QuantityConverter.Convert(text, unit, CobalaminForms.Parse(formText)));
            result.InvocationConfiguration.Output.WriteLine(CliInput.Check("--digits", () => converted.ToString(result.GetValue(digits))));
            return B12Cli.Success;
        });
        return command;
    }
}
