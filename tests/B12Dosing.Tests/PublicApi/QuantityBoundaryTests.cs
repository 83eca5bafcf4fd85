using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.PublicApi;

/// <summary>
/// The public quantities of the results wrap the kernels' doubles: each reads back, in the unit the kernels compute in,
/// the very double the kernel wrote (bit for bit), so the tool's CSV, JSON and text, which print those doubles, are
/// unchanged. And no result prints UnitsNet's own text (<c>1,000 µg</c>, culture-dependent) from its <c>ToString</c>.
/// </summary>
public partial class QuantityBoundaryTests
{
    private static readonly SimulationResult Result = Simulator.Run(
        Regimen.Start(Dose.Intramuscular(Mass.FromMicrograms(1000))).Weekly().Times(4)
            .And(Regimen.Start(Dose.Oral(Mass.FromMicrograms(1000), CobalaminForm.Hydroxocobalamin)).Daily().Indefinitely()),
        new SimulationSettings(TimeSpan.FromDays(40))
        {
            InitialStores = Mass.FromMicrograms(2500),
            Step = TimeSpan.FromHours(7),
            SamplesAfterDose = [TimeSpan.Zero, TimeSpan.FromHours(2)],
        });

    /// <summary>Every result value that has public quantities, from a run that exercises every pool.</summary>
    public static TheoryData<string> Cases() => [.. Values().Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_public_quantity_reads_back_the_kernels_double_bit_for_bit(string name)
    {
        var checkedCount = 0;
        foreach (var value in Values().Where(v => v.Name == name).SelectMany(v => v.Instances))
        {
            checkedCount += AssertWrapsExactly(value);
        }

        Assert.True(checkedCount > 0, $"{name}: no public quantity found");
    }

    [Fact]
    public void Population_times_and_percentiles_read_back_the_kernels_doubles()
    {
        var result = PopulationSimulator.Run(RegimenCatalogue.Get("bnf-no-neuro").Regimen, new PopulationSettings(20, TimeSpan.FromDays(30), 7));
        Assert.Equal(result.Days.Count, result.Times.Count);
        for (var row = 0; row < result.Times.Count; row++)
        {
            Assert.Equal(result.Days[row], result.Times[row].TotalDays);
            Assert.Equal(result.StoresPercentileMicrograms(row, 50), result.StoresPercentile(row, 50).Micrograms);
            Assert.Equal(result.SerumPercentilePicogramsPerMilliliter(row, 95), result.SerumPercentile(row, 95).PicogramsPerMilliliter);
        }
    }

    [Fact]
    public void The_public_queries_give_the_kernels_answers()
    {
        Assert.Equal(Result.DaysSerumBelow(600), Result.TimeSerumBelow(MassConcentration.FromPicogramsPerMilliliter(600)).TotalDays, 9);
        Assert.Equal(Result.DaysStoresBelow(2600), Result.TimeStoresBelow(Mass.FromMilligrams(2.6)).TotalDays, 9);
        Assert.Equal(Result.TryFindDayStoresReach(2600, out var day), Result.TryFindTimeStoresReach(Mass.FromMicrograms(2600), out var time));
        Assert.Equal(day, time.TotalDays, 9);
        Assert.Equal(Result.TryFindDaySerumReaches(600, out day), Result.TryFindTimeSerumReaches(MassConcentration.FromNanogramsPerLiter(600), out time));
        Assert.Equal(day, time.TotalDays, 9);
        var (stores, plasma) = Simulator.SteadyStateTrough(Dose.Oral(Mass.FromMicrograms(1000)), TimeSpan.FromDays(1), ParameterSet.Healthy);
        Assert.Equal(Simulator.SteadyStateTroughMicrograms(Dose.Oral(Mass.FromMicrograms(1000)), TimeSpan.FromDays(1), ParameterSet.Healthy), (stores.Micrograms, plasma.Micrograms));
        var plan = new SimulationPlan(Regimen.Start(Dose.Oral(Mass.FromMicrograms(5))).Every(TimeSpan.FromHours(7)).Times(9).Events(TimeSpan.FromDays(3)).AsSpan(), TimeSpan.FromDays(3), TimeSpan.FromHours(5));
        for (var i = 0; i < plan.OutputCount; i++)
        {
            Assert.Equal(plan.Day(i), plan.Time(i).TotalDays);
        }
    }

    [Fact]
    public void The_queries_refuse_a_negative_level_naming_it()
    {
        Assert.Throws<ArgumentOutOfRangeException>("serum", () => Result.TimeSerumBelow(MassConcentration.FromPicogramsPerMilliliter(-1)));
        Assert.Throws<ArgumentOutOfRangeException>("stores", () => Result.TryFindTimeStoresReach(Mass.FromMicrograms(-1), out _));
        Assert.Throws<ArgumentOutOfRangeException>("available", () => new IntrinsicFactorState(Mass.FromMicrograms(-1)));
        Assert.Equal(1.5, new IntrinsicFactorState(Mass.FromMilligrams(0.0015)).AvailableMicrograms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void No_result_prints_unitsnet_text(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            foreach (var value in Values().SelectMany(v => v.Instances))
            {
                var text = value.ToString()!;
                Assert.DoesNotMatch(ThousandsOrCultureNumber(), text);
                Assert.Equal(Invariant(value), text);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static string Invariant(object value)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return value.ToString()!;
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>UnitsNet's invariant text groups thousands (<c>2,500 µg</c>); a culture's own text has its separators or digits.</summary>
    [GeneratedRegex(@"\d,\d|[\u0660-\u0669\u066B\u066C]")]
    private static partial Regex ThousandsOrCultureNumber();

    private static IEnumerable<(string Name, IEnumerable<object> Instances)> Values()
    {
        var plan = new SimulationPlan(Regimen.Start(Dose.Oral(Mass.FromMicrograms(1000))).Daily().Times(3).Events(TimeSpan.FromDays(3)).AsSpan(), TimeSpan.FromDays(3), TimeSpan.FromDays(1));
        var pools = new PoolState[plan.OutputCount];
        Simulator.Run(plan, ParameterSet.Healthy, Mass.FromMicrograms(2500), pools);
        yield return ("SimulationRow", Result.Series.Cast<object>());
        yield return ("SimulationSummary", [Result.Summary]);
        yield return ("DosingInterval", Result.DosingIntervals(r => r.Serum.PicogramsPerMilliliter, 500).Cast<object>());
        yield return ("PoolState", pools.Cast<object>());
        yield return ("IntakeOutcome", plan.IntakeOutcomes(ParameterSet.Healthy).Cast<object>());
        yield return ("DoseOutcome", [AbsorptionModel.Evaluate(Dose.Intramuscular(Mass.FromMilligrams(1), CobalaminForm.Hydroxocobalamin), ParameterSet.Healthy)]);
        yield return ("IntrinsicFactorState", [IntrinsicFactorState.Rested(ParameterSet.Healthy)]);
    }

    /// <summary>Checks each public quantity of <paramref name="value"/> against its internal double; returns how many it checked.</summary>
    private static int AssertWrapsExactly(object value)
    {
        var type = value.GetType();
        var count = 0;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var quantity = property.GetValue(value);
            var read = quantity switch
            {
                Mass m => (double?)m.Micrograms,
                MassConcentration c => c.PicogramsPerMilliliter,
                Molarity c => c.PicomolesPerLiter,
                TimeSpan t when property.Name != nameof(SimulationRow.TimeSinceLastDose) => t.TotalDays, // held in ticks, not in days
                _ => null,
            };
            if (read is not { } actual)
            {
                continue;
            }

            var inner = InternalName(property.Name, quantity!);
            var expected = (double)(type.GetProperty(inner, BindingFlags.NonPublic | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{type.Name}.{property.Name} has no internal double {inner}")).GetValue(value)!;
            // A TimeSpan holds the kernel's days to the nearest tick (100 ns); every other quantity holds them bit for bit.
            Assert.True(
                quantity is TimeSpan time
                    ? Math.Abs(time.Ticks - (expected * TimeSpan.TicksPerDay)) <= 0.5 + (1e-15 * Math.Abs(expected * TimeSpan.TicksPerDay))
                    : BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
                $"{type.Name}.{property.Name} reads {actual:R}, the kernel wrote {expected:R}");
            count++;
        }

        return count;
    }

    /// <summary>The name of the kernels' double behind a public quantity: the old name, which says its unit.</summary>
    private static string InternalName(string name, object quantity) => quantity switch
    {
        Mass => name.Replace("Amount", string.Empty, StringComparison.Ordinal) + "Micrograms",
        MassConcentration => name + "PicogramsPerMilliliter",
        Molarity => name.Replace("Molarity", string.Empty, StringComparison.Ordinal) + "PicomolesPerLiter",
        _ => name switch
        {
            "TimeAbove" => "DaysAbove",
            "Length" => "LengthDays",
            "Time" => "Day",
            _ => name.Replace("Time", string.Empty, StringComparison.Ordinal) + "Day",
        },
    };
}
