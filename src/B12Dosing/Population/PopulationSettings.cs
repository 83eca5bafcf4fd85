using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;

namespace B12Dosing.Population;

/// <summary>
/// What to simulate for a population besides the regimen: how many patients, the seed, the horizon and output step,
/// the serum threshold and how the patients differ. Immutable; build with an object initializer or <c>with</c>.
/// Every value is checked when set.
/// </summary>
public sealed record PopulationSettings
{
    /// <summary>The most output rows accepted (horizon / step + 1): 20 000, about 55 years of daily rows (each row keeps two histograms per thread).</summary>
    public const int MaximumRows = 20_000;

    /// <summary>The NICE NG239 (2024) line for total serum B12, 180 ng/L (= pg/mL): below it deficiency is likely. The default <see cref="SerumThreshold"/>.</summary>
    public static readonly MassConcentration NiceDeficiencyLikely = MassConcentration.FromPicogramsPerMilliliter(SerumGuidelines.NiceTotal.Bands[0].Upper);

    /// <summary>Creates settings.</summary>
    /// <param name="patients">The number of virtual patients: at least 1.</param>
    /// <param name="horizon">How long to simulate: more than zero and at most <see cref="SimulationSettings.MaximumHorizon"/>.</param>
    /// <param name="seed">The seed; the same seed gives the same patients and bit for bit the same result, whatever the number of threads.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public PopulationSettings(int patients, TimeSpan horizon, ulong seed)
    {
        Patients = patients;
        Horizon = horizon;
        Seed = seed;
    }

