using System.Globalization;
using B12Dosing.Parameters;

namespace B12Dosing.Absorption.Calibration;

/// <summary>A fitted parameter with its approximate standard error.</summary>
/// <param name="Name">The parameter's name (its <see cref="ModelParameter.Name"/>).</param>
/// <param name="Value">The fitted value, in <paramref name="Unit"/>.</param>
/// <param name="StandardError">
/// Approximate standard error from the Jacobian of the log residuals at the optimum
/// (<c>s²(JᵀWJ)⁻¹</c>, <c>s² = Σ wr² / (Σw − k)</c>), mapped from the log parameter to the parameter.
/// </param>
/// <param name="Unit">The unit of the value (the parameter's <see cref="ModelParameter.Unit"/>; <c>1</c> for a fraction).</param>
/// <param name="FittedTo">What the parameter was fitted to.</param>
public sealed record FittedParameter(string Name, double Value, double StandardError, string Unit, string FittedTo);

/// <summary>One published point a fit used: its <see cref="PublishedPoint.Id"/>, its weight and its residual at the optimum.</summary>
/// <param name="Id">The point (<see cref="PublishedPoint.Id"/>).</param>
/// <param name="Weight">Its weight in the sum of squares (1 for every point of the shipped fits; a duplicated point counts twice).</param>
/// <param name="LogResidual"><c>ln(model / published)</c> at the fitted values.</param>
public sealed record CalibrationPoint(string Id, double Weight, double LogResidual);

/// <summary>
/// One least-squares fit of the calibration (<see cref="Calibrator"/>): the parameters it fits, their values and
/// standard errors, the covariance of the estimate on each parameter's estimation scale
/// (<see cref="ModelParameter.Scale"/>), and what it was fitted to (the points, their weights and residuals).
/// Immutable.
/// </summary>
public sealed class CalibrationFit
{
    private readonly double[] _values;
    private readonly double[] _covariance;

    /// <summary>A fit from its parts (the calibrator and the shipped data build it; a user can build one to draw from another estimate).</summary>
    /// <param name="name">A short name (<c>oral</c>, <c>food</c>, <c>plasma</c>).</param>
    /// <param name="fittedTo">What it was fitted to, in words.</param>
    /// <param name="parameters">The fitted parameters (settable entries of <see cref="ModelParameters"/>, each once).</param>
    /// <param name="values">The fitted values, in each parameter's unit.</param>
    /// <param name="covariance">The covariance on the estimation scales, row-major, <c>k × k</c>, symmetric positive definite.</param>
    /// <param name="points">The points fitted, with weights and residuals.</param>
    /// <param name="residualVariance">The residual variance <c>s²</c> of the log ratios.</param>
    /// <exception cref="ArgumentException">The sizes do not match, a parameter is a constant or repeated, a value is outside its bounds, or the covariance is not symmetric with positive diagonal.</exception>
    public CalibrationFit(
        string name,
        string fittedTo,
        IEnumerable<ModelParameter> parameters,
        IEnumerable<double> values,
        IEnumerable<double> covariance,
        IEnumerable<CalibrationPoint> points,
        double residualVariance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(fittedTo);
        Name = name;
        FittedTo = fittedTo;
        Parameters = [.. parameters];
        _values = [.. values];
        _covariance = [.. covariance];
        Points = [.. points];
        ResidualVariance = residualVariance;
        var k = Parameters.Count;
        if (k == 0 || _values.Length != k || _covariance.Length != k * k)
        {
            throw new ArgumentException($"A fit needs k parameters, k values and a k × k covariance; got {k}, {_values.Length} and {_covariance.Length}.", nameof(covariance));
        }

        if (Parameters.Any(p => p.IsConstant) || Parameters.Distinct().Count() != k)
        {
            throw new ArgumentException("The fitted parameters must be settable parameters of the block, each once.", nameof(parameters));
        }

        for (var i = 0; i < k; i++)
        {
            _ = Parameters[i].Check(_values[i]);
            if (!(_covariance[(i * k) + i] > 0) || !double.IsFinite(_covariance[(i * k) + i]))
            {
                throw new ArgumentException($"The variance of {Parameters[i].Name} must be positive and finite.", nameof(covariance));
            }

            for (var j = 0; j < i; j++)
            {
                if (_covariance[(i * k) + j] != _covariance[(j * k) + i])
                {
                    throw new ArgumentException("The covariance must be symmetric.", nameof(covariance));
                }
            }
        }
    }

    /// <summary>The fit's short name.</summary>
    public string Name { get; }

    /// <summary>What the fit was fitted to, in words.</summary>
    public string FittedTo { get; }

    /// <summary>The fitted parameters.</summary>
    public IReadOnlyList<ModelParameter> Parameters { get; }

    /// <summary>The fitted values, in each parameter's <see cref="ModelParameter.Unit"/>.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The points fitted, with their weights and residuals at the optimum.</summary>
    public IReadOnlyList<CalibrationPoint> Points { get; }

    /// <summary>The residual variance <c>s² = Σ w·r² / (Σw − k)</c> of the log ratios.</summary>
    public double ResidualVariance { get; }

    /// <summary>The degrees of freedom <c>Σw − k</c> (at least 1).</summary>
    public double DegreesOfFreedom => Math.Max(Points.Sum(p => p.Weight) - Parameters.Count, 1);

    /// <summary>The covariance of parameters <paramref name="row"/> and <paramref name="column"/> (indices into <see cref="Parameters"/>) on their estimation scales.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the parameters.</exception>
    public double Covariance(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Parameters.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Parameters.Count);
        return _covariance[(row * Parameters.Count) + column];
    }

    /// <summary>
    /// The standard error of parameter <paramref name="index"/> in its unit, by the delta method from its variance on the
    /// estimation scale (<c>x·σ</c> on a log scale, <c>x(1 − x)·σ</c> on a logit scale, <c>σ</c> on a linear one).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the parameters.</exception>
    public double StandardError(int index) => Math.Sqrt(Covariance(index, index)) * EstimationScale.Derivative(Parameters[index].Scale, _values[index]);

    /// <summary>The parameters with their values and standard errors.</summary>
    public IReadOnlyList<FittedParameter> Fitted =>
        [.. Parameters.Select((p, i) => new FittedParameter(p.Name, _values[i], StandardError(i), p.Unit, FittedTo))];

    /// <summary>One line: the name, the number of parameters and points.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Parameters.Count} parameters fitted to {Points.Count} points, s² = {ResidualVariance:G4}");
}

/// <summary>The maps between a parameter's value and its estimation scale (<see cref="ParameterScale"/>).</summary>
internal static class EstimationScale
{
    /// <summary>The value on the scale (−∞ for 0 on a log or logit scale, +∞ for 1 on a logit scale).</summary>
    public static double To(ParameterScale scale, double value) => scale switch
    {
        ParameterScale.Log => Math.Log(value),
        ParameterScale.Logit => Math.Log(value / (1 - value)),
        _ => value,
    };

    /// <summary>The value from the scale.</summary>
    public static double From(ParameterScale scale, double eta) => scale switch
    {
        ParameterScale.Log => Math.Exp(eta),
        ParameterScale.Logit => 1 / (1 + Math.Exp(-eta)),
        _ => eta,
    };

    /// <summary><c>dx/dη</c> at the value <paramref name="value"/>.</summary>
    public static double Derivative(ParameterScale scale, double value) => scale switch
    {
        ParameterScale.Log => value,
        ParameterScale.Logit => value * (1 - value),
        _ => 1,
    };
}
