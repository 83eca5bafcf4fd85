using B12Dosing.Absorption;
using B12Dosing.Population;

namespace B12Dosing.Tests.Absorption;

/// <summary>
/// The retention tables are kept across runs by value (<see cref="RetentionTables.Build"/>): a run repeated with equal
/// presets and loads reads the tables the first run built; anything else builds its own.
/// </summary>
public class RetentionTablesCacheTests
{
    [Fact]
    public void Equal_requests_share_one_build_and_different_ones_do_not()
    {
        var variation = PopulationModel.Default.RetentionCapacity;
        // A preset equal in value to another instance (a condition's set built anew, as each run's PresetsOnce does).
        var preset = ParameterSet.Healthy with { GlomerularFiltrationMillilitersPerMinute = 97 };
        var equal = ParameterSet.Healthy with { GlomerularFiltrationMillilitersPerMinute = 97 };
        Assert.NotSame(preset, equal);
        var first = RetentionTables.Build([new(preset, 1000, LoadSite.Injection, true)], [], variation.MinimumFactor, variation.MaximumFactor);
        var again = RetentionTables.Build([new(equal, 1000, LoadSite.Injection, true)], [], variation.MinimumFactor, variation.MaximumFactor, threads: 2);
        Assert.Same(first, again);

        Assert.NotSame(first, RetentionTables.Build([new(preset with { GlomerularFiltrationMillilitersPerMinute = 98 }, 1000, LoadSite.Injection, true)], [], variation.MinimumFactor, variation.MaximumFactor));
        Assert.NotSame(first, RetentionTables.Build([new(preset, 1001, LoadSite.Injection, true)], [], variation.MinimumFactor, variation.MaximumFactor));
        Assert.NotSame(first, RetentionTables.Build([new(preset, 1000, LoadSite.Injection, true)], [], variation.MinimumFactor, 2));
    }
}
