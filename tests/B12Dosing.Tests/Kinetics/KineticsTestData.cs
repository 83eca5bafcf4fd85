using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Tests.Kinetics;

/// <summary>Shared regimens for the kinetics tests (the generators are in <see cref="Properties.B12Arbitraries"/>).</summary>
internal static class KineticsTestData
{
    public static DoseEvent At(double day, Dose dose) => new(TimeSpan.FromDays(day), dose);

    public static Dose Oral(double ug) => Dose.Oral(Mass.FromMicrograms(ug));

    public static Dose Im(double ug, CobalaminForm form = CobalaminForm.Cyanocobalamin) => Dose.Intramuscular(Mass.FromMicrograms(ug), form);

    /// <summary>Kuzminski 1998 oral arm: 2000 µg CNCbl by mouth daily.</summary>
    public static DoseEvent[] KuzminskiOral(int days) => [.. Enumerable.Range(0, days).Select(d => At(d, Oral(2000)))];

    /// <summary>Kuzminski 1998 IM arm: 1000 µg CNCbl IM on days 1, 3, 7, 10, 14, 21, 30, 60 and 90 (day 1 = time zero).</summary>
    public static DoseEvent[] KuzminskiIm() => [.. new[] { 1, 3, 7, 10, 14, 21, 30, 60, 90 }.Select(d => At(d - 1, Im(1000)))];
}
