using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Parameters;
using B12Dosing.Quantities;

namespace B12Dosing.Population;

/// <summary>
/// How the virtual patients of a population differ: the mix of conditions, and log-normal factors (truncated) on the
/// physiological parameters of each condition's preset and on the initial stores. Immutable; change values with
/// <c>with</c>. Spreads marked ASSUMPTION have no pooled published figure; they are listed in <c>docs/model.md</c>.
/// Each patient draws, in this order: condition, IF capacity, passive fraction, store loss, retention capacity, initial
/// stores (one uniform number each, from the patient's own stream; see <see cref="Patient"/>).
/// </summary>
public sealed record PopulationModel
{
    /// <summary>The default model: everyone healthy, with the spreads below.</summary>
    public static PopulationModel Default { get; } = new();

    /// <summary>The conditions and their shares (default <see cref="ConditionMix.Healthy"/>).</summary>
    public ConditionMix Conditions { get; init => field = value ?? throw new ArgumentNullException(nameof(Conditions)); } = ConditionMix.Healthy;

    /// <summary>
    /// Changes to every condition's preset before the patients' factors are applied (default none): a population around a
    /// changed parameter set, for example <c>ParameterChanges.Of(("HoloTranscobalaminHalfLife", 6))</c>. The changed sets
    /// keep the population's fast path (its retention tables are built from them).
    /// </summary>
    public ParameterChanges Changes { get; init => field = value ?? throw new ArgumentNullException(nameof(Changes)); } = ParameterChanges.None;

    /// <summary>The parameter set the patients of <paramref name="condition"/> vary around: its preset with <see cref="Changes"/>.</summary>
    /// <exception cref="ArgumentException">The changed set breaks a cross-parameter rule.</exception>
    public Physiology ParametersFor(Condition condition) => Changes.Apply(Physiology.For(condition));

    /// <summary>
    /// IF capacity: σ 0.15 in [0.5, 2]. ASSUMPTION: the saturation of IF-mediated uptake is reported as a range,
    /// 1.5-2.0 µg per meal (Watanabe 2007) or 1-2 µg (NIH ODS fact sheet), not as a spread; σ 0.15 puts 95 % of
    /// patients within ×0.75-×1.34 of the fitted capacity, about that range. The half-saturation dose is scaled by the
    /// same factor, so that no patient absorbs more than a small dose contains (<see cref="Physiology.MaximumOralFraction"/>).
    /// </summary>
    public Variation IntrinsicFactorCapacity { get; init => field = value ?? throw new ArgumentNullException(nameof(IntrinsicFactorCapacity)); } = new(0.15, 0.5, 2);

    /// <summary>
    /// Passive fraction: σ 0.15 in [0.5, 2]. ASSUMPTION from the spread of published means: about 1 % (Berlin 1968, via
    /// IOM 1998) against 1.2-1.3 % (Carmel 2008, Table 1).
    /// </summary>
    public Variation PassiveFraction { get; init => field = value ?? throw new ArgumentNullException(nameof(PassiveFraction)); } = new(0.15, 0.5, 2);

    /// <summary>
    /// Store loss (turnover and biliary secretion scaled together, so the loss per day scales by the factor): σ 0.227
    /// in [0.5, 2], the log-normal with the coefficient of variation of Doets 2013, 0.13 ± 0.03 %/day
    /// (σ = √ln(1 + (0.03/0.13)²)); IOM 1998 gives 0.1-0.2 %/day.
    /// </summary>
    public Variation StoreLoss { get; init => field = value ?? throw new ArgumentNullException(nameof(StoreLoss)); } = new(0.227, 0.5, 2);

    /// <summary>
    /// Retention capacity of injected and passively absorbed B12 (the maximum tissue uptake rate of free B12,
    /// <see cref="Physiology.TissueUptakeMaximumMicrogramsPerHour"/>): σ 0.3 in [1/3, 3]. ASSUMPTION: the US
    /// cyanocobalamin label reports 50-98 % of a 100 or 1000 µg dose in urine within 48 h, a wide between-patient range
    /// that no study gives as a spread.
    /// </summary>
    public Variation RetentionCapacity { get; init => field = value ?? throw new ArgumentNullException(nameof(RetentionCapacity)); } = new(0.3, 1.0 / 3, 3);

    /// <summary>The median initial stores (default 2500 µg, the average adult stores of Carmel 2008); at most 1 g.</summary>
    public Mass MedianInitialStores
    {
        get => Mass.FromMicrograms(MedianInitialStoresMicrograms);
        init => MedianInitialStoresMicrograms = SimulationSettings.CheckInitialStores(value, nameof(MedianInitialStores));
    }

    /// <summary><see cref="MedianInitialStores"/> in µg (models compare by it).</summary>
    internal double MedianInitialStoresMicrograms { get; private init; } = 2500;

    /// <summary>
    /// Initial stores: σ 0.35 in [0.24, 1.56], which with the default median is 600-3900 µg, the range of study means
    /// of IOM 1998 (0.6-3.9 mg), as the bounds. ASSUMPTION: no source gives the spread between individuals.
    /// </summary>
    public Variation InitialStores { get; init => field = value ?? throw new ArgumentNullException(nameof(InitialStores)); } = new(0.35, 0.24, 1.56);

