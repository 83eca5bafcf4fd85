using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Hardening;

/// <summary>
/// Concurrency and determinism (issue 7): shared, immutable model inputs (physiology presets, settings, regimens,
/// the protocol catalogue) used from <see cref="Threads"/> threads at once give exactly the serial results.
/// </summary>
public class ConcurrencyTests
{
    /// <summary>Threads started together (behind a barrier) on the shared instances.</summary>
    private const int Threads = 8;

    [Fact]
    public void Absorption_from_8_threads_equals_serial()
    {
        var inputs = (
            from route in Routes.All
            from form in CobalaminForms.All
            from physiology in Conditions.All.Select(ParameterSet.For)
            from k in Enumerable.Range(0, 25)
            select (Dose: Dose.Create(Mass.FromMicrograms(Math.Pow(10, (k / 4.0) - 1)), route, form), ParameterSet: physiology)).ToArray();
        var serial = inputs.Select(i => AbsorptionModel.Evaluate(i.Dose, i.ParameterSet)).ToArray();

        var parallel = OnThreads(_ => inputs.Select(i => AbsorptionModel.Evaluate(i.Dose, i.ParameterSet)).ToArray());

        Assert.True(inputs.Length >= 3000, $"{inputs.Length} calls per thread");
        Assert.All(parallel, results => Assert.Equal(serial, results));
    }

    [Fact]
    public void Simulations_of_shared_regimens_from_8_threads_equal_serial()
    {
        var regimens = RegimenCatalogue.All.Select(p => p.Regimen).Append(Regimen.Parse("2000 µg oral daily with adherence 0.7 seed 11")).ToArray();
        var settings = Conditions.All.Select(c => new SimulationSettings(TimeSpan.FromDays(730)) { ParameterSet = ParameterSet.For(c) }).ToArray();
        var jobs = (from r in regimens from s in settings select (Regimen: r, Settings: s)).ToArray();
        var serial = jobs.Select(j => Simulator.Run(j.Regimen, j.Settings)).ToArray();

        // Each thread runs every job, starting at a different one so that the same job runs on several threads at once.
        var parallel = OnThreads(t => Enumerable.Range(0, jobs.Length).Select(i => (i + (t * 7)) % jobs.Length)
            .Select(i => (Index: i, Result: Simulator.Run(jobs[i].Regimen, jobs[i].Settings))).ToArray());

        Assert.All(parallel.SelectMany(p => p), run =>
        {
            Assert.Equal(serial[run.Index].Summary, run.Result.Summary);
            Assert.Equal(serial[run.Index].Series, run.Result.Series);
        });
    }

    [Fact]
    public void Parsing_and_expansion_from_8_threads_equal_serial()
    {
        string[] texts = ["1 mg ohcbl im tiw for 2w then 1 mg ohcbl im q3mo", "2.4 µg food daily split at 8h,13h,19h", "1000 µg oral daily with adherence 0.5 seed 3"];
        var serial = texts.Select(t => Regimen.Parse(t).Events(TimeSpan.FromDays(3650))).ToArray();
        var masses = Enumerable.Range(0, 2000).Select(i => $"{i * 0.37} mcg").ToArray();
        var serialMasses = masses.Select(m => QuantityText.ParseMass(m)).ToArray();

        var parallel = OnThreads(_ => (
            Events: Enumerable.Range(0, 20).SelectMany(_ => texts.Select(t => Regimen.Parse(t).Events(TimeSpan.FromDays(3650)))).ToArray(),
            Masses: masses.Select(m => QuantityText.ParseMass(m)).ToArray()));

        Assert.All(parallel, p =>
        {
            Assert.All(p.Events.Select((e, i) => (e, i)), x => Assert.True(serial[x.i % texts.Length].SequenceEqual(x.e)));
            Assert.Equal(serialMasses, p.Masses);
        });
    }

    /// <summary>Runs <paramref name="work"/> on <see cref="Threads"/> threads released together; rethrows the first failure.</summary>
    private static T[] OnThreads<T>(Func<int, T> work)
    {
        var results = new T[Threads];
        var errors = new Exception?[Threads];
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                results[t] = work(t);
            }
            catch (Exception e)
            {
                errors[t] = e;
            }
        })).ToArray();
        Array.ForEach(threads, t => t.Start());
        Array.ForEach(threads, t => t.Join());
        var error = errors.FirstOrDefault(e => e is not null);
        return error is null ? results : throw new AggregateException(error);
    }
}
