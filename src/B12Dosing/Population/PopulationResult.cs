using B12Dosing.Quantities;

namespace B12Dosing.Population;

/// <summary>Percentiles of one quantity over time: one value per output row for each of the 5th, 25th, 50th, 75th and 95th percentiles.</summary>
public sealed class PercentileSeries
{
    internal PercentileSeries(double[] p5, double[] p25, double[] p50, double[] p75, double[] p95)
    {
        // Read-only views: a caller that casts cannot write into the result (issue 12).
        P5 = Array.AsReadOnly(p5);
        P25 = Array.AsReadOnly(p25);
        P50 = Array.AsReadOnly(p50);
        P75 = Array.AsReadOnly(p75);
        P95 = Array.AsReadOnly(p95);
    }

    /// <summary>The 5th percentile at each row.</summary>
    public IReadOnlyList<double> P5 { get; }

    /// <summary>The 25th percentile at each row.</summary>
    public IReadOnlyList<double> P25 { get; }

    /// <summary>The median at each row.</summary>
    public IReadOnlyList<double> P50 { get; }

    /// <summary>The 75th percentile at each row.</summary>
    public IReadOnlyList<double> P75 { get; }

    /// <summary>The 95th percentile at each row.</summary>
    public IReadOnlyList<double> P95 { get; }

    /// <summary>The percentiles at row <paramref name="row"/>, such as <c>5th 188, 25th 251, median 289, 75th 318, 95th 341</c> (invariant culture).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The row is out of range.</exception>
    public string Describe(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, P50.Count);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"5th {P5[row]:0.#}, 25th {P25[row]:0.#}, median {P50[row]:0.#}, 75th {P75[row]:0.#}, 95th {P95[row]:0.#}");
    }

    /// <summary>The percentiles at the last row, such as <c>5th 188, 25th 251, median 289, 75th 318, 95th 341 (last of 522 rows)</c>.</summary>
    public override string ToString() => $"{Describe(P50.Count - 1)} (last of {P50.Count} rows)";
}

/// <summary>
/// What a population run gives, without any patient's series: per output row, percentiles of stores and serum and the
/// exact share of patients with serum below the threshold. Percentiles are nearest-rank (the value of rank
/// <c>⌈p·n⌉</c>) read from log-spaced histograms, within <see cref="PercentileRelativeError"/> of the exact value.
/// </summary>
public sealed class PopulationResult
{
    /// <summary>The largest relative error of a reported percentile against the exact nearest-rank percentile: 2^−8 (0.39 %). Values under 2^−64 are reported as 0.</summary>
    public const double PercentileRelativeError = LogHistograms.RelativeError;

    private readonly LogHistograms _stores, _serum;
    private readonly double[] _days, _share;
    private readonly int[] _below;
    private readonly int[][] _holoBelow;

    internal PopulationResult(PopulationSettings settings, double[] days, LogHistograms stores, LogHistograms serum, int[] below, int[][] holoBelow)
    {
        _holoBelow = holoBelow;
        ShareBelowHoloTranscobalamin = Array.AsReadOnly(Array.ConvertAll(holoBelow, counts => (IReadOnlyList<double>)Array.AsReadOnly(Array.ConvertAll(counts, b => (double)b / settings.Patients))));
        Settings = settings;
        _days = days;
        _stores = stores;
        _serum = serum;
        _below = below;
        _share = [.. below.Select(b => (double)b / settings.Patients)];
        Stores = Series(stores);
        Serum = Series(serum);
        Times = Array.AsReadOnly(Array.ConvertAll(days, static d => ParameterUnits.FromDays(d)));
        ShareBelowThreshold = Array.AsReadOnly(_share);
    }

    /// <summary>The settings the population ran with.</summary>
    public PopulationSettings Settings { get; }

    /// <summary>The number of patients.</summary>
    public int Patients => Settings.Patients;

    /// <summary>The time of each output row (in days from the start).</summary>
    public IReadOnlyList<TimeSpan> Times { get; }

    /// <summary><see cref="Times"/> in days, for the kernels and tests.</summary>
    internal IReadOnlyList<double> Days => _days;

    /// <summary>Percentiles of body stores, µg.</summary>
    public PercentileSeries Stores { get; }

    /// <summary>Percentiles of serum B12, pg/mL.</summary>
    public PercentileSeries Serum { get; }

