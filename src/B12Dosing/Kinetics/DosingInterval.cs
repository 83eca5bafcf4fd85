using System.Globalization;
using B12Dosing.Quantities;

namespace B12Dosing.Kinetics;

/// <summary>
/// The metrics a pharmacokinetic user expects for one dosing interval, read from the samples of a
/// <see cref="SimulationResult"/> in that interval, as a non-compartmental analysis reads observed samples: the peak and
/// trough are the largest and smallest sampled values, the average is the trapezoidal area over the sampled span divided
/// by its length, and the time above a threshold interpolates linearly between samples. They are only as good as the
/// sampling: sample after each dose (<see cref="SimulationSettings.SamplesAfterDose"/>, for example at 0 and a few hours)
/// and with a step small against the interval. See <see cref="SimulationResult.DosingIntervals"/>. Times are UnitsNet
/// <see cref="Duration"/>s in days from the start; <see cref="Peak"/>, <see cref="Trough"/> and <see cref="Average"/> are in the
/// unit of the value analysed (the caller's selector).
/// </summary>
public readonly record struct DosingInterval
{
    internal DosingInterval(int doseNumber, double startDay, double endDay, bool isComplete, int samples, double peak, double peakDay, double trough, double troughDay, double average, double daysAbove)
    {
        DoseNumber = doseNumber;
        StartDay = startDay;
        EndDay = endDay;
        IsComplete = isComplete;
        Samples = samples;
        Peak = peak;
        PeakDay = peakDay;
        Trough = trough;
        TroughDay = troughDay;
        Average = average;
        DaysAbove = daysAbove;
    }

    /// <summary>The interval's dose (1 for the first): its rows have this <see cref="SimulationRow.DoseNumber"/>.</summary>
    public int DoseNumber { get; }

    /// <summary>When the dose was given.</summary>
    public TimeSpan Start => ParameterUnits.FromDays(StartDay);

    /// <summary>When the next dose was given, or the time of the last sample for the interval after the last dose.</summary>
    public TimeSpan End => ParameterUnits.FromDays(EndDay);

    /// <summary>True if another dose ends the interval (false for the one after the last dose, cut at the last sample).</summary>
    public bool IsComplete { get; }

    /// <summary>The number of rows in the interval.</summary>
    public int Samples { get; }

    /// <summary>The largest sampled value, in the unit of the value analysed.</summary>
    public double Peak { get; }

    /// <summary>When <see cref="Peak"/> was sampled (the first such sample).</summary>
    public TimeSpan PeakTime => ParameterUnits.FromDays(PeakDay);

    /// <summary>The smallest sampled value, in the unit of the value analysed.</summary>
    public double Trough { get; }

    /// <summary>When <see cref="Trough"/> was sampled (the first such sample).</summary>
    public TimeSpan TroughTime => ParameterUnits.FromDays(TroughDay);

    /// <summary>The time-weighted average over the sampled span (trapezoidal rule), in the unit of the value analysed; the one value if there is one sample.</summary>
    public double Average { get; }

    /// <summary>The part of the sampled span with the value above the threshold, interpolating linearly between samples.</summary>
    public TimeSpan TimeAbove => ParameterUnits.FromDays(DaysAbove);

    /// <summary>The interval's length.</summary>
    public TimeSpan Length => ParameterUnits.FromDays(LengthDays);

    /// <summary><see cref="Start"/> in days, for the kernels.</summary>
    internal double StartDay { get; }

    /// <summary><see cref="End"/> in days, for the kernels.</summary>
    internal double EndDay { get; }

    /// <summary><see cref="PeakTime"/> in days, for the kernels.</summary>
    internal double PeakDay { get; }

    /// <summary><see cref="TroughTime"/> in days, for the kernels.</summary>
    internal double TroughDay { get; }

    /// <summary><see cref="TimeAbove"/> in days, for the kernels.</summary>
    internal double DaysAbove { get; }

    /// <summary><see cref="Length"/> in days, for the kernels.</summary>
    internal double LengthDays => EndDay - StartDay;

    /// <summary>Readable text such as <c>dose 2, day 7 to 14: peak 812 at day 7, trough 455 at day 14, average 530, 3.2 d above</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"dose {DoseNumber}, day {StartDay:0.###} to {EndDay:0.###}{(IsComplete ? "" : " (last sample)")}: peak {Peak:G4} at day {PeakDay:0.###}, trough {Trough:G4} at day {TroughDay:0.###}, average {Average:G4}, {DaysAbove:0.###} d above");
}
