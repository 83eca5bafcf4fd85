using B12Dosing.Dosing;
using B12Dosing.Quantities;
using FsCheck;
using FsCheck.Fluent;

namespace B12Dosing.Tests.Kinetics;

/// <summary>Shared regimens and generators for the kinetics tests.</summary>
internal static class KineticsTestData
{
    public static DoseEvent At(double day, Dose dose) => new(TimeSpan.FromDays(day), dose);

    public static Dose Oral(double ug) => Dose.Oral(Mass.FromMicrograms(ug));

    public static Dose Im(double ug, CobalaminForm form = CobalaminForm.Cyanocobalamin) => Dose.Intramuscular(Mass.FromMicrograms(ug), form);

    /// <summary>Kuzminski 1998 oral arm: 2000 µg CNCbl by mouth daily.</summary>
    public static DoseEvent[] KuzminskiOral(int days) => [.. Enumerable.Range(0, days).Select(d => At(d, Oral(2000)))];

    /// <summary>Kuzminski 1998 IM arm: 1000 µg CNCbl IM on days 1, 3, 7, 10, 14, 21, 30, 60 and 90 (day 1 = time zero).</summary>
    public static DoseEvent[] KuzminskiIm() => [.. new[] { 1, 3, 7, 10, 14, 21, 30, 60, 90 }.Select(d => At(d - 1, Im(1000)))];

    /// <summary>A random dose: any route and form (food-bound when oral, one time in four), 0.1 µg to 5 mg.</summary>
    public static readonly Gen<Dose> DoseGen =
        from ug in Gen.Choose(-10000, 37000).Select(i => Math.Pow(10, i / 10000.0))
        from route in Gen.Elements(Routes.All.ToArray())
        from form in Gen.Elements(CobalaminForms.All.ToArray())
        from food in Gen.Choose(0, 3)
        select food == 0 && route == Route.Oral ? Dose.Food(Mass.FromMicrograms(ug)) : Dose.Create(Mass.FromMicrograms(ug), route, form);

    /// <summary>0-12 events within the first 60 days, on a 6-hour grid so that some share an instant.</summary>
    public static readonly Gen<DoseEvent[]> EventsGen =
        from n in Gen.Choose(0, 12)
        from events in Gen.ArrayOf(from q in Gen.Choose(0, 240) from d in DoseGen select new DoseEvent(TimeSpan.FromHours(6 * q), d), n)
        select events;
}