    /// <summary>The number of virtual patients: at least 1.</summary>
    public int Patients { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Patients), value, "A population needs at least 1 patient."); }

    /// <summary>The seed.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// The index of the first patient (default 0): a run simulates patients <c>FirstPatient</c> to
    /// <c>FirstPatient + Patients − 1</c>. Partitions of one population (same seed, consecutive ranges) can run on
    /// different machines and be joined with <see cref="PopulationResult.Merge"/> into exactly the single run's result.
    /// From 0 to <c>long.MaxValue − int.MaxValue</c>.
    /// </summary>
    public long FirstPatient
    {
        get;
        init => field = value is >= 0 and <= long.MaxValue - int.MaxValue
            ? value
            : throw new ArgumentOutOfRangeException(nameof(FirstPatient), value, $"The first patient's index must be from 0 to {long.MaxValue - int.MaxValue}.");
    }

    /// <summary>How long to simulate, from time zero (as <see cref="SimulationSettings.Horizon"/>).</summary>
    public TimeSpan Horizon { get; init => field = new SimulationSettings(value).Horizon; }

    /// <summary>Time between output rows (default one day); at least one second, and at most <see cref="MaximumRows"/> rows over the horizon.</summary>
    public TimeSpan Step { get; init => field = new SimulationSettings(TimeSpan.FromDays(1)) { Step = value }.Step; } = TimeSpan.FromDays(1);

    /// <summary>Serum below this counts in <see cref="PopulationResult.ShareBelowThreshold"/> (default <see cref="NiceDeficiencyLikely"/>); more than zero.</summary>
    public MassConcentration SerumThreshold
    {
        get => MassConcentration.FromPicogramsPerMilliliter(SerumThresholdPicogramsPerMilliliter);
        init => SerumThresholdPicogramsPerMilliliter = QuantityKinds.MassConcentration.NonNegative(value, nameof(SerumThreshold)) > 0
            ? QuantityKinds.MassConcentration.InReference(value)
            : throw new ArgumentOutOfRangeException(nameof(SerumThreshold), QuantityText.Format(value), "The serum threshold must be more than zero.");
    }

    /// <summary><see cref="SerumThreshold"/> in pg/mL, as the kernels compute with it (settings compare by it).</summary>
    internal double SerumThresholdPicogramsPerMilliliter { get; private init; } = SerumGuidelines.NiceTotal.Bands[0].Upper;

    /// <summary>
    /// Lines of active B12 (holotranscobalamin, holoTC): for each, the share of patients with holoTC strictly below it is
    /// counted exactly at every row (<see cref="PopulationResult.ShareBelowHoloTranscobalamin"/>), in the same run as
    /// the serum threshold. Default none; each more than zero, in any order (kept in the order given), at most 32.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A line is not more than zero, or there are more than 32.</exception>
    public IReadOnlyList<Molarity> HoloTranscobalaminThresholds
    {
        get => [.. HoloTranscobalaminPicomolar.Values.Select(v => Molarity.FromPicomolesPerLiter(v))];
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(HoloTranscobalaminThresholds));
            HoloTranscobalaminPicomolar = value.Count <= 32
                ? new(System.Collections.Immutable.ImmutableArray.CreateRange(value.Select(v => QuantityKinds.Molarity.NonNegative(v, nameof(HoloTranscobalaminThresholds)) > 0
                    ? QuantityKinds.Molarity.InReference(v)
                    : throw new ArgumentOutOfRangeException(nameof(HoloTranscobalaminThresholds), QuantityText.Format(v), "A holoTC line must be more than zero."))))
                : throw new ArgumentOutOfRangeException(nameof(HoloTranscobalaminThresholds), value.Count, "At most 32 holoTC lines are counted in one run.");
        }
    }

    /// <summary><see cref="HoloTranscobalaminThresholds"/> in pmol/L, as the kernels compute with them (settings compare by them).</summary>
    internal ValueList HoloTranscobalaminPicomolar { get; private init; } = ValueList.Empty;

    /// <summary>How the patients differ (default <see cref="PopulationModel.Default"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A patient the model can draw would be illegal: a factor's extreme puts a physiology parameter out of its range, makes it absorb more than a small dose, or puts the initial stores above 1 g.</exception>
    public PopulationModel Model { get; init => field = (value ?? throw new ArgumentNullException(nameof(Model))).EnsureLegalPatients(nameof(Model)); } = PopulationModel.Default;

    /// <summary>
    /// The most threads to use: 0 (the default) for one per processor. The result does not depend on it. A run never uses
    /// more threads than <see cref="Environment.ProcessorCount"/> (more would not run faster) or than chunks of
    /// <see cref="PopulationSimulator.ChunkSize"/> patients: each thread keeps its own counts (about 1 KB per output row
    /// plus its histograms, up to about 100 MB at <see cref="MaximumRows"/>), so memory is bounded by the machine, not by
    /// this number (issue 12: 200 threads asked for 24 GB).
    /// </summary>
    public int MaxDegreeOfParallelism
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, "The thread count must be 0 (one per processor) or more.");
    }

    /// <summary>The plan of <paramref name="events"/> over this horizon and step.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The step gives more than <see cref="MaximumRows"/> rows.</exception>
    internal SimulationPlan Plan(ReadOnlySpan<Dosing.DoseEvent> events)
    {
        var rows = ((Horizon.Ticks + Step.Ticks - 1) / Step.Ticks) + 1;
        return rows <= MaximumRows
            ? new SimulationPlan(events, Horizon, Step)
            : throw new ArgumentOutOfRangeException(nameof(Step), Step, $"Horizon / step gives {rows} rows; a population run accepts at most {MaximumRows}: use a larger step.");
    }

    /// <summary>The values, quantities in invariant text (never UnitsNet's culture-dependent text).</summary>
    private bool PrintMembers(System.Text.StringBuilder builder) => B12Dosing.Quantities.RecordText.PrintMembers(builder, this);
}

/// <summary>How far a population run has got.</summary>
/// <param name="PatientsDone">Patients simulated so far.</param>
/// <param name="Patients">Patients in all.</param>
public readonly record struct PopulationProgress(int PatientsDone, int Patients)
{
    /// <summary>The fraction done, from 0 to 1.</summary>
    public double Fraction => (double)PatientsDone / Patients;
}

/// <summary>Numbers in a given order with value equality, so that settings with the same lines are equal records.</summary>
internal sealed class ValueList(System.Collections.Immutable.ImmutableArray<double> values)
{
    public static readonly ValueList Empty = new([]);

    public System.Collections.Immutable.ImmutableArray<double> Values { get; } = values;

    public int Count => Values.Length;

    public override bool Equals(object? obj) => obj is ValueList other && Values.AsSpan().SequenceEqual(other.Values.AsSpan());

    public override int GetHashCode() => Values.Length == 0 ? 0 : HashCode.Combine(Values.Length, Values[0]);

    public override string ToString() => string.Join(", ", Values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
