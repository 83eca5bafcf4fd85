using System.Globalization;
using System.Reflection;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;

namespace B12Dosing.Benchmarks;

/// <summary>
/// The scenarios of model 3 (<see cref="ParameterSet.WithFreeCapacity"/>) that <see cref="CarrierModelBenchmarks"/> and
/// <c>benchmarks/peers/run.sh</c> (<c>MODEL=3</c>) share: one healthy patient-year with average stores, 1000 µg
/// cyanocobalamin by mouth every day, or 1000 µg IM every 30 days; no diet (<see cref="SimulationSettings"/> adds none).
/// </summary>
internal static class CarrierScenarios
{
    /// <summary>One year.</summary>
    public static readonly TimeSpan Year = TimeSpan.FromDays(365);

    /// <summary>The scenarios' names, as <see cref="Events"/> takes them.</summary>
    public static readonly string[] Names = ["oral-daily", "im-monthly"];

    /// <summary>Model 3, healthy.</summary>
    public static readonly ParameterSet FreeCapacity = ParameterSet.Healthy.WithFreeCapacity();

    /// <summary>1000 µg by mouth every day for a year.</summary>
    public static DoseEvent[] DailyOral() => [.. Enumerable.Range(0, 365).Select(d => new DoseEvent(TimeSpan.FromDays(d), Dose.Oral(Mass.FromMicrograms(1000))))];

    /// <summary>1000 µg IM every 30 days for a year.</summary>
    public static DoseEvent[] MonthlyIm() => [.. Enumerable.Range(0, 13).Select(m => new DoseEvent(TimeSpan.FromDays(30 * m), Dose.Intramuscular(Mass.FromMicrograms(1000))))];

    /// <summary>The events of the scenario <paramref name="name"/>.</summary>
    public static DoseEvent[] Events(string name) => name switch
    {
        "oral-daily" => DailyOral(),
        "im-monthly" => MonthlyIm(),
        _ => throw new ArgumentException($"unknown scenario '{name}': {string.Join(" or ", Names)}"),
    };

    /// <summary>The plan of the scenario <paramref name="name"/>: a year with daily rows.</summary>
    public static SimulationPlan Plan(string name) => new(Events(name), Year, TimeSpan.FromDays(1));
}

/// <summary>
/// The library's side of <c>benchmarks/peers/run.sh</c> with <c>MODEL=3</c>: model 3's nonlinear system
/// (<see cref="TransitRates.Derivative"/>, integrated by <see cref="Transit.Advance(ref TransitState, double, in TransitRates, ref double)"/>)
/// handed to peers that integrate the same equations. Two modes:
/// <list type="bullet">
/// <item><c>peers3 &lt;dir&gt;</c> writes, for each scenario of <see cref="CarrierScenarios"/>, a folder
/// <c>&lt;dir&gt;/&lt;scenario&gt;</c> with <c>scenario.csv</c> (key,value: rows, steps, the integrator's tolerances and
/// first step, the state's layout), <c>rates.csv</c> (name,value: every rate constant of <see cref="TransitRates"/>, read
/// from its fields, per hour or µg), <c>initial.f64</c> (the 23 entries of <see cref="TransitState"/> at time zero),
/// <c>steps.f64</c> (the run's steps as the library takes them, 5 doubles each: hours to advance first, then the action:
/// 0 none, 1 a deposit of the next three values' µg into <c>Gut1</c>, entry, µg into that entry, 2 output row k)
/// and <c>b12dosing.f64</c> (the library's series, 6 doubles a row: reported stores S + P, holoTC T, holoHC H,
/// protein-bound B, free B12, cumulative urine, µg).</item>
/// <item><c>peers3-serve --scenario s</c> answers each <c>span R</c> line with the process CPU seconds
/// (<see cref="Environment.CpuUsage"/>) of R runs of the scenario on the span path
/// (<see cref="Simulator.Run(SimulationPlan, ParameterSet, Mass, Span{PoolState})"/>, the plan prepared once), one run a
/// patient-year.</item>
/// </list>
/// </summary>
internal static class PeerExport3
{
    /// <summary>The columns of <c>b12dosing.f64</c>.</summary>
    private const int SeriesColumns = 6;

