using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Parameters;
using B12Dosing.Quantities;

namespace B12Dosing.Population;

/// <summary>
/// How the virtual patients of a population differ: the base parameter set (<see cref="Parameters"/>, any set), the mix of
/// conditions (each an <see cref="Effect"/> applied to it), changes by name (<see cref="Changes"/>), and between-person
/// variation declared per parameter: log-normal factors (truncated) on the IF capacity, the passive fraction, the store
/// loss and the retention capacity, on the initial stores, and on any further parameter (<see cref="Variations"/>).
/// Immutable; change values with <c>with</c>. Spreads marked ASSUMPTION have no pooled published figure; they are listed
/// in <c>docs/model.md</c>. Each patient draws, in this order: condition, IF capacity, passive fraction, store loss,
/// retention capacity, initial stores, then each of <see cref="Variations"/> (one uniform number each, from the patient's
/// own stream; see <see cref="Patient"/>), so adding a variation leaves the earlier draws as they were.
/// </summary>
public sealed record PopulationModel
{
    /// <summary>The default model: everyone healthy, around <see cref="ParameterSet.Healthy"/>, with the spreads below.</summary>
    public static PopulationModel Default { get; } = new();

    /// <summary>The most further variations (<see cref="Variations"/>): 8, so that every corner of the factors can be checked where a model enters a run.</summary>
    public const int MaximumVariations = 8;

    /// <summary>
    /// The parameter set the population varies around before its conditions (default <see cref="ParameterSet.Healthy"/>): any
    /// set, such as <c>ParameterSet.Healthy.With("HoloTranscobalaminHalfLife", 6)</c> or a model-3 set. Its fast path (the
    /// retention tables) is built from it.
    /// </summary>
    public ParameterSet Parameters { get; init => field = value ?? throw new ArgumentNullException(nameof(Parameters)); } = ParameterSet.Healthy;

    /// <summary>The conditions and their shares (default <see cref="ConditionMix.Healthy"/>); each condition's effect is applied to <see cref="Parameters"/>.</summary>
    public ConditionMix Conditions { get; init => field = value ?? throw new ArgumentNullException(nameof(Conditions)); } = ConditionMix.Healthy;

    /// <summary>
    /// Changes by name applied after each condition's effect, before the patients' factors (default none): the value set is
    /// the value used, for example <c>ParameterChanges.Of(("HoloTranscobalaminHalfLife", 6))</c>. The changed sets keep the
    /// population's fast path (its retention tables are built from them).
    /// </summary>
    public ParameterChanges Changes { get; init => field = value ?? throw new ArgumentNullException(nameof(Changes)); } = ParameterChanges.None;

