using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;

namespace B12Dosing;

/// <summary>
/// The common path in one place, for a notebook or a script that opens one namespace (<c>using B12Dosing;</c>, and
/// <c>using UnitsNet;</c> to write an amount): a parameter set for a condition, a regimen by name or notation, a
/// simulation and a population, each from the text the tool takes. Every member is a shorthand for the types it returns
/// (<see cref="ParameterSet"/>, <see cref="Regimens.Regimen"/>, <see cref="Simulator"/>, <see cref="PopulationSimulator"/>),
/// which a result's members reach without another <c>using</c>; it gives exactly what they give.
/// </summary>
public static class B12
{
    /// <summary>The parameter set of a condition, covariate or combination (<see cref="Effect.Parse"/>: <c>pernicious-anemia</c>, <c>atrophic-gastritis+omeprazole-40</c>) applied to the healthy set.</summary>
    /// <exception cref="FormatException">The text names no condition or covariate, or a refused combination.</exception>
    public static ParameterSet Parameters(string condition = "healthy") => ParameterSet.For(Effect.Parse(condition));

    /// <summary>A catalogue protocol by name or a regimen in the notation (<see cref="RegimenCatalogue.Resolve"/>: <c>bnf-no-neuro</c>, <c>1 mg ohcbl im q3mo</c>).</summary>
    /// <exception cref="FormatException">The text is neither.</exception>
    public static Regimen Regimen(string nameOrNotation) => RegimenCatalogue.Resolve(nameOrNotation);

    /// <summary>
    /// <see cref="Simulator.Run(Regimens.Regimen, SimulationSettings)"/> of a regimen (name or notation) over
    /// <paramref name="horizon"/> for a condition (as <see cref="Parameters"/>), from <paramref name="initialStores"/>
    /// (default <see cref="SimulationSettings.AverageStores"/>), with daily rows.
    /// </summary>
    /// <exception cref="FormatException">The regimen or the condition cannot be read.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The horizon or the stores are out of range (as <see cref="SimulationSettings"/>).</exception>
    public static SimulationResult Simulate(string regimen, TimeSpan horizon, string condition = "healthy", Mass? initialStores = null) =>
        Simulate(Regimen(regimen), horizon, Parameters(condition), initialStores);

    /// <summary>As <see cref="Simulate(string, TimeSpan, string, Mass?)"/>, for a regimen and any parameter set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The horizon or the stores are out of range (as <see cref="SimulationSettings"/>).</exception>
    /// <exception cref="ArgumentException">The set breaks a cross-parameter rule.</exception>
    public static SimulationResult Simulate(Regimen regimen, TimeSpan horizon, ParameterSet parameters, Mass? initialStores = null) =>
        Simulator.Run(regimen, new SimulationSettings(horizon)
        {
            ParameterSet = parameters,
            InitialStores = initialStores ?? SimulationSettings.AverageStores,
        });

    /// <summary>
    /// <see cref="PopulationSimulator.Run(Regimens.Regimen, PopulationSettings, CancellationToken)"/> of a regimen (name or
    /// notation) for <paramref name="patients"/> virtual patients of a seed, their conditions a mix as
    /// <see cref="ConditionMix.Parse"/> (<c>healthy</c>, <c>pernicious-anemia=0.7,atrophic-gastritis+omeprazole-40=0.3</c>),
    /// the default variation, daily rows.
    /// </summary>
    /// <exception cref="FormatException">The regimen or the mix cannot be read.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count, the horizon or a patient drawn is out of range (as <see cref="PopulationSettings"/>).</exception>
    public static PopulationResult Population(string regimen, TimeSpan horizon, int patients, ulong seed, string conditions = "healthy") =>
        PopulationSimulator.Run(Regimen(regimen), new PopulationSettings(patients, horizon, seed)
        {
            Model = PopulationModel.Default with { Conditions = ConditionMix.Parse(conditions) },
        });
}
