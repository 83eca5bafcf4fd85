using System.Globalization;
using System.Text;
using B12Dosing.Parameters;
using B12Dosing.Quantities;

namespace B12Dosing.Absorption;

/// <summary>
/// The model's parameter set: the values of every parameter of the block <see cref="ModelParameters"/> for one person.
/// Immutable, with value equality: start from a preset (<see cref="Healthy"/>, <see cref="PerniciousAnemia"/> …, or
/// <see cref="For(Condition)"/>) and change what you need with a <c>with</c> expression
/// (<c>Physiology.Healthy with { PassiveFraction = 0.01 }</c>) or by name (<see cref="With(string, double)"/>). Every
/// value is checked against the block's bounds when set, refused under its public name and unit
/// (<see cref="ArgumentOutOfRangeException"/>); the cross-parameter rules are checked where a set is built by name and
/// where it enters a model (<see cref="EnsureConsistent"/>). The derived <see cref="HaptocorrinReleasePerDay"/> follows
/// its inputs unless pinned. <see cref="ToString"/> prints the table. Sources: <see cref="ModelParameters"/> and
/// <c>docs/model.md</c>.
/// </summary>
public sealed record Physiology
{
    private Physiology()
    {
    }

    /// <summary>
    /// IF-mediated uptake at saturation from one dose, µg: <see cref="FittedParameters.IntrinsicFactorCapacityMicrograms"/>
    /// in health (Carmel 2008, Table 1), 0 without IF. From 0 to 100 µg (<see cref="ModelParameters.IntrinsicFactorCapacity"/>).
    /// </summary>
    public Mass IntrinsicFactorCapacity
    {
        get => Mass.FromMicrograms(IntrinsicFactorCapacityMicrograms);
        init => IntrinsicFactorCapacityMicrograms = QuantityKinds.Mass.NonNegative(value, nameof(IntrinsicFactorCapacity));
    }

    /// <summary><see cref="IntrinsicFactorCapacity"/> in µg, for the kernels.</summary>
    internal double IntrinsicFactorCapacityMicrograms { get; init => field = ModelParameters.IntrinsicFactorCapacity.Check(value); }

    /// <summary>Dose giving half the IF-mediated capacity, µg (fitted to Carmel 2008, Table 1). From 0.001 to 1000 µg (an ASSUMPTION: three orders of magnitude either side of the fitted 1.4 µg).</summary>
    public Mass IntrinsicFactorHalfSaturation
    {
        get => Mass.FromMicrograms(IntrinsicFactorHalfSaturationMicrograms);
        init => IntrinsicFactorHalfSaturationMicrograms = QuantityKinds.Mass.NonNegative(value, nameof(IntrinsicFactorHalfSaturation));
    }

    /// <summary><see cref="IntrinsicFactorHalfSaturation"/> in µg, for the kernels.</summary>
    internal double IntrinsicFactorHalfSaturationMicrograms { get; init => field = ModelParameters.IntrinsicFactorHalfSaturation.Check(value); }

    /// <summary>Time constant of the exponential recovery of used IF capacity, hours (4 h / ln 10; Heyssel 1966 via IOM 1998). From 0.01 to 1000 h (<see cref="ModelParameters.IntrinsicFactorRecovery"/>).</summary>
    public TimeSpan IntrinsicFactorRecovery
    {
        get => ParameterUnits.FromHours(IntrinsicFactorRecoveryHours);
        init => IntrinsicFactorRecoveryHours = ParameterUnits.Hours(value, IntrinsicFactorRecoveryHours, nameof(IntrinsicFactorRecovery));
    }

    /// <summary><see cref="IntrinsicFactorRecovery"/> in hours, for the kernels.</summary>
    internal double IntrinsicFactorRecoveryHours { get; init => field = ModelParameters.IntrinsicFactorRecovery.Check(value); }

    /// <summary>Fraction of an oral dose absorbed by passive diffusion, independent of IF (about 1.2 %: Berlin 1968; Carmel 2008). In [0, 1].</summary>
    public required double PassiveFraction { get; init => field = ModelParameters.PassiveFraction.Check(value); }

    /// <summary>Fraction of food-bound B12 released by gastric acid and pepsin (fitted to Doets 2013 in health). In [0, 1].</summary>
    public required double FoodReleaseFraction { get; init => field = ModelParameters.FoodReleaseFraction.Check(value); }

    /// <summary>Fraction of the normal IF-mediated ileal uptake that works (1 in health; reduced after ileal resection). In [0, 1].</summary>
    public required double IlealUptakeFactor { get; init => field = ModelParameters.IlealUptakeFactor.Check(value); }

    /// <summary>
    /// Fraction of stores lost per day by routes other than bile (shed cells, urine, skin), per day:
    /// <c>0.2 %/day − bile</c> = 0.06 %/day, so that the loss without reabsorption is 0.2 %/day (IOM 1998) and in health,
    /// with half the bile reabsorbed, 0.13 %/day (Doets 2013). In [0, 1].
    /// </summary>
    public required double TurnoverPerDay { get; init => field = ModelParameters.TurnoverPerDay.Check(value); }

    /// <summary>
    /// Fraction of stores secreted in bile per day: 0.14 %/day (3.5 µg/day at 2500 µg). Set, with
    /// <see cref="TurnoverPerDay"/>, so that stores fall 0.2 %/day without intrinsic factor (IOM 1998; Boddy &amp; Adams
    /// 1972), when no biliary B12 is reabsorbed, and 0.13 %/day in health (Doets 2013) with half of it reabsorbed
    /// (Carmel 2008); elimination, mainly biliary, is then 3.25-5 µg/day, inside the 3-8 µg/day of the Swiss
    /// cyanocobalamin label. In [0, 1].
    /// </summary>
    public required double BiliarySecretionPerDay { get; init => field = ModelParameters.BiliarySecretionPerDay.Check(value); }

    /// <summary>Fraction of biliary B12 reabsorbed through the IF route (about half: Carmel 2008; none without IF). In [0, 1].</summary>
    public required double BiliaryReabsorptionFraction { get; init => field = ModelParameters.BiliaryReabsorptionFraction.Check(value); }

