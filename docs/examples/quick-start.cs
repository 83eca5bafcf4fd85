#:property PublishAot=false
#:project ../../src/B12Dosing/B12Dosing.csproj

// The README's quick start, kept here so that it compiles and runs: tests/B12Dosing.Examples.Tests checks that the
// README shows this code and exactly the output it prints.
// Run:  dotnet run docs/examples/quick-start.cs
// For research and teaching; not medical advice.
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using UnitsNet;

// Units: text in, invariant culture; B12 has no international unit, so "5000 IU" is a FormatException
var serum = QuantityText.ParseMassConcentration("400 pg/mL");
Console.WriteLine(QuantityText.Format(serum.ToMolarity(CobalaminForm.Cyanocobalamin), "F1"));

// What one 1000 µg tablet delivers without intrinsic factor (pernicious anaemia)
var tablet = Dose.Oral(Mass.FromMicrograms(1000));
Console.WriteLine(AbsorptionModel.Evaluate(tablet, ParameterSet.PerniciousAnemia));

// The BNF protocol over a year, starting from depleted stores
var regimen = Regimen.Parse("1 mg ohcbl im tiw for 2w then 1 mg ohcbl im q3mo");
var settings = new SimulationSettings(TimeSpan.FromDays(365))
{
    ParameterSet = ParameterSet.PerniciousAnemia,
    InitialStores = Mass.FromMicrograms(150),
};
var result = Simulator.Run(regimen, settings);
Console.WriteLine(result.Series[0]);
Console.WriteLine(result.Series[365]);
Console.WriteLine(result.Summary);
