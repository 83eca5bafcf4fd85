using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using B12Dosing.Parameters;

namespace B12Dosing.Tests.Absorption;

/// <summary>Re-runs the fits and checks they reproduce the constants stored in <see cref="FittedParameters"/>.</summary>
public class CalibrationTests
{
    /// <summary>The stored constants are the fits rounded to 5 significant digits: relative tolerance 5e-4.</summary>
    private const double Tolerance = 5e-4;

    private static void Reproduces(IReadOnlyList<FittedParameter> fits, params double[] stored)
    {
        Assert.Equal(stored.Length, fits.Count);
        for (var i = 0; i < stored.Length; i++)
        {
            Assert.True(Math.Abs((fits[i].Value / stored[i]) - 1) < Tolerance, $"{fits[i].Name}: fitted {fits[i].Value}, stored {stored[i]}");
            Assert.True(fits[i].StandardError > 0 && double.IsFinite(fits[i].StandardError), $"{fits[i].Name}: standard error {fits[i].StandardError}");
        }
    }

    [Fact]
    public void Oral_fit_reproduces_stored_constants() => Reproduces(
        Calibrator.FitOral().Fitted,
        FittedParameters.IntrinsicFactorCapacityMicrograms,
        FittedParameters.IntrinsicFactorHalfSaturationMicrograms,
        FittedParameters.PassiveFraction);

    [Fact]
    public void Food_release_fit_reproduces_stored_constant() =>
        Reproduces(Calibrator.FitFoodRelease().Fitted, FittedParameters.FoodReleaseFraction);

    [Fact]
    public void Plasma_fit_reproduces_stored_constants() =>
        Reproduces(Calibrator.FitPlasma().Fitted, [.. Calibrator.StoredPlasmaParameters]);

    /// <summary>The share of reabsorbed bile taken onto holoTC is Carmel 2008's measured bile (1.4 µg/day at 2500 µg) over the model's (0.14 %/day).</summary>
    [Fact]
    public void Bile_through_transcobalamin_is_Carmel_2008_measured_bile() =>
        Assert.Equal(1.4 / ModelParameters.ReferenceStoresMicrograms / ModelParameters.BiliarySecretionPerDayValue, ModelParameters.ReabsorbedBileThroughTranscobalaminFraction.Default, 1e-12);

    /// <summary>The release of stores onto haptocorrin in the presets is the one the fitted carriers (and the flow of stores onto transcobalamin) need for 450 pg/mL at 2500 µg.</summary>
    [Fact]
    public void Haptocorrin_release_follows_from_the_fitted_carriers()
    {
        var p = ParameterSet.Healthy;
        Assert.Equal(
            CarrierBalance.HaptocorrinReleaseFor(p.HoloTranscobalaminHalfLifeHours, p.HoloHaptocorrinHalfLifeDays, p.TranscobalaminToHaptocorrinFraction, (p.ReabsorbedBileThroughTranscobalaminFraction * p.BiliaryReabsorptionFraction * p.BiliarySecretionPerDay) + p.TranscobalaminReleasePerDay, p.PlasmaVolumeLiters),
            p.HaptocorrinReleasePerDay);
        Assert.All(Conditions.All, c => Assert.Equal(p.HaptocorrinReleasePerDay, ParameterSet.For(c).HaptocorrinReleasePerDay));
    }
}