    /// <summary>
    /// Plasma volume, litres: 3 L (about 40 mL/kg in a 75 kg adult; an ASSUMPTION for a typical adult). Serum and
    /// holotranscobalamin are the carriers' B12 over this volume, and the binding capacity is
    /// <see cref="BindingCapacityNanogramsPerMilliliter"/> times it. From 1 to 10 L (an ASSUMPTION: a child to a very large adult).
    /// </summary>
    public Volume PlasmaVolume
    {
        get => Volume.FromLiters(PlasmaVolumeLiters);
        init => PlasmaVolumeLiters = ParameterUnits.Liters(value, nameof(PlasmaVolume));
    }

    /// <summary><see cref="PlasmaVolume"/> in L, for the kernels.</summary>
    internal double PlasmaVolumeLiters { get; init => field = ModelParameters.PlasmaVolume.Check(value); } = ModelParameters.PlasmaVolume.Default;

    /// <summary>
    /// Volume in which free (unbound) B12 spreads, litres: the extracellular fluid, 15 L (about 20 % of body weight in
    /// a 75 kg adult; Guyton &amp; Hall, Textbook of Medical Physiology). From 5 to 50 L (an ASSUMPTION, as the plasma volume).
    /// </summary>
    public Volume ExtracellularVolume
    {
        get => Volume.FromLiters(ExtracellularVolumeLiters);
        init => ExtracellularVolumeLiters = ParameterUnits.Liters(value, nameof(ExtracellularVolume));
    }

    /// <summary><see cref="ExtracellularVolume"/> in L, for the kernels.</summary>
    internal double ExtracellularVolumeLiters { get; init => field = ModelParameters.ExtracellularVolume.Check(value); } = ModelParameters.ExtracellularVolume.Default;

    /// <summary>
    /// Glomerular filtration rate, mL/min: 120 (a normal young adult, about 120 mL/min per 1.73 m²; KDIGO 2012
    /// counts 90 or more as normal). Free B12 is filtered at this rate: its renal rate constant is GFR over
    /// <see cref="ExtracellularVolumeLiters"/>, 0.48 per hour (half-life 1.44 h, so most of an excess is gone within
    /// 8 h, as the Swiss cyanocobalamin label says). From 1 (kidney failure) to 300 mL/min (hyperfiltration).
    /// </summary>
    public double GlomerularFiltrationMillilitersPerMinute { get; init => field = ModelParameters.GlomerularFiltrationMillilitersPerMinute.Check(value); } = ModelParameters.GlomerularFiltrationMillilitersPerMinute.Default;

    /// <summary>
    /// Unsaturated B12-binding capacity of plasma, ng/mL: about 1.8 (Swiss cyanocobalamin injection label), mostly
    /// apo-transcobalamin and apo-haptocorrin. The first <c>1.8 ng/mL × plasma volume</c> (5.4 µg) of a plasma load is
    /// bound at once and kept; the capacity is restored between loads. From 0 to 100 ng/mL (an ASSUMPTION: well above the 1.8 of the label, as in myeloproliferative disease).
    /// </summary>
    public MassConcentration BindingCapacity
    {
        get => MassConcentration.FromNanogramsPerMilliliter(BindingCapacityNanogramsPerMilliliter);
        init => BindingCapacityNanogramsPerMilliliter = ParameterUnits.NanogramsPerMilliliter(value, nameof(BindingCapacity));
    }

    /// <summary><see cref="BindingCapacity"/> in ng/mL, for the kernels.</summary>
    internal double BindingCapacityNanogramsPerMilliliter { get; init => field = ModelParameters.BindingCapacity.Check(value); } = ModelParameters.BindingCapacity.Default;