    /// <summary>The serum threshold of <see cref="ShareBelowThreshold"/>.</summary>
    public MassConcentration SerumThreshold => Settings.SerumThreshold;

    /// <summary>At each row, the share of patients (0-1) with serum strictly below <see cref="SerumThreshold"/>: an exact count, not read from a histogram.</summary>
    public IReadOnlyList<double> ShareBelowThreshold { get; }

    /// <summary>
    /// For each line of <see cref="PopulationSettings.HoloTranscobalaminThresholds"/> (in its order), at each row, the share
    /// of patients (0-1) with holoTC strictly below it: exact counts from the same run. Empty without holoTC lines.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> ShareBelowHoloTranscobalamin { get; }

    /// <summary>Any percentile of stores at row <paramref name="row"/> (in µg).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The row or the percentile (0-100) is out of range.</exception>
    public Mass StoresPercentile(int row, double percentile) => Mass.FromMicrograms(StoresPercentileMicrograms(row, percentile));

    /// <summary>Any percentile of serum at row <paramref name="row"/> (in pg/mL).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The row or the percentile (0-100) is out of range.</exception>
    public MassConcentration SerumPercentile(int row, double percentile) => MassConcentration.FromPicogramsPerMilliliter(SerumPercentilePicogramsPerMilliliter(row, percentile));

    /// <summary><see cref="StoresPercentile"/> in µg, for the kernels and tests.</summary>
    internal double StoresPercentileMicrograms(int row, double percentile) => Percentile(_stores, row, percentile);

    /// <summary><see cref="SerumPercentile"/> in pg/mL, for the kernels and tests.</summary>
    internal double SerumPercentilePicogramsPerMilliliter(int row, double percentile) => Percentile(_serum, row, percentile);

    /// <summary>
    /// Joins two partitions of one population: the same settings except <see cref="PopulationSettings.Patients"/> and
    /// <see cref="PopulationSettings.FirstPatient"/>, and consecutive patient ranges (in either order). The counts are
    /// integers, so the result is bit for bit the one a single run over both ranges gives.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The settings differ, the ranges are not consecutive, or the total exceeds <see cref="int.MaxValue"/> patients.</exception>
    public PopulationResult Merge(PopulationResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (first, second) = Settings.FirstPatient <= other.Settings.FirstPatient ? (this, other) : (other, this);
        var (a, b) = (first.Settings, second.Settings);
        if (a with { Patients = b.Patients, FirstPatient = b.FirstPatient, MaxDegreeOfParallelism = b.MaxDegreeOfParallelism } != b)
        {
            throw new ArgumentException("Only partitions of one population merge: seed, horizon, step, threshold, model and serum model must be the same.", nameof(other));
        }

        if (a.FirstPatient + a.Patients != b.FirstPatient || (long)a.Patients + b.Patients > int.MaxValue)
        {
            throw new ArgumentException($"The partitions must be consecutive (patients {a.FirstPatient}-{a.FirstPatient + a.Patients - 1} and {b.FirstPatient}-{b.FirstPatient + b.Patients - 1}) and hold at most {int.MaxValue} patients together.", nameof(other));
        }

        var below = new int[_below.Length];
        for (var i = 0; i < below.Length; i++)
        {
            below[i] = first._below[i] + second._below[i];
        }

        var holoBelow = first._holoBelow.Select((counts, line) => counts.Select((c, row) => c + second._holoBelow[line][row]).ToArray()).ToArray();
        return new(a with { Patients = a.Patients + b.Patients }, _days, LogHistograms.Sum(first._stores, second._stores), LogHistograms.Sum(first._serum, second._serum), below, holoBelow);
    }

    /// <summary>
    /// Writes this result's counts (binary, little-endian: a header with the patient range, seed, horizon, step and
    /// threshold, then the histograms and the counts below the threshold), so that partitions run on other machines can
    /// be read back with <see cref="ReadCounts"/> and joined with <see cref="Merge"/>. About 4 MB per 1,000 rows, whatever the number of patients.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public void WriteCounts(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(CountsMagic);
        writer.Write(_days.Length);
        writer.Write(Settings.Patients);
        writer.Write(Settings.FirstPatient);
        writer.Write(Settings.Seed);
        writer.Write(Settings.Horizon.Ticks);
        writer.Write(Settings.Step.Ticks);
        writer.Write(Settings.SerumThresholdPicogramsPerMilliliter);
        _stores.Write(writer);
        _serum.Write(writer);
        foreach (var below in _below)
        {
            writer.Write(below);
        }

