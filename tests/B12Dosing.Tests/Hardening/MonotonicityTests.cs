using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using B12Dosing.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using B12Dosing.Tests.Properties;
using Xunit.Abstractions;

namespace B12Dosing.Tests.Hardening;

/// <summary>
/// Monotonicity at every scale (issue 12, class 6): one ulp more dose must never give less absorbed or retained. Random
/// pairs of doses (as in <c>AbsorptionPropertyTests</c>) are almost never neighbours, so they missed the old switch of
/// <c>LogOnePlus</c> at 1e-4, where one ulp more dose lost about 1e-12 of the amount retained, on every route.
/// </summary>
public class MonotonicityTests(ITestOutputHelper output)
{
    /// <summary>Steps from a dose to its neighbour: 1 to 8 ulps, and relative steps from 1e-15 to 1e-3.</summary>
    private static readonly double[] RelativeSteps = [1e-15, 1e-13, 1e-11, 1e-9, 1e-6, 1e-3];

    /// <summary>Doses log-uniform from 1e-6 µg to 5 g (5e6 µg, <see cref="Dose.MaximumAmount"/>): every scale the issue names; shrinks toward 1 µg.</summary>
    private static readonly Arbitrary<double> Micrograms = Arbitraries.LogUniform(1e-6, 5e6, 1);

    /// <summary>Food-bound one time in six, shrinking to not.</summary>
    private static readonly Arbitrary<bool> Food = Arb.From(Gen.Frequency((1, Gen.Constant(true)), (5, Gen.Constant(false))), food => food ? [false] : []);

    private static DoseOutcome Evaluate(double micrograms, Route route, CobalaminForm form, bool food, ParameterSet physiology) =>
        AbsorptionModel.Evaluate(food ? Dose.Food(Mass.FromMicrograms(micrograms)) : Dose.Create(Mass.FromMicrograms(micrograms), route, form), physiology);

    /// <summary>Walks from <paramref name="micrograms"/> by ulp and by relative steps; throws at the first step that loses absorbed or retained B12.</summary>
    private static void AssertMonotoneFrom(double micrograms, Route route, CobalaminForm form, bool food, ParameterSet physiology)
    {
        var doses = new List<double> { micrograms };
        for (var k = 0; k < 8; k++)
        {
            doses.Add(Math.BitIncrement(doses[^1]));
        }

        doses.AddRange(RelativeSteps.Select(step => micrograms * (1 + step)));
        var previous = Evaluate(doses[0], route, form, food, physiology);
        foreach (var dose in doses.Skip(1).Where(d => d <= 5e6).Order())
        {
            var next = Evaluate(dose, route, form, food, physiology);
            Assert.True(
                next.Absorbed >= previous.Absorbed && next.Retained >= previous.Retained,
                FormattableString.Invariant($"{(food ? "food" : $"{route} {form}")}: {previous.Dose:R} µg → absorbed {previous.Absorbed:R}, retained {previous.Retained:R}; {next.Dose:R} µg → absorbed {next.Absorbed:R}, retained {next.Retained:R}"));
            previous = next;
        }
    }

    private static Fuzzer<((double, bool), (Route, (CobalaminForm, Condition)))> Neighbours => new(
        nameof(Neighbouring_doses_never_lose_absorbed_or_retained_B12),
        Arbitraries.Pair(Arbitraries.Pair(Micrograms, Food), Arbitraries.Pair(B12Arbitraries.AnyRoute(), Arbitraries.Pair(B12Arbitraries.AnyForm(), B12Arbitraries.AnyCondition()))),
        x =>
        {
            var ((dose, food), (route, (form, condition))) = x;
            AssertMonotoneFrom(dose, route, form, food, ParameterSet.For(condition));
            return !food; // "accepted" counts the dose kinds: both food and the other vehicles are exercised
        });

    [FuzzProperty]
    public Property Neighbouring_doses_never_lose_absorbed_or_retained_B12() => Neighbours.Property();

