using System.CommandLine;
using B12Dosing.Absorption;
using B12Dosing.Regimens;

namespace B12Dosing.Cli;

/// <summary>Options that several commands take, defined once so that their names, help and defaults agree.</summary>
internal static class CliOptions
{
    /// <summary><c>--condition</c>: one of the library's conditions, <c>healthy</c> by default.</summary>
    public static Option<string> Condition() => new("--condition")
    {
        HelpName = "condition",
        Description = $"The condition (physiology): {string.Join(", ", Conditions.All.Select(c => c.Name()))}.",
        DefaultValueFactory = _ => Absorption.Condition.Healthy.Name(),
    };

    /// <summary><c>--regimen</c> (required): a catalogue name or the notation, as <see cref="RegimenCatalogue.Resolve"/> reads it.</summary>
    public static Option<string> Regimen() => new("--regimen")
    {
        Required = true,
        HelpName = "name|notation",
        Description = $"A catalogue name ({string.Join(", ", RegimenCatalogue.Names)}) or a regimen in the notation (docs/regimens.md).",
    };
}
