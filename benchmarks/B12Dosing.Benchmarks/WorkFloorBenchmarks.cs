using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Regimens;
using BenchmarkDotNet.Attributes;

namespace B12Dosing.Benchmarks;

/// <summary>
/// How close the core is to the work itself. <c>Floor</c> does only what any method must do for one patient-year on
/// bnf-no-neuro with daily rows: evaluate the state at each of the 366 output points (one 2×2 propagator applied per
/// day, fixed in advance), add each dose's retained amount, and store the two pools. <c>Core</c> is the library's span
/// path on the same plan, which also builds the propagators for this patient, evaluates each dose's absorption and keeps
/// the mass balance.
/// </summary>
[MemoryDiagnoser]
public class WorkFloorBenchmarks : SpanPathBenchmark
{
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);
    private double[] _retainedByDay = null!;
    private double _pp, _ps, _sp, _ss, _p0;

    [GlobalSetup]
    public void Setup()
    {
        Prepare(RegimenCatalogue.Get("bnf-no-neuro").Regimen.Events(Year), Year, TimeSpan.FromDays(1), Physiology.Healthy);
        _retainedByDay = new double[Plan.OutputCount];
        foreach (var intake in Plan.IntakeOutcomes(Physiology.Healthy))
        {
            _retainedByDay[(int)intake.Day] += intake.Outcome.Retained;
        }

        // The one-day propagator exp(A·1 day) of the same rates (set-up only; its values do not change the cost).
        var rates = PoolRates.Of(Physiology.Healthy);
        _p0 = rates.PlasmaInBalanceWith(2500);
        (_pp, _ps, _sp, _ss) = Exponential(-rates.TransitPerDay, rates.ReabsorptionPerDay, rates.TransitPerDay, -rates.StoreExitPerDay);
    }

    /// <summary>The work itself: propagate, add the dose, store.</summary>
    [Benchmark(Baseline = true)]
    public double Floor()
    {
        double p = _p0, s = 2500;
        var output = Buffer.AsSpan();
        var retained = _retainedByDay.AsSpan(0, output.Length);
        for (var k = 0; k < output.Length; k++)
        {
            if (k > 0)
            {
                (p, s) = ((_pp * p) + (_ps * s), (_sp * p) + (_ss * s));
            }

            output[k] = new(s, p);
            p += retained[k];
        }

        return output[^1].StoresMicrograms;
    }

    /// <summary>The library's span path.</summary>
    [Benchmark]
    public double Core() => RunSpanPath();

    private static (double, double, double, double) Exponential(double a, double b, double c, double d)
    {
        // exp(M) by scaling and squaring of a Taylor series (M/2^20, 12 terms).
        const int squarings = 20;
        var scale = Math.ScaleB(1, -squarings);
        double ma = a * scale, mb = b * scale, mc = c * scale, md = d * scale;
        double ra = 1, rb = 0, rc = 0, rd = 1, ta = 1, tb = 0, tc = 0, td = 1;
        for (var n = 1; n <= 12; n++)
        {
            (ta, tb, tc, td) = (((ta * ma) + (tb * mc)) / n, ((ta * mb) + (tb * md)) / n, ((tc * ma) + (td * mc)) / n, ((tc * mb) + (td * md)) / n);
            (ra, rb, rc, rd) = (ra + ta, rb + tb, rc + tc, rd + td);
        }

        for (var i = 0; i < squarings; i++)
        {
            (ra, rb, rc, rd) = ((ra * ra) + (rb * rc), (ra * rb) + (rb * rd), (rc * ra) + (rd * rc), (rc * rb) + (rd * rd));
        }

        return (ra, rb, rc, rd);
    }
}
