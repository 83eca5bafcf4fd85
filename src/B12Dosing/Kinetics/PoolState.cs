using System.Globalization;

using B12Dosing.Absorption;

namespace B12Dosing.Kinetics;

/// <summary>The body's state at one output time (what the allocation-free <see cref="Simulator"/> path writes).</summary>
public readonly record struct PoolState
{
    internal PoolState(double storesMicrograms, double plasmaMicrograms, double serumPicogramsPerMilliliter, double holoTranscobalaminPicomolesPerLiter)
    {
        StoresMicrograms = storesMicrograms;
        PlasmaMicrograms = plasmaMicrograms;
        SerumPicogramsPerMilliliter = serumPicogramsPerMilliliter;
        HoloTranscobalaminPicomolesPerLiter = holoTranscobalaminPicomolesPerLiter;
    }

    /// <summary>Body stores (liver and tissue).</summary>
    public Mass Stores => Mass.FromMicrograms(StoresMicrograms);

    /// <summary>B12 in plasma and extracellular fluid (carriers, protein-bound and free).</summary>
    public Mass Plasma => Mass.FromMicrograms(PlasmaMicrograms);

    /// <summary>Serum B12 (pg/mL).</summary>
    public MassConcentration Serum => MassConcentration.FromPicogramsPerMilliliter(SerumPicogramsPerMilliliter);

    /// <summary>Holotranscobalamin (active B12), molar (pmol/L).</summary>
    public Molarity HoloTranscobalamin => Molarity.FromPicomolesPerLiter(HoloTranscobalaminPicomolesPerLiter);

    /// <summary><see cref="Stores"/> in µg, for the kernels.</summary>
    internal double StoresMicrograms { get; }

    /// <summary><see cref="Plasma"/> in µg, for the kernels.</summary>
    internal double PlasmaMicrograms { get; }

    /// <summary><see cref="Serum"/> in pg/mL, for the kernels.</summary>
    internal double SerumPicogramsPerMilliliter { get; }

    /// <summary><see cref="HoloTranscobalamin"/> in pmol/L, for the kernels.</summary>
    internal double HoloTranscobalaminPicomolesPerLiter { get; }

    /// <summary>Readable text such as <c>stores 2500 µg, plasma 1.2 µg, serum 450 pg/mL, holoTC 80 pmol/L</c> (invariant culture, every digit kept).</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"stores {StoresMicrograms} µg, plasma {PlasmaMicrograms} µg, serum {SerumPicogramsPerMilliliter} pg/mL, holoTC {HoloTranscobalaminPicomolesPerLiter} pmol/L");
}

/// <summary>One intake of a <see cref="SimulationPlan"/> and what becomes of it at <see cref="Time"/> (before the store limit of the run).</summary>
public readonly record struct IntakeOutcome
{
    private readonly long _ticks;

    internal IntakeOutcome(long ticks, DoseOutcome outcome) => (_ticks, Outcome) = (ticks, outcome);

    /// <summary>When, from time zero (exact: the plan's times are whole ticks).</summary>
    public TimeSpan Time => new(_ticks);

    /// <summary>Dose, absorbed and retained amounts and where the retained part goes.</summary>
    public DoseOutcome Outcome { get; }

    /// <summary><see cref="Time"/> in days, for the kernels.</summary>
    internal double Day => _ticks / (double)TimeSpan.TicksPerDay;

    /// <summary>Readable text such as <c>day 1.5: dose 1000 µg: absorbed 13.8 µg (1.4 %), …</c> (invariant culture).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"day {Day}: {Outcome}");
}