    /// <summary>The fuzzer draws both food-bound doses and the other vehicles.</summary>
    [Fact]
    public void The_fuzzer_reaches_both_vehicles() => output.WriteLine(Neighbours.BothPaths());

    /// <summary>The doses where the retained law has its joints: a load of 1e-4 of the plasma's binding capacity, the load equal to the capacity (where the bound and the excess meet), three times it, and powers of ten.</summary>
    public static TheoryData<Route, CobalaminForm> RoutesAndForms()
    {
        var data = new TheoryData<Route, CobalaminForm>();
        foreach (var route in Routes.All)
        {
            foreach (var form in CobalaminForms.All)
            {
                data.Add(route, form);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoutesAndForms))]
    public void Every_ulp_across_the_joints_of_the_law_and_every_power_of_ten_is_monotone(Route route, CobalaminForm form)
    {
        var p = ParameterSet.Healthy;
        var capacity = PlasmaLoad.CapacityMicrograms(p);
        var perLoad = route switch
        {
            Route.Oral or Route.Sublingual => p.PassiveFraction,
            Route.Intranasal => p.IntranasalBioavailability,
            _ => 1,
        };
        var joints = new[] { 1e-4, 1, 3 }.Select(x => x * capacity / perLoad)
            .Concat(Enumerable.Range(-6, 13).Select(k => Math.Pow(10, k)))
            .Where(d => d is >= 1e-6 and <= 5e6);
        foreach (var joint in joints)
        {
            // 200 ulps either side of the joint.
            var dose = joint;
            for (var k = 0; k < 200; k++)
            {
                dose = Math.BitDecrement(dose);
            }

            var previous = Evaluate(dose, route, form, false, p);
            for (var k = 0; k < 400; k++)
            {
                dose = Math.BitIncrement(dose);
                var next = Evaluate(dose, route, form, false, p);
                Assert.True(next.Retained >= previous.Retained && next.Absorbed >= previous.Absorbed, FormattableString.Invariant($"{route} {form} near {joint:R} µg: {previous} → {next}"));
                previous = next;
            }
        }
    }

    [Fact]
    public void LogOnePlus_is_monotone_at_every_ulp_near_its_joints_and_accurate()
    {
        // The joints: 1 (series → reduction), every power of two (the exponent k steps), 2^-900 (the tiny form), and 1e-4 (the old switch).
        var joints = new[] { Math.ScaleB(1, -900), 1e-4, 1 }.Concat(Enumerable.Range(1, 60).Select(k => Math.ScaleB(1, k) - 1));
        foreach (var joint in joints)
        {
            var x = joint;
            for (var k = 0; k < 300; k++)
            {
                x = Math.BitDecrement(x);
            }

            var previous = AbsorptionModel.LogOnePlus(x);
            for (var k = 0; k < 600; k++)
            {
                x = Math.BitIncrement(x);
                var next = AbsorptionModel.LogOnePlus(x);
                Assert.True(next >= previous, FormattableString.Invariant($"LogOnePlus falls near {joint:R}: {previous:R} → {next:R} at {x:R}"));
                previous = next;
            }
        }

        // Accuracy against an independent reference: the series ln(1 + x) = x − x²/2 + x³/3 … for tiny x, Math.Log for x ≥ 1
        // where 1 + x loses nothing that matters (relative error of Math.Log about 1e-16).
        foreach (var tiny in new[] { 1e-300, 1e-20, 1e-10, 1e-6 })
        {
            Assert.Equal(tiny - (tiny * tiny / 2) + (tiny * tiny * tiny / 3), AbsorptionModel.LogOnePlus(tiny), tiny * 1e-15);
        }

        foreach (var x in new[] { 0.25, 0.5, 0.999, 1, 1.5, 10, 1e3, 1e6, 1e300 })
        {
            Assert.Equal(Math.Log(1 + x), AbsorptionModel.LogOnePlus(x), Math.Log(1 + x) * 1e-15);
        }
    }
}
