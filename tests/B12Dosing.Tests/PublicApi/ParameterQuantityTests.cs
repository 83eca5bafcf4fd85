using System.Globalization;
using System.Reflection;
using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using UnitsNet.Units;

namespace B12Dosing.Tests.PublicApi;

/// <summary>
/// The parameters of <see cref="ParameterSet"/> are UnitsNet quantities or <see cref="TimeSpan"/>s wrapping the doubles the
/// kernels read (µg, hours, days, litres, ng/mL): each reads back the kernel's double exactly (a duration to the nearest
/// tick), setting it back changes nothing, a value in another unit arrives by one exact step (1 d is 24 h, 1 mg is 1000 µg), and a bad value is refused
/// naming the member.
/// </summary>
public class ParameterQuantityTests
{
    public static TheoryData<string> Parameters() => [.. QuantityProperties(typeof(ParameterSet)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Parameters))]
    public void A_physiology_quantity_reads_back_the_kernels_double_and_sets_it_unchanged(string name)
    {
        foreach (var condition in Conditions.All)
        {
            var physiology = ParameterSet.For(condition);
            var property = typeof(ParameterSet).GetProperty(name)!;
            var quantity = property.GetValue(physiology)!;
            if (quantity is TimeSpan time)
            {
                // A duration reads back the kernel's hours or days to the nearest tick (100 ns).
                var inHours = typeof(ParameterSet).GetProperty(name + "Hours", BindingFlags.NonPublic | BindingFlags.Instance);
                var hours = inHours is not null
                    ? (double)inHours.GetValue(physiology)!
                    : 24 * (double)typeof(ParameterSet).GetProperty(name + "Days", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(physiology)!;
                Assert.InRange(Math.Abs(time.Ticks - (hours * TimeSpan.TicksPerHour)), 0, 0.5 + (1e-15 * hours * TimeSpan.TicksPerHour));
            }
            else
            {
                var (value, suffix) = InOwnUnit(quantity);
                var inner = (double)typeof(ParameterSet).GetProperty(name + suffix, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(physiology)!;
                Assert.Equal(BitConverter.DoubleToInt64Bits(inner), BitConverter.DoubleToInt64Bits(value));
            }

            if (property.CanWrite)
            {
                var copy = physiology with { };
                property.SetValue(copy, quantity);
                Assert.Equal(physiology, copy);
            }
        }
    }

    [Fact]
    public void Other_units_arrive_in_one_exact_step()
    {
        var p = ParameterSet.Healthy with
        {
            IntrinsicFactorCapacity = Mass.FromMilligrams(0.0015),
            HoloHaptocorrinHalfLife = TimeSpan.FromHours(36),
            HoloTranscobalaminHalfLife = TimeSpan.FromDays(0.25),
            MucosalReleaseHalfTime = TimeSpan.FromMinutes(90),
            PlasmaVolume = Volume.FromMilliliters(3200),
            BindingCapacity = MassConcentration.FromPicogramsPerMilliliter(2000),
        };
        Assert.Equal(1.5, p.IntrinsicFactorCapacityMicrograms);
        Assert.Equal(1.5, p.HoloHaptocorrinHalfLifeDays);
        Assert.Equal(6, p.HoloTranscobalaminHalfLifeHours);
        Assert.Equal(1.5, p.MucosalReleaseHalfTimeHours);
        Assert.Equal(3.2, p.PlasmaVolumeLiters);
        Assert.Equal(2, p.BindingCapacityNanogramsPerMilliliter);
    }

    [Fact]
    public void Bad_quantities_are_refused_naming_the_member()
    {
        Assert.Throws<ArgumentOutOfRangeException>("IntrinsicFactorCapacity", () => ParameterSet.Healthy with { IntrinsicFactorCapacity = Mass.FromMicrograms(-1) });
        Assert.Throws<ArgumentOutOfRangeException>("IntrinsicFactorRecovery", () => ParameterSet.Healthy with { IntrinsicFactorRecovery = TimeSpan.FromHours(-1) });
        Assert.Throws<ArgumentOutOfRangeException>("PlasmaVolume", () => ParameterSet.Healthy with { PlasmaVolume = Volume.FromLiters(-3) });
        Assert.Throws<ArgumentOutOfRangeException>("BindingCapacity", () => ParameterSet.Healthy with { BindingCapacity = MassConcentration.FromNanogramsPerMilliliter(-1) });
        // Below the accepted range (100 ns against 0.01 h) (in the kernel's unit) are refused too.
        Assert.Throws<ArgumentOutOfRangeException>("InjectionSiteHalfTime", () => ParameterSet.Healthy with { InjectionSiteHalfTime = TimeSpan.FromTicks(1) });
        Assert.Throws<ArgumentOutOfRangeException>("TissueUptakeHalfSaturation", () => ParameterSet.Healthy with { TissueUptakeHalfSaturation = Mass.FromKilograms(1e-320) });
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterSet.Healthy with { HoloTranscobalaminHalfLife = TimeSpan.FromDays(1e6) });
    }

    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    [InlineData("fa-IR")]
    public void Records_with_quantities_print_invariant_text(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            object[] records = [ParameterSet.Healthy, new SimulationSettings(TimeSpan.FromDays(30)), PopulationModel.Default, new PopulationSettings(10, TimeSpan.FromDays(30), 1), PopulationModel.Default.Patient(1, 0)];
            foreach (var record in records)
            {
                var text = record.ToString()!;
                Assert.DoesNotMatch(@"\d,\d|[\u06F0-\u06F9\u066B]", text);
                Assert.DoesNotContain("UnitsNet", text, StringComparison.Ordinal);
            }

            var capacity = ParameterSet.Healthy.IntrinsicFactorCapacityMicrograms.ToString("G6", CultureInfo.InvariantCulture);
            Assert.Matches($@"IntrinsicFactorCapacity +{System.Text.RegularExpressions.Regex.Escape(capacity)} µg ", ParameterSet.Healthy.ToString());
            Assert.Matches(@"PlasmaVolume +3 L ", ParameterSet.Healthy.ToString());
            Assert.Contains("InitialStores = 2500 µg", new SimulationSettings(TimeSpan.FromDays(30)).ToString(), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static IEnumerable<PropertyInfo> QuantityProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType is { } t && (t == typeof(Mass) || t == typeof(TimeSpan) || t == typeof(Volume) || t == typeof(MassConcentration)));

    /// <summary>The quantity's value in its own unit and the suffix that unit gives the kernels' double.</summary>
    private static (double Value, string Suffix) InOwnUnit(object quantity) => quantity switch
    {
        Mass m when m.Unit == MassUnit.Microgram => (m.Value, "Micrograms"),
        Volume v when v.Unit == VolumeUnit.Liter => (v.Value, "Liters"),
        MassConcentration c when c.Unit == MassConcentrationUnit.NanogramPerMilliliter => (c.Value, "NanogramsPerMilliliter"),
        _ => throw new InvalidOperationException($"{quantity} is not in a unit the kernels compute in"),
    };
}
