using System.Globalization;
using BenchmarkDotNet.Attributes;
using B12Dosing.Quantities;

namespace B12Dosing.Benchmarks;

/// <summary>The costs every model run pays over and over: parsing, converting and formatting quantities.</summary>
[MemoryDiagnoser]
public class QuantityBenchmarks
{
    private readonly Mass _mass = Mass.FromMicrograms(1000);
    private readonly MassConcentration _serum = MassConcentration.FromPicogramsPerMilliliter(400);

    [Benchmark]
    public Mass ParseMicrograms() => QuantityText.ParseMass("1000 µg", CultureInfo.InvariantCulture);

    [Benchmark]
    public AmountOfSubstance MassToMolar() => _mass.ToAmountOfSubstance(CobalaminForm.Cyanocobalamin);

    [Benchmark]
    public Molarity SerumToMolar() => _serum.ToMolarity(CobalaminForm.Cyanocobalamin);

    [Benchmark]
    public string Format() => _mass.ToString();

    [Benchmark]
    public ConversionResult ConvertText() => QuantityConverter.Convert("400 pg/mL", "pmol/L", CobalaminForm.Cyanocobalamin);
}
