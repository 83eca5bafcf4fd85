using MathNet.Numerics.Distributions;

namespace B12Dosing.Population;

/// <summary>
/// One patient's random stream: SplitMix64 (Steele, Lea &amp; Flood 2014) started at a state hashed from the population
/// seed and the patient's index, so patient <c>i</c> draws the same numbers whichever thread simulates it and whatever
/// else is run. The hash (the SplitMix64 finaliser applied twice) scatters neighbouring indices over the 2^64 cycle.
/// </summary>
internal struct PatientRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private ulong _state;

    public PatientRandom(ulong seed, long index)
    {
        _state = Mix(Mix(seed) ^ unchecked((ulong)index));
    }

    /// <summary>Uniform in the open interval (0, 1): 53 random bits, centred in their cell.</summary>
    public double NextOpenUnit() => ((Next() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>
    /// A factor <c>exp(σ·z)</c> with <c>z</c> standard normal truncated so that the factor lies in
    /// [<paramref name="min"/>, <paramref name="max"/>]: by inverting the normal CDF over the truncated range (one
    /// uniform draw, no rejection loop).
    /// </summary>
    public double NextLogNormalFactor(double sigma, double min, double max)
    {
        var u = NextOpenUnit();
        if (sigma == 0)
        {
            return 1;
        }

        var lo = Normal.CDF(0, 1, Math.Log(min) / sigma);
        var hi = Normal.CDF(0, 1, Math.Log(max) / sigma);
        var z = Normal.InvCDF(0, 1, lo + (u * (hi - lo)));
        return Math.Clamp(Math.Exp(sigma * z), min, max);
    }

    private ulong Next() => Mix(_state = unchecked(_state + Golden));

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
