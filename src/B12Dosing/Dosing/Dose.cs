using B12Dosing.Quantities;

namespace B12Dosing.Dosing;

/// <summary>Whether an oral dose is free (crystalline) B12 or bound to food proteins.</summary>
public enum DoseVehicle
{
    /// <summary>Free, crystalline B12 as in supplements, tablets and injections.</summary>
    Crystalline,

    /// <summary>B12 bound to food proteins; gastric acid and pepsin must release it before IF can bind it.</summary>
    FoodBound,
}

/// <summary>
/// One dose of vitamin B12: an amount of one cobalamin form given by one route. Immutable; build it
/// with the factories (<see cref="Oral(Mass, CobalaminForm)"/>, <see cref="Intramuscular(Mass, CobalaminForm)"/> …).
/// A dose is positive and at most <see cref="MaximumAmount"/>. Doses compare by amount, whatever the unit:
/// <c>Dose.Oral(Mass.FromMilligrams(1)) == Dose.Oral(Mass.FromMicrograms(1000))</c>.
/// </summary>
public readonly record struct Dose
{
    /// <summary>
    /// The largest single dose accepted: 5 g. The largest doses of B12 ever given are the 5 g of
    /// hydroxocobalamin infused as the antidote to cyanide poisoning (Cyanokit label, 5 g IV over
    /// 15 minutes; a second 5 g may follow, which is a second dose). Anything larger is a typo.
    /// </summary>
    public static readonly Mass MaximumAmount = Mass.FromGrams(5);

    private static readonly double MaximumMicrograms = QuantityKinds.Mass.InReference(MaximumAmount);

    private readonly Mass _amount;

    private Dose(Mass amount, CobalaminForm form, Route route, DoseVehicle vehicle)
    {
        var micrograms = QuantityKinds.Mass.InReference(amount);
        if (!(micrograms > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), QuantityText.Format(amount), "A dose must be more than zero; write it in µg or mg, for example '1000 µg'.");
        }

        if (micrograms > MaximumMicrograms)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), QuantityText.Format(amount), $"A dose must be at most {QuantityText.Format(MaximumAmount)} (the hydroxocobalamin antidote to cyanide); check the unit.");
        }

        _ = form.MolarMass();
        _ = route.ShortName();
        if (vehicle == DoseVehicle.FoodBound && route != Route.Oral)
        {
            throw new ArgumentOutOfRangeException(nameof(vehicle), vehicle, "Food-bound B12 can only be taken by mouth.");
        }

        if (vehicle is not (DoseVehicle.Crystalline or DoseVehicle.FoodBound))
        {
            throw new ArgumentOutOfRangeException(nameof(vehicle), vehicle, "Not a dose vehicle; accepted: Crystalline, FoodBound.");
        }

        _amount = amount;
        Micrograms = micrograms;
        Form = form;
        Route = route;
        Vehicle = vehicle;
    }

    /// <summary>The amount given, in the unit it was given in (zero for the default value).</summary>
    public Mass Amount => Micrograms == 0 ? Mass.Zero : _amount;

    /// <summary>The amount in µg, as the kernels compute with it (0 for the default value).</summary>
    internal double Micrograms { get; }

    /// <summary>The cobalamin form given.</summary>
    public CobalaminForm Form { get; }

    /// <summary>The route of administration.</summary>
    public Route Route { get; }

    /// <summary>Crystalline (supplement, injection) or food-bound B12.</summary>
    public DoseVehicle Vehicle { get; }

    /// <summary>Creates a dose of crystalline B12.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is zero or above <see cref="MaximumAmount"/>, or the form or route is undefined.</exception>
    public static Dose Create(Mass amount, Route route, CobalaminForm form = CobalaminForm.Cyanocobalamin) =>
        new(amount, form, route, DoseVehicle.Crystalline);

    /// <summary>A swallowed dose of crystalline B12 (a tablet or capsule).</summary>
    public static Dose Oral(Mass amount, CobalaminForm form = CobalaminForm.Cyanocobalamin) => Create(amount, Route.Oral, form);

    /// <summary>B12 eaten in food (bound to food proteins), as cyanocobalamin-equivalent mass.</summary>
    public static Dose Food(Mass amount) => new(amount, CobalaminForm.Cyanocobalamin, Route.Oral, DoseVehicle.FoodBound);

    /// <summary>A dose held under the tongue.</summary>
    public static Dose Sublingual(Mass amount, CobalaminForm form = CobalaminForm.Cyanocobalamin) => Create(amount, Route.Sublingual, form);

    /// <summary>A nasal spray or gel dose.</summary>
    public static Dose Intranasal(Mass amount, CobalaminForm form = CobalaminForm.Cyanocobalamin) => Create(amount, Route.Intranasal, form);

    /// <summary>An intramuscular injection.</summary>
    public static Dose Intramuscular(Mass amount, CobalaminForm form = CobalaminForm.Cyanocobalamin) => Create(amount, Route.Intramuscular, form);

    /// <summary>A subcutaneous injection.</summary>
    public static Dose Subcutaneous(Mass amount, CobalaminForm form = CobalaminForm.Cyanocobalamin) => Create(amount, Route.Subcutaneous, form);

    /// <summary>An intravenous injection or infusion.</summary>
    public static Dose Intravenous(Mass amount, CobalaminForm form = CobalaminForm.Cyanocobalamin) => Create(amount, Route.Intravenous, form);

    /// <summary>Readable text such as <c>1000 µg cyanocobalamin im</c> or <c>2.4 µg food oral</c>.</summary>
    public override string ToString() => Vehicle == DoseVehicle.FoodBound
        ? $"{QuantityText.Format(Amount)} food {Route.ShortName()}"
        : $"{QuantityText.Format(Amount)} {Form.Name()} {Route.ShortName()}";

    /// <summary>Whether two doses give the same amount (whatever its unit: 1 mg is 1000 µg) of the same form by the same route and vehicle.</summary>
    public bool Equals(Dose other) =>
        Micrograms == other.Micrograms && Form == other.Form && Route == other.Route && Vehicle == other.Vehicle;

    /// <summary>A hash code consistent with <see cref="Equals(Dose)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Micrograms, Form, Route, Vehicle);
}
