using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Tests.Properties;
using B12Dosing.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace B12Dosing.Tests.Kinetics;

/// <summary>
/// Model 3's Rosenbrock solve (<see cref="Transit"/>) rests on the exact Jacobian of the stretch's equations
/// (<see cref="TransitRates.Jacobian"/>): checked against central differences of <see cref="TransitRates.Derivative"/>,
/// and for the property that keeps the mass balance (every column sums to zero over the entries that hold mass).
/// </summary>
public class TransitJacobianTests
{
    /// <summary>A state of a stretch: <paramref name="free"/> µg free (60 % cyano-like), the carriers filled to the given per cent of their capacity, and some of every pool and site.</summary>
    private static TransitState State(ParameterSet p, double free, double stores, int fillT, int fillH)
    {
        var (capT, capH) = PoolRates.Of(p).CarrierCapacities(p);
        TransitState y = default;
        for (var i = 0; i < TransitState.FreeC; i++)
        {
            y[i] = free * (i + 1) / 7;
        }

        y[TransitState.FreeC] = 0.6 * free;
        y[TransitState.FreeH] = 0.4 * free;
        y[TransitState.T] = capT * fillT / 100;
        y[TransitState.H] = capH * fillH / 100;
        y[TransitState.S] = stores;
        y[TransitState.B] = 0.05 * free;
        y[TransitState.L] = 0.3;
        y[TransitState.P] = 0.01 * stores;
        return y;
    }

    /// <summary>
    /// Every entry of the Jacobian equals the central difference of the derivative, within 1e-6 of the entry plus the
    /// difference's rounding over the step: 1e-14 of the derivatives, and 1e-15 of what enters the body (the store
    /// limit's <c>1 − accept</c> is a difference of numbers near 1 when the body is small). A wrong or missing term is
    /// off by its own size. Steps: 1e-4 of free B12 (at least 1e-6 µg), whose
    /// terms curve (saturable tissue uptake), so the curvature's error is about 1e-8 of the entry; 1e-6 of the body for
    /// a pool, which enters the store limit's sum (a smaller step would drown in its rounding) and otherwise terms that
    /// are linear or quadratic in it.
    /// </summary>
    [Property]
    public Property Jacobian_equals_central_differences(AmountMicrograms free, InitialStores stores, Condition condition) => Prop.ForAll(
        Arbitraries.Between(0, 95),
        Arbitraries.Between(0, 95),
        (fillT, fillH) =>
        {
            var p = ParameterSet.For(condition).WithFreeCapacity();
            var rates = new TransitRates(p, PoolRates.Of(p));
            var y = State(p, free.Value, stores.Micrograms, fillT, fillH);
            TransitJacobian j = default;
            rates.Jacobian(in y, ref j);
            for (var column = 0; column < CoreVector.Count; column++)
            {
                var entry = TransitState.FreeC + column;
                var body = y[TransitState.T] + y[TransitState.H] + y[TransitState.S] + y[TransitState.B] + y[TransitState.P];
                var e = entry <= TransitState.FreeH ? 1e-4 * Math.Max(Math.Abs(y[entry]), 0.01) : 1e-6 * Math.Max(Math.Abs(y[entry]), body);
                TransitState plus = y, minus = y, dPlus = default, dMinus = default;
                plus[entry] += e;
                minus[entry] -= e;
                rates.Derivative(in plus, ref dPlus);
                rates.Derivative(in minus, ref dMinus);
                foreach (var row in Rows)
                {
                    var analytic = row <= TransitState.P ? j[row - TransitState.FreeC, column] : j.TallyValue(row, column);
                    var difference = (dPlus[row] - dMinus[row]) / (2 * e);
                    var entering = dPlus[TransitState.ToTc] + dPlus[TransitState.ToHc] + dPlus[TransitState.ToProtein] + dPlus[TransitState.ToTissue];
                    var rounding = ((1e-14 * (Math.Abs(dPlus[row]) + Math.Abs(dMinus[row]))) + (1e-15 * entering)) / e;
                    if (Math.Abs(analytic - difference) > (1e-6 * Math.Abs(analytic)) + rounding + 1e-12)
                    {
                        return false.Label($"row {row}, column {entry}: analytic {analytic:R}, central difference {difference:R}");
                    }
                }
            }

            return true.ToProperty();
        });

    /// <summary>
    /// Every column of the Jacobian sums to zero (to rounding) over the entries that hold mass (the pools, the free pools
    /// and urine and faeces; the sites and the gut chain add their constant columns, which also sum to zero): the
    /// reason a Rosenbrock step keeps the mass balance.
    /// </summary>
    [Property]
    public Property Columns_sum_to_zero_over_the_mass(AmountMicrograms free, InitialStores stores, Condition condition) => Prop.ForAll(
        Arbitraries.Between(0, 100),
        Arbitraries.Between(0, 100),
        (fillT, fillH) =>
        {
            var p = ParameterSet.For(condition).WithFreeCapacity();
            var rates = new TransitRates(p, PoolRates.Of(p));
            var y = State(p, free.Value, stores.Micrograms, fillT, fillH);
            TransitJacobian j = default;
            rates.Jacobian(in y, ref j);
            for (var column = 0; column < CoreVector.Count; column++)
            {
                double sum = 0, size = 0;
                for (var row = 0; row < CoreVector.Count; row++)
                {
                    sum += j[row, column];
                    size += Math.Abs(j[row, column]);
                }

                foreach (var tally in (int[])[TransitState.Urine, TransitState.Faeces])
                {
                    sum += j.TallyValue(tally, column);
                    size += Math.Abs(j.TallyValue(tally, column));
                }

                if (Math.Abs(sum) > 1e-14 * size)
                {
                    return false.Label($"column {TransitState.FreeC + column} sums to {sum:R} (entries up to {size:R})");
                }
            }

            return true.ToProperty();
        });

    private static readonly int[] Rows = [.. Enumerable.Range(TransitState.FreeC, CoreVector.Count), .. Enumerable.Range(TransitState.Urine, TransitState.Count - TransitState.Urine)];
}
