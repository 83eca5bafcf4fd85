using System.Diagnostics;

namespace B12Dosing.Quantities;

/// <summary>
/// Marks a <c>readonly partial struct</c> as a quantity. At build time the generator in
/// <c>src/B12Dosing.Generators</c> writes the members every quantity shares: the interfaces
/// (<see cref="IQuantity{TSelf, TUnit}"/> and division by itself), the constructor, <c>Zero</c>, <c>Value</c>,
/// <c>Unit</c>, <c>As</c>, <c>ToUnit</c>, <c>GetSymbol</c>, <c>ParseUnit</c>, <c>Parse</c>/<c>TryParse</c>,
/// arithmetic, equality and ordering operators, and formatting. The struct itself declares the rest:
/// a static <c>Units</c> table, <c>BaseUnit</c>, named properties and factories, and conversions.
/// </summary>
/// <remarks>Conditional: the attribute guides the generator and is not kept in the compiled assembly.</remarks>
/// <param name="unit">The unit enum of the quantity.</param>
/// <param name="noun">The quantity's name in docs and messages, such as <c>"mass"</c>.</param>
/// <param name="plural">Its plural, such as <c>"masses"</c>.</param>
/// <param name="examples">Texts that parse, for the docs; the first also shows the formatted form.</param>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
[Conditional("B12DOSING_QUANTITY_GENERATOR")]
internal sealed class QuantityAttribute(Type unit, string noun, string plural, params string[] examples) : Attribute
{
    /// <summary>The unit enum of the quantity.</summary>
    public Type Unit { get; } = unit;

    /// <summary>The quantity's name in docs and messages.</summary>
    public string Noun { get; } = noun;

    /// <summary>The plural of <see cref="Noun"/>.</summary>
    public string Plural { get; } = plural;

    /// <summary>Texts that parse, for the docs.</summary>
    public IReadOnlyList<string> Examples { get; } = examples;

    /// <summary>The parameter name of the quantity operand of <c>*</c> and <c>/</c> (default <c>quantity</c>).</summary>
    public string Operand { get; init; } = "quantity";
}