    /// <summary>Patient <paramref name="index"/> of the population with <paramref name="seed"/>: the same seed and index always give the same patient.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative.</exception>
    public VirtualPatient Patient(ulong seed, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new PatientRandom(seed, index);
        var condition = Conditions.Pick(random.NextOpenUnit());
        var preset = ParametersFor(condition);
        var fIf = IntrinsicFactorCapacity.Draw(ref random);
        var fPassive = PassiveFraction.Draw(ref random);
        var fLoss = StoreLoss.Draw(ref random);
        var fRetention = RetentionCapacity.Draw(ref random);
        var fStores = InitialStores.Draw(ref random);
        var physiology = Build(preset, fIf, fPassive, fLoss, fRetention);
        return new(index, condition, physiology, MedianInitialStoresMicrograms * fStores);
    }

    /// <summary>
    /// This model, if every patient it can draw is legal: for each condition of the mix, the preset with every factor at
    /// its smallest and at its largest (each parameter follows one factor, monotonically, so these are its extremes) must
    /// be a <see cref="Physiology"/> within its bounds that absorbs at most the dose, with initial stores of at most 1 g.
    /// Checked where a model enters a run (<see cref="PopulationSettings.Model"/>), so that no patient is clamped or
    /// refused in the middle of one (issue 12: passive fractions above 1 were silently cut to 1).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A factor's extreme gives an illegal patient; the message names the condition and the value.</exception>
    internal PopulationModel EnsureLegalPatients(string paramName)
    {
        foreach (var share in Conditions.Shares)
        {
            var preset = ParametersFor(share.Condition);
            foreach (var largest in new[] { false, true })
            {
                double F(Variation v) => largest ? v.MaximumFactor : v.MinimumFactor;
                var which = largest ? "largest" : "smallest";
                try
                {
                    Build(preset, F(IntrinsicFactorCapacity), F(PassiveFraction), F(StoreLoss), F(RetentionCapacity)).EnsureConsistent(paramName);
                    _ = SimulationSettings.CheckInitialStores(Mass.FromMicrograms(MedianInitialStoresMicrograms * F(InitialStores)), nameof(InitialStores));
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentOutOfRangeException(paramName, this, $"With every factor at its {which}, a {share.Condition.Name()} patient would be illegal: {e.Message.Split(" (Parameter")[0]} Narrow the variation.");
                }
            }
        }

        return this;
    }

    /// <summary>The preset with a patient's factors applied.</summary>
    internal static Physiology Build(Physiology preset, double fIf, double fPassive, double fLoss, double fRetention) => preset with
    {
        IntrinsicFactorCapacityMicrograms = preset.IntrinsicFactorCapacityMicrograms * fIf,
        // The half-saturation dose scales with the capacity, so the curve stretches along the dose axis: the
        // capacity varies, but the fraction of a small dose absorbed (Cmax/K + p, at most 1) stays the preset's.
        IntrinsicFactorHalfSaturationMicrograms = preset.IntrinsicFactorHalfSaturationMicrograms * fIf,
        PassiveFraction = preset.PassiveFraction * fPassive,
        TurnoverPerDay = preset.TurnoverPerDay * fLoss,
        BiliarySecretionPerDay = preset.BiliarySecretionPerDay * fLoss,
        TissueUptakeMaximumMicrogramsPerHour = preset.TissueUptakeMaximumMicrogramsPerHour * fRetention,
    };

    /// <summary>The values, quantities in invariant text (never UnitsNet's culture-dependent text).</summary>
    private bool PrintMembers(System.Text.StringBuilder builder) => B12Dosing.Quantities.RecordText.PrintMembers(builder, this);
}

/// <summary>One virtual patient of a population. Patients compare by value (their stores by amount).</summary>
public sealed record VirtualPatient
{
    /// <summary>Creates a patient.</summary>
    /// <param name="index">The patient's index in the population, from 0.</param>
    /// <param name="condition">The condition drawn.</param>
    /// <param name="physiology">The condition's preset with this patient's factors applied.</param>
    /// <param name="initialStores">Body stores at time zero; not negative, at most 1 g.</param>
    public VirtualPatient(long index, Condition condition, Physiology physiology, Mass initialStores)
        : this(index, condition, physiology, SimulationSettings.CheckInitialStores(initialStores, nameof(initialStores)))
    {
    }

    internal VirtualPatient(long index, Condition condition, Physiology physiology, double initialStoresMicrograms) =>
        (Index, Condition, Physiology, InitialStoresMicrograms) = (index, condition, physiology ?? throw new ArgumentNullException(nameof(physiology)), initialStoresMicrograms);

    /// <summary>The patient's index in the population, from 0.</summary>
    public long Index { get; }

    /// <summary>The condition drawn.</summary>
    public Condition Condition { get; }

    /// <summary>The condition's preset with this patient's factors applied.</summary>
    public Physiology Physiology { get; }

    /// <summary>Body stores at time zero, read back in µg.</summary>
    public Mass InitialStores => Mass.FromMicrograms(InitialStoresMicrograms);

    /// <summary><see cref="InitialStores"/> in µg, as the kernels compute with it.</summary>
    internal double InitialStoresMicrograms { get; }

    /// <summary>The values, quantities in invariant text (never UnitsNet's culture-dependent text).</summary>
    private bool PrintMembers(System.Text.StringBuilder builder) => B12Dosing.Quantities.RecordText.PrintMembers(builder, this);
}
