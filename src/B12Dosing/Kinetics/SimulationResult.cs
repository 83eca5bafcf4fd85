using System.Text;

namespace B12Dosing.Kinetics;

/// <summary>The time course of a simulation (one row per output step, plus the horizon) and its summary.</summary>
public sealed class SimulationResult
{
    private readonly SimulationRow[] _rows;

    internal SimulationResult(SimulationRow[] rows, SimulationSummary summary, SimulationSettings settings)
    {
        _rows = rows;
        Summary = summary;
        Settings = settings;
    }

    /// <summary>The rows, from day 0 to the horizon.</summary>
    public IReadOnlyList<SimulationRow> Series => _rows;

    /// <summary>The totals and the mass balance.</summary>
    public SimulationSummary Summary { get; }

    /// <summary>The settings the simulation ran with.</summary>
    public SimulationSettings Settings { get; }

    /// <summary>
    /// The first time, in days, at which the stores reach <paramref name="micrograms"/> coming from the side they
    /// started on (rising or falling), interpolated linearly between rows. False if they never do.
    /// </summary>
    public bool TryFindDayStoresReach(double micrograms, out double day) => TryFindCrossing(static r => r.StoresMicrograms, micrograms, out day);

    /// <summary>The first time, in days, at which serum reaches <paramref name="picogramsPerMilliliter"/> (see <see cref="TryFindDayStoresReach"/>).</summary>
    public bool TryFindDaySerumReaches(double picogramsPerMilliliter, out double day) => TryFindCrossing(static r => r.SerumPicogramsPerMilliliter, picogramsPerMilliliter, out day);

    /// <summary>Days spent with serum below <paramref name="picogramsPerMilliliter"/>, interpolating linearly between rows.</summary>
    public double DaysSerumBelow(double picogramsPerMilliliter) => DaysBelow(static r => r.SerumPicogramsPerMilliliter, picogramsPerMilliliter);

    /// <summary>Days spent with stores below <paramref name="micrograms"/>, interpolating linearly between rows.</summary>
    public double DaysStoresBelow(double micrograms) => DaysBelow(static r => r.StoresMicrograms, micrograms);

    /// <summary>The summary and the first and last rows.</summary>
    public override string ToString() =>
        new StringBuilder()
            .Append(_rows[0]).Append('\n')
            .Append(_rows[^1]).Append('\n')
            .Append(Summary)
            .ToString();

    private bool TryFindCrossing(Func<SimulationRow, double> value, double level, out double day)
    {
        var below = value(_rows[0]) < level;
        for (var i = 1; i < _rows.Length; i++)
        {
            var v = value(_rows[i]);
            if ((v < level) != below)
            {
                var previous = value(_rows[i - 1]);
                day = _rows[i - 1].Day + ((_rows[i].Day - _rows[i - 1].Day) * (level - previous) / (v - previous));
                return true;
            }
        }

        day = 0;
        return false;
    }

    private double DaysBelow(Func<SimulationRow, double> value, double level)
    {
        var total = 0.0;
        for (var i = 1; i < _rows.Length; i++)
        {
            double a = value(_rows[i - 1]) - level, b = value(_rows[i]) - level, width = _rows[i].Day - _rows[i - 1].Day;
            total += (a < 0, b < 0) switch
            {
                (true, true) => width,
                (false, false) => 0,
                (true, false) => width * -a / (b - a),
                (false, true) => width * -b / (a - b),
            };
        }

        return total;
    }
}
