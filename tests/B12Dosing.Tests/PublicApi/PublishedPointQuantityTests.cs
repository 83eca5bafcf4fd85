using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Tests.PublicApi;

/// <summary>
/// The published points give their dose, sample time and initial stores as UnitsNet quantities wrapping the doubles the
/// calibration computes with (µg, days): each reads back exactly, a value in another unit arrives in one exact step, and
/// bad values are refused where they enter, naming the member.
/// </summary>
public class PublishedPointQuantityTests
{
    [Fact]
    public void Every_published_point_reads_back_the_doubles_the_calibration_uses()
    {
        foreach (var point in PublishedData.All)
        {
            Assert.Equal(point.DoseMicrograms, point.Dose.Micrograms);
            Assert.Equal(point.Day, point.SampleTime.TotalDays);
            Assert.Equal(point.InitialStoresMicrograms, point.InitialStores.Micrograms);
            Assert.Equal(point, point with { Dose = point.Dose, SampleTime = point.SampleTime, InitialStores = point.InitialStores });
        }

        Assert.Contains(PublishedData.All, p => p.Day > 0);
        Assert.Contains(PublishedData.All, p => p.InitialStoresMicrograms != 2500);
    }

    [Fact]
    public void Values_in_other_units_arrive_in_one_exact_step()
    {
        var point = PublishedData.SerumMultiples[0] with { Dose = Mass.FromMilligrams(1), SampleTime = TimeSpan.FromHours(36), InitialStores = Mass.FromMilligrams(2.5) };
        Assert.Equal(1000, point.DoseMicrograms);
        Assert.Equal(1.5, point.Day);
        Assert.Equal(2500, point.InitialStoresMicrograms);
    }

    [Fact]
    public void Bad_values_are_refused_naming_the_member()
    {
        var point = PublishedData.SerumMultiples[0];
        Assert.Equal("Dose", Assert.Throws<ArgumentOutOfRangeException>(() => point with { Dose = Mass.FromMicrograms(-1) }).ParamName);
        Assert.Equal("Dose", Assert.Throws<ArgumentOutOfRangeException>(() => new PublishedPoint("x", Route.Oral, DoseVehicle.Crystalline, CobalaminForm.Cyanocobalamin, Condition.Healthy, Mass.FromMilligrams(-5), PublishedMeasure.AbsorbedMicrograms, 1, "s")).ParamName);
        Assert.Equal("SampleTime", Assert.Throws<ArgumentOutOfRangeException>(() => point with { SampleTime = TimeSpan.FromDays(-1) }).ParamName);
        Assert.Equal("InitialStores", Assert.Throws<ArgumentOutOfRangeException>(() => point with { InitialStores = Mass.FromGrams(2) }).ParamName);
    }

    [Fact]
    public void The_doets_regression_takes_and_gives_masses()
    {
        Assert.Equal(PublishedData.DoetsAbsorbedMicrograms(2), PublishedData.DoetsAbsorbed(Mass.FromMicrograms(2)).Micrograms);
        Assert.Equal(PublishedData.DoetsAbsorbedMicrograms(2000), PublishedData.DoetsAbsorbed(Mass.FromMilligrams(2)).Micrograms);
        Assert.Equal("dose", Assert.Throws<ArgumentOutOfRangeException>(() => PublishedData.DoetsAbsorbed(Mass.FromMicrograms(-1))).ParamName);
    }

    [Fact]
    public void Food_points_span_the_range_asked_and_refuse_bad_ranges_and_counts()
    {
        var (low, high) = PublishedData.FoodFitRange;
        var points = PublishedData.FoodPoints(low, high, 11);
        Assert.Equal(PublishedData.FoodRegression, points);
        Assert.Equal(low, points[0].Dose);
        Assert.Equal(high, points[^1].Dose);
        Assert.Equal(PublishedData.DoetsAbsorbedMicrograms(points[3].DoseMicrograms), points[3].Value);

        Assert.Equal("low", Assert.Throws<ArgumentOutOfRangeException>(() => PublishedData.FoodPoints(Mass.Zero, high, 11)).ParamName);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => PublishedData.FoodPoints(high, low, 11)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => PublishedData.FoodPoints(low, high, 1)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => PublishedData.FoodPoints(low, high, PublishedData.MaximumFoodPoints + 1)).ParamName);
    }
}
