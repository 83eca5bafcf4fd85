using System.Globalization;

namespace B12Dosing.Kinetics;

/// <summary>
/// The metrics a pharmacokinetic user expects for one dosing interval, read from the samples of a
/// <see cref="SimulationResult"/> in that interval, as a non-compartmental analysis reads observed samples: the peak and
/// trough are the largest and smallest sampled values, the average is the trapezoidal area over the sampled span divided
/// by its length, and the time above a threshold interpolates linearly between samples. They are only as good as the
/// sampling: sample after each dose (<see cref="SimulationSettings.SamplesAfterDose"/>, for example at 0 and a few hours)
/// and with a step small against the interval. See <see cref="SimulationResult.DosingIntervals"/>.
/// </summary>
/// <param name="DoseNumber">The interval's dose (1 for the first): its rows have this <see cref="SimulationRow.DoseNumber"/>.</param>
/// <param name="StartDay">When the dose was given, days.</param>
/// <param name="EndDay">When the next dose was given, or the time of the last sample for the interval after the last dose, days.</param>
/// <param name="IsComplete">True if another dose ends the interval (false for the one after the last dose, cut at the last sample).</param>
/// <param name="Samples">The number of rows in the interval.</param>
/// <param name="Peak">The largest sampled value.</param>
/// <param name="PeakDay">When it was sampled, days (the first such sample).</param>
/// <param name="Trough">The smallest sampled value.</param>
/// <param name="TroughDay">When it was sampled, days (the first such sample).</param>
/// <param name="Average">The time-weighted average over the sampled span (trapezoidal rule); the one value if there is one sample.</param>
/// <param name="DaysAbove">Days of the sampled span with the value above the threshold, interpolating linearly between samples.</param>
public readonly record struct DosingInterval(
    int DoseNumber,
    double StartDay,
    double EndDay,
    bool IsComplete,
    int Samples,
    double Peak,
    double PeakDay,
    double Trough,
    double TroughDay,
    double Average,
    double DaysAbove)
{
    /// <summary>The interval's length, days.</summary>
    public double LengthDays => EndDay - StartDay;

    /// <summary>Readable text such as <c>dose 2, day 7 to 14: peak 812 at day 7, trough 455 at day 14, average 530, 3.2 d above</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"dose {DoseNumber}, day {StartDay:0.###} to {EndDay:0.###}{(IsComplete ? "" : " (last sample)")}: peak {Peak:G4} at day {PeakDay:0.###}, trough {Trough:G4} at day {TroughDay:0.###}, average {Average:G4}, {DaysAbove:0.###} d above");
}
