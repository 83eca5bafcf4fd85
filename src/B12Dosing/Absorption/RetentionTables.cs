using System.Numerics;

namespace B12Dosing.Absorption;

/// <summary>
/// The plasma-load split of a population's patients as a smooth function of their retention factor, so that a
/// population does not solve the nonlinear per-load system once per patient. Patients of one condition differ, for a
/// load that bypasses intrinsic factor entirely (IM, SC, IV, intranasal: the load does not depend on the patient), only
/// in the maximum tissue uptake <c>Vt = f·Vt_preset</c>, <c>f</c> in the retention variation's range. For each such
/// (preset, load, site, form) the split (tissue, protein-bound, urine) is tabulated at the <see cref="Nodes"/> Chebyshev
/// nodes of <c>ln f</c> over the range by <see cref="PlasmaLoad.SolveReference"/> (the grid solves at a relative tolerance
/// of 1e-13) and read back by Clenshaw's recurrence. The split is analytic in <c>ln f</c>: with 24 nodes the last
/// coefficients are below 1e-15 of the first and the table is within 1e-13 of a solve at 1e-14 over [1/3, 3], where the
/// adaptive solve of <see cref="PlasmaLoad.Solve"/> (1e-10) is within 3e-11; a patient's split therefore differs from
/// the one <c>Simulator.Run</c> gives that patient's physiology by at most that solve's own error (a test checks 1e-10).
/// <para>
/// The passive part of an oral or sublingual dose differs between patients in its load too (the passive fraction
/// varies), so its split is tabulated over both (<see cref="PassiveLoads"/>): Chebyshev in <c>s = ln(L − C + Kt)</c>
/// (<see cref="LoadNodes"/> nodes over the grid loads that bracket the range of loads; the excess above the capacity
/// <c>C</c> shifted by the tissue half-saturation <c>Kt</c>, where the split is smooth, near linear for small loads and
/// logarithmic for large ones) times Chebyshev in <c>ln f</c> (<see cref="FactorNodes"/> nodes), from solves at the
/// reference tolerances. A patient's load is then split as <see cref="PlasmaLoad.Solve"/> splits it, by the linear
/// interpolation between the grid loads that bracket it, with the split at those two grid loads read from the table
/// (within 4e-12 of the load of a reference solve over a fourfold range of loads and [1/3, 3] in <c>f</c>, at 10 µg to
/// 20 mg), so it too differs from the patient's own solve by at most that solve's error.
/// </para>
/// Immutable once built; read by every worker thread of a run, and kept for the next runs that ask for the same tables
/// (the last few builds, by value: a repeated run, such as a target search's or a server's, builds them once).
/// </summary>
internal sealed class RetentionTables
{
    /// <summary>Chebyshev nodes per table.</summary>
    internal const int Nodes = 24;

    /// <summary>Chebyshev nodes of a passive table in the load (<see cref="PassiveLoads"/>).</summary>
    internal const int LoadNodes = 12;

    /// <summary>Chebyshev nodes of a passive table in the retention factor.</summary>
    internal const int FactorNodes = 16;

    /// <summary>
    /// The widest range of a passive table in <c>s = ln(L − C + Kt)</c>: ln 4 and 4/1024, room for a fourfold range of
    /// loads (the default passive variation, ×0.5-×2) and the grid steps that bracket it (wider ranges are solved per patient).
    /// </summary>
    internal static readonly double WidestLoadRange = Math.Log(4) + (4.0 / 1024);

    /// <summary>How many of the last builds <see cref="Build"/> keeps (a repeated run, such as a target search's or a server's, builds its tables once).</summary>
    private const int BuiltKept = 8;

    /// <summary>
    /// The last builds, oldest first, keyed by their values (the presets compare by value) and the order of the loads (the
    /// tables are searched in that order), so a hit is the very tables a new build would give.
    /// </summary>
    private static readonly List<BuiltTables> Built = [];

