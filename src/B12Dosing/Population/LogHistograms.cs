namespace B12Dosing.Population;

/// <summary>
/// One histogram per output row of one quantity, with log-spaced bins read straight from the bits of a double: the
/// binary exponent and the top <see cref="SubBits"/> bits of the mantissa (as in HdrHistogram). A bin
/// <c>[x, x + 2^(e−7))</c> with <c>2^e ≤ x</c> is at most 2^−7 wide relative to its values, so its midpoint is within
/// <see cref="RelativeError"/> = 2^−8 (0.39 %) of any value in it. Values below 2^−64 (and zero) are counted apart and
/// read as 0; values from 2^64 are counted in the top bin. Counts are integers, so merging partial histograms is exact
/// and independent of order. Each row keeps only the window of octaves its values reach, grown when needed.
/// </summary>
internal sealed class LogHistograms
{
    public const int SubBits = 7;
    public const double RelativeError = 1.0 / (1 << (SubBits + 1));
    private const int BinsPerOctave = 1 << SubBits;
    private const int MinExponent = -64;
    private const int MaxExponent = 64;
    private static readonly double Smallest = Math.ScaleB(1, MinExponent);
    private static readonly double Largest = Math.BitDecrement(Math.ScaleB(1, MaxExponent));
    private static readonly int KeyOffset = Key(Smallest);

    private readonly int[]?[] _counts;
    private readonly int[] _firstOctave;
    private readonly int[] _tiny;

    public LogHistograms(int rows)
    {
        _counts = new int[rows][];
        _firstOctave = new int[rows];
        _tiny = new int[rows];
    }

    public void Add(int row, ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            Add(row, value);
        }
    }

    public void Add(int row, double value)
    {
        if (!(value >= Smallest))
        {
            _tiny[row]++;
            return;
        }

        var key = Key(Math.Min(value, Largest)) - KeyOffset;
        var octave = key >> SubBits;
        var counts = _counts[row];
        var first = _firstOctave[row];
        if (counts is null || octave < first || octave >= first + (counts.Length >> SubBits))
        {
            (counts, first) = Grow(row, octave, octave);
        }

        counts[key - (first << SubBits)]++;
    }

    /// <summary>A new set holding the counts of both.</summary>
    public static LogHistograms Sum(LogHistograms a, LogHistograms b)
    {
        var sum = new LogHistograms(a._counts.Length);
        sum.Merge(a);
        sum.Merge(b);
        return sum;
    }

    /// <summary>Writes the counts: per row, the count of tiny values, the first octave, the number of octaves and the counts.</summary>
    public void Write(BinaryWriter writer)
    {
        for (var row = 0; row < _counts.Length; row++)
        {
            var counts = _counts[row] ?? [];
            writer.Write(_tiny[row]);
            writer.Write(_firstOctave[row]);
            writer.Write(counts.Length >> SubBits);
            foreach (var count in counts)
            {
                writer.Write(count);
            }
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote for <paramref name="rows"/> rows.</summary>
    /// <exception cref="InvalidDataException">The data do not describe such histograms.</exception>
    public static LogHistograms Read(BinaryReader reader, int rows)
    {
        var h = new LogHistograms(rows);
        for (var row = 0; row < rows; row++)
        {
            h._tiny[row] = NotNegative(reader.ReadInt32());
            var first = reader.ReadInt32();
            var octaves = reader.ReadInt32();
            if (first < 0 || octaves < 0 || octaves > MaxExponent - MinExponent - first)
            {
                throw new InvalidDataException($"Row {row} has octaves {first} + {octaves}; the histograms have {MaxExponent - MinExponent}.");
            }

            if (octaves > 0)
            {
                var counts = new int[octaves << SubBits];
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] = NotNegative(reader.ReadInt32());
                }

                h._counts[row] = counts;
                h._firstOctave[row] = first;
            }
        }

        return h;
    }

    /// <summary>The number of values in a row.</summary>
    public long Count(int row) => _tiny[row] + (_counts[row]?.Sum(c => (long)c) ?? 0);

    private static int NotNegative(int count) => count >= 0 ? count : throw new InvalidDataException($"A count is negative ({count}).");

    /// <summary>Adds <paramref name="other"/>'s counts (exact; the order of merges does not matter).</summary>
    public void Merge(LogHistograms other)
    {
        for (var row = 0; row < _counts.Length; row++)
        {
            _tiny[row] = checked(_tiny[row] + other._tiny[row]);
            if (other._counts[row] is not { } theirs)
            {
                continue;
            }

            var theirFirst = other._firstOctave[row];
            var (mine, first) = Grow(row, theirFirst, theirFirst + (theirs.Length >> SubBits) - 1);
            var offset = (theirFirst - first) << SubBits;
            for (var i = 0; i < theirs.Length; i++)
            {
                mine[offset + i] = checked(mine[offset + i] + theirs[i]);
            }
        }
    }

    /// <summary>
    /// The value of rank <c>k = max(1, ⌈P·n/100⌉)</c> among the row's <paramref name="count"/> values (the nearest-rank
    /// <paramref name="percent"/>th percentile), as the midpoint of its bin: within <see cref="RelativeError"/> of the
    /// exact order statistic. The rank is computed from the percent, not from a fraction <c>P/100</c>: for a whole
    /// percent <c>P·n</c> is exact and so is its quotient when it is a whole number, whereas <c>0.07 × 100</c> rounds
    /// to 7.000000000000001 and would give rank 8.
    /// </summary>
    public double Quantile(int row, double percent, long count)
    {
        var rank = Math.Max(1, (long)Math.Ceiling(percent * count / 100));
        long seen = _tiny[row];
        if (seen >= rank || _counts[row] is not { } counts)
        {
            return 0;
        }

        var first = _firstOctave[row] << SubBits;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                var lower = FromKey(first + i);
                return lower + ((FromKey(first + i + 1) - lower) / 2);
            }
        }

        throw new InvalidOperationException($"Row {row} holds fewer than {rank} values.");
    }

    private static int Key(double value) => (int)(BitConverter.DoubleToInt64Bits(value) >> (52 - SubBits));

    private static double FromKey(int key) => BitConverter.Int64BitsToDouble((long)(key + KeyOffset) << (52 - SubBits));

    /// <summary>Makes the row's window cover octaves [<paramref name="low"/>, <paramref name="high"/>], with some room.</summary>
    private (int[] Counts, int First) Grow(int row, int low, int high)
    {
        var old = _counts[row];
        var first = _firstOctave[row];
        if (old is not null && low >= first && high < first + (old.Length >> SubBits))
        {
            return (old, first);
        }

        var newFirst = old is null ? Math.Max(0, low - 1) : Math.Max(0, Math.Min(low - 2, first));
        var oldLast = old is null ? high : first + (old.Length >> SubBits) - 1;
        var newLast = Math.Min((MaxExponent - MinExponent) - 1, Math.Max(high + 2, oldLast));
        var counts = new int[(newLast - newFirst + 1) << SubBits];
        old?.CopyTo(counts, (first - newFirst) << SubBits);
        _counts[row] = counts;
        _firstOctave[row] = newFirst;
        return (counts, newFirst);
    }
}