    /// <summary>
    /// How a load that reaches plasma meets the carriers: <see cref="PlasmaCarrierModel.BindingCapacity"/> (model 2, the
    /// default) or <see cref="PlasmaCarrierModel.FreeCapacity"/> (model 3; use <see cref="WithFreeCapacity"/>, which also
    /// sets the constants fitted for it).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined model.</exception>
    public PlasmaCarrierModel CarrierModel
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(CarrierModel), value, "Not a carrier model; accepted: BindingCapacity, FreeCapacity.");
    }

    /// <summary>Whether this physiology uses model 3 (<see cref="PlasmaCarrierModel.FreeCapacity"/>).</summary>
    internal bool UsesFreeCapacity => CarrierModel == PlasmaCarrierModel.FreeCapacity;

    /// <summary>
    /// This physiology under model 3 (<see cref="PlasmaCarrierModel.FreeCapacity"/>): the carriers' free capacity as state
    /// and absorption over hours, with the plasma constants fitted for model 3 (tissue uptake, hydroxocobalamin
    /// filtration and protein binding, the holoTC and holoHC half-lives, the release of stores onto transcobalamin, the
    /// injection sites' half-times of cyanocobalamin and hydroxocobalamin, the nasal release half-time; <c>docs/model.md</c>, 1.2b; the fit with its
    /// covariance is <see cref="Calibration.CalibrationEstimate.FreeCapacity"/>). The release onto
    /// haptocorrin is derived again from them unless it was pinned.
    /// </summary>
    public Physiology WithFreeCapacity() => this with
    {
        CarrierModel = PlasmaCarrierModel.FreeCapacity,
        TissueUptakeMaximumMicrogramsPerHour = FittedParameters.FreeCapacityTissueUptakeMaximumMicrogramsPerHour,
        TissueUptakeHalfSaturationMicrograms = FittedParameters.FreeCapacityTissueUptakeHalfSaturationMicrograms,
        HydroxocobalaminFiltrationFactor = FittedParameters.FreeCapacityHydroxocobalaminFiltrationFactor,
        HydroxocobalaminProteinBindingPerHour = FittedParameters.FreeCapacityHydroxocobalaminProteinBindingPerHour,
        HoloTranscobalaminHalfLifeHours = FittedParameters.FreeCapacityHoloTranscobalaminHalfLifeHours,
        HoloHaptocorrinHalfLifeDays = FittedParameters.FreeCapacityHoloHaptocorrinHalfLifeDays,
        TranscobalaminReleasePerDay = FittedParameters.FreeCapacityTranscobalaminReleasePerDay,
        InjectionSiteHalfTimeHours = FittedParameters.FreeCapacityInjectionSiteHalfTimeHours,
        HydroxocobalaminSiteReleaseHalfTimeHours = FittedParameters.FreeCapacityHydroxocobalaminSiteReleaseHalfTimeHours,
        NasalReleaseHalfTimeHours = FittedParameters.FreeCapacityNasalReleaseHalfTimeHours,
    };

    /// <summary>
    /// Free (apo-) transcobalamin of plasma with average stores and the carriers in balance, pmol/L: 700, the mean of
    /// Gimsing &amp; Nexo 1989 (Clin Chem 35:1447; 228 adults, central 95 % 400-930 pmol/L). The carrier's whole capacity
    /// is this plus the holotranscobalamin in balance with 2500 µg (<c>PoolRates.CarrierCapacities</c>); what
    /// is free at any moment is that capacity less holoTC, used up by binding and restored as holoTC is cleared into
    /// cells (hours). From 0 to 10 000 pmol/L (an ASSUMPTION: ten times the top of the reference interval).
    /// </summary>
    public Molarity ApoTranscobalamin
    {
        get => Molarity.FromPicomolesPerLiter(ApoTranscobalaminPicomolesPerLiter);
        init => ApoTranscobalaminPicomolesPerLiter = ModelParameters.ApoTranscobalamin.Check(value.PicomolesPerLiter);
    }

    /// <summary><see cref="ApoTranscobalamin"/> in pmol/L, for the kernels.</summary>
    internal double ApoTranscobalaminPicomolesPerLiter { get; init => field = ModelParameters.ApoTranscobalamin.Check(value); } = ModelParameters.ApoTranscobalamin.Default;

    /// <summary>
    /// Free (apo-) haptocorrin of plasma with average stores and the carriers in balance, pmol/L: fitted (see
    /// <see cref="FittedParameters.ApoHaptocorrinPicomolesPerLiter"/>, 115 pmol/L) inside the central 95 % interval
    /// 90-275 pmol/L of Gimsing &amp; Nexo 1989: haptocorrin is mostly saturated already. Its whole
    /// capacity is this plus the holohaptocorrin in balance with 2500 µg; the free part is restored as holohaptocorrin
    /// is cleared (days). From 0 to 10 000 pmol/L.
    /// </summary>
    public Molarity ApoHaptocorrin
    {
        get => Molarity.FromPicomolesPerLiter(ApoHaptocorrinPicomolesPerLiter);
        init => ApoHaptocorrinPicomolesPerLiter = ModelParameters.ApoHaptocorrin.Check(value.PicomolesPerLiter);
    }

    /// <summary><see cref="ApoHaptocorrin"/> in pmol/L, for the kernels.</summary>
    internal double ApoHaptocorrinPicomolesPerLiter { get; init => field = ModelParameters.ApoHaptocorrin.Check(value); } = ModelParameters.ApoHaptocorrin.Default;

    /// <summary>
    /// Mass-action rate of binding of free B12 to free transcobalamin, per µg of free capacity per hour: 10, so that free
    /// B12 meeting the free capacity of average plasma (<see cref="ApoTranscobalamin"/>, 2.85 µg) is bound with a
    /// half-time of about 1.5 min. An ASSUMPTION (binding is near-instant in vitro); the fit (Calibrator.FitPlasma) put it
    /// at its upper end: the smallest value for which 10 µg IM loses at most 6 % (Carmel 2008: 3 %). From 0.01 to 100.
    /// </summary>
    internal double CarrierBindingPerMicrogramHour { get; init => field = ModelParameters.CarrierBindingPerMicrogramHour.Check(value); } = ModelParameters.CarrierBindingPerMicrogramHour.Default;

    /// <summary>
    /// The rate of binding of free B12 to free haptocorrin relative to free transcobalamin, per unit of free capacity:
    /// fitted (see <see cref="FittedParameters.HaptocorrinBindingRatio"/>). Newly absorbed B12 appears on
    /// transcobalamin first (Nexo &amp; Hoffmann-Lücke 2011), and daily doses fill haptocorrin over weeks, not in a day
    /// (Greibe 2019; Sharabi 2003). From 0 to 10.
    /// </summary>
    public double HaptocorrinBindingRatio { get; init => field = ModelParameters.HaptocorrinBindingRatio.Check(value); } = ModelParameters.HaptocorrinBindingRatio.Default;

    /// <summary>
    /// Mean time B12 taken up through intrinsic factor spends in each of three transit steps (ileal cell, lymph and
    /// portal passage) before it reaches plasma free, hours: 4. With three steps the arrival starts after a lag
    /// (6 % arrived by 3.5 h) and peaks at 8 h: IF-mediated B12 enters the circulation 3-4 h after the dose, with a
    /// plasma peak at 8-12 h (IOM 1998 p.308). From 0.01 to 100 h.
    /// </summary>
    public TimeSpan IntrinsicFactorTransit
    {
        get => ParameterUnits.FromHours(IntrinsicFactorTransitHours);
        init => IntrinsicFactorTransitHours = ParameterUnits.Hours(value, IntrinsicFactorTransitHours, nameof(IntrinsicFactorTransit));
    }

    /// <summary><see cref="IntrinsicFactorTransit"/> in hours, for the kernels.</summary>
    internal double IntrinsicFactorTransitHours { get; init => field = ModelParameters.IntrinsicFactorTransit.Check(value); } = ModelParameters.IntrinsicFactorTransit.Default;

    /// <summary>
    /// Half-time of release of an intranasal dose from the nasal mucosa, hours: 1/6 (10 min). An ASSUMPTION chosen so
    /// that serum peaks about half an hour after the dose, as measured (Br J Clin Pharmacol 1998;45:83: 35 ± 13 min
    /// after 750 µg, 28 ± 16 min after 1500 µg of hydroxocobalamin). From 0.01 to 100 h.
    /// </summary>
    public TimeSpan NasalReleaseHalfTime
    {
        get => ParameterUnits.FromHours(NasalReleaseHalfTimeHours);
        init => NasalReleaseHalfTimeHours = ParameterUnits.Hours(value, NasalReleaseHalfTimeHours, nameof(NasalReleaseHalfTime));
    }

    /// <summary><see cref="NasalReleaseHalfTime"/> in hours, for the kernels.</summary>
    internal double NasalReleaseHalfTimeHours { get; init => field = ModelParameters.NasalReleaseHalfTime.Check(value); } = ModelParameters.NasalReleaseHalfTime.Default;

    /// <summary>
    /// Share of newly bound B12 (the binding capacity, and protein-bound hydroxocobalamin when released) that goes onto
    /// haptocorrin; the rest goes onto transcobalamin (fitted, see <see cref="FittedParameters.HaptocorrinShare"/>).
    /// In [0, 1].
    /// </summary>
    public double HaptocorrinShare { get; init => field = ModelParameters.HaptocorrinShare.Check(value); } = ModelParameters.HaptocorrinShare.Default;

    /// <summary>
    /// Maximum rate of tissue (liver) uptake of free B12, µg/h (fitted to Carmel 2008 and Blood 1961, see
    /// <see cref="FittedParameters.TissueUptakeMaximumMicrogramsPerHour"/>). From 0.01 to 1000 µg/h (an ASSUMPTION: with the half-saturation at least 10 µg the free pool's rate stays under 100 per hour, so the per-load solve takes a bounded number of steps).
    /// </summary>
    public double TissueUptakeMaximumMicrogramsPerHour { get; init => field = ModelParameters.TissueUptakeMaximumMicrogramsPerHour.Check(value); } = ModelParameters.TissueUptakeMaximumMicrogramsPerHour.Default;

    /// <summary>
    /// Free B12 at which tissue uptake runs at half its maximum, µg (fitted with
    /// <see cref="TissueUptakeMaximumMicrogramsPerHour"/>). From 10 to 100 000 µg (see <see cref="TissueUptakeMaximumMicrogramsPerHour"/>).
    /// </summary>
    public Mass TissueUptakeHalfSaturation
    {
        get => Mass.FromMicrograms(TissueUptakeHalfSaturationMicrograms);
        init => TissueUptakeHalfSaturationMicrograms = QuantityKinds.Mass.NonNegative(value, nameof(TissueUptakeHalfSaturation));
    }

    /// <summary><see cref="TissueUptakeHalfSaturation"/> in µg, for the kernels.</summary>
    internal double TissueUptakeHalfSaturationMicrograms { get; init => field = ModelParameters.TissueUptakeHalfSaturation.Check(value); } = ModelParameters.TissueUptakeHalfSaturation.Default;

    /// <summary>
    /// Half-time of release of cyanocobalamin (and of methyl- and adenosylcobalamin) from an IM or SC injection site,
    /// hours: 0.25 h. An ASSUMPTION that puts the plasma peak within 1 h of the injection (US cyanocobalamin label).
    /// From 0.01 to 100 h (<see cref="ModelParameters"/>).
    /// </summary>
    public TimeSpan InjectionSiteHalfTime
    {
        get => ParameterUnits.FromHours(InjectionSiteHalfTimeHours);
        init => InjectionSiteHalfTimeHours = ParameterUnits.Hours(value, InjectionSiteHalfTimeHours, nameof(InjectionSiteHalfTime));
    }

    /// <summary><see cref="InjectionSiteHalfTime"/> in hours, for the kernels.</summary>
    internal double InjectionSiteHalfTimeHours { get; init => field = ModelParameters.InjectionSiteHalfTime.Check(value); } = ModelParameters.InjectionSiteHalfTime.Default;

    /// <summary>
    /// Half-time of release of hydroxocobalamin from an IM or SC injection site, hours: about 2.5 h (US
    /// hydroxocobalamin label). From 0.01 to 100 h (<see cref="ModelParameters"/>).
    /// </summary>
    public TimeSpan HydroxocobalaminSiteReleaseHalfTime
    {
        get => ParameterUnits.FromHours(HydroxocobalaminSiteReleaseHalfTimeHours);
        init => HydroxocobalaminSiteReleaseHalfTimeHours = ParameterUnits.Hours(value, HydroxocobalaminSiteReleaseHalfTimeHours, nameof(HydroxocobalaminSiteReleaseHalfTime));
    }

    /// <summary><see cref="HydroxocobalaminSiteReleaseHalfTime"/> in hours, for the kernels.</summary>
    internal double HydroxocobalaminSiteReleaseHalfTimeHours { get; init => field = ModelParameters.HydroxocobalaminSiteReleaseHalfTime.Check(value); } = ModelParameters.HydroxocobalaminSiteReleaseHalfTime.Default;

    /// <summary>
    /// Half-time over which the passively absorbed part of an oral, sublingual or intranasal dose reaches the blood,
    /// hours: 1 h. An ASSUMPTION that puts the serum and urine peak after a large oral dose within 6 h (IOM 1998).
    /// From 0.01 to 100 h (<see cref="ModelParameters"/>).
    /// </summary>
    public TimeSpan MucosalReleaseHalfTime
    {
        get => ParameterUnits.FromHours(MucosalReleaseHalfTimeHours);
        init => MucosalReleaseHalfTimeHours = ParameterUnits.Hours(value, MucosalReleaseHalfTimeHours, nameof(MucosalReleaseHalfTime));
    }

    /// <summary><see cref="MucosalReleaseHalfTime"/> in hours, for the kernels.</summary>
    internal double MucosalReleaseHalfTimeHours { get; init => field = ModelParameters.MucosalReleaseHalfTime.Check(value); } = ModelParameters.MucosalReleaseHalfTime.Default;

    /// <summary>
    /// Renal filtration of free hydroxocobalamin relative to cyanocobalamin: it diffuses more slowly and is bound to
    /// plasma proteins (Scand J Haematol 1964), so less is filtered (fitted to Blood 1961, see
    /// <see cref="FittedParameters.HydroxocobalaminFiltrationFactor"/>). From 0.001 to 1.
    /// </summary>
    public double HydroxocobalaminFiltrationFactor { get; init => field = ModelParameters.HydroxocobalaminFiltrationFactor.Check(value); } = ModelParameters.HydroxocobalaminFiltrationFactor.Default;

    /// <summary>
    /// Rate at which free hydroxocobalamin binds to plasma proteins in proportion to its concentration, per hour
    /// (Scand J Haematol 1964; fitted to Blood 1961, see <see cref="FittedParameters.HydroxocobalaminProteinBindingPerHour"/>).
    /// The bound part stays in plasma and is released slowly (<see cref="ProteinBoundHalfLifeHours"/>). From 0 to 10 per hour (an ASSUMPTION that bounds the per-load solve; binding within minutes).
    /// </summary>
    public double HydroxocobalaminProteinBindingPerHour { get; init => field = ModelParameters.HydroxocobalaminProteinBindingPerHour.Check(value); } = ModelParameters.HydroxocobalaminProteinBindingPerHour.Default;

    /// <summary>
    /// Half-life of protein-bound hydroxocobalamin in plasma before carriers take it up, hours (fitted to the serum
    /// multiples of Blood 1961, see <see cref="FittedParameters.ProteinBoundHalfLifeHours"/>). From 0.01 to 1000 h.
    /// </summary>
    public TimeSpan ProteinBoundHalfLife
    {
        get => ParameterUnits.FromHours(ProteinBoundHalfLifeHours);
        init => ProteinBoundHalfLifeHours = ParameterUnits.Hours(value, ProteinBoundHalfLifeHours, nameof(ProteinBoundHalfLife));
    }

    /// <summary><see cref="ProteinBoundHalfLife"/> in hours, for the kernels.</summary>
    internal double ProteinBoundHalfLifeHours { get; init => field = ModelParameters.ProteinBoundHalfLife.Check(value); } = ModelParameters.ProteinBoundHalfLife.Default;

    /// <summary>
    /// Half-life of holotranscobalamin (active B12) in plasma before cells take it up, hours (fitted to the holoTC
    /// rises of Greibe 2018 and 2019, see <see cref="FittedParameters.HoloTranscobalaminHalfLifeHours"/>). From 0.01 to 1000 h.
    /// </summary>
    public TimeSpan HoloTranscobalaminHalfLife
    {
        get => ParameterUnits.FromHours(HoloTranscobalaminHalfLifeHours);
        init => HoloTranscobalaminHalfLifeHours = ParameterUnits.Hours(value, HoloTranscobalaminHalfLifeHours, nameof(HoloTranscobalaminHalfLife));
    }

    /// <summary><see cref="HoloTranscobalaminHalfLife"/> in hours, for the kernels.</summary>
    internal double HoloTranscobalaminHalfLifeHours { get; init => field = ModelParameters.HoloTranscobalaminHalfLife.Check(value); } = ModelParameters.HoloTranscobalaminHalfLife.Default;

    /// <summary>
    /// Half-life of holohaptocorrin in plasma, days (fitted to the serum multiples of Blood 1961, see
    /// <see cref="FittedParameters.HoloHaptocorrinHalfLifeDays"/>). From 0.01 to 1000 days.
    /// </summary>
    public TimeSpan HoloHaptocorrinHalfLife
    {
        get => ParameterUnits.FromDays(HoloHaptocorrinHalfLifeDays);
        init => HoloHaptocorrinHalfLifeDays = ParameterUnits.Days(value, HoloHaptocorrinHalfLifeDays, nameof(HoloHaptocorrinHalfLife));
    }

    /// <summary><see cref="HoloHaptocorrinHalfLife"/> in days, for the kernels.</summary>
    internal double HoloHaptocorrinHalfLifeDays { get; init => field = ModelParameters.HoloHaptocorrinHalfLife.Check(value); } = ModelParameters.HoloHaptocorrinHalfLife.Default;

    /// <summary>
    /// Fraction of holotranscobalamin cleared onto haptocorrin rather than into cells (fitted to the serum rise of
    /// Greibe 2019, see <see cref="FittedParameters.TranscobalaminToHaptocorrinFraction"/>). In [0, 1].
    /// </summary>
    public double TranscobalaminToHaptocorrinFraction { get; init => field = ModelParameters.TranscobalaminToHaptocorrinFraction.Check(value); } = ModelParameters.TranscobalaminToHaptocorrinFraction.Default;

    /// <summary>
    /// Fraction of stores released onto haptocorrin per day (<c>e_H</c>), DERIVED: the release for which average stores
    /// (2500 µg, Carmel 2008) with the carriers in balance give a normal serum of 450 pg/mL (the middle of 400-500) with
    /// this set's <see cref="HoloTranscobalaminHalfLife"/>, <see cref="HoloHaptocorrinHalfLife"/>,
    /// <see cref="TranscobalaminToHaptocorrinFraction"/>, <see cref="TranscobalaminReleasePerDay"/>,
    /// <see cref="ReabsorbedBileThroughTranscobalaminFraction"/> and <see cref="PlasmaVolume"/> and the healthy bile
    /// (0.14 %/day, half reabsorbed), so that it follows them when they change. Setting it pins it (then it no longer
    /// follows). In [0, 1]. Reading it throws <see cref="ArgumentException"/> when the carrier constants leave no room
    /// for haptocorrin and it is not pinned (<see cref="EnsureConsistent"/> refuses such a set where it enters a model).
    /// </summary>
    public double HaptocorrinReleasePerDay
    {
        get => PinnedHaptocorrinReleasePerDay ?? DerivedHaptocorrinReleasePerDay(throwIfNone: true);
        init => PinnedHaptocorrinReleasePerDay = ModelParameters.HaptocorrinReleasePerDay.Check(value);
    }

    /// <summary>Whether <see cref="HaptocorrinReleasePerDay"/> was set (pinned) rather than derived from its inputs.</summary>
    public bool IsHaptocorrinReleasePinned => PinnedHaptocorrinReleasePerDay is not null;

    /// <summary>The pinned <see cref="HaptocorrinReleasePerDay"/>, or null when it is derived.</summary>
    private double? PinnedHaptocorrinReleasePerDay { get; init; }

    /// <summary>
    /// Share of the reabsorbed biliary B12 that passes through plasma holotranscobalamin (<c>ρ</c>), 0.4 (see
    /// <see cref="ModelParameters.ReabsorbedBileThroughTranscobalaminFraction"/>); the rest returns to the stores directly.
    /// In [0, 1].
    /// </summary>
    public double ReabsorbedBileThroughTranscobalaminFraction { get; init => field = ModelParameters.ReabsorbedBileThroughTranscobalaminFraction.Check(value); } = ModelParameters.ReabsorbedBileThroughTranscobalaminFraction.Default;

    /// <summary>
    /// Fraction of stores released onto transcobalamin per day (tissue B12 returned to plasma holoTC, with or without IF):
    /// fitted by <see cref="Calibration.Calibrator.FitPlasma"/> to the share of holoTC in serum (about a quarter in health:
    /// IOM 1998; Nexo &amp; Hoffmann-Lücke 2011) and to the baseline holoTC of Greibe 2019's deficient adults (16 pmol/L at a
    /// serum of 128 pmol/L), see <see cref="FittedParameters.TranscobalaminReleasePerDay"/>. It keeps holoTC above zero
    /// without absorption (pernicious anaemia). In [0, 1].
    /// </summary>
    public double TranscobalaminReleasePerDay { get; init => field = ModelParameters.TranscobalaminReleasePerDay.Check(value); } = ModelParameters.TranscobalaminReleasePerDay.Default;

    /// <summary>
    /// The largest body store (stores and carriers), µg: 11 100, the highest individual total body store reported (IOM
    /// 1998 p.308). Uptake into the body slows as it fills: the kept part <c>R</c> of a dose raises the body content
    /// <c>M</c> by the solution of <c>dM/dR = 1 − (M/Mmax)²</c>, so the body never exceeds this; the part not taken up
    /// joins the labile excess. From 1 µg to 1 g.
    /// </summary>
    public Mass MaximumStores
    {
        get => Mass.FromMicrograms(MaximumStoresMicrograms);
        init => MaximumStoresMicrograms = QuantityKinds.Mass.NonNegative(value, nameof(MaximumStores));
    }

    /// <summary><see cref="MaximumStores"/> in µg, for the kernels.</summary>
    internal double MaximumStoresMicrograms { get; init => field = ModelParameters.MaximumStores.Check(value); } = ModelParameters.MaximumStores.Default;

    /// <summary>
    /// Half-life of the labile excess (B12 kept from a dose but not taken into the filling stores), days: 30. An
    /// ASSUMPTION (no figure in the shared reference): lost faster than deep stores (years) and slower than
    /// holohaptocorrin (days). From 0.01 to 100 000 days.
    /// </summary>
    public TimeSpan LabileHalfLife
    {
        get => ParameterUnits.FromDays(LabileHalfLifeDays);
        init => LabileHalfLifeDays = ParameterUnits.Days(value, LabileHalfLifeDays, nameof(LabileHalfLife));
    }

    /// <summary><see cref="LabileHalfLife"/> in days, for the kernels.</summary>
    internal double LabileHalfLifeDays { get; init => field = ModelParameters.LabileHalfLife.Check(value); } = ModelParameters.LabileHalfLife.Default;

    /// <summary>
    /// Model 3 only: half-life of the exchangeable hepatic pool, days. Free B12 taken up by tissue (mostly the liver) from
    /// a large load is not at once deep store: it enters this pool, which returns B12 to the circulation on
    /// transcobalamin (the share <see cref="ExchangeableToTranscobalaminFraction"/>) or passes it on to the stores. It is
    /// the slow source of holotranscobalamin on daily supplements (OPEN, Dangour 2015: holoTC 240 pmol/L on 1 mg a day)
    /// and it empties within days when the supplement stops (Herbert 1994). Fitted (<see cref="FittedParameters.ExchangeableHalfLifeDays"/>).
    /// From 0.01 to 1000 days.
    /// </summary>
    public TimeSpan ExchangeableHalfLife
    {
        get => ParameterUnits.FromDays(ExchangeableHalfLifeDays);
        init => ExchangeableHalfLifeDays = ParameterUnits.Days(value, ExchangeableHalfLifeDays, nameof(ExchangeableHalfLife));
    }

    /// <summary><see cref="ExchangeableHalfLife"/> in days, for the kernels.</summary>
    internal double ExchangeableHalfLifeDays { get; init => field = ModelParameters.ExchangeableHalfLife.Check(value); } = ModelParameters.ExchangeableHalfLife.Default;

    /// <summary>
    /// Model 3 only: the stores at which their release onto haptocorrin is half its maximum, µg. The release needs
    /// haptocorrin's free capacity (Gimsing &amp; Nexo 1989: apo-haptocorrin only 90-275 pmol/L) and saturates as the
    /// stores fill, so total serum is defended as the stores fall (IOM 1998 p.313; Herbert 1994) and rises about 11 %
    /// per doubling of usual intake (Dullemeijer 2013). Fitted (<see cref="FittedParameters.HaptocorrinReleaseHalfSaturationMicrograms"/>).
    /// From 1 to 1 000 000 µg.
    /// </summary>
    public Mass HaptocorrinReleaseHalfSaturation
    {
        get => Mass.FromMicrograms(HaptocorrinReleaseHalfSaturationMicrograms);
        init => HaptocorrinReleaseHalfSaturationMicrograms = QuantityKinds.Mass.NonNegative(value, nameof(HaptocorrinReleaseHalfSaturation));
    }

    /// <summary><see cref="HaptocorrinReleaseHalfSaturation"/> in µg, for the kernels.</summary>
    internal double HaptocorrinReleaseHalfSaturationMicrograms { get; init => field = ModelParameters.HaptocorrinReleaseHalfSaturation.Check(value); } = ModelParameters.HaptocorrinReleaseHalfSaturation.Default;

    /// <summary>
    /// Model 3 only: the share of the exchangeable hepatic pool's outflow that returns to plasma on transcobalamin; the
    /// rest passes into the stores. Fitted (<see cref="FittedParameters.ExchangeableToTranscobalaminFraction"/>), mainly to
    /// OPEN's holoTC on 1 mg a day. In [0, 1].
    /// </summary>
    public double ExchangeableToTranscobalaminFraction { get; init => field = ModelParameters.ExchangeableToTranscobalaminFraction.Check(value); } = ModelParameters.ExchangeableToTranscobalaminFraction.Default;

    /// <summary>
    /// Bioavailability of intranasal B12 relative to IM: 8.9 % (Nascobal label, crossover study in 25 healthy fasting
    /// subjects). We could not verify the figure or read its 90 % confidence interval here; we carry a ±30 %
    /// relative uncertainty (about 6-12 %) as an assumption. In [0, 1].
    /// </summary>
    public double IntranasalBioavailability { get; init => field = ModelParameters.IntranasalBioavailability.Check(value); } = ModelParameters.IntranasalBioavailability.Default;

    /// <summary>The loss of stores per day with this physiology: <c>turnover + biliary secretion × (1 − reabsorbed)</c>.</summary>
    public double StoreLossPerDay => TurnoverPerDay + (BiliarySecretionPerDay * (1 - BiliaryReabsorptionFraction));

    /// <summary>The IF-mediated capacity that works: <c>IF capacity × ileal uptake factor</c>.</summary>
    public Mass EffectiveIntrinsicFactorCapacity => Mass.FromMicrograms(EffectiveIntrinsicFactorCapacityMicrograms);

    /// <summary><see cref="EffectiveIntrinsicFactorCapacity"/> in µg, for the kernels.</summary>
    internal double EffectiveIntrinsicFactorCapacityMicrograms => IntrinsicFactorCapacityMicrograms * IlealUptakeFactor;

    /// <summary>
    /// The largest fraction of an oral dose this physiology can absorb, reached as the dose tends to zero:
    /// <c>Cmax/K + p</c> (the slope of <c>c·E/(K+E) + p·E</c> at <c>E = 0</c>). A physiology whose value exceeds 1
    /// would absorb more than a small dose contains; the model refuses it (<see cref="AbsorptionModel"/>,
    /// <see cref="Kinetics.SimulationSettings"/>). Every preset is below 1 (healthy: about 0.97).
    /// </summary>
    public double MaximumOralFraction =>
        (EffectiveIntrinsicFactorCapacityMicrograms / IntrinsicFactorHalfSaturationMicrograms) + PassiveFraction;

    /// <summary>
    /// Normal gastric acid, IF and ileum. IF and passive parameters fitted to Carmel 2008, Table 1; food release
    /// fitted to Doets 2013; IF recovery from Heyssel 1966 (IOM 1998); bile 0.14 %/day of stores, half reabsorbed
    /// (Carmel 2008), so that stores fall 0.13 %/day (Doets 2013); the plasma carriers and the injected retention
    /// as in <c>docs/model.md</c>.
    /// </summary>
    public static Physiology Healthy { get; } = new()
    {
        IntrinsicFactorCapacityMicrograms = ModelParameters.IntrinsicFactorCapacity.Default,
        IntrinsicFactorHalfSaturationMicrograms = ModelParameters.IntrinsicFactorHalfSaturation.Default,
        IntrinsicFactorRecoveryHours = ModelParameters.IntrinsicFactorRecovery.Default,
        PassiveFraction = ModelParameters.PassiveFraction.Default,
        FoodReleaseFraction = ModelParameters.FoodReleaseFraction.Default,
        IlealUptakeFactor = ModelParameters.IlealUptakeFactor.Default,
        TurnoverPerDay = ModelParameters.TurnoverPerDay.Default,
        BiliarySecretionPerDay = ModelParameters.BiliarySecretionPerDay.Default,
        BiliaryReabsorptionFraction = ModelParameters.BiliaryReabsorptionFraction.Default,
    };

    /// <summary>Pernicious anaemia: <see cref="Effect.PerniciousAnemia"/> applied to <see cref="Healthy"/> (no IF, no biliary reabsorption, food release impaired).</summary>
    public static Physiology PerniciousAnemia { get; } = Effect.PerniciousAnemia.ApplyTo(Healthy);

    /// <summary>Atrophic gastritis: <see cref="Effect.AtrophicGastritis"/> applied to <see cref="Healthy"/> (food release impaired, stores fall 0.15 %/day).</summary>
    public static Physiology AtrophicGastritis { get; } = Effect.AtrophicGastritis.ApplyTo(Healthy);

    /// <summary>Total gastrectomy: <see cref="Effect.Gastrectomy"/> applied to <see cref="Healthy"/> (as <see cref="PerniciousAnemia"/>).</summary>
    public static Physiology Gastrectomy { get; } = Effect.Gastrectomy.ApplyTo(Healthy);

    /// <summary>Ileal resection: <see cref="Effect.IlealResection"/> applied to <see cref="Healthy"/> (IF-mediated uptake and biliary reabsorption reduced).</summary>
    public static Physiology IlealResection { get; } = Effect.IlealResection.ApplyTo(Healthy);

    /// <summary>The preset for a condition.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined condition.</exception>
    public static Physiology For(Condition condition) => condition switch
    {
        Condition.Healthy => Healthy,
        Condition.PerniciousAnemia => PerniciousAnemia,
        Condition.AtrophicGastritis => AtrophicGastritis,
        Condition.Gastrectomy => Gastrectomy,
        Condition.IlealResection => IlealResection,
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not a condition; accepted: " + string.Join(", ", Conditions.All)),
    };

    /// <summary>
    /// <see cref="Healthy"/> under <paramref name="effect"/>: a condition, a covariate or a combination such as
    /// <c>Effect.Parse("atrophic-gastritis+omeprazole-40")</c>. <c>Physiology.For(Effect.For(c))</c> is
    /// <c>Physiology.For(c)</c>, bit for bit. For another base set, <see cref="Effect.ApplyTo"/>.
    /// </summary>
    public static Physiology For(Effect effect) => (effect ?? throw new ArgumentNullException(nameof(effect))).ApplyTo(Healthy);

    /// <summary>Every parameter of the block with its value in this set, in the block's order and units.</summary>
    public IReadOnlyList<ParameterValue> Values => [.. ModelParameters.Settable.Select(p => new ParameterValue(p, p.ValueIn(this)))];

    /// <summary>The value of the parameter named <paramref name="name"/>, in its <see cref="ModelParameter.Unit"/>.</summary>
    /// <exception cref="ArgumentException">No parameter has that name.</exception>
    public double Value(string name) => ModelParameters.Get(name).ValueIn(this);

    /// <summary>This set with the parameter named <paramref name="name"/> set to <paramref name="value"/> (in its <see cref="ModelParameter.Unit"/>), the cross-parameter rules checked.</summary>
    /// <exception cref="ArgumentException">No parameter has that name, it is a constant, or the new set breaks a cross-parameter rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the parameter's bounds; the message names the parameter, its unit and bounds.</exception>
    public Physiology With(string name, double value) => With([new KeyValuePair<string, double>(name, value)]);

    /// <summary>This set with several parameters changed at once (names and values in each parameter's unit), the cross-parameter rules checked once on the result.</summary>
    /// <exception cref="ArgumentException">A name is unknown or a constant, or the new set breaks a cross-parameter rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its parameter's bounds.</exception>
    public Physiology With(IEnumerable<KeyValuePair<string, double>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = this;
        foreach (var (name, value) in values)
        {
            result = ModelParameters.Get(name).Write(result, value);
        }

        return result.EnsureConsistent(nameof(values));
    }

    /// <summary>
    /// Throws unless the cross-parameter rules hold: the set absorbs at most a small oral dose
    /// (<see cref="MaximumOralFraction"/> at most 1) and, unless <see cref="HaptocorrinReleasePerDay"/> is pinned, its
    /// carrier constants leave room for haptocorrin. Called where a set enters a model.
    /// </summary>
    /// <exception cref="ArgumentException">A rule is broken; the message names the parameters.</exception>
    internal Physiology EnsureConsistent(string paramName)
    {
        EnsureAbsorbsAtMostTheDose(paramName);
        if (PinnedHaptocorrinReleasePerDay is null && double.IsNaN(DerivedHaptocorrinReleasePerDay(throwIfNone: false)))
        {
            _ = DerivedHaptocorrinReleasePerDay(throwIfNone: true);
        }

        return this;
    }

    /// <summary>Throws unless <see cref="MaximumOralFraction"/> is at most 1: the one rule absorption alone needs (cheap, checked per dose).</summary>
    /// <exception cref="ArgumentException">The IF capacity is too large for its half-saturation dose.</exception>
    internal Physiology EnsureAbsorbsAtMostTheDose(string paramName)
    {
        if (!(MaximumOralFraction <= 1))
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The physiology would absorb more than a small oral dose contains: IntrinsicFactorCapacity × IlealUptakeFactor / IntrinsicFactorHalfSaturation + PassiveFraction = {MaximumOralFraction:0.###}, and it must be at most 1 (lower the IF capacity or raise the half-saturation dose)."),
                paramName);
        }

        return this;
    }

    /// <summary>The derived <see cref="HaptocorrinReleasePerDay"/> (NaN when there is none and <paramref name="throwIfNone"/> is false).</summary>
    private double DerivedHaptocorrinReleasePerDay(bool throwIfNone)
    {
        var ontoTranscobalamin = (ReabsorbedBileThroughTranscobalaminFraction * ModelParameters.HealthyBiliaryReabsorptionValue * ModelParameters.BiliarySecretionPerDayValue) + TranscobalaminReleasePerDay;
        return throwIfNone
            ? CarrierBalance.HaptocorrinReleaseFor(HoloTranscobalaminHalfLifeHours, HoloHaptocorrinHalfLifeDays, TranscobalaminToHaptocorrinFraction, ontoTranscobalamin, PlasmaVolumeLiters)
            : CarrierBalance.HaptocorrinReleaseOrNaN(HoloTranscobalaminHalfLifeHours, HoloHaptocorrinHalfLifeDays, TranscobalaminToHaptocorrinFraction, ontoTranscobalamin, PlasmaVolumeLiters);
    }

    /// <summary>
    /// Whether a kernel's cached result for <paramref name="cached"/> holds for <paramref name="p"/>: the same values
    /// (the same instance first, the cheap case). The kernels' caches are keyed so, never by instance alone: two equal
    /// sets, however built, share them.
    /// </summary>
    internal static bool SameValues(Physiology? cached, Physiology p) => ReferenceEquals(cached, p) || p.Equals(cached);

    /// <summary>The table: one line per parameter, <c>name  value unit  origin</c> (invariant), derived values marked as derived or pinned.</summary>
    public override string ToString()
    {
        var width = ModelParameters.Settable.Max(p => p.Name.Length);
        var text = new StringBuilder("Physiology").AppendLine();
        foreach (var (parameter, value) in Values)
        {
            var origin = parameter == ModelParameters.HaptocorrinReleasePerDay && IsHaptocorrinReleasePinned ? "pinned" : parameter.Origin.ToString().ToLowerInvariant();
            text.Append("  ").Append(parameter.Name.PadRight(width)).Append("  ")
                .Append(string.Create(CultureInfo.InvariantCulture, $"{value,12:G6}")).Append(' ').Append((parameter.Unit == "1" ? string.Empty : parameter.Unit).PadRight(6))
                .Append("  ").Append(origin).AppendLine();
        }

        return text.ToString().TrimEnd();
    }
}
