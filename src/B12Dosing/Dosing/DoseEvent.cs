namespace B12Dosing.Dosing;

/// <summary>
/// One dose given at one time, measured from the start of a regimen or simulation (time zero).
/// Events at the same time are all kept; their order does not change a simulation's result.
/// </summary>
public readonly record struct DoseEvent
{
    /// <summary>Creates a dose event.</summary>
    /// <param name="time">When the dose is given, from time zero; not negative.</param>
    /// <param name="dose">The dose given.</param>
    /// <exception cref="ArgumentOutOfRangeException">The time is negative, or the dose is the default (empty) value.</exception>
    public DoseEvent(TimeSpan time, Dose dose)
    {
        if (time < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "A dose event's time must not be negative (time zero is the start).");
        }

        if (!(dose.Micrograms > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(dose), dose, "The dose is empty (the default value); build it with Dose.Oral, Dose.Intramuscular and the like.");
        }

        Time = time;
        Dose = dose;
    }

    /// <summary>When the dose is given, from time zero.</summary>
    public TimeSpan Time { get; }

    /// <summary>The dose given.</summary>
    public Dose Dose { get; }

    /// <summary>Readable text such as <c>day 3.25: 1000 µg cyanocobalamin im</c>.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"day {Time.TotalDays:0.###}: {Dose}");
}
