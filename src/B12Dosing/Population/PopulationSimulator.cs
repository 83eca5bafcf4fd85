using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Regimens;

namespace B12Dosing.Population;

/// <summary>
/// Simulates a population of virtual patients on one regimen and summarises it as percentiles over time (see
/// <see cref="PopulationResult"/>), keeping no patient's series. Patient <c>i</c> is <see cref="PopulationModel.Patient"/>
/// (seed, <see cref="PopulationSettings.FirstPatient"/> + <c>i</c>); patients are simulated in chunks of <see cref="ChunkSize"/> on up to
/// <see cref="PopulationSettings.MaxDegreeOfParallelism"/> threads, each into its own integer-count histograms, which
/// are then added up. Integer addition does not depend on order, so the result is bit for bit the same whatever the
/// number of threads or the order in which chunks finish.
/// </summary>
public static class PopulationSimulator
{
    /// <summary>Patients per unit of work (and per progress report).</summary>
    public const int ChunkSize = 64;

    /// <summary>Simulates <paramref name="regimen"/> (its events up to the horizon) for the population of <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The horizon and step give more than <see cref="PopulationSettings.MaximumRows"/> rows, or the regimen too many events.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PopulationResult Run(Regimen regimen, PopulationSettings settings, CancellationToken cancellationToken = default) =>
        Run(Plan(regimen, settings), settings, null, cancellationToken);

