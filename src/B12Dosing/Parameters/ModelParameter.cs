using System.Globalization;
using B12Dosing.Absorption;

namespace B12Dosing.Parameters;

/// <summary>The scale on which an estimator or a sampler moves a parameter.</summary>
public enum ParameterScale
{
    /// <summary>The value itself.</summary>
    Linear,

    /// <summary>The natural logarithm of the value (a positive quantity whose spread is relative).</summary>
    Log,

    /// <summary><c>ln(x / (1 − x))</c> (a fraction in [0, 1]).</summary>
    Logit,
}

/// <summary>Where a parameter's value comes from.</summary>
public enum ParameterOrigin
{
    /// <summary>Fitted to published figures by the calibration tool (<c>docs/calibration.md</c>).</summary>
    Fitted,

    /// <summary>Taken from a published figure.</summary>
    Literature,

    /// <summary>An assumption of the model, stated in its source text.</summary>
    Assumption,

    /// <summary>Computed from other parameters (recomputed when they change, unless pinned).</summary>
    Derived,
}

/// <summary>
/// One entry of the model's parameter block (<see cref="ModelParameters"/>): its public name, the symbol of
/// <c>docs/model.md</c>, the unit its numbers are in, the default, the bounds, the scale an estimator moves it on, its
/// origin and its source. A <see cref="IsConstant"/> entry is a fixed constant of the model (a reference value or a
/// condition's effect size), listed so that every number a solver reads is in the block; a parameter set
/// (<see cref="ParameterSet"/>) cannot change it. Entries compare by name.
/// </summary>
public sealed class ModelParameter : IEquatable<ModelParameter>
{
    private readonly Func<ParameterSet, double>? _read;
    private readonly Func<ParameterSet, double, ParameterSet>? _write;

    internal ModelParameter(
        string name,
        string symbol,
        string unit,
        double defaultValue,
        double minimum,
        double maximum,
        ParameterScale scale,
        ParameterOrigin origin,
        string source,
        Func<ParameterSet, double>? read = null,
        Func<ParameterSet, double, ParameterSet>? write = null)
    {
        (Name, Symbol, Unit, Default, Minimum, Maximum, Scale, Origin, Source) = (name, symbol, unit, defaultValue, minimum, maximum, scale, origin, source);
        (_read, _write) = (read, write);
    }

    /// <summary>The public name: the property of <see cref="ParameterSet"/>, or of the constant.</summary>
    public string Name { get; }

    /// <summary>The symbol in the equations of <c>docs/model.md</c> (empty where the equations use none).</summary>
    public string Symbol { get; }

    /// <summary>The unit of <see cref="Default"/>, <see cref="Minimum"/>, <see cref="Maximum"/> and of the numbers <see cref="ValueIn"/> and <see cref="ParameterSet.With(string, double)"/> take (<c>1</c> for a dimensionless number).</summary>
    public string Unit { get; }

    /// <summary>The value in a healthy adult (<see cref="ParameterSet.Healthy"/>), in <see cref="Unit"/>.</summary>
    public double Default { get; }

    /// <summary>The smallest value accepted, in <see cref="Unit"/>.</summary>
    public double Minimum { get; }

    /// <summary>The largest value accepted, in <see cref="Unit"/>.</summary>
    public double Maximum { get; }

    /// <summary>The scale an estimator or sampler moves the parameter on.</summary>
    public ParameterScale Scale { get; }

    /// <summary>Where the value comes from.</summary>
    public ParameterOrigin Origin { get; }

    /// <summary>The source of the value (publication, label, or the assumption and its reason).</summary>
    public string Source { get; }

    /// <summary>Whether this is a fixed constant of the model rather than a parameter a set can change.</summary>
    public bool IsConstant => _write is null;

    /// <summary>The parameter's value in <paramref name="parameters"/>, in <see cref="Unit"/> (a constant's is its <see cref="Default"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public double ValueIn(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return _read is null ? Default : _read(parameters);
    }

    /// <summary><paramref name="parameters"/> with this parameter set to <paramref name="value"/> (in <see cref="Unit"/>); cross-parameter rules are checked by the caller.</summary>
    internal ParameterSet Write(ParameterSet parameters, double value) =>
        _write is null
            ? throw new ArgumentException($"{Name} is a constant of the model, not a parameter a set can change.", nameof(value))
            : _write(parameters, value);

    /// <summary>The value if it is within the bounds (which refuses NaN and infinity); else an exception naming the public name, the value, the unit and the bounds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [<see cref="Minimum"/>, <see cref="Maximum"/>].</exception>
    internal double Check(double value) =>
        value >= Minimum && value <= Maximum
            ? value
            : throw new ArgumentOutOfRangeException(Name, value, string.Create(CultureInfo.InvariantCulture, $"{Name} must be from {Minimum:G6} to {Maximum:G6}{UnitSuffix}; got {value:G6}{UnitSuffix}."));

    /// <summary>The unit as written after a number (<c> µg</c>, or nothing for a dimensionless number).</summary>
    internal string UnitSuffix => Unit == "1" ? string.Empty : " " + Unit;

    /// <inheritdoc/>
    public bool Equals(ModelParameter? other) => other is not null && other.Name == Name;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ModelParameter);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>One line: <c>HoloTranscobalaminHalfLife (t½_T) = 3.2772 h, from 0.01 to 1000 h, fitted</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}{(Symbol.Length > 0 ? $" ({Symbol})" : string.Empty)} = {Default:G6}{UnitSuffix}, from {Minimum:G6} to {Maximum:G6}{UnitSuffix}, {Origin.ToString().ToLowerInvariant()}{(IsConstant ? " constant" : string.Empty)}");
}

/// <summary>One parameter's value in a parameter set, in the parameter's <see cref="ModelParameter.Unit"/>.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Value">Its value, in <see cref="ModelParameter.Unit"/>.</param>
public readonly record struct ParameterValue(ModelParameter Parameter, double Value)
{
    /// <summary><c>Name = value unit</c>, invariant.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Parameter.Name} = {Value:G6}{Parameter.UnitSuffix}");
}
