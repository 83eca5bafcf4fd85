using B12Dosing.Kinetics;

namespace B12Dosing.Tests.Kinetics;

public class PropagatorTests
{
    /// <summary>
    /// With no bile reabsorbed (r = 0, as in pernicious anaemia) the system is triangular and exp(A·t) has a closed form:
    /// PP = e^{−k_t·t}, SS = e^{−k_s·t}, PS = 0 and SP = k_t·(e^{−k_t·t} − e^{−k_s·t})/(k_s − k_t), which tends to
    /// k_t·t·e^{−k_t·t} as k_s → k_t and moves from it by about δ·k_t·t/2 relative for k_s = k_t(1 + δ). The difference
    /// e1 − e2 once cancelled there: 6.6e-6 relative error at δ = 1e-11.
    /// </summary>
    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-8)]
    [InlineData(1e-10)]
    [InlineData(1e-11)]
    [InlineData(3e-12)]
    [InlineData(0)]
    public void Close_eigenvalues_keep_full_precision(double delta)
    {
        const double kt = 2.0, t = 1.0;
        var ks = kt * (1 + delta);
        var phi = Propagator.Create(kt, 0, ks, TimeSpan.TicksPerDay);
        var limit = kt * t * Math.Exp(-kt * t);
        Assert.True(Math.Abs((phi.SP / limit) - 1) <= (delta * kt * t) + 1e-14, $"SP {phi.SP:R}, limit {limit:R}");
        Assert.Equal(Math.Exp(-kt * t), phi.PP, 1e-15);
        Assert.Equal(Math.Exp(-ks * t), phi.SS, 1e-15);
        Assert.Equal(0, phi.PS);
    }
}
