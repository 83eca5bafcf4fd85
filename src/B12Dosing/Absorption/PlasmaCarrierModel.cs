namespace B12Dosing.Absorption;

/// <summary>How a load that reaches plasma meets the carriers (see <c>docs/model.md</c>, 1.2).</summary>
public enum PlasmaCarrierModel
{
    /// <summary>
    /// Model 2, the default: the first 1.8 ng/mL of each load (Swiss label) is bound at once, the capacity restored
    /// between loads; the excess is solved once per distinct load and the time course is linear between doses.
    /// </summary>
    BindingCapacity,

    /// <summary>
    /// Model 3: the carriers' free capacity (apo-transcobalamin, apo-haptocorrin; Gimsing &amp; Nexo 1989) is state, used
    /// up by binding and restored as the holo-carriers are cleared; absorbed B12 arrives over hours (IF route in three
    /// transit steps, mucosal and nasal sites) and meets the same carriers. Choose it with
    /// <see cref="ParameterSet.WithFreeCapacity"/>, which also sets the constants fitted for it.
    /// </summary>
    FreeCapacity,
}