    private static readonly Lock BuiltLock = new();

    private readonly Table[] _tables;
    private readonly PassiveTable[] _passive;
    private readonly double _middle, _halfWidth;

    private RetentionTables(Table[] tables, PassiveTable[] passive, double middle, double halfWidth) =>
        (_tables, _passive, _middle, _halfWidth) = (tables, passive, middle, halfWidth);

    /// <summary>One build of <see cref="Build"/>: what it was asked for and the tables.</summary>
    private sealed record BuiltTables(Load[] Loads, PassiveLoads[] Passive, double Lowest, double Highest, RetentionTables Tables);

    /// <summary>One load a table covers: the condition's preset, the load (µg, above the preset's binding capacity), its site and form.</summary>
    internal readonly record struct Load(ParameterSet Preset, double Micrograms, LoadSite Site, bool Hydroxo);

    /// <summary>
    /// A range of passive loads a table covers: the rates of the split (at the preset's tissue uptake <c>Vt</c>, which
    /// the retention factor multiplies), the binding capacity, and the loads (µg, the highest above the capacity). Keyed
    /// by the rates, not the preset, so that conditions that change only the IF route share one table.
    /// </summary>
    internal readonly record struct PassiveLoads(PlasmaLoad.Rates Rates, double Capacity, double Lowest, double Highest);

    /// <summary>
    /// Tables for <paramref name="loads"/> and <paramref name="passive"/> over the retention factors [<paramref name="lowest"/>,
    /// <paramref name="highest"/>]; null if there is nothing to tabulate. The passive tables' solves run on up to
    /// <paramref name="threads"/> threads (each node is its own solve: the tables are the same whatever the number). The
    /// last builds are kept: a request equal to one of them (the same loads in the same order, the same range) gets its tables.
    /// </summary>
    public static RetentionTables? Build(IReadOnlyCollection<Load> loads, IReadOnlyCollection<PassiveLoads> passive, double lowest, double highest, int threads = 1)
    {
        if ((loads.Count == 0 && passive.Count == 0) || !(lowest < highest))
        {
            return null;
        }

        lock (BuiltLock)
        {
            foreach (var entry in Built)
            {
                if (entry.Lowest == lowest && entry.Highest == highest && entry.Loads.SequenceEqual(loads) && entry.Passive.SequenceEqual(passive))
                {
                    return entry.Tables;
                }
            }
        }

        var tables = BuildNew(loads, passive, lowest, highest, threads);
        lock (BuiltLock)
        {
            if (Built.Count == BuiltKept)
            {
                Built.RemoveAt(0);
            }

            Built.Add(new([.. loads], [.. passive], lowest, highest, tables));
        }

        return tables;
    }

    /// <summary>The tables of <see cref="Build"/>, built.</summary>
    private static RetentionTables BuildNew(IReadOnlyCollection<Load> loads, IReadOnlyCollection<PassiveLoads> passive, double lowest, double highest, int threads)
    {
        double logLow = Math.Log(lowest), logHigh = Math.Log(highest);
        double middle = (logLow + logHigh) / 2, halfWidth = (logHigh - logLow) / 2;
        var tables = loads.Select(load => Table.Build(load, middle, halfWidth)).ToArray();
        var passiveTables = passive.Select(range => PassiveTable.Build(range, middle, halfWidth, threads)).OfType<PassiveTable>().ToArray();
        return new(tables, passiveTables, middle, halfWidth);
    }

