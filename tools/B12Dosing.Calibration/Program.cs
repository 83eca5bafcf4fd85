using System.Text;
using B12Dosing.Calibration;

// Writes docs/calibration.md (and the absorption chart beside it) from the model. Run from the repository root:
//   dotnet run --project tools/B12Dosing.Calibration -- docs/calibration.md
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
