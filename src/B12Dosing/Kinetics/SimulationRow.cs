using System.Globalization;

namespace B12Dosing.Kinetics;

/// <summary>
/// The state at one output time. Rows are taken just before any dose given at the same instant (trough values),
/// so the row at day 0 is the initial state; only an after-dose sample at offset zero
/// (<see cref="SimulationSettings.SamplesAfterDose"/>) is taken just after the doses at its instant.
/// <c>default(SimulationRow)</c> is the empty row: day 0, every amount and serum 0.
/// </summary>
public readonly struct SimulationRow : IEquatable<SimulationRow>
{
    private readonly SerumModel _serum;
    private readonly double _exponent;
    private readonly long _sinceLastDoseTicks;

    internal SimulationRow(double day, int doseNumber, long sinceLastDoseTicks, double stores, double plasma, double urine, double faeces, SerumModel serum, double exponent)
    {
        Day = day;
        DoseNumber = doseNumber;
        _sinceLastDoseTicks = sinceLastDoseTicks;
        StoresMicrograms = stores;
        PlasmaMicrograms = plasma;
        CumulativeUrineMicrograms = urine;
        CumulativeFaecesMicrograms = faeces;
        _serum = serum;
        _exponent = exponent;
    }

    /// <summary>Time from the start, days.</summary>
    public double Day { get; }

    /// <summary>
    /// The dosing interval the row is in: the number of dose instants before it (1 after the first dose, 0 before any),
    /// counting the doses at the row's instant only for a row taken just after them. All doses given at one instant
    /// (several tablets, a meal and a tablet) count as one.
    /// </summary>
    public int DoseNumber { get; }

    /// <summary>
    /// Time since the last dose before the row (the dose of <see cref="DoseNumber"/>), or null before the first dose.
    /// A row at the instant of a dose is taken before it, so its value is the whole interval since the dose before
    /// (the trough's time after dose), except an after-dose sample at offset zero, whose value is zero.
    /// </summary>
    public TimeSpan? TimeSinceLastDose => DoseNumber > 0 ? new TimeSpan(_sinceLastDoseTicks) : null;

    /// <summary>Body stores (liver and tissue), µg.</summary>
    public double StoresMicrograms { get; }

    /// <summary>B12 in the plasma (transit) pool on its way to the stores, µg.</summary>
    public double PlasmaMicrograms { get; }

    /// <summary>Serum B12, pg/mL (= ng/L), by the <see cref="SerumModel"/>.</summary>
    public double SerumPicogramsPerMilliliter => _serum?.PicogramsPerMilliliter(StoresMicrograms, PlasmaMicrograms, _exponent) ?? 0;

    /// <summary>Serum B12, pmol/L.</summary>
    public double SerumPicomolesPerLiter => SerumModel.ToPicomolesPerLiter(SerumPicogramsPerMilliliter);

    /// <summary>B12 lost in urine since the start, µg (the early loss after each dose).</summary>
    public double CumulativeUrineMicrograms { get; }

    /// <summary>B12 lost from the body in faeces and by other routes since the start, µg (bile not reabsorbed, turnover).</summary>
    public double CumulativeFaecesMicrograms { get; }

    /// <summary>Stores + plasma, µg.</summary>
    public double BodyMicrograms => StoresMicrograms + PlasmaMicrograms;

    /// <inheritdoc/>
    public bool Equals(SimulationRow other) =>
        Day.Equals(other.Day) && DoseNumber == other.DoseNumber && _sinceLastDoseTicks == other._sinceLastDoseTicks && StoresMicrograms.Equals(other.StoresMicrograms) && PlasmaMicrograms.Equals(other.PlasmaMicrograms)
        && CumulativeUrineMicrograms.Equals(other.CumulativeUrineMicrograms) && CumulativeFaecesMicrograms.Equals(other.CumulativeFaecesMicrograms)
        && Equals(_serum, other._serum);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SimulationRow other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Day, DoseNumber, StoresMicrograms, PlasmaMicrograms, CumulativeUrineMicrograms, CumulativeFaecesMicrograms);

    /// <summary>Equality of all values.</summary>
    public static bool operator ==(SimulationRow left, SimulationRow right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SimulationRow left, SimulationRow right) => !left.Equals(right);

    /// <summary>Readable text such as <c>day 120: stores 2950.1 µg, serum 486 pg/mL (359 pmol/L)</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"day {Day:0.###}: stores {StoresMicrograms:0.0} µg, plasma {PlasmaMicrograms:0.###} µg, serum {SerumPicogramsPerMilliliter:0} pg/mL ({SerumPicomolesPerLiter:0} pmol/L)");
}
