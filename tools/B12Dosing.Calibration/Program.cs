using System.Text;
using B12Dosing.Absorption;
using B12Dosing.Calibration;

// Writes docs/calibration.md (and the absorption chart beside it) from the model. Run from the repository root:
//   dotnet run --project tools/B12Dosing.Calibration -- docs/calibration.md
if (args.Length >= 1 && args[0] == "--model3")
{
    // Model 3's residual table at the stored values, or (with a number of iterations) its joint fit from them.
    FreeCapacityFit.Timing = Environment.GetEnvironmentVariable("B12_TIMING") == "1";
    var θ = FreeCapacityFit.Start(Physiology.Healthy.WithFreeCapacity());
    if (args.Length > 2)
    {
        θ = [.. args[2].Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture))];
    }

    if (args.Length > 1 && int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) > 0)
    {
        θ = FreeCapacityFit.Fit(θ, int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    Console.WriteLine(FreeCapacityFit.Table(θ));
    return 0;
}

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run --project tools/B12Dosing.Calibration -- <output.md>");
    return 2;
}

var path = Path.GetFullPath(args[0]);
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
var chartPath = Path.Combine(Path.GetDirectoryName(path)!, "calibration-absorption.svg");
File.WriteAllText(path, CalibrationReport.Markdown(Path.GetFileName(chartPath)), new UTF8Encoding(false));
File.WriteAllText(chartPath, CalibrationReport.Chart().ToSvg(), new UTF8Encoding(false));
Console.WriteLine($"wrote {path} and {chartPath}");
return 0;
