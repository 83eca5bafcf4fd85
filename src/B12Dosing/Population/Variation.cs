namespace B12Dosing.Population;

/// <summary>
/// Between-patient variation of one parameter: each patient's value is the preset's value times a factor
/// <c>exp(σ·z)</c>, <c>z</c> standard normal (a log-normal with median 1), truncated to
/// [<see cref="MinimumFactor"/>, <see cref="MaximumFactor"/>]. Immutable; every value is checked when set.
/// </summary>
public sealed record Variation
{
    /// <summary>Creates a variation.</summary>
    /// <param name="logStandardDeviation">σ of the factor's logarithm; 0 for none. At most 3.</param>
    /// <param name="minimumFactor">Smallest factor: more than 0 and at most 1.</param>
    /// <param name="maximumFactor">Largest factor: at least 1, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public Variation(double logStandardDeviation, double minimumFactor, double maximumFactor)
    {
        LogStandardDeviation = logStandardDeviation is >= 0 and <= 3
            ? logStandardDeviation
            : throw new ArgumentOutOfRangeException(nameof(logStandardDeviation), logStandardDeviation, "The log standard deviation must be in [0, 3].");
        MinimumFactor = minimumFactor is > 0 and <= 1
            ? minimumFactor
            : throw new ArgumentOutOfRangeException(nameof(minimumFactor), minimumFactor, "The smallest factor must be in (0, 1].");
        MaximumFactor = maximumFactor >= 1 && double.IsFinite(maximumFactor)
            ? maximumFactor
            : throw new ArgumentOutOfRangeException(nameof(maximumFactor), maximumFactor, "The largest factor must be a finite number, 1 or more.");
    }

    /// <summary>No variation: every patient has the preset's value.</summary>
    public static Variation None { get; } = new(0, 1, 1);

    /// <summary>σ of the factor's logarithm (for small σ about the coefficient of variation).</summary>
    public double LogStandardDeviation { get; }

    /// <summary>The smallest factor drawn.</summary>
    public double MinimumFactor { get; }

    /// <summary>The largest factor drawn.</summary>
    public double MaximumFactor { get; }

    /// <summary>Text such as <c>log-normal σ 0.15 in [0.5, 2]</c>.</summary>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"log-normal σ {LogStandardDeviation:0.###} in [{MinimumFactor:0.###}, {MaximumFactor:0.###}]");

    internal double Draw(ref PatientRandom random) => random.NextLogNormalFactor(LogStandardDeviation, MinimumFactor, MaximumFactor);
}
