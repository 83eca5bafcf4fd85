using System.Diagnostics;
using System.Globalization;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;

namespace B12Dosing.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/B12Dosing.Benchmarks -- peers &lt;dir&gt; [--patients N] [--seed S]
/// [--days D] [--regimen r] [--conditions mix]</c>: writes the scenario of <c>benchmarks/peers/run.sh</c> as CSV, everything taken from the
/// library so that the peers retype nothing: each virtual patient's rate constants and initial pools
/// (<see cref="PoolRates"/>), where each intake's absorbed amount goes as the library computes it
/// (<see cref="SimulationPlan.IntakeOutcomes"/>; the peers apply the store limit themselves), the library's own series, and its time per patient-year on one thread
/// (the span path; the best of several passes over all patients, after a warm-up).
/// </summary>
internal static class PeerExport
{
    public static int Run(string[] args)
    {
        var dir = args.Length > 0 ? args[0] : throw new ArgumentException("usage: peers <dir> [--patients N] [--seed S] [--days D] [--regimen r] [--conditions mix]");
        string Option(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var patients = int.Parse(Option("--patients", "1000"), CultureInfo.InvariantCulture);
        var seed = ulong.Parse(Option("--seed", "1"), CultureInfo.InvariantCulture);
        var days = int.Parse(Option("--days", "365"), CultureInfo.InvariantCulture);
        var regimenName = Option("--regimen", "bnf-no-neuro");
        var horizon = TimeSpan.FromDays(days);
        var plan = new SimulationPlan(RegimenCatalogue.Resolve(regimenName).Events(horizon).AsSpan(), horizon, TimeSpan.FromDays(1));
        var model = PopulationModel.Default with { Conditions = ConditionMix.Parse(Option("--conditions", "healthy")) };
        var people = Enumerable.Range(0, patients).Select(i => model.Patient(seed, i)).ToArray();
        Directory.CreateDirectory(dir);

        using (var scenario = new StreamWriter(Path.Combine(dir, "scenario.csv")))
        {
            scenario.WriteLine("regimen,days,step_days,patients,seed");
            scenario.WriteLine(Invariant($"\"{RegimenCatalogue.Resolve(regimenName)}\",{days},1,{patients},{seed}"));
        }

        using (var csv = new StreamWriter(Path.Combine(dir, "patients.csv")))
        using (var doses = new StreamWriter(Path.Combine(dir, "doses.csv")))
        {
            csv.WriteLine("patient,condition,tc_per_day,tc_to_hc,hc_per_day,hc_release_per_day,tc_release_per_day,reabsorption_per_day,store_exit_per_day,protein_per_day,hc_share,free_per_day,labile_per_day,max_body_ug,tc0_ug,hc0_ug,stores0_ug");
            doses.WriteLine("patient,day,tc_ug,hc_ug,tissue_ug,protein_ug,urine_ug");
            foreach (var p in people)
            {
                var r = PoolRates.Of(p.Physiology);
                var stores = p.InitialStores.Micrograms;
                var (tc, hc) = r.CarriersInBalanceWith(stores);
                csv.WriteLine(Invariant($"{p.Index},{p.Condition},{r.TranscobalaminPerDay:R},{r.TranscobalaminToHaptocorrinFraction:R},{r.HaptocorrinPerDay:R},{r.HaptocorrinReleasePerDay:R},{r.TranscobalaminReleasePerDay:R},{r.ReabsorptionPerDay:R},{r.StoreExitPerDay:R},{r.ProteinBoundPerDay:R},{r.HaptocorrinShare:R},{r.FreePerDay:R},{r.LabilePerDay:R},{r.MaximumStoresMicrograms:R},{tc:R},{hc:R},{stores:R}"));
                foreach (var intake in plan.IntakeOutcomes(p.Physiology).Where(o => o.Outcome.AbsorbedMicrograms > 0))
                {
                    var o = intake.Outcome;
                    doses.WriteLine(Invariant($"{p.Index},{intake.Day:R},{o.TranscobalaminMicrograms:R},{o.HaptocorrinMicrograms:R},{o.TissueMicrograms:R},{o.ProteinBoundMicrograms:R},{o.UrinaryLossMicrograms:R}"));
                }
            }
        }

        var buffer = new PoolState[plan.OutputCount];
        using (var series = new StreamWriter(Path.Combine(dir, "b12dosing.csv")))
        {
            series.WriteLine("patient,day,stores_ug,plasma_ug");
            foreach (var p in people)
            {
                Simulator.Run(plan, p.Physiology, p.InitialStores, buffer);
                for (var k = 0; k < buffer.Length; k++)
                {
                    series.WriteLine(Invariant($"{p.Index},{plan.Day(k):R},{buffer[k].StoresMicrograms:R},{buffer[k].PlasmaMicrograms:R}"));
                }
            }
        }

        var best = double.MaxValue;
        var sink = 0.0;
        for (var pass = 0; pass < 25; pass++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var p in people)
            {
                Simulator.Run(plan, p.Physiology, p.InitialStores, buffer);
                sink += buffer[^1].StoresMicrograms;
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        var population = Stopwatch.StartNew();
        var result = PopulationSimulator.Run(RegimenCatalogue.Resolve(regimenName), new PopulationSettings(patients, horizon, seed));
        var populationSeconds = population.Elapsed.TotalSeconds;
        var perPatientYear = best / patients / (days / 365.0);
        File.WriteAllText(Path.Combine(dir, "b12dosing_timing.csv"), Invariant($"seconds_per_patient_year,population_api_seconds\n{perPatientYear:R},{populationSeconds:R}\n"));
        Console.WriteLine(Invariant($"b12dosing: {patients} patients x {days} days on {regimenName}: {perPatientYear * 1e6:0.00} µs per patient-year (one thread, best of 25); population API (percentiles, all cores) {populationSeconds * 1e3:0.0} ms; median final serum {result.Serum.P50[^1]:0} pg/mL [{sink:E1}]"));
        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
