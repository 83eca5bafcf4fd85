using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;

namespace B12Dosing.Benchmarks;

/// <summary>
/// The library's side of <c>benchmarks/peers/run.sh</c>. Two modes, both with
/// <c>[--patients N] [--agree M] [--seed S] [--days D] [--regimen r]</c>:
/// <list type="bullet">
/// <item><c>peers &lt;dir&gt;</c> writes the scenario in little-endian binary files, everything taken from the library so
/// that the peers retype nothing: the plan (its distinct intervals and its steps, "advance by interval i, then take
/// intake j or write row k"), each virtual patient's rate constants, initial pools and serum factors
/// (<see cref="PoolRates"/>), what becomes of each intake for each patient (<see cref="SimulationPlan.IntakeOutcomes"/>,
/// as a table of each patient's distinct outcomes and one index a patient and intake), and the library's own series
/// (stores and serum) of the first M patients, for the agreement check.</item>
/// <item><c>peers-serve</c> reads commands from standard input, one a line, and answers each with one line:
/// <c>population R</c> runs the population of N patients (<see cref="PopulationSimulator"/>, one thread, percentiles
/// and the share below the serum threshold) R times; <c>span R</c> runs each of the N patients through the span path
/// (<see cref="Simulator.Run(SimulationPlan, B12Dosing.Absorption.ParameterSet, Mass, Span{PoolState})"/>, the patients
/// drawn once beforehand) R times; <c>counts R</c> runs the population R times and answers, after the time, the size in
/// bytes of its saved counts (<see cref="PopulationResult.WriteCounts"/>); <c>patient2 R</c> and <c>patient3 R</c> run
/// one healthy patient with average stores through the span path R times, under model 2 (the default) or model 3
/// (<see cref="ParameterSet.WithFreeCapacity"/>). Each answers the process CPU time it took, in seconds (<see cref="Environment.CpuUsage"/>),
/// so that the driver can warm it up and interleave it with a peer.</item>
/// </list>
/// </summary>
internal static class PeerExport
{
    private const string Usage = "usage: peers <dir> | peers-serve, with [--patients N] [--agree M] [--seed S] [--days D] [--regimen r]";

    public static int Run(string[] args)
    {
        var dir = args.Length > 0 ? args[0] : throw new ArgumentException(Usage);
        var s = Scenario.From(args);
        var agree = Math.Min(s.Patients, int.Parse(Option(args, "--agree", "1000"), CultureInfo.InvariantCulture));
        var people = s.People();
        Directory.CreateDirectory(dir);
        var plan = s.Plan;

        var outcomes = people.Select(p => plan.IntakeOutcomes(p.ParameterSet).Select(o => Parts(o.Outcome)).ToArray()).ToArray();
        var distinct = outcomes.Select(o => o.Distinct().ToArray()).ToArray();
        var kinds = distinct.Length == 0 ? 0 : distinct.Max(d => d.Length);
        if (kinds > byte.MaxValue)
        {
            throw new InvalidOperationException($"A patient has {kinds} distinct intake outcomes; the export indexes them with one byte.");
        }

        File.WriteAllText(Path.Combine(dir, "scenario.csv"), Invariant($"""
            key,value
            regimen,{s.Regimen}
            days,{s.Days}
            patients,{s.Patients}
            seed,{s.Seed}
            agree,{agree}
            rows,{plan.OutputCount}
            intakes,{plan.IntakeCount}
            intervals,{plan.DistinctIntervalCount}
            steps,{plan.Steps.Length}
            kinds,{kinds}
            threshold_pg_ml,{new PopulationSettings(1, s.Horizon, s.Seed).SerumThresholdPicogramsPerMilliliter:R}
            patient_columns,{PatientColumns}

            """));

        Write(dir, "intervals.f64", w =>
        {
            foreach (var ticks in plan.Intervals)
            {
                w.Write(ticks / (double)TimeSpan.TicksPerDay);
            }
        });
        Write(dir, "steps.i32", w =>
        {
            foreach (var step in plan.Steps)
            {
                w.Write(step.Interval);
                w.Write(step.Action == SimulationPlan.NoAction ? int.MinValue : step.Action);
            }
        });
        Write(dir, "rows.f64", w =>
        {
            for (var k = 0; k < plan.OutputCount; k++)
            {
                w.Write(plan.Day(k));
            }
        });
        Write(dir, "patients.f64", w =>
        {
            foreach (var p in people)
            {
                var r = PoolRates.Of(p.ParameterSet);
                var (tc, hc) = r.CarriersInBalanceWith(p.InitialStoresMicrograms);
                foreach (var v in (double[])[
                    r.TranscobalaminPerDay, r.TranscobalaminToHaptocorrinFraction, r.HaptocorrinPerDay, r.HaptocorrinReleasePerDay,
                    r.TranscobalaminReleasePerDay, r.ReabsorptionPerDay, r.StoreExitPerDay, r.ProteinBoundPerDay, r.HaptocorrinShare,
                    r.FreePerDay, r.LabilePerDay, r.MaximumStoresMicrograms, tc, hc, p.InitialStoresMicrograms,
                    1000 / p.ParameterSet.PlasmaVolumeLiters, 1000 / p.ParameterSet.ExtracellularVolumeLiters])
                {
                    w.Write(v);
                }
            }
        });
        Write(dir, "outcomes.f64", w =>
        {
            foreach (var table in distinct)
            {
                for (var k = 0; k < kinds; k++)
                {
                    var o = k < table.Length ? table[k] : table.Length > 0 ? table[0] : default;
                    foreach (var v in (double[])[o.Transcobalamin, o.Haptocorrin, o.ProteinBound, o.Tissue, o.Retained, o.Absorbed])
                    {
                        w.Write(v);
                    }
                }
            }
        });
        Write(dir, "outcome_index.u8", w =>
        {
            for (var i = 0; i < outcomes.Length; i++)
            {
                foreach (var o in outcomes[i])
                {
                    w.Write((byte)Array.IndexOf(distinct[i], o));
                }
            }
        });

        var buffer = new PoolState[plan.OutputCount];
        Write(dir, "b12dosing.f64", w =>
        {
            foreach (var p in people.Take(agree))
            {
                Simulator.Run(plan, p.ParameterSet, p.InitialStores, buffer);
                foreach (var row in buffer)
                {
                    w.Write(row.StoresMicrograms);
                    w.Write(row.SerumPicogramsPerMilliliter);
                }
            }
        });
        Console.WriteLine(Invariant($"exported {s.Regimen}: {s.Patients} patients x {s.Days} days, {plan.OutputCount} rows, {plan.IntakeCount} intakes ({kinds} distinct outcomes at most per patient), {plan.DistinctIntervalCount} distinct intervals, {plan.Steps.Length} steps"));
        return 0;
    }

