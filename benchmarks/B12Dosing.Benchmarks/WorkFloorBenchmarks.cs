using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Regimens;
using BenchmarkDotNet.Attributes;

namespace B12Dosing.Benchmarks;

/// <summary>
/// How close the core is to the work itself. <c>Floor</c> does only what any method must do for one patient-year on
/// bnf-no-neuro with daily rows: evaluate the state at each of the 366 output points (one 4×4 propagator of the coupled
/// pools and one decay of the free pool applied per day, fixed in advance), add each dose's retained amount, and store
/// the state with its serum. <c>Core</c> is the library's span path on the same plan, which also builds the
/// propagators for this patient, evaluates each dose's absorption, applies the store limit and keeps the mass balance.
/// </summary>
[MemoryDiagnoser]
public class WorkFloorBenchmarks : SpanPathBenchmark
{
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);
    private double[] _retainedByDay = null!;
    private double[] _m = null!;
    private double _free, _t0, _h0;

    [GlobalSetup]
    public void Setup()
    {
        Prepare(RegimenCatalogue.Get("bnf-no-neuro").Regimen.Events(Year), Year, TimeSpan.FromDays(1), ParameterSet.Healthy);
        _retainedByDay = new double[Plan.OutputCount];
        foreach (var intake in Plan.IntakeOutcomes(ParameterSet.Healthy))
        {
            _retainedByDay[(int)intake.Day] += intake.Outcome.RetainedMicrograms;
        }

        // The one-day propagator of the same rates (set-up only; its values do not change the cost).
        var r = PoolRates.Of(ParameterSet.Healthy);
        (_t0, _h0) = r.CarriersInBalanceWith(2500);
        double[] a =
        [
            -r.TranscobalaminPerDay, 0, r.ReabsorptionPerDay + r.TranscobalaminReleasePerDay, r.ProteinBoundPerDay,
            0, -r.HaptocorrinPerDay, r.HaptocorrinReleasePerDay, 0,
            r.TranscobalaminPerDay, r.HaptocorrinPerDay, -(r.StoreExitPerDay + r.HaptocorrinReleasePerDay + r.TranscobalaminReleasePerDay), 0,
            0, 0, 0, -r.ProteinBoundPerDay,
        ];
        _m = Exponential(a);
        _free = Math.Exp(-r.FreePerDay);
    }

    /// <summary>The work itself: propagate, add the dose, store.</summary>
    [Benchmark(Baseline = true)]
    public double Floor()
    {
        double t = _t0, h = _h0, s = 2500, b = 0, e = 0;
        var m = _m.AsSpan(0, 16);
        var output = Buffer.AsSpan();
        var retained = _retainedByDay.AsSpan(0, output.Length);
        for (var k = 0; k < output.Length; k++)
        {
            if (k > 0)
            {
                (t, h, s, b) = ((m[0] * t) + (m[1] * h) + (m[2] * s) + (m[3] * b), (m[4] * t) + (m[5] * h) + (m[6] * s) + (m[7] * b), (m[8] * t) + (m[9] * h) + (m[10] * s) + (m[11] * b), m[15] * b);
                e *= _free;
            }

            output[k] = new(s, t + h + b + e, 1000 * (((t + h + b) / 3) + (e / 15)), t);
            b += retained[k];
        }

        return output[^1].StoresMicrograms;
    }

    /// <summary>The library's span path.</summary>
    [Benchmark]
    public double Core() => RunSpanPath();

    private static double[] Exponential(double[] a)
    {
        // exp(A) by scaling and squaring of a Taylor series (A/2^20, 12 terms), row-major 4×4.
        const int squarings = 20;
        var scale = Math.ScaleB(1, -squarings);
        double[] Multiply(double[] x, double[] y) => [.. Enumerable.Range(0, 16).Select(k => Enumerable.Range(0, 4).Sum(j => x[((k / 4) * 4) + j] * y[(j * 4) + (k % 4)]))];
        var scaled = a.Select(v => v * scale).ToArray();
        double[] identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
        var result = identity;
        var term = identity;
        for (var n = 1; n <= 12; n++)
        {
            term = [.. Multiply(term, scaled).Select(v => v / n)];
            result = [.. result.Select((v, i) => v + term[i])];
        }

        for (var i = 0; i < squarings; i++)
        {
            result = Multiply(result, result);
        }

        return result;
    }
}
