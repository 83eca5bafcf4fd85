using B12Dosing.Kinetics;
using FsCheck;
using FsCheck.Fluent;

namespace B12Dosing.Tests.Kinetics;

public class SerumBatchTests
{
    /// <summary>
    /// The vectorised serum of a batch (populations) agrees with the scalar formula (single runs) within 1e-14 relative:
    /// a few units in the last place from the vectorised exp and log; any length (the tail shorter than a vector included);
    /// stores from 0 to 10^7 µg.
    /// </summary>
    [Fact]
    public void Batch_serum_matches_the_scalar_formula() => Prop.ForAll(
        Gen.ArrayOf(from s in Gen.Choose(-1, 70_000) from p in Gen.Choose(0, 100_000) select (s < 0 ? 0 : Math.Pow(10, s / 10_000.0), p / 1000.0)).ToArbitrary(),
        pairs =>
        {
            var model = SerumModel.Default with { PlasmaVolumeLiters = 2.7 };
            var stores = pairs.Select(x => x.Item1).ToArray();
            var plasma = pairs.Select(x => x.Item2).ToArray();
            var serum = new double[pairs.Length];
            model.PicogramsPerMilliliter(stores, plasma, serum, model.Exponent);
            return pairs.Select((x, i) => Math.Abs(serum[i] - model.PicogramsPerMilliliter(x.Item1, x.Item2)) <= 1e-14 * Math.Max(serum[i], 1e-300)).All(ok => ok);
        }).QuickCheckThrowOnFailure();
}
