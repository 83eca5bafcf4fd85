using B12Dosing.Absorption;

namespace B12Dosing.Teaching.Teaching;

/// <summary>
/// The one model every page computes with: model 3, the carriers' free capacity (<c>docs/model.md</c> 1.2b). It fits
/// single doses and daily tablets alike; the library's default (model 2) puts serum on daily tablets 4-8 times above
/// the trials (Sharabi 2003, OPEN 2015), so the page does not use it.
/// </summary>
public static class TeachingModel
{
    /// <summary>The line the page prints about its model.</summary>
    public const string Line = "Model 3: the carriers' free capacity; docs/model.md 1.2b.";

    /// <summary>The physiology of <paramref name="condition"/> under model 3 (<see cref="ParameterSet.WithFreeCapacity"/>).</summary>
    public static ParameterSet Of(Condition condition) => ParameterSet.For(condition).WithFreeCapacity();
}
