using System.CommandLine;
using System.Reflection;
using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using B12Dosing.Parameters;
using B12Dosing.Regimens;

namespace B12Dosing.Cli;

/// <summary>Options that several commands take, defined once so that their names, help and defaults agree.</summary>
internal static class CliOptions
{
    /// <summary><c>--condition</c>: one of the library's conditions or covariates, or several joined by <c>+</c>; <c>healthy</c> by default.</summary>
    public static Option<string> Condition() => new("--condition")
    {
        HelpName = "condition",
        Description = $"The condition (physiology): {string.Join(", ", Effect.All.Select(c => c.Name))}, or several joined by '+' (\"atrophic-gastritis+omeprazole-40\").",
        DefaultValueFactory = _ => Effect.Healthy.Name,
    };

    /// <summary>The effect <c>--condition</c> names (one, or several joined by <c>+</c>).</summary>
    /// <exception cref="FormatException">The value names no condition or covariate, or a refused combination; the message lists the accepted names.</exception>
    public static Effect ParseCondition(ParseResult result, Option<string> condition) => Effect.Parse(result.GetRequiredValue(condition));

    /// <summary><c>--set NAME=VALUE</c> (repeatable): a change to a model parameter, in its unit or with a unit of its kind.</summary>
    public static Option<string[]> Set() => new("--set")
    {
        HelpName = "NAME=VALUE",
        Description = "Change a model parameter (repeatable), in its unit or with a unit of its kind, for example --set \"HoloTranscobalaminHalfLife=6 h\"; 'b12 parameters' lists the names, units and bounds.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>
    /// <c>--model 2|3</c>: the plasma-carrier model. 2, the default (the library's), is exact and fast and fits single
    /// doses; 3 (<see cref="ParameterSet.WithFreeCapacity"/>) also fits repeated oral doses, on which model 2's serum is
    /// 4-8 times the trials', at about 0.2 s of CPU per year of daily tablets.
    /// </summary>
    public static Option<string> Model()
    {
        var option = new Option<string>("--model")
        {
            HelpName = "2|3",
            Description = "The plasma-carrier model: 2 (default; exact and fast, fits single doses, but on repeated oral doses its serum is 4-8 times what trials measured) or 3 (the carriers' free capacity and absorption over hours: fits repeated oral doses too, at about 0.2 s of CPU per year of daily tablets; docs/model.md 1.2b).",
            DefaultValueFactory = _ => "2",
        };
        option.Validators.Add(r =>
        {
            var value = r.Tokens.Count > 0 ? r.Tokens[0].Value : "2";
            if (value is not ("2" or "3"))
            {
                r.AddError($"--model '{value}' is not a model; accepted: 2 (binding capacity, the default) or 3 (the carriers' free capacity).");
            }
        });
        return option;
    }

    /// <summary>
    /// The parameter set of <c>--condition</c> (its effect on the healthy set), under <c>--model</c> when the command
    /// takes it (3: <see cref="ParameterSet.WithFreeCapacity"/>), changed by every <c>--set</c> (the value set is the value used).
    /// </summary>
    /// <exception cref="CliUsageException">A change is refused by the library (unknown name, out of bounds, a broken rule).</exception>
    /// <exception cref="FormatException">A <c>--set</c> value cannot be read.</exception>
    public static ParameterSet Parameters(ParseResult result, Option<string> condition, Option<string[]> set, Option<string>? model = null)
    {
        var preset = ParameterSet.For(ParseCondition(result, condition));
        var chosen = model is null ? preset : UnderModel(result, model, preset);
        return CliInput.Check("--set", () => Changes(result, set).Apply(chosen));
    }

    /// <summary><paramref name="preset"/> under the <c>--model</c> given: its model-3 form (<see cref="ParameterSet.WithFreeCapacity"/>) for 3, itself for 2.</summary>
    public static ParameterSet UnderModel(ParseResult result, Option<string> model, ParameterSet preset) =>
        result.GetValue(model) == "3" ? preset.WithFreeCapacity() : preset;

    /// <summary>The calibration whose covariance <c>--uncertainty</c> draws from: model 3's own (<see cref="CalibrationEstimate.FreeCapacity"/>) for a model-3 set, else the shipped one.</summary>
    public static CalibrationEstimate CalibrationOf(ParameterSet physiology) =>
        physiology.CarrierModel == PlasmaCarrierModel.FreeCapacity ? CalibrationEstimate.FreeCapacity : CalibrationEstimate.Current;

    /// <summary>The changes of every <c>--set</c>.</summary>
    /// <exception cref="CliUsageException">A change is refused by the library.</exception>
    /// <exception cref="FormatException">A value cannot be read.</exception>
    public static ParameterChanges Changes(ParseResult result, Option<string[]> set)
    {
        try
        {
            return CliInput.Check("--set", () => ParameterChanges.Parse(result.GetValue(set) ?? []));
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"--set: {e.Message}", e);
        }
    }

