using B12Dosing.Quantities;

namespace B12Dosing.Population;

/// <summary>Percentiles of one quantity over time: one value per output row for each of the 5th, 25th, 50th, 75th and 95th percentiles.</summary>
public sealed class PercentileSeries
{
    internal PercentileSeries(double[] p5, double[] p25, double[] p50, double[] p75, double[] p95)
    {
        P5 = p5;
        P25 = p25;
        P50 = p50;
        P75 = p75;
        P95 = p95;
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

    internal PopulationResult(PopulationSettings settings, double[] days, LogHistograms stores, LogHistograms serum, int[] below)
    {
        Settings = settings;
        _days = days;
        _stores = stores;
        _serum = serum;
        _share = [.. below.Select(b => (double)b / settings.Patients)];
        Stores = Series(stores);
        Serum = Series(serum);
    }

    /// <summary>The settings the population ran with.</summary>
    public PopulationSettings Settings { get; }

    /// <summary>The number of patients.</summary>
    public int Patients => Settings.Patients;

    /// <summary>The time of each output row, days.</summary>
    public IReadOnlyList<double> Days => _days;

    /// <summary>Percentiles of body stores, µg.</summary>
    public PercentileSeries Stores { get; }

    /// <summary>Percentiles of serum B12, pg/mL.</summary>
    public PercentileSeries Serum { get; }

    /// <summary>The serum threshold of <see cref="ShareBelowThreshold"/>.</summary>
    public MassConcentration SerumThreshold => Settings.SerumThreshold;

    /// <summary>At each row, the share of patients (0-1) with serum strictly below <see cref="SerumThreshold"/>: an exact count, not read from a histogram.</summary>
    public IReadOnlyList<double> ShareBelowThreshold => _share;

    /// <summary>Any percentile of stores at row <paramref name="row"/>, µg.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The row or the percentile (0-100) is out of range.</exception>
    public double StoresPercentile(int row, double percentile) => Percentile(_stores, row, percentile);

    /// <summary>Any percentile of serum at row <paramref name="row"/>, pg/mL.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The row or the percentile (0-100) is out of range.</exception>
    public double SerumPercentile(int row, double percentile) => Percentile(_serum, row, percentile);

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
            {Patients} patients ({Settings.Model.Conditions}), day {_days[last]:0.###}: {_share[last]:0.#%} with serum below {SerumThreshold}
            serum (pg/mL): {Serum.Describe(last)}
            stores (µg): {Stores.Describe(last)}
            """);
    }

    private double Percentile(LogHistograms histograms, int row, double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, _days.Length);
        return percentile is >= 0 and <= 100
            ? histograms.Quantile(row, percentile / 100, Patients)
            : throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile must be in [0, 100].");
    }

    private PercentileSeries Series(LogHistograms h)
    {
        double[] At(double p) => [.. Enumerable.Range(0, _days.Length).Select(row => h.Quantile(row, p, Patients))];
        return new(At(0.05), At(0.25), At(0.50), At(0.75), At(0.95));
    }
}
