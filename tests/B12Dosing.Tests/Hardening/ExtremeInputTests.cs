using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Hardening;

/// <summary>Extreme but legal inputs (issue 7): the smallest and largest doses, and stores near zero or at the maximum, give finite, monotone results.</summary>
public class ExtremeInputTests
{
    /// <summary>
    /// Relative rounding allowed when comparing neighbouring results: 1e-12. Each outcome is a few floating-point
    /// operations (about 1e-16 each); 1e-12 only forgives rounding, not a model effect.
    /// </summary>
    private const double Rounding = 1e-12;

    /// <summary>
    /// Absolute rounding allowed, µg: 1e-307. Below the smallest normal double (2.2e-308) numbers are subnormal and
    /// carry fewer digits, so 4.9e-318 µg may come back a few units of 4.9e-324 larger; that is rounding, not mass.
    /// </summary>
    private const double Subnormal = 1e-307;

    /// <summary>Doses from the smallest positive mass (4.9e-324 µg) through every power of ten to the largest dose, 5 g.</summary>
    private static readonly Mass[] Doses =
    [
        Mass.FromMicrograms(double.Epsilon), Mass.FromGrams(double.Epsilon),
        .. Enumerable.Range(-300, 307).Where(k => k % 3 == 0 || k > -4).Select(k => Mass.FromMicrograms(Math.Pow(10, k))),
        Mass.FromGrams(5),
    ];

    public static TheoryData<Route, CobalaminForm, Condition> Cases()
    {
        var data = new TheoryData<Route, CobalaminForm, Condition>();
        foreach (var route in Routes.All)
        {
            foreach (var form in new[] { CobalaminForm.Cyanocobalamin, CobalaminForm.Hydroxocobalamin })
            {
                foreach (var condition in Conditions.All)
                {
                    data.Add(route, form, condition);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_dose_from_the_smallest_to_the_largest_is_finite_bounded_and_monotone(Route route, CobalaminForm form, Condition condition)
    {
        var physiology = ParameterSet.For(condition);
        var outcomes = Doses.Select(d => AbsorptionModel.Evaluate(Dose.Create(d, route, form), physiology)).ToArray();
        for (var i = 0; i < outcomes.Length; i++)
        {
            var o = outcomes[i];
            Assert.True(double.IsFinite(o.AbsorbedMicrograms) && double.IsFinite(o.RetainedMicrograms), o.ToString());
            Assert.InRange(o.RetainedMicrograms, 0, (o.AbsorbedMicrograms * (1 + Rounding)) + Subnormal);
            Assert.InRange(o.AbsorbedMicrograms, 0, (o.DoseMicrograms * (1 + Rounding)) + Subnormal);
            if (i > 0)
            {
                var p = outcomes[i - 1];
                Assert.True(o.RetainedMicrograms >= p.RetainedMicrograms, $"retained falls from {p} to {o}");
                Assert.True(o.FractionRetained <= p.FractionRetained * (1 + Rounding) || p.DoseMicrograms < 1e-300, $"fraction retained rises from {p} to {o}");
            }
        }

        Assert.True(outcomes[^1].RetainedMicrograms > 0);
    }

    [Fact]
    public void A_tiny_injected_dose_is_kept_almost_whole()
    {
        // Saturation only bites at loads comparable to the retention capacity (about 50 µg): 1e-300 µg IM is kept whole.
        var outcome = AbsorptionModel.Evaluate(Dose.Intramuscular(Mass.FromMicrograms(1e-300)), ParameterSet.Healthy);
        Assert.Equal(1, outcome.FractionRetained, 1e-12);
    }

    public static TheoryData<double> InitialStores => [0, 1e-300, 1e-3, 1, 2500, 1e6];

    [Theory]
    [MemberData(nameof(InitialStores))]
    public void Stores_from_near_zero_to_the_maximum_decay_monotonically_for_a_century_without_B12(double micrograms)
    {
        var settings = new SimulationSettings(SimulationSettings.MaximumHorizon)
        {
            ParameterSet = ParameterSet.PerniciousAnemia,
            InitialStores = Mass.FromMicrograms(micrograms),
            Step = TimeSpan.FromDays(7),
        };
        var result = Simulator.Run(Regimen.None, settings);

        LongRunTests.AssertFiniteAndBalanced(result);
        for (var i = 1; i < result.Series.Count; i++)
        {
            Assert.True(result.Series[i].StoresMicrograms <= result.Series[i - 1].StoresMicrograms, $"{result.Series[i - 1]} -> {result.Series[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(InitialStores))]
    public void Final_stores_rise_with_the_daily_dose_from_the_smallest_to_the_largest(double initialMicrograms)
    {
        var settings = new SimulationSettings(TimeSpan.FromDays(365)) { InitialStores = Mass.FromMicrograms(initialMicrograms) };
        var previous = -1.0;
        foreach (var dose in Doses.Where((_, i) => i % 4 == 0).Append(Doses[^1]))
        {
            var result = Simulator.Run(Regimen.Start(Dose.Intramuscular(dose)).Daily().Indefinitely(), settings);
            LongRunTests.AssertFiniteAndBalanced(result);
            Assert.True(result.Summary.FinalStoresMicrograms >= previous, $"{dose}: {result.Summary}");
            previous = result.Summary.FinalStoresMicrograms;
        }
    }
}