    /// <summary>The split of <paramref name="load"/> for <paramref name="p"/>, if a table covers it (the patient's preset, load, site and form, its factor in range).</summary>
    public bool TryGet(double load, LoadSite site, bool hydroxo, ParameterSet p, out PlasmaLoadOutcome outcome)
    {
        foreach (var table in _tables)
        {
            if (table.Covers(load, site, hydroxo, p) && FactorAt(p, table.TissueMaximum) is { } u)
            {
                outcome = table.At(u);
                return true;
            }
        }

        if (site == LoadSite.Mucosal && _passive.Length > 0)
        {
            var rates = PlasmaLoad.RatesOf(site, hydroxo, p);
            var capacity = PlasmaLoad.CapacityMicrograms(p);
            foreach (var table in _passive)
            {
                if (table.Covers(load, capacity, rates) && FactorAt(p, table.Range.Rates.TissueMaximum) is { } u)
                {
                    outcome = table.At(load, u);
                    return true;
                }
            }
        }

        outcome = default;
        return false;
    }

    /// <summary>The patient's retention factor against a table's <paramref name="tissueMaximum"/>, mapped to [−1, 1]; null if out of range.</summary>
    private double? FactorAt(ParameterSet p, double tissueMaximum)
    {
        var u = (Math.Log(p.TissueUptakeMaximumMicrogramsPerHour / tissueMaximum) - _middle) / _halfWidth;
        // The factor is the preset's times one drawn in the range: u is in [−1, 1] up to rounding.
        return Math.Abs(u) <= 1 + 1e-9 ? Math.Clamp(u, -1, 1) : null;
    }

    /// <summary>One (preset, load) table: the Chebyshev coefficients of tissue, protein-bound and urine.</summary>
    private sealed class Table(Load load, PlasmaLoad.Rates key, double capacity, double[] tissue, double[] protein, double[] urine)
    {
        public double TissueMaximum => load.Preset.TissueUptakeMaximumMicrogramsPerHour;

        public static Table Build(Load load, double middle, double halfWidth)
        {
            var preset = load.Preset;
            double[] tissue = new double[Nodes], protein = new double[Nodes], urine = new double[Nodes];
            for (var j = 0; j < Nodes; j++)
            {
                var factor = Math.Exp(middle + (halfWidth * Node(j, Nodes)));
                var patient = preset with { TissueUptakeMaximumMicrogramsPerHour = preset.TissueUptakeMaximumMicrogramsPerHour * factor };
                var split = PlasmaLoad.SolveReference(load.Micrograms, load.Site, load.Hydroxo, patient);
                (tissue[j], protein[j], urine[j]) = (split.Tissue, split.ProteinBound, split.Urine);
            }

            return new(load, Key(load.Site, load.Hydroxo, preset), PlasmaLoad.CapacityMicrograms(preset), Coefficients(tissue), Coefficients(protein), Coefficients(urine));
        }

        /// <summary>Whether the table is for this load and a patient of its preset (every rate of the split but the tissue uptake equal).</summary>
        public bool Covers(double micrograms, LoadSite site, bool hydroxo, ParameterSet p) =>
            micrograms == load.Micrograms && site == load.Site && hydroxo == load.Hydroxo
            && PlasmaLoad.CapacityMicrograms(p) == capacity && Key(site, hydroxo, p) == key;

        public PlasmaLoadOutcome At(double u) =>
            new(capacity, Math.Max(0, Clenshaw(tissue, u)), Math.Max(0, Clenshaw(protein, u)), Math.Max(0, Clenshaw(urine, u)));

        private static PlasmaLoad.Rates Key(LoadSite site, bool hydroxo, ParameterSet p) => PlasmaLoad.RatesOf(site, hydroxo, p) with { TissueMaximum = 0 };
    }

