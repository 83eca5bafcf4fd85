using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using BenchmarkDotNet.Attributes;

namespace B12Dosing.Benchmarks;

/// <summary>
/// What model 3 (<see cref="ParameterSet.WithFreeCapacity"/>: the carriers' free capacity as state, absorption over hours,
/// integrated from event to event) costs against model 2 (the default: the exact propagator between events), on the
/// three paths of issue 17: one oral dose evaluated (a new dose every call, so no cache answers), one patient-year on the
/// span path (1000 µg by mouth daily, and 1000 µg IM every 30 days) and a small population (20 patients, one year of
/// 1000 µg by mouth daily, one thread).
/// </summary>
[MemoryDiagnoser]
public class CarrierModelBenchmarks : SpanPathBenchmark
{
    private static readonly TimeSpan Year = CarrierScenarios.Year;
    private readonly Regimen _dailyOralRegimen = Regimen.Parse("1000 ug oral daily");
    private ParameterSet _physiology = ParameterSet.Healthy;
    private SimulationPlan? _monthlyPlan;
    private PoolState[] _monthlyBuffer = [];
    private int _dose;

    /// <summary>The carrier model: model 2 (the default) or model 3.</summary>
    [Params(PlasmaCarrierModel.BindingCapacity, PlasmaCarrierModel.FreeCapacity)]
    public PlasmaCarrierModel Model { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _physiology = Model == PlasmaCarrierModel.FreeCapacity ? CarrierScenarios.FreeCapacity : ParameterSet.Healthy;
        Prepare(CarrierScenarios.DailyOral(), Year, TimeSpan.FromDays(1), _physiology);
        _monthlyPlan = CarrierScenarios.Plan("im-monthly");
        _monthlyBuffer = new PoolState[_monthlyPlan.OutputCount];
    }

    /// <summary>One oral dose evaluated: 1000 µg plus a step that changes every call (64 distinct doses in turn).</summary>
    [Benchmark]
    public double OralDose() => AbsorptionModel.Evaluate(Dose.Oral(Mass.FromMicrograms(1000 + (0.37 * (_dose++ % 64)))), _physiology).RetainedMicrograms;

    /// <summary>One patient-year of 1000 µg by mouth every day on the span path (a prepared plan, a reused buffer).</summary>
    [Benchmark]
    public double PatientYearOralDaily() => RunSpanPath();

    /// <summary>One patient-year of 1000 µg IM every 30 days on the span path.</summary>
    [Benchmark]
    public double PatientYearImMonthly()
    {
        Simulator.Run(_monthlyPlan!, _physiology, SimulationSettings.AverageStores, _monthlyBuffer);
        return _monthlyBuffer[^1].StoresMicrograms;
    }

    /// <summary>20 patients for a year of 1000 µg by mouth daily, one thread.</summary>
    [Benchmark]
    public double PopulationOralDaily() =>
        PopulationSimulator.Run(_dailyOralRegimen, new PopulationSettings(20, Year, 1) { MaxDegreeOfParallelism = 1, Model = new PopulationModel { Parameters = _physiology } }).ShareBelowThreshold[^1];
}
