using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.AbsorptionTests;

/// <summary>What the virtual absorption tests share: the carrier model they need, and the checks of their designs.</summary>
internal static class VirtualTest
{
    /// <summary>The longest collection or sampling time a design accepts: 7 days (each test reads hours to two days).</summary>
    public static readonly TimeSpan MaximumSpan = TimeSpan.FromDays(7);

    /// <summary>
    /// <paramref name="physiology"/> under model 3, which the tests need (absorption over hours, the carriers' free
    /// capacity): the set itself when it is model 3, else its model-3 form (<see cref="ParameterSet.WithFreeCapacity"/>),
    /// with <c>true</c> for "converted". The set is checked as a simulation checks it, the message naming <paramref name="paramName"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    /// <exception cref="ArgumentException">The set breaks a cross-parameter rule.</exception>
    public static (ParameterSet Used, bool Converted) ModelThree(ParameterSet physiology, string paramName)
    {
        ArgumentNullException.ThrowIfNull(physiology, paramName);
        var converted = physiology.CarrierModel != PlasmaCarrierModel.FreeCapacity;
        return ((converted ? physiology.WithFreeCapacity() : physiology).EnsureConsistent(paramName), converted);
    }

    /// <summary>An amount more than zero and at most <see cref="Dose.MaximumAmount"/>, in µg; the message names <paramref name="paramName"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is zero, negative, not a number or above the largest dose.</exception>
    public static double Amount(Mass amount, string paramName)
    {
        var micrograms = QuantityKinds.Mass.NonNegative(amount, paramName);
        return micrograms > 0 && micrograms <= QuantityKinds.Mass.InReference(Dose.MaximumAmount)
            ? micrograms
            : throw new ArgumentOutOfRangeException(paramName, QuantityText.Format(amount), $"{paramName} must be more than zero and at most {QuantityText.Format(Dose.MaximumAmount)}.");
    }

    /// <summary>Initial stores from 0 to 1 g, in µg (as <see cref="Kinetics.SimulationSettings.InitialStores"/>); the message names <paramref name="paramName"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The stores are negative, not a number or above 1 g.</exception>
    public static double Stores(Mass stores, string paramName)
    {
        var micrograms = QuantityKinds.Mass.NonNegative(stores, paramName);
        return micrograms <= 1e6
            ? micrograms
            : throw new ArgumentOutOfRangeException(paramName, QuantityText.Format(stores), $"{paramName} must be from 0 to 1 g.");
    }

    /// <summary>A time from zero (excluded when <paramref name="positive"/>) to <see cref="MaximumSpan"/>; the message names <paramref name="paramName"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is out of that range.</exception>
    public static TimeSpan Span(TimeSpan value, bool positive, string paramName) =>
        (positive ? value > TimeSpan.Zero : value >= TimeSpan.Zero) && value <= MaximumSpan
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture, $"{paramName} must be {(positive ? "more than zero" : "zero or more")} and at most {MaximumSpan.TotalDays} days."));
}

/// <summary>
/// What the result of every virtual absorption test holds: the design that was run, the parameter set it ran on (model 3)
/// and whether that set is the model-3 form of a model-2 set that was given. Immutable.
/// </summary>
/// <typeparam name="TTest">The design: <see cref="SchillingTest"/> or <see cref="CobaSorbTest"/>.</typeparam>
public abstract class VirtualTestResult<TTest>
    where TTest : class
{
    private protected VirtualTestResult(TTest test, ParameterSet physiology, bool ranOnModelThreeForm)
    {
        Test = test;
        ParameterSet = physiology;
        RanOnModelThreeForm = ranOnModelThreeForm;
    }

    /// <summary>The design that was run.</summary>
    public TTest Test { get; }

    /// <summary>The parameter set the test ran on: model 3 (for the Schilling test's second stage, with intrinsic factor raised).</summary>
    public ParameterSet ParameterSet { get; }

    /// <summary>Whether the set given was model 2 and the test ran on its model-3 form (<see cref="ParameterSet.WithFreeCapacity"/>).</summary>
    public bool RanOnModelThreeForm { get; }

    /// <summary>The end of the text a result prints when it ran on a model-2 set's model-3 form; empty otherwise.</summary>
    private protected string CarrierNote => RanOnModelThreeForm ? "; run on the model-3 form of a model-2 set" : string.Empty;
}