    /// <summary>
    /// One passive table: the Chebyshev coefficients in the retention factor (<c>m</c>) and in <c>s</c> (<c>k</c>) of each
    /// part (tissue, protein-bound, urine), at <c>[m·Width + part·LoadNodes + k]</c>, so that a patient's factor is
    /// applied to all of them at once, in vector lanes.
    /// </summary>
    private sealed class PassiveTable(PassiveLoads range, double lowestLoad, double highestLoad, double middle, double halfWidth, double[] coefficients)
    {
        /// <summary>The coefficients per factor coefficient: three parts of <see cref="LoadNodes"/> each, padded with zeros to whole vectors.</summary>
        private static readonly int Width = ((3 * LoadNodes) + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;

        /// <summary>The range the table was built for (its rates at the preset's tissue uptake).</summary>
        public PassiveLoads Range => range;

        /// <summary>
        /// The table of <paramref name="range"/>, over the grid loads that bracket its loads (from the capacity if that is
        /// higher), with a margin of 1e-12 for the rounding of a patient's load; null if that is wider than
        /// <see cref="WidestLoadRange"/> in <c>s</c>.
        /// </summary>
        public static PassiveTable? Build(PassiveLoads range, double factorMiddle, double factorHalfWidth, int threads)
        {
            var lowestLoad = Math.Max(range.Lowest * (1 - 1e-12), Math.Max(range.Capacity, PlasmaLoad.TinyLoad));
            var highestLoad = range.Highest * (1 + 1e-12);
            double sLow = S(Math.Max(range.Capacity, PlasmaLoad.GridBracket(lowestLoad).Low), range), sHigh = S(PlasmaLoad.GridBracket(highestLoad).High, range);
            if (!(sHigh - sLow <= WidestLoadRange))
            {
                return null;
            }

            double middle = (sLow + sHigh) / 2, halfWidth = (sHigh - sLow) / 2;
            var splits = new PlasmaLoadOutcome[LoadNodes, FactorNodes];
            Parallel.For(0, LoadNodes, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
            {
                var load = Math.Exp(middle + (halfWidth * Node(i, LoadNodes))) + range.Capacity - range.Rates.TissueHalfSaturation;
                for (var j = 0; j < FactorNodes; j++)
                {
                    var factor = Math.Exp(factorMiddle + (factorHalfWidth * Node(j, FactorNodes)));
                    splits[i, j] = PlasmaLoad.ComputeReference(Math.Max(load, range.Capacity), range.Capacity, range.Rates with { TissueMaximum = range.Rates.TissueMaximum * factor });
                }
            });

            var coefficients = new double[FactorNodes * Width];
            Add(splits, 0, o => o.Tissue, coefficients);
            Add(splits, 1, o => o.ProteinBound, coefficients);
            Add(splits, 2, o => o.Urine, coefficients);
            return new(range, lowestLoad, highestLoad, middle, halfWidth, coefficients);
        }

        /// <summary>Whether the table is for this load (in its range) and a patient with this capacity and these rates (all but the tissue uptake equal).</summary>
        public bool Covers(double load, double capacity, in PlasmaLoad.Rates rates) =>
            load >= lowestLoad && load <= highestLoad && capacity == range.Capacity && (rates with { TissueMaximum = 0 }) == (range.Rates with { TissueMaximum = 0 });

        /// <summary>
        /// The split of <paramref name="load"/> at the factor <paramref name="u"/> (in [−1, 1]): <see cref="PlasmaLoad.Solve"/>'s
        /// interpolation between grid loads, the split at each read from the table. The coefficients in <c>s</c> at
        /// <paramref name="u"/> come first, once, by Clenshaw's recurrence in the factor run on all of them side by side.
        /// </summary>
        public PlasmaLoadOutcome At(double load, double u)
        {
            Span<double> inLoad = stackalloc double[Width];
            Span<double> previous = stackalloc double[Width];
            inLoad.Clear();
            previous.Clear();
            var twoU = new Vector<double>(2 * u);
            for (var m = FactorNodes - 1; m >= 1; m--)
            {
                var c = coefficients.AsSpan(m * Width, Width);
                for (var i = 0; i < Width; i += Vector<double>.Count)
                {
                    var b1 = new Vector<double>(inLoad[i..]);
                    ((twoU * b1) - new Vector<double>(previous[i..]) + new Vector<double>(c[i..])).CopyTo(inLoad[i..]);
                    b1.CopyTo(previous[i..]);
                }
            }

            var last = new Vector<double>(u);
            var c0 = coefficients.AsSpan(0, Width);
            for (var i = 0; i < Width; i += Vector<double>.Count)
            {
                ((last * new Vector<double>(inLoad[i..])) - new Vector<double>(previous[i..]) + (new Vector<double>(c0[i..]) / 2)).CopyTo(inLoad[i..]);
            }

            return PlasmaLoad.Interpolate(load, range.Capacity, new Reader(this, inLoad));
        }

        /// <summary>The split of a grid load from the coefficients in the load at a patient's factor.</summary>
        private PlasmaLoadOutcome AtGrid(double gridLoad, ReadOnlySpan<double> inLoad)
        {
            var s = Math.Clamp((S(gridLoad, range) - middle) / halfWidth, -1, 1);
            return new(range.Capacity, Part(inLoad, 0, s), Part(inLoad, 1, s), Part(inLoad, 2, s));
        }

        /// <summary>One part (0 tissue, 1 protein-bound, 2 urine) at <paramref name="s"/>, not below 0.</summary>
        private static double Part(ReadOnlySpan<double> inLoad, int part, double s) => Math.Max(0, Clenshaw(inLoad.Slice(part * LoadNodes, LoadNodes), s));

        /// <summary><c>s = ln(L − C + Kt)</c>.</summary>
        private static double S(double load, in PassiveLoads range) => Math.Log(load - range.Capacity + range.Rates.TissueHalfSaturation);

        /// <summary>Puts one part's coefficients in place: Chebyshev in the factor at each load node, then in the load for each factor coefficient.</summary>
        private static void Add(PlasmaLoadOutcome[,] splits, int part, Func<PlasmaLoadOutcome, double> value, double[] coefficients)
        {
            var inFactor = new double[LoadNodes][];
            for (var i = 0; i < LoadNodes; i++)
            {
                inFactor[i] = Coefficients([.. Enumerable.Range(0, FactorNodes).Select(j => value(splits[i, j]))]);
            }

            for (var m = 0; m < FactorNodes; m++)
            {
                Coefficients([.. inFactor.Select(row => row[m])]).CopyTo(coefficients, (m * Width) + (part * LoadNodes));
            }
        }

        /// <summary>A patient's table at its factor, as the grid source of <see cref="PlasmaLoad.Interpolate{TGrid}"/>.</summary>
        private readonly ref struct Reader(PassiveTable table, ReadOnlySpan<double> inLoad) : PlasmaLoad.IGridSplit
        {
            private readonly ReadOnlySpan<double> _inLoad = inLoad;

            public PlasmaLoadOutcome At(double gridLoad) => table.AtGrid(gridLoad, _inLoad);
        }
    }

    /// <summary>The <paramref name="j"/>th of <paramref name="n"/> Chebyshev nodes on [−1, 1], <c>cos(π(j + ½)/n)</c>.</summary>
    private static double Node(int j, int n) => Math.Cos(Math.PI * (j + 0.5) / n);

    /// <summary><c>c_k = (2/N)·Σ_j y_j·cos(πk(j + ½)/N)</c>, from the values at the <c>N</c> nodes.</summary>
    private static double[] Coefficients(double[] values)
    {
        var n = values.Length;
        var c = new double[n];
        for (var k = 0; k < n; k++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += values[j] * Math.Cos(Math.PI * k * (j + 0.5) / n);
            }

            c[k] = 2.0 / n * sum;
        }

        return c;
    }

    /// <summary><c>c₀/2 + Σ_{k≥1} c_k·T_k(u)</c> by Clenshaw's recurrence.</summary>
    private static double Clenshaw(ReadOnlySpan<double> c, double u)
    {
        double b1 = 0, b2 = 0;
        for (var k = c.Length - 1; k >= 1; k--)
        {
            (b1, b2) = ((2 * u * b1) - b2 + c[k], b1);
        }

        return (u * b1) - b2 + (c[0] / 2);
    }
}
