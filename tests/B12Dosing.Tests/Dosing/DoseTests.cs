using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Tests.Dosing;

public sealed class DoseTests
{
    public static TheoryData<Func<Mass, Dose>, Route> Factories => new()
    {
        { m => Dose.Oral(m), Route.Oral },
        { m => Dose.Sublingual(m), Route.Sublingual },
        { m => Dose.Intranasal(m), Route.Intranasal },
        { m => Dose.Intramuscular(m), Route.Intramuscular },
        { m => Dose.Subcutaneous(m), Route.Subcutaneous },
        { m => Dose.Intravenous(m), Route.Intravenous },
        { m => Dose.Food(m), Route.Oral },
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void FactoriesSetTheRouteAndKeepTheAmount(Func<Mass, Dose> factory, Route route)
    {
        var dose = factory(Mass.FromMicrograms(1000));
        Assert.Equal(route, dose.Route);
        Assert.Equal(1000, dose.Amount.Micrograms);
        Assert.Equal(MassUnit.Microgram, dose.Amount.Unit);
    }

    /// <summary>Doses compare by amount, whatever the unit (UnitsNet's own Mass equality compares value and unit).</summary>
    [Theory]
    [MemberData(nameof(Factories))]
    public void DosesCompareByAmount(Func<Mass, Dose> factory, Route route)
    {
        var (mg, ug, ng) = (factory(Mass.FromMilligrams(1)), factory(Mass.FromMicrograms(1000)), factory(Mass.FromNanograms(1e6)));
        Assert.True(mg == ug && ug == ng && mg.Equals((object)ng));
        Assert.Equal(mg.GetHashCode(), ng.GetHashCode());
        Assert.NotEqual(mg, factory(Mass.FromMicrograms(1001)));
        Assert.Equal(route, mg.Route);
        Assert.Equal("1 mg", QuantityText.Format(mg.Amount));
    }

    [Theory]
    [MemberData(nameof(Factories))]
    public void ZeroIsRejected(Func<Mass, Dose> factory, Route route)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => factory(Mass.Zero));
        Assert.Equal("amount", e.ParamName);
        Assert.Contains("more than zero", e.Message, StringComparison.Ordinal);
        Assert.Contains(route, Routes.All);
    }

    [Fact]
    public void ANegativeDoseCannotBeWrittenBecauseMassRejectsIt() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Dose.Oral(Mass.FromMicrograms(-1000)));

    /// <summary>5 g is the hydroxocobalamin antidote to cyanide (Cyanokit label): accepted; a gram more is not.</summary>
    [Fact]
    public void FiveGramsIsTheLargestDose()
    {
        Assert.Equal(Mass.FromGrams(5), Dose.MaximumAmount);
        Assert.Equal(Mass.FromGrams(5), Dose.Intravenous(Mass.FromGrams(5), CobalaminForm.Hydroxocobalamin).Amount);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Dose.Intravenous(Mass.FromGrams(6), CobalaminForm.Hydroxocobalamin));
        Assert.Contains("5 g", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Dose.Oral(Mass.FromMicrograms(5e6 + 1)));
    }

    [Fact]
    public void FoodBoundB12IsOnlyOralAndCrystallineIsTheDefault()
    {
        var food = Dose.Food(Mass.FromMicrograms(2.4));
        Assert.Equal(DoseVehicle.FoodBound, food.Vehicle);
        Assert.Equal(Route.Oral, food.Route);
        foreach (var route in Routes.All)
        {
            Assert.Equal(DoseVehicle.Crystalline, Dose.Create(Mass.FromMicrograms(1), route).Vehicle);
        }
    }

    [Fact]
    public void UndefinedRoutesAndFormsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Dose.Create(Mass.FromMicrograms(1), (Route)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dose.Oral(Mass.FromMicrograms(1), (CobalaminForm)99));
    }

    [Fact]
    public void FormDefaultsToCyanocobalaminAndCanBeChosen()
    {
        Assert.Equal(CobalaminForm.Cyanocobalamin, Dose.Oral(Mass.FromMicrograms(1000)).Form);
        Assert.Equal(CobalaminForm.Hydroxocobalamin, Dose.Intramuscular(Mass.FromMilligrams(1), CobalaminForm.Hydroxocobalamin).Form);
    }

    [Fact]
    public void DosesAreValuesWithReadableText()
    {
        Assert.Equal(Dose.Oral(Mass.FromMilligrams(1)), Dose.Oral(Mass.FromMicrograms(1000)));
        Assert.NotEqual(Dose.Oral(Mass.FromMilligrams(1)), Dose.Sublingual(Mass.FromMilligrams(1)));
        Assert.Equal("1 mg hydroxocobalamin im", Dose.Intramuscular(Mass.FromMilligrams(1), CobalaminForm.Hydroxocobalamin).ToString());
        Assert.Equal("2.4 µg food oral", Dose.Food(Mass.FromMicrograms(2.4)).ToString());
    }

    [Fact]
    public void DoseEventsRejectNegativeTimes()
    {
        var dose = Dose.Oral(Mass.FromMicrograms(1000));
        Assert.Equal("day 3.25: 1000 µg cyanocobalamin oral", new DoseEvent(TimeSpan.FromDays(3.25), dose).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new DoseEvent(TimeSpan.FromSeconds(-1), dose));
    }
}