        // The holoTC lines (none for a run without them, as files written before they existed): their values, then their counts.
        foreach (var line in Settings.HoloTranscobalaminPicomolar.Values)
        {
            writer.Write(line);
        }

        foreach (var below in _holoBelow.SelectMany(counts => counts))
        {
            writer.Write(below);
        }
    }

    /// <summary>
    /// Reads counts written by <see cref="WriteCounts"/> for a partition of the population of <paramref name="settings"/>:
    /// the seed, horizon, step, threshold and holoTC lines must match; the patient range is the file's; the model and serum model are
    /// <paramref name="settings"/>' (they are not stored: pass the ones the partition ran with).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidDataException">The data are not population counts, or do not match <paramref name="settings"/>.</exception>
    public static PopulationResult ReadCounts(Stream stream, PopulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            if (reader.ReadInt64() != CountsMagic)
            {
                throw new InvalidDataException("Not B12Dosing population counts (wrong header).");
            }

            var rows = reader.ReadInt32();
            var partition = settings with { Patients = reader.ReadInt32(), FirstPatient = reader.ReadInt64() };
            var plan = partition.Plan([]);
            if (reader.ReadUInt64() != settings.Seed || reader.ReadInt64() != settings.Horizon.Ticks || reader.ReadInt64() != settings.Step.Ticks
                || reader.ReadDouble() != settings.SerumThresholdPicogramsPerMilliliter || rows != plan.OutputCount)
            {
                throw new InvalidDataException("The counts are of another population (seed, horizon, step or threshold differ).");
            }

            var stores = LogHistograms.Read(reader, rows);
            var serum = LogHistograms.Read(reader, rows);
            var below = new int[rows];
            for (var row = 0; row < rows; row++)
            {
                below[row] = reader.ReadInt32();
                if (below[row] < 0 || below[row] > partition.Patients || stores.Count(row) != partition.Patients || serum.Count(row) != partition.Patients)
                {
                    throw new InvalidDataException($"Row {row} does not hold {partition.Patients} patients.");
                }
            }

            var lines = settings.HoloTranscobalaminPicomolar.Values;
            if (lines.Any(line => reader.ReadDouble() != line))
            {
                throw new InvalidDataException("The counts are of another population (the holoTC lines differ).");
            }

            var holoBelow = lines.Select(_ => new int[rows]).ToArray();
            foreach (var counts in holoBelow)
            {
                for (var row = 0; row < rows; row++)
                {
                    counts[row] = reader.ReadInt32();
                    if (counts[row] < 0 || counts[row] > partition.Patients)
                    {
                        throw new InvalidDataException($"Row {row} does not hold {partition.Patients} patients.");
                    }
                }
            }

            return new(partition, plan.Days(), stores, serum, below, holoBelow);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"The population counts are cut short or out of range: {e.Message}", e);
        }
    }

    private const long CountsMagic = 0x3130_4E50_4F50_3231; // "12POPN01"

    /// <summary>
    /// Readable text for notebooks and logs: the population, the horizon, and at the last row the share below the
    /// threshold and the percentiles of serum and stores.
    /// </summary>
    public override string ToString()
    {
        var last = _days.Length - 1;
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"""
            {Patients} patients ({Settings.Model.Conditions}), day {_days[last]:0.###}: {_share[last]:0.#%} with serum below {QuantityText.Format(SerumThreshold)}
            serum (pg/mL): {Serum.Describe(last)}
            stores (µg): {Stores.Describe(last)}
            """);
    }

    private double Percentile(LogHistograms histograms, int row, double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, _days.Length);
        return percentile is >= 0 and <= 100
            ? histograms.Quantile(row, percentile, Patients)
            : throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile must be in [0, 100].");
    }

    private PercentileSeries Series(LogHistograms h)
    {
        double[] At(double p) => [.. Enumerable.Range(0, _days.Length).Select(row => h.Quantile(row, p, Patients))];
        return new(At(5), At(25), At(50), At(75), At(95));
    }
}
