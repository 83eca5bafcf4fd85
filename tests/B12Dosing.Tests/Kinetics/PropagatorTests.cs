using B12Dosing.Absorption;
using B12Dosing.Kinetics;

namespace B12Dosing.Tests.Kinetics;

public class PropagatorTests
{
    /// <summary>
    /// Each column of exp(A·Δt) against a fine RK4 integration of dx/dt = A·x from the unit vector (steps of at most
    /// 2e-4 day: RK4's error is then below 1e-13 of the largest entry), for intervals from a second to a month and every
    /// preset; entrywise within 1e-9 relative (or 1e-15 absolute for entries that are zero in exact arithmetic), the
    /// smallest entries (paths through two or three pools) included.
    /// </summary>
    [Theory]
    [InlineData(1.0 / 86400)]
    [InlineData(1.0 / 24)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(30)]
    public void Matrix_exponential_matches_a_fine_RK4(double days)
    {
        foreach (var condition in Conditions.All)
        {
            var rates = PoolRates.Of(ParameterSet.For(condition));
            var a = Propagator.Generator(in rates);
            var phi = rates.Propagator((long)Math.Round(days * TimeSpan.TicksPerDay));
            var steps = (int)Math.Ceiling(days / 2e-4);
            var h = days / steps;
            for (var column = 0; column < 4; column++)
            {
                var x = new double[4];
                x[column] = 1;
                for (var n = 0; n < steps; n++)
                {
                    x = Rk4(a, x, h);
                }

                for (var row = 0; row < 4; row++)
                {
                    var exact = phi.Core[(row * 4) + column];
                    Assert.True(Math.Abs(exact - x[row]) <= Math.Max(1e-9 * Math.Abs(x[row]), 1e-15), $"{condition}, {days} d, [{row},{column}]: {exact:R} vs RK4 {x[row]:R}");
                }
            }

            Assert.Equal(Math.Exp(-rates.FreePerDay * days), phi.Free, 1e-15);
            Assert.Equal(Math.Exp(-rates.LabilePerDay * days), phi.Labile, 1e-15);
        }
    }

    /// <summary>
    /// The generator is the pool equations (<see cref="SimulationReference.Derivative"/>, written out from
    /// <see cref="PoolRates"/>, the release of stores onto transcobalamin included): each column equals the derivative at
    /// the unit vector, exactly, for every preset; and what leaves the four pools per unit of stores is the store loss
    /// (<see cref="ParameterSet.StoreLossPerDay"/>), within rounding.
    /// </summary>
    [Fact]
    public void Generator_is_the_pool_equations()
    {
        foreach (var condition in Conditions.All)
        {
            var p = ParameterSet.For(condition);
            var rates = PoolRates.Of(p);
            Assert.True(rates.TranscobalaminReleasePerDay > 0, condition.ToString());
            var a = Propagator.Generator(in rates);
            for (var column = 0; column < 4; column++)
            {
                var y = new double[8];
                y[column] = 1;
                var d = SimulationReference.Derivative(y, rates);
                for (var row = 0; row < 4; row++)
                {
                    Assert.Equal(d[row], a[row, column]);
                }
            }

            var loss = -(a[0, 2] + a[1, 2] + a[2, 2] + a[3, 2]);
            Assert.Equal(p.StoreLossPerDay, loss, 1e-15);
        }
    }

    /// <summary>Over 100 years the entries stay non-negative and finite, and two half-intervals compose to the whole within 1e-12 relative.</summary>
    [Fact]
    public void Long_intervals_compose()
    {
        var rates = PoolRates.Of(ParameterSet.Healthy);
        var whole = rates.Propagator(TimeSpan.FromDays(36524).Ticks);
        var half = rates.Propagator(TimeSpan.FromDays(18262).Ticks);
        var composed = Matrix4.Multiply(in half.Core, in half.Core);
        for (var i = 0; i < 16; i++)
        {
            Assert.True(whole.Core[i] >= 0 && double.IsFinite(whole.Core[i]));
            Assert.True(Math.Abs(whole.Core[i] - composed[i]) <= 1e-12 * Math.Max(whole.Core[i], 1e-300), $"[{i}]: {whole.Core[i]:R} vs {composed[i]:R}");
        }
    }

    internal static double[] Rk4(Matrix4 a, double[] x, double h)
    {
        double[] F(double[] y) => [.. Enumerable.Range(0, 4).Select(i => (a[i, 0] * y[0]) + (a[i, 1] * y[1]) + (a[i, 2] * y[2]) + (a[i, 3] * y[3]))];
        double[] Add(double[] y, double[] k, double s) => [.. y.Select((v, i) => v + (s * k[i]))];
        var k1 = F(x);
        var k2 = F(Add(x, k1, h / 2));
        var k3 = F(Add(x, k2, h / 2));
        var k4 = F(Add(x, k3, h));
        return [.. x.Select((v, i) => v + (h / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i])))];
    }
}
