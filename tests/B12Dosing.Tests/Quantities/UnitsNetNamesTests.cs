using B12Dosing.Dosing;

namespace B12Dosing.Tests.Quantities;

/// <summary>An application that uses UnitsNet and this library side by side must never meet an ambiguous name.</summary>
public class UnitsNetNamesTests
{
    [Fact]
    public void No_type_of_the_core_is_named_like_a_UnitsNet_type()
    {
        static string Name(Type t) => t.Name.Split('`')[0];
        var unitsNet = typeof(Mass).Assembly.GetTypes().Select(Name).ToHashSet(StringComparer.Ordinal);
        var clashes = typeof(Dose).Assembly.GetTypes()
            .Where(t => !(t.FullName ?? t.Name).Contains('<', StringComparison.Ordinal) && unitsNet.Contains(Name(t)))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(clashes.Count == 0, $"named like UnitsNet types: {string.Join(", ", clashes)}");
        Assert.Contains("Mass", unitsNet);
    }
}