    /// <summary>
    /// Between-person variation of further parameters (default none), drawn after the built-in factors, each a factor on
    /// its parameter's value: for example <c>ParameterVariations.Of(("HoloTranscobalaminHalfLife", new Variation(0.2, 0.5, 2)))</c>.
    /// At most <see cref="MaximumVariations"/>. A variation on a rate of the plasma-load split (other than the retention
    /// capacity) leaves the population's patients off the retention tables: they are solved one by one, with the same results.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaximumVariations"/>.</exception>
    public ParameterVariations Variations
    {
        get;
        init => field = (value ?? throw new ArgumentNullException(nameof(Variations))).Count <= MaximumVariations
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Variations), value.Count, $"A population model takes at most {MaximumVariations} further variations.");
    } = ParameterVariations.None;

    /// <summary>The parameter set the patients of <paramref name="condition"/> vary around: <see cref="Parameters"/> under its effect, with <see cref="Changes"/>.</summary>
    /// <exception cref="ArgumentException">The changed set breaks a cross-parameter rule.</exception>
    public ParameterSet ParametersFor(Effect condition) => Changes.Apply((condition ?? throw new ArgumentNullException(nameof(condition))).ApplyTo(Parameters));

    /// <summary>The parameter set the patients of <paramref name="condition"/> vary around (<see cref="ParametersFor(Effect)"/>).</summary>
    /// <exception cref="ArgumentException">The changed set breaks a cross-parameter rule.</exception>
    public ParameterSet ParametersFor(Condition condition) => ParametersFor(Effect.For(condition));

    /// <summary>
    /// IF capacity: σ 0.15 in [0.5, 2]. ASSUMPTION: the saturation of IF-mediated uptake is reported as a range,
    /// 1.5-2.0 µg per meal (Watanabe 2007) or 1-2 µg (NIH ODS fact sheet), not as a spread; σ 0.15 puts 95 % of
    /// patients within ×0.75-×1.34 of the fitted capacity, about that range. The half-saturation dose is scaled by the
    /// same factor, so that no patient absorbs more than a small dose contains (<see cref="ParameterSet.MaximumOralFraction"/>).
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
    /// <see cref="ParameterSet.TissueUptakeMaximumMicrogramsPerHour"/>): σ 0.3 in [1/3, 3]. ASSUMPTION: the US
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
    internal double MedianInitialStoresMicrograms { get; private init; } = ModelParameters.ReferenceStoresMicrograms;

    /// <summary>
    /// Initial stores: σ 0.35 in [0.24, 1.56], which with the default median is 600-3900 µg, the range of study means
    /// of IOM 1998 (0.6-3.9 mg), as the bounds. ASSUMPTION: no source gives the spread between individuals.
    /// </summary>
    public Variation InitialStores { get; init => field = value ?? throw new ArgumentNullException(nameof(InitialStores)); } = new(0.35, 0.24, 1.56);

    /// <summary>Patient <paramref name="index"/> of the population with <paramref name="seed"/>: the same seed and index always give the same patient.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative.</exception>
    public VirtualPatient Patient(ulong seed, long index) => PatientAround(seed, index, ParametersFor);

    /// <summary>
    /// The parameter set of each condition of the mix, built once (<see cref="ParametersFor(Effect)"/> applies the
    /// effect and the changes anew on every call): what a run's patients vary around, looked up by the condition drawn.
    /// </summary>
    internal Func<Effect, ParameterSet> PresetsOnce()
    {
        var presets = new Dictionary<Effect, ParameterSet>(ReferenceEqualityComparer.Instance);
        foreach (var share in Conditions.Shares)
        {
            presets.TryAdd(share.Condition, ParametersFor(share.Condition));
        }

        return condition => presets.TryGetValue(condition, out var preset) ? preset : ParametersFor(condition);
    }

    /// <summary><see cref="Patient(ulong, long)"/> with each condition's set from <paramref name="presets"/> (the same values as <see cref="ParametersFor(Effect)"/>).</summary>
    internal VirtualPatient PatientAround(ulong seed, long index, Func<Effect, ParameterSet> presets)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new PatientRandom(seed, index);
        var condition = Conditions.Pick(random.NextOpenUnit());
        var preset = presets(condition);
        var fIf = IntrinsicFactorCapacity.Draw(ref random);
        var fPassive = PassiveFraction.Draw(ref random);
        var fLoss = StoreLoss.Draw(ref random);
        var fRetention = RetentionCapacity.Draw(ref random);
        var fStores = InitialStores.Draw(ref random);
        var physiology = Build(preset, fIf, fPassive, fLoss, fRetention);
        foreach (var variation in Variations)
        {
            physiology = variation.Apply(physiology, variation.Variation.Draw(ref random));
        }

        return new(index, condition, physiology, MedianInitialStoresMicrograms * fStores);
    }

    /// <summary>
    /// This model, if every patient it can draw is legal: for each condition of the mix, the preset with every factor at
    /// either end of its range (every corner: each parameter grows with each factor on it, so its extremes are among them,
    /// and so are those of the cross-parameter rules) must be a <see cref="ParameterSet"/> within its bounds that absorbs at
    /// most the dose, with initial stores of at most 1 g. Checked where a model enters a run
    /// (<see cref="PopulationSettings.Model"/>), so that no patient is clamped or refused in the middle of one (issue 12:
    /// passive fractions above 1 were silently cut to 1).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A corner gives an illegal patient; the message names the condition and the value.</exception>
    internal PopulationModel EnsureLegalPatients(string paramName)
    {
        Variation[] factors = [IntrinsicFactorCapacity, PassiveFraction, StoreLoss, RetentionCapacity, .. Variations.Select(v => v.Variation)];
        foreach (var share in Conditions.Shares)
        {
            var preset = ParametersFor(share.Condition);
            foreach (var largest in new[] { false, true })
            {
                try
                {
                    _ = SimulationSettings.CheckInitialStores(Mass.FromMicrograms(MedianInitialStoresMicrograms * (largest ? InitialStores.MaximumFactor : InitialStores.MinimumFactor)), nameof(InitialStores));
                }
                catch (ArgumentException e)
                {
                    throw Illegal(paramName, share, largest ? "largest" : "smallest", e);
                }
            }

            // The two extremes first (their message says so), then the mixed corners.
            var all = (1 << factors.Length) - 1;
            foreach (var corner in Enumerable.Range(0, all + 1).OrderBy(c => c == 0 || c == all ? 0 : 1))
            {
                double F(int i) => (corner & (1 << i)) != 0 ? factors[i].MaximumFactor : factors[i].MinimumFactor;
                try
                {
                    var physiology = Build(preset, F(0), F(1), F(2), F(3));
                    for (var i = 0; i < Variations.Count; i++)
                    {
                        physiology = Variations[i].Apply(physiology, F(4 + i));
                    }

                    _ = physiology.EnsureConsistent(paramName);
                }
                catch (ArgumentException e)
                {
                    var which = corner == 0 ? "smallest" : corner == all ? "largest" : "smallest or largest";
                    throw Illegal(paramName, share, which, e);
                }
            }
        }

        return this;
    }

    private ArgumentOutOfRangeException Illegal(string paramName, ConditionShare share, string which, ArgumentException e) =>
        new(paramName, this, $"With every factor at its {which}, a {share.Condition.Name} patient would be illegal: {e.Message.Split(" (Parameter")[0]} Narrow the variation.");

    /// <summary>The preset with a patient's factors applied.</summary>
    internal static ParameterSet Build(ParameterSet preset, double fIf, double fPassive, double fLoss, double fRetention) => preset with
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
    /// <param name="condition">The condition drawn (a single effect or a combination).</param>
    /// <param name="physiology">The condition's parameter set with this patient's factors applied.</param>
    /// <param name="initialStores">Body stores at time zero; not negative, at most 1 g.</param>
    public VirtualPatient(long index, Effect condition, ParameterSet physiology, Mass initialStores)
        : this(index, condition, physiology, SimulationSettings.CheckInitialStores(initialStores, nameof(initialStores)))
    {
    }

    internal VirtualPatient(long index, Effect condition, ParameterSet physiology, double initialStoresMicrograms) =>
        (Index, Condition, ParameterSet, InitialStoresMicrograms) = (index, condition ?? throw new ArgumentNullException(nameof(condition)), physiology ?? throw new ArgumentNullException(nameof(physiology)), initialStoresMicrograms);

    /// <summary>The patient's index in the population, from 0.</summary>
    public long Index { get; }

    /// <summary>The condition drawn (a single effect or a combination).</summary>
    public Effect Condition { get; }

    /// <summary>The condition's parameter set with this patient's factors applied: the drawn parameters.</summary>
    public ParameterSet ParameterSet { get; }

    /// <summary>Body stores at time zero, read back in µg.</summary>
    public Mass InitialStores => Mass.FromMicrograms(InitialStoresMicrograms);

    /// <summary><see cref="InitialStores"/> in µg, as the kernels compute with it.</summary>
    internal double InitialStoresMicrograms { get; }

    /// <summary>The values, quantities in invariant text (never UnitsNet's culture-dependent text).</summary>
    private bool PrintMembers(System.Text.StringBuilder builder) => B12Dosing.Quantities.RecordText.PrintMembers(builder, this);
}
