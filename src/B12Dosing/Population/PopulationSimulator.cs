using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Regimens;

namespace B12Dosing.Population;

/// <summary>
/// Simulates a population of virtual patients on one regimen and summarises it as percentiles over time (see
/// <see cref="PopulationResult"/>), keeping no patient's series. Patient <c>i</c> is <see cref="PopulationModel.Patient"/>
/// (seed, <c>i</c>); patients are simulated in chunks of <see cref="ChunkSize"/> on up to
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

    private static SimulationPlan Plan(Regimen regimen, PopulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Plan(regimen.Events(settings.Horizon).AsSpan());
    }

    private static PopulationResult Run(SimulationPlan plan, PopulationSettings settings, IProgress<PopulationProgress>? progress, CancellationToken cancellationToken)
    {
        var patients = settings.Patients;
        var chunks = (patients + ChunkSize - 1) / ChunkSize;
        var threads = Math.Min(chunks, settings.MaxDegreeOfParallelism == 0 ? Environment.ProcessorCount : settings.MaxDegreeOfParallelism);
        var partials = new Accumulator[threads];
        int nextChunk = -1, done = 0;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, worker =>
        {
            var sink = new Sink(new Accumulator(plan.OutputCount), settings);
            partials[worker] = sink.Accumulator;
            int chunk;
            while (!cancellationToken.IsCancellationRequested && (chunk = Interlocked.Increment(ref nextChunk)) < chunks)
            {
                var end = Math.Min(patients, (chunk + 1) * ChunkSize);
                for (var i = chunk * ChunkSize; i < end; i++)
                {
                    var patient = settings.Model.Patient(settings.Seed, i);
                    PatientRun.Run(plan, patient.Physiology, patient.InitialStores.Micrograms, ref sink);
                }

                var total = Interlocked.Add(ref done, end - (chunk * ChunkSize));
                progress?.Report(new(total, patients));
            }
        });
        cancellationToken.ThrowIfCancellationRequested();

        var all = partials[0];
        foreach (var partial in partials.AsSpan(1))
        {
            all.Merge(partial);
        }

        var days = new double[plan.OutputCount];
        for (var row = 0; row < days.Length; row++)
        {
            days[row] = plan.Day(row);
        }

        return new(settings, days, all.Stores, all.Serum, all.Below);
    }

    /// <summary>One thread's counts.</summary>
    private sealed class Accumulator(int rows)
    {
        public LogHistograms Stores { get; } = new(rows);

        public LogHistograms Serum { get; } = new(rows);

        public int[] Below { get; } = new int[rows];

        public void Merge(Accumulator other)
        {
            Stores.Merge(other.Stores);
            Serum.Merge(other.Serum);
            for (var i = 0; i < Below.Length; i++)
            {
                Below[i] = checked(Below[i] + other.Below[i]);
            }
        }
    }

    /// <summary>Adds each row's stores and serum to the thread's histograms.</summary>
    private readonly struct Sink(Accumulator accumulator, PopulationSettings settings) : IOutputSink
    {
        private readonly SerumModel _serum = settings.Serum;
        private readonly double _exponent = settings.Serum.Exponent;
        private readonly double _threshold = settings.SerumThreshold.PicogramsPerMilliliter;

        public Accumulator Accumulator { get; } = accumulator;

        public void Output(int index, ref PatientRun run)
        {
            var serum = _serum.PicogramsPerMilliliter(run.Stores, run.Plasma, _exponent);
            Accumulator.Stores.Add(index, run.Stores);
            Accumulator.Serum.Add(index, serum);
            if (serum < _threshold)
            {
                Accumulator.Below[index]++;
            }
        }
    }
}