    public static int Run(string[] args)
    {
        var root = args.Length > 0 ? args[0] : throw new ArgumentException("usage: peers3 <dir>");
        var physiology = CarrierScenarios.FreeCapacity;
        var rates = new TransitRates(physiology, PoolRates.Of(physiology));
        var stores = SimulationSettings.AverageStores.Micrograms;
        foreach (var name in CarrierScenarios.Names)
        {
            var dir = Path.Combine(root, name);
            Directory.CreateDirectory(dir);
            var plan = CarrierScenarios.Plan(name);
            File.WriteAllText(Path.Combine(dir, "scenario.csv"), PeerExport.Invariant($"""
                key,value
                scenario,{name}
                days,{CarrierScenarios.Year.TotalDays}
                rows,{plan.OutputCount}
                steps,{plan.Steps.Length}
                entries,{TransitState.Count}
                relative_tolerance,{Transit.RelativeTolerance:R}
                absolute_tolerance,{Transit.AbsoluteTolerance:R}
                exhausted,{Transit.Exhausted:R}
                first_step_hours,{0.5 / rates.Stiffest:R}
                layout,injC injH mucC mucH nasC nasH gut1 gut2 gut3 freeC freeH T H S B L P urine faeces toTc toHc toProtein toTissue

                """));
            File.WriteAllLines(Path.Combine(dir, "rates.csv"), [
                "name,value",
                .. typeof(TransitRates).GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
                    .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name.TrimStart('_')},{(double)f.GetValue(rates)!:R}"))]);
            var (t, h) = rates.CarriersInBalanceWith(stores);
            PeerExport.Write(dir, "initial.f64", w =>
            {
                for (var i = 0; i < TransitState.Count; i++)
                {
                    w.Write(i switch { TransitState.T => t, TransitState.H => h, TransitState.S => stores, _ => 0.0 });
                }
            });
            PeerExport.Write(dir, "steps.f64", w => WriteSteps(w, plan, physiology));
            var series = new Series(new double[plan.OutputCount * SeriesColumns]);
            PatientRun.Run(plan, physiology, stores, ref series);
            PeerExport.Write(dir, "b12dosing.f64", w => Array.ForEach(series.Values, w.Write));
            Console.WriteLine(PeerExport.Invariant($"exported model 3 {name}: {plan.OutputCount} rows, {plan.IntakeCount} intakes, {plan.Steps.Length} steps"));
        }

        return 0;
    }

    /// <summary>The <c>peers3-serve</c> loop (see the class summary).</summary>
    public static int Serve(string[] args)
    {
        var plan = CarrierScenarios.Plan(PeerExport.Option(args, "--scenario", CarrierScenarios.Names[0]));
        var buffer = new PoolState[plan.OutputCount];
        return PeerExport.Serve((command, sink) =>
        {
            if (command != "span")
            {
                throw new ArgumentException($"unknown command '{command}': span R");
            }

            Simulator.Run(plan, CarrierScenarios.FreeCapacity, SimulationSettings.AverageStores, buffer);
            return sink + buffer[^1].StoresMicrograms;
        });
    }

    /// <summary>The plan's steps with what each intake deposits (<see cref="Absorber.TakeLoad"/>, in the run's order).</summary>
    private static void WriteSteps(BinaryWriter w, SimulationPlan plan, ParameterSet physiology)
    {
        var absorber = new Absorber(physiology);
        var intakes = plan.Intakes;
        var intervals = plan.Intervals;
        foreach (var step in plan.Steps)
        {
            w.Write(step.Interval >= 0 ? intervals[step.Interval] / (double)TimeSpan.TicksPerHour : 0.0);
            if (step.Action >= 0)
            {
                var intake = intakes[step.Action];
                var (_, viaIf, load) = absorber.TakeLoad(in intake);
                foreach (var v in (double[])[1, viaIf, TransitState.SiteOf(intake.Route, intake.Form), load])
                {
                    w.Write(v);
                }
            }
            else
            {
                foreach (var v in (double[])[step.Action == SimulationPlan.NoAction ? 0 : 2, step.Action == SimulationPlan.NoAction ? 0 : ~step.Action, 0, 0])
                {
                    w.Write(v);
                }
            }
        }
    }

    /// <summary>Collects the rows of <c>b12dosing.f64</c> from the run's state.</summary>
    private readonly struct Series(double[] values) : IOutputSink
    {
        public double[] Values { get; } = values;

        public static bool KeepsTotals => true;

        public void Output(int index, ref PatientRun run)
        {
            var row = Values.AsSpan(index * SeriesColumns, SeriesColumns);
            row[0] = run.ReportedStores;
            row[1] = run.Transcobalamin;
            row[2] = run.Haptocorrin;
            row[3] = run.ProteinBound;
            row[4] = run.Free;
            row[5] = run.Urine.Sum;
        }
    }
}