    /// <summary>As <see cref="Run(Regimen, PopulationSettings, CancellationToken)"/>, reporting progress after each chunk of patients (from worker threads).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The horizon and step give more than <see cref="PopulationSettings.MaximumRows"/> rows, or the regimen too many events.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PopulationResult Run(Regimen regimen, PopulationSettings settings, IProgress<PopulationProgress> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return Run(Plan(regimen, settings), settings, progress, cancellationToken);
    }

    /// <summary>Simulates a list of dose events (in any order) for the population of <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The horizon and step give more than <see cref="PopulationSettings.MaximumRows"/> rows.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PopulationResult Run(IEnumerable<DoseEvent> events, PopulationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(settings);
        return Run(settings.Plan([.. events]), settings, null, cancellationToken);
    }

    /// <summary>
    /// Patient <paramref name="index"/> of the population of <paramref name="settings"/> (patient
    /// <see cref="PopulationSettings.FirstPatient"/> + <paramref name="index"/> of the seed), simulated alone on
    /// <paramref name="regimen"/>: its drawn parameters (<c>result.Settings.ParameterSet</c>, <c>InitialStores</c>), its rows
    /// and its summary, deterministic from the seed. A run of the whole population counts the same patient through the
    /// retention tables, within 1e-10 of this (<see cref="RetentionTables"/>); the patient is
    /// <c>settings.Model.Patient(settings.Seed, settings.FirstPatient + index)</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The index is not in [0, <see cref="PopulationSettings.Patients"/>).</exception>
    public static SimulationResult RunPatient(Regimen regimen, PopulationSettings settings, int index)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(settings);
        return RunPatient(regimen.Events(settings.Horizon), settings, index);
    }

    /// <summary>Patient <paramref name="index"/> of the population, simulated alone on a list of dose events (as <see cref="RunPatient(Regimen, PopulationSettings, int)"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The index is not in [0, <see cref="PopulationSettings.Patients"/>).</exception>
    public static SimulationResult RunPatient(IEnumerable<DoseEvent> events, PopulationSettings settings, int index)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(settings);
        if ((uint)index >= (uint)settings.Patients)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A patient's index must be in [0, {settings.Patients}).");
        }

        var patient = settings.Model.Patient(settings.Seed, settings.FirstPatient + index);
        return Simulator.Run(events, new SimulationSettings(settings.Horizon)
        {
            ParameterSet = patient.ParameterSet,
            InitialStores = patient.InitialStores,
            Step = settings.Step,
        });
    }

    /// <summary>The threads a run uses: the request (0 for one per processor), at most one per processor and one per chunk.</summary>
    internal static int WorkerCount(int maxDegreeOfParallelism, int chunks) =>
        Math.Min(chunks, Math.Min(Environment.ProcessorCount, maxDegreeOfParallelism == 0 ? int.MaxValue : maxDegreeOfParallelism));

    private static SimulationPlan Plan(Regimen regimen, PopulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Plan(regimen.Events(settings.Horizon).AsSpan());
    }

    private static PopulationResult Run(SimulationPlan plan, PopulationSettings settings, IProgress<PopulationProgress>? progress, CancellationToken cancellationToken)
    {
        var patients = settings.Patients;
        var chunks = (int)((patients + (long)ChunkSize - 1) / ChunkSize);
        var threads = WorkerCount(settings.MaxDegreeOfParallelism, chunks);
        var partials = new Accumulator[threads];
        var tables = RetentionTablesFor(plan, settings.Model, threads);
        // Each condition's set is built once for the run, not once per patient (each build applies the effect and the changes).
        var presets = settings.Model.PresetsOnce();
        int nextChunk = -1, done = 0;
        try
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, RunChunks);
        }
        catch (AggregateException e)
        {
            // A worker's exception (none is expected from valid settings) surfaces as itself, not wrapped.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        cancellationToken.ThrowIfCancellationRequested();

        var all = partials[0];
        foreach (var partial in partials.AsSpan(1))
        {
            all.Merge(partial);
        }

        return new(settings, plan.Days(), all.Stores, all.Serum, all.Below, all.HoloBelow);

        void RunChunks(int worker)
        {
            var sink = new Sink(new Accumulator(plan.OutputCount, settings));
            partials[worker] = sink.Accumulator;
            int chunk;
            while (!cancellationToken.IsCancellationRequested && (chunk = Interlocked.Increment(ref nextChunk)) < chunks)
            {
                var first = (int)((long)chunk * ChunkSize);
                var end = (int)Math.Min(patients, (long)first + ChunkSize);
                // The tables serve this chunk's patients only: not the progress callback below, where a caller's own
                // Simulator.Run on this thread must give what it gives anywhere else (issue 21).
                var outer = PlasmaLoad.t_tables;
                PlasmaLoad.t_tables = tables;
                try
                {
                    for (var i = first; i < end; i++)
                    {
                        var patient = settings.Model.PatientAround(settings.Seed, settings.FirstPatient + i, presets);
                        sink.Patient = i - first;
                        sink.Readout = new(patient.ParameterSet);
                        PatientRun.Run(plan, patient.ParameterSet, patient.InitialStoresMicrograms, ref sink);
                    }
                }
                finally
                {
                    PlasmaLoad.t_tables = outer;
                }

                sink.Accumulator.Flush(end - first);
                var total = Interlocked.Add(ref done, end - first);
                progress?.Report(new(total, patients));
            }
        }
    }

    /// <summary>
    /// The retention tables of the run (<see cref="RetentionTables"/>), per condition of the mix: one per distinct intake
    /// that bypasses intrinsic factor (its load the same for every patient) and exceeds the preset's binding capacity,
    /// and one per oral or sublingual intake whose passive part can exceed it, over the passive loads the patients can
    /// draw (the passive fraction's variation) and shared by conditions with the same split; none when the retention
    /// factor does not vary. Built before the patients (the passive tables' solves on up to <paramref name="threads"/>
    /// threads), whatever their number, so a result does not depend on how a population is split; a later run that asks for
    /// the same tables reads them (<see cref="RetentionTables.Build"/> keeps the last builds).
    /// </summary>
    internal static RetentionTables? RetentionTablesFor(SimulationPlan plan, PopulationModel model, int threads = 1)
    {
        var loads = new HashSet<RetentionTables.Load>();
        var passive = new HashSet<RetentionTables.PassiveLoads>();
        foreach (var share in model.Conditions.Shares)
        {
            var preset = model.ParametersFor(share.Condition);
            var capacity = PlasmaLoad.CapacityMicrograms(preset);
            foreach (var intake in plan.Intakes)
            {
                var hydroxo = intake.Form == Quantities.CobalaminForm.Hydroxocobalamin;
                if (!intake.UsesIntrinsicFactor)
                {
                    var (load, site) = AbsorptionModel.BypassLoad(intake.Amount, intake.Route, preset);
                    if (load > capacity)
                    {
                        loads.Add(new(preset, load, site, hydroxo));
                    }
                }
                else if (!preset.UsesFreeCapacity)
                {
                    var load = preset.PassiveFraction * AbsorptionModel.Entering(intake.Amount, intake.Vehicle, preset);
                    if (load * model.PassiveFraction.MaximumFactor > capacity)
                    {
                        passive.Add(new(PlasmaLoad.RatesOf(LoadSite.Mucosal, hydroxo, preset), capacity, load * model.PassiveFraction.MinimumFactor, load * model.PassiveFraction.MaximumFactor));
                    }
                }
            }
        }

        return RetentionTables.Build(loads, passive, model.RetentionCapacity.MinimumFactor, model.RetentionCapacity.MaximumFactor, threads);
    }

    /// <summary>
    /// One thread's counts, and a buffer of one chunk's pools laid out row by row (<c>[row·ChunkSize + patient]</c>), so
    /// that serum is computed four patients at a time and each row's histograms are visited once per chunk rather than
    /// once per patient (they stay in cache).
    /// </summary>
    private sealed class Accumulator(int rows, PopulationSettings settings)
    {
        private readonly double _threshold = settings.SerumThresholdPicogramsPerMilliliter;

        private readonly double[] _holoLines = [.. settings.HoloTranscobalaminPicomolar.Values];

        public LogHistograms Stores { get; } = new(rows);

        public LogHistograms Serum { get; } = new(rows);

        public int[] Below { get; } = new int[rows];

        public double[] StoresBuffer { get; } = new double[rows * ChunkSize];

        public double[] SerumBuffer { get; } = new double[rows * ChunkSize];

        /// <summary>The chunk's holoTC, row by row (empty without holoTC lines).</summary>
        public double[] HoloBuffer { get; } = new double[settings.HoloTranscobalaminPicomolar.Count > 0 ? rows * ChunkSize : 0];

        /// <summary>Per holoTC line, per row, the patients below it.</summary>
        public int[][] HoloBelow { get; } = [.. settings.HoloTranscobalaminPicomolar.Values.Select(_ => new int[rows])];

        /// <summary>Adds the buffered rows of the chunk's first <paramref name="patients"/> patients.</summary>
        public void Flush(int patients)
        {
            for (var row = 0; row < Below.Length; row++)
            {
                var stores = StoresBuffer.AsSpan(row * ChunkSize, patients);
                var serum = SerumBuffer.AsSpan(row * ChunkSize, patients);
                Stores.Add(row, stores);
                Serum.Add(row, serum);
                var below = 0;
                foreach (var value in serum)
                {
                    below += value < _threshold ? 1 : 0;
                }

                Below[row] += below;
                if (_holoLines.Length > 0)
                {
                    var holo = HoloBuffer.AsSpan(row * ChunkSize, patients);
                    for (var line = 0; line < _holoLines.Length; line++)
                    {
                        var holoBelow = 0;
                        foreach (var value in holo)
                        {
                            holoBelow += value < _holoLines[line] ? 1 : 0;
                        }

                        HoloBelow[line][row] += holoBelow;
                    }
                }
            }
        }

        public void Merge(Accumulator other)
        {
            Stores.Merge(other.Stores);
            Serum.Merge(other.Serum);
            for (var i = 0; i < Below.Length; i++)
            {
                Below[i] = checked(Below[i] + other.Below[i]);
                for (var line = 0; line < HoloBelow.Length; line++)
                {
                    HoloBelow[line][i] = checked(HoloBelow[line][i] + other.HoloBelow[line][i]);
                }
            }
        }
    }

    /// <summary>Buffers each row's pools for the chunk.</summary>
    private struct Sink(Accumulator accumulator) : IOutputSink
    {
        public static bool KeepsTotals => false;

        public readonly Accumulator Accumulator { get; } = accumulator;

        /// <summary>The patient's place in the chunk.</summary>
        public int Patient { get; set; }

        /// <summary>The patient's readout (the physiology's volumes turn the carriers into serum).</summary>
        public Simulator.Readout Readout { readonly get; set; }

        public readonly void Output(int index, ref PatientRun run)
        {
            var at = (index * ChunkSize) + Patient;
            var state = Readout.State(ref run);
            Accumulator.StoresBuffer[at] = run.ReportedStores;
            Accumulator.SerumBuffer[at] = state.SerumPicogramsPerMilliliter;
            if (Accumulator.HoloBuffer.Length > 0)
            {
                Accumulator.HoloBuffer[at] = state.HoloTranscobalaminPicomolesPerLiter;
            }
        }
    }
}
