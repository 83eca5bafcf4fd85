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
/// Immutable once built; read by every worker thread of a run.
/// </summary>
internal sealed class RetentionTables
{
    /// <summary>Chebyshev nodes per table.</summary>
    internal const int Nodes = 24;

    private readonly Table[] _tables;
    private readonly double _middle, _halfWidth;

    private RetentionTables(Table[] tables, double middle, double halfWidth) => (_tables, _middle, _halfWidth) = (tables, middle, halfWidth);

    /// <summary>One load a table covers: the condition's preset, the load (µg, above the preset's binding capacity), its site and form.</summary>
    internal readonly record struct Load(Physiology Preset, double Micrograms, LoadSite Site, bool Hydroxo);

    /// <summary>Tables for <paramref name="loads"/> over the retention factors [<paramref name="lowest"/>, <paramref name="highest"/>]; null if there is nothing to tabulate.</summary>
    public static RetentionTables? Build(IReadOnlyCollection<Load> loads, double lowest, double highest)
    {
        if (loads.Count == 0 || !(lowest < highest))
        {
            return null;
        }

        double logLow = Math.Log(lowest), logHigh = Math.Log(highest);
        double middle = (logLow + logHigh) / 2, halfWidth = (logHigh - logLow) / 2;
        var tables = loads.Select(load => Table.Build(load, middle, halfWidth)).ToArray();
        return new(tables, middle, halfWidth);
    }

    /// <summary>The split of <paramref name="load"/> for <paramref name="p"/>, if a table covers it (the patient's preset, load, site and form, its factor in range).</summary>
    public bool TryGet(double load, LoadSite site, bool hydroxo, Physiology p, out PlasmaLoadOutcome outcome)
    {
        foreach (var table in _tables)
        {
            if (table.Covers(load, site, hydroxo, p))
            {
                var u = (Math.Log(p.TissueUptakeMaximumMicrogramsPerHour / table.TissueMaximum) - _middle) / _halfWidth;
                // The factor is the preset's times one drawn in the range: u is in [−1, 1] up to rounding.
                if (Math.Abs(u) <= 1 + 1e-9)
                {
                    outcome = table.At(Math.Clamp(u, -1, 1));
                    return true;
                }
            }
        }

        outcome = default;
        return false;
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
                var factor = Math.Exp(middle + (halfWidth * Math.Cos(Math.PI * (j + 0.5) / Nodes)));
                var patient = preset with { TissueUptakeMaximumMicrogramsPerHour = preset.TissueUptakeMaximumMicrogramsPerHour * factor };
                var split = PlasmaLoad.SolveReference(load.Micrograms, load.Site, load.Hydroxo, patient);
                (tissue[j], protein[j], urine[j]) = (split.Tissue, split.ProteinBound, split.Urine);
            }

            return new(load, Key(load.Site, load.Hydroxo, preset), PlasmaLoad.CapacityMicrograms(preset), Coefficients(tissue), Coefficients(protein), Coefficients(urine));
        }

        /// <summary>Whether the table is for this load and a patient of its preset (every rate of the split but the tissue uptake equal).</summary>
        public bool Covers(double micrograms, LoadSite site, bool hydroxo, Physiology p) =>
            micrograms == load.Micrograms && site == load.Site && hydroxo == load.Hydroxo
            && PlasmaLoad.CapacityMicrograms(p) == capacity && Key(site, hydroxo, p) == key;

        public PlasmaLoadOutcome At(double u) =>
            new(capacity, Math.Max(0, Clenshaw(tissue, u)), Math.Max(0, Clenshaw(protein, u)), Math.Max(0, Clenshaw(urine, u)));

        private static PlasmaLoad.Rates Key(LoadSite site, bool hydroxo, Physiology p) => PlasmaLoad.RatesOf(site, hydroxo, p) with { TissueMaximum = 0 };

        /// <summary><c>c_k = (2/N)·Σ_j y_j·cos(πk(j + ½)/N)</c>.</summary>
        private static double[] Coefficients(double[] values)
        {
            var c = new double[Nodes];
            for (var k = 0; k < Nodes; k++)
            {
                var sum = 0.0;
                for (var j = 0; j < Nodes; j++)
                {
                    sum += values[j] * Math.Cos(Math.PI * k * (j + 0.5) / Nodes);
                }

                c[k] = 2.0 / Nodes * sum;
            }

            return c;
        }

        /// <summary><c>c₀/2 + Σ_{k≥1} c_k·T_k(u)</c> by Clenshaw's recurrence.</summary>
        private static double Clenshaw(double[] c, double u)
        {
            double b1 = 0, b2 = 0;
            for (var k = c.Length - 1; k >= 1; k--)
            {
                (b1, b2) = ((2 * u * b1) - b2 + c[k], b1);
            }

            return (u * b1) - b2 + (c[0] / 2);
        }
    }
}