    /// <summary>The <c>peers-serve</c> loop (see the class summary).</summary>
    public static int Serve(string[] args)
    {
        var s = Scenario.From(args);
        var people = new Lazy<VirtualPatient[]>(s.People); // only the span path needs them drawn beforehand
        var plan = s.Plan;
        var regimen = RegimenCatalogue.Resolve(s.Regimen);
        var settings = new PopulationSettings(s.Patients, s.Horizon, s.Seed) { MaxDegreeOfParallelism = 1 };
        var buffer = new PoolState[plan.OutputCount];
        return Serve((command, sink) =>
        {
            switch (command)
            {
                case "population":
                    return sink + PopulationSimulator.Run(regimen, settings).ShareBelowThreshold[^1];
                case "counts":
                    using (var counts = new MemoryStream())
                    {
                        PopulationSimulator.Run(regimen, settings).WriteCounts(counts);
                        return counts.Length;
                    }

                case "patient2" or "patient3":
                    // One healthy patient with average stores on the span path, under model 2 (the default) or model 3.
                    Simulator.Run(plan, command == "patient3" ? FreeCapacity : ParameterSet.Healthy, SimulationSettings.AverageStores, buffer);
                    return sink + buffer[^1].StoresMicrograms;
                case "span":
                    foreach (var p in people.Value)
                    {
                        Simulator.Run(plan, p.ParameterSet, p.InitialStores, buffer);
                        sink += buffer[^1].StoresMicrograms;
                    }

                    return sink;
                default:
                    throw new ArgumentException($"unknown command '{command}': population R, span R, counts R, patient2 R or patient3 R");
            }
        });
    }

    /// <summary>
    /// A server's loop: reads <c>command R</c> lines from standard input and answers each with one line, the process CPU
    /// seconds (<see cref="Environment.CpuUsage"/>) that R calls of <paramref name="run"/> took and the value it returned
    /// last (so that nothing is optimised away). <paramref name="run"/> takes the command and the last value.
    /// </summary>
    internal static int Serve(Func<string, double, double> run)
    {
        var sink = 0.0;
        while (Console.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            var repeats = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
            var start = Environment.CpuUsage.TotalTime;
            for (var r = 0; r < repeats; r++)
            {
                sink = run(parts[0], sink);
            }

            var seconds = (Environment.CpuUsage.TotalTime - start).TotalSeconds;
            Console.WriteLine(Invariant($"{seconds:R} {sink:R}"));
        }

        return 0;
    }

    private const int PatientColumns = 17;

    private static readonly ParameterSet FreeCapacity = ParameterSet.Healthy.WithFreeCapacity();

    private static OutcomeParts Parts(B12Dosing.Absorption.DoseOutcome o) =>
        new(o.TranscobalaminMicrograms, o.HaptocorrinMicrograms, o.ProteinBoundMicrograms, o.TissueMicrograms, o.RetainedMicrograms, o.AbsorbedMicrograms);

    internal static string Option(string[] args, string name, string fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

    internal static void Write(string dir, string name, Action<BinaryWriter> write)
    {
        using var stream = new BufferedStream(File.Create(Path.Combine(dir, name)), 1 << 20);
        using var writer = new BinaryWriter(stream);
        write(writer);
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a run needs of one intake's outcome, µg: where the kept part goes, the kept (retained) and absorbed amounts.</summary>
    private readonly record struct OutcomeParts(double Transcobalamin, double Haptocorrin, double ProteinBound, double Tissue, double Retained, double Absorbed);

    /// <summary>The scenario both modes share: the regimen, horizon, patients and seed of the command line.</summary>
    private sealed record Scenario(string Regimen, int Days, int Patients, ulong Seed)
    {
        public TimeSpan Horizon => TimeSpan.FromDays(Days);

        public SimulationPlan Plan => new(RegimenCatalogue.Resolve(Regimen).Events(Horizon).AsSpan(), Horizon, TimeSpan.FromDays(1));

        public static Scenario From(string[] args) => new(
            Option(args, "--regimen", "bnf-no-neuro"),
            int.Parse(Option(args, "--days", "365"), CultureInfo.InvariantCulture),
            int.Parse(Option(args, "--patients", "1000"), CultureInfo.InvariantCulture),
            ulong.Parse(Option(args, "--seed", "1"), CultureInfo.InvariantCulture));

        /// <summary>The population's patients, as <see cref="PopulationSimulator"/> draws them (<see cref="PopulationModel.Default"/>).</summary>
        public VirtualPatient[] People() => [.. Enumerable.Range(0, Patients).Select(i => PopulationModel.Default.Patient(Seed, i))];
    }
}
