using B12Dosing.Quantities;

namespace B12Dosing.Dosing;

/// <summary>
/// One intake: the merged doses of one route, form and vehicle at one instant. <see cref="Prepare"/> turns dose events
/// into the sorted, merged intakes that both the simulation (<see cref="Kinetics.SimulationPlan"/>) and
/// <see cref="Absorption.AbsorptionModel.EvaluateSeries"/> walk, so that doses at the same instant give the same result
/// whatever their order or split.
/// </summary>
internal readonly record struct Intake(long Ticks, double Amount, Route Route, CobalaminForm Form, DoseVehicle Vehicle)
{
    public bool UsesIntrinsicFactor => Route is Route.Oral or Route.Sublingual;

    /// <summary>The horizon that keeps every event (<see cref="Absorption.AbsorptionModel.EvaluateSeries"/>: even one at <see cref="TimeSpan.MaxValue"/>).</summary>
    public const long NoHorizon = long.MaxValue;

    /// <summary>The sorted, merged intakes of the events before <paramref name="horizonTicks"/> (all of them for <see cref="NoHorizon"/>).</summary>
    public static Intake[] Prepare(ReadOnlySpan<DoseEvent> events, long horizonTicks)
    {
        var list = new Intake[events.Length];
        var n = 0;
        var sorted = true;
        foreach (var e in events)
        {
            var amount = e.Dose.Micrograms;
            if (!(amount > 0))
            {
                throw new ArgumentException("A dose event is empty (default(DoseEvent)); build events with new DoseEvent(time, dose).", nameof(events));
            }

            if (e.Time.Ticks >= horizonTicks && horizonTicks != NoHorizon)
            {
                continue;
            }

            list[n] = new(e.Time.Ticks, amount, e.Dose.Route, e.Dose.Form, e.Dose.Vehicle);
            sorted &= n == 0 || Order(list[n - 1], list[n]) < 0;
            n++;
        }

        if (!sorted)
        {
            Array.Sort(list, 0, n, Comparer<Intake>.Create(Order));
        }

        // Merge same instant, route, form and vehicle (amounts summed in sorted order).
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            if (m > 0 && SameInstantAndKind(list[m - 1], list[i]))
            {
                list[m - 1] = list[m - 1] with { Amount = list[m - 1].Amount + list[i].Amount };
            }
            else
            {
                list[m++] = list[i];
            }
        }

        return m == list.Length ? list : list[..m];
    }

    /// <summary>Same amount, route, form and vehicle (at any time).</summary>
    public bool SameKind(in Intake other) => Amount == other.Amount && Route == other.Route && Form == other.Form && Vehicle == other.Vehicle;

    private static bool SameInstantAndKind(Intake a, Intake b) => a.Ticks == b.Ticks && a.Route == b.Route && a.Form == b.Form && a.Vehicle == b.Vehicle;

    private static int Order(Intake a, Intake b)
    {
        var c = a.Ticks.CompareTo(b.Ticks);
        c = c != 0 ? c : a.Route.CompareTo(b.Route);
        c = c != 0 ? c : a.Form.CompareTo(b.Form);
        c = c != 0 ? c : a.Vehicle.CompareTo(b.Vehicle);
        return c != 0 ? c : a.Amount.CompareTo(b.Amount);
    }
}
