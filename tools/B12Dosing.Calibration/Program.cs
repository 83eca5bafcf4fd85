using System.Text;
using B12Dosing.Absorption.Calibration;
using B12Dosing.Calibration;

// The calibration tool. Run from the repository root, or run tools/calibrate.sh, which does both steps:
//   dotnet run --project tools/B12Dosing.Calibration -- --fit                 refits, writes src/B12Dosing/Absorption/Calibration/CalibrationData.g.cs
//   dotnet run --project tools/B12Dosing.Calibration -- docs/calibration.md   writes the page (and its chart) from the shipped estimate
//   dotnet run --project tools/B12Dosing.Calibration -- --model3 [iterations [values]]   model 3's residual table, or its joint fit
//   dotnet run --project tools/B12Dosing.Calibration -- --model3-write [values]          model 3's fit as data (FreeCapacityData.g.cs)
// The page is written from the estimate compiled into the library, so run it after --fit (dotnet run rebuilds the library).
var utf8 = new UTF8Encoding(false);
switch (args)
{
    case ["--model3", ..]:
        {
            // Model 3's residual table (sections 2, 6 and 8) at the shipped values, or at the comma-separated values given
            // (FreeCapacityFit.Names order); with a number of iterations first, its joint fit (Nelder-Mead) from them.
            FreeCapacityFit.Timing = Environment.GetEnvironmentVariable("B12_TIMING") == "1";
            var θ = FreeCapacityFit.Start(B12Dosing.Absorption.Physiology.Healthy.WithFreeCapacity());
            if (args.Length > 2)
            {
                θ = [.. args[2].Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture))];
            }

            var iterations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (iterations > 0)
            {
                // Levenberg-Marquardt with ψ (index 10) held at its bound 1 when it is there; B12_NELDER_MEAD=1 for the simplex.
                θ = Environment.GetEnvironmentVariable("B12_NELDER_MEAD") == "1"
                    ? FreeCapacityFit.Fit(θ, iterations)
                    : FreeCapacityFit.FitLevenbergMarquardt(θ, iterations, FreeCapacityFit.Held(θ));
            }

            Console.WriteLine(FreeCapacityFit.Table(θ));
            if (Environment.GetEnvironmentVariable("B12_MODEL3_SE") == "1")
            {
                // ψ (index 10) sits at its bound 1 after the fit and is held.
                Console.WriteLine(FreeCapacityFit.StandardErrors(θ, [10]));
            }

            return 0;
        }

    case ["--model3-write", ..]:
        {
            // Model 3's calibration as data at the shipped values (or the comma-separated values given, FreeCapacityFit.Names
            // order): writes FreeCapacityData.g.cs with the covariance; ψ is held when it sits at its bound 1.
            var path = Path.GetFullPath(FreeCapacityDataFile.RelativePath);
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"b12-calibration: run from the repository root ({FreeCapacityDataFile.RelativePath} not found)");
                return 2;
            }

            var θ = args.Length > 1
                ? [.. args[1].Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture))]
                : FreeCapacityFit.Start(B12Dosing.Absorption.Physiology.Healthy.WithFreeCapacity());
            θ = [.. θ.Select(CalibrationDataFile.Stored)];
            θ[10] = Math.Min(θ[10], 1);
            var held = FreeCapacityFit.Held(θ);
            var fit = FreeCapacityFit.Estimate(θ, held);
            File.WriteAllText(path, FreeCapacityDataFile.Write(fit), utf8);
            Console.WriteLine(FreeCapacityFit.Table(θ));
            foreach (var parameter in fit.Fitted)
            {
                Console.WriteLine(FormattableString.Invariant($"{parameter.Name,-40} {parameter.Value,12:G5} ± {parameter.StandardError:G3} {parameter.Unit}"));
            }

            Console.WriteLine(FormattableString.Invariant($"s² = {fit.ResidualVariance:G4}; wrote {FreeCapacityDataFile.RelativePath}"));
            return 0;
        }

    case ["--fit"]:
        {
            var path = Path.GetFullPath(CalibrationDataFile.RelativePath);
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"b12-calibration: run from the repository root ({CalibrationDataFile.RelativePath} not found)");
                return 2;
            }

            var estimate = Calibrator.Estimate();
            var text = CalibrationDataFile.Write(estimate);
            var changed = File.ReadAllText(path) != text;
            File.WriteAllText(path, text, utf8);
            foreach (var (parameter, value) in estimate.Parameters.Zip(estimate.Values))
            {
                var shipped = CalibrationEstimate.Current.Parameters.Contains(parameter)
                    ? CalibrationEstimate.Current.Values[CalibrationEstimate.Current.Parameters.ToList().IndexOf(parameter)]
                    : double.NaN;
                Console.WriteLine(FormattableString.Invariant($"{parameter.Name,-40} {CalibrationDataFile.Stored(value),12:G5}  (was {shipped:G5})"));
            }

            Console.WriteLine(changed ? $"wrote {path}: rebuild, then write docs/calibration.md" : $"{path} unchanged");
            return 0;
        }

    case [var output] when !output.StartsWith('-'):
        {
            var path = Path.GetFullPath(output);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var chartPath = Path.Combine(Path.GetDirectoryName(path)!, "calibration-absorption.svg");
            File.WriteAllText(path, CalibrationReport.Markdown(Path.GetFileName(chartPath)), utf8);
            File.WriteAllText(chartPath, CalibrationReport.Chart().ToSvg(), utf8);
            Console.WriteLine($"wrote {path} and {chartPath}");
            return 0;
        }

    default:
        Console.Error.WriteLine("usage: dotnet run --project tools/B12Dosing.Calibration -- --fit | <output.md>   (or tools/calibrate.sh for both)");
        return 2;
}