    /// <summary>
    /// The regimen of a <c>--regimen</c> value: a catalogue name or the notation (<see cref="RegimenCatalogue.Resolve"/>),
    /// with a did-you-mean when a single word is near a catalogue name.
    /// </summary>
    /// <exception cref="FormatException">The value is neither.</exception>
    public static Regimen ResolveRegimen(string nameOrNotation, string option = "--regimen")
    {
        try
        {
            return RegimenCatalogue.Resolve(nameOrNotation);
        }
        catch (FormatException e) when (!nameOrNotation.Trim().Contains(' ', StringComparison.Ordinal) && CliSuggest.Nearest(nameOrNotation.Trim(), RegimenCatalogue.Names) is { } near)
        {
            throw new FormatException($"{option} '{nameOrNotation}' is not a catalogue name. Did you mean '{near}'? ({e.Message})", e);
        }
    }

    /// <summary>
    /// Refuses an option's file name that is another option (<c>--svg --json</c> would write a file called <c>--json</c>
    /// and drop the JSON): a value starting with <c>-</c> is taken for a forgotten file name.
    /// </summary>
    public static void FileName(System.CommandLine.Parsing.OptionResult result)
    {
        var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (value is not null && value.StartsWith('-'))
        {
            result.AddError($"{result.Option.Name} needs a file name, not '{value}', which looks like an option (for a file whose name starts with '-', write ./{value}).");
        }
    }

    /// <summary>The library's version (computed from git, with the commit it was built from): the model the numbers come from.</summary>
    public static readonly string ModelVersion =
        typeof(Kinetics.Simulator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? typeof(Kinetics.Simulator).Assembly.GetName().Version!.ToString();

    /// <summary><c>--regimen</c> (required): a catalogue name or the notation, as <see cref="RegimenCatalogue.Resolve"/> reads it.</summary>
    public static Option<string> Regimen() => new("--regimen")
    {
        Required = true,
        HelpName = "name|notation",
        Description = $"A catalogue name ({string.Join(", ", RegimenCatalogue.Names)}) or a regimen in the notation (docs/regimens.md).",
    };

    /// <summary>
    /// <c>--uncertainty N</c>: propagate the calibration's covariance (<c>CalibrationEstimate.Current</c>) by running under
    /// N parameter sets drawn from it; <paramref name="fields"/> names the JSON fields it adds.
    /// </summary>
    public static Option<int?> Uncertainty(string fields) => new("--uncertainty")
    {
        HelpName = "draws",
        Description = $"Also show the model's own uncertainty: the calibration's covariance (docs/calibration.md) propagated by running under this many parameter sets drawn from it ({Absorption.Calibration.CalibrationEstimate.MinimumBandDraws} or more; 100 is a good start), a band of its own, apart from between-person variation and assay noise. JSON: {fields}",
        CustomParser = r => int.TryParse(r.Tokens.Count == 1 ? r.Tokens[0].Value : null, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= Absorption.Calibration.CalibrationEstimate.MinimumBandDraws && n <= MaximumUncertaintyDraws
            ? n
            : Fail(r, $"--uncertainty must be a whole number of draws from {Absorption.Calibration.CalibrationEstimate.MinimumBandDraws} to {MaximumUncertaintyDraws}."),
    };

    /// <summary>The most draws <c>--uncertainty</c> takes (each is a whole run).</summary>
    public const int MaximumUncertaintyDraws = 10_000;

    /// <summary><c>--uncertainty-seed S</c>: the seed of the calibration draws (default 1).</summary>
    public static Option<ulong> UncertaintySeed() => new("--uncertainty-seed")
    {
        HelpName = "S",
        Description = "With --uncertainty: the seed of the parameter sets drawn (default 1); the same seed gives the same band.",
        DefaultValueFactory = _ => 1,
    };

    private static int? Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }
}
