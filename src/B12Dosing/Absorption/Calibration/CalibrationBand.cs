using System.Collections.Immutable;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Parameters;

namespace B12Dosing.Absorption.Calibration;

/// <summary>
/// One time of a <see cref="CalibrationBand"/>: the 5th, 50th and 95th percentiles over the parameter sets drawn from the
/// calibration (the model's own uncertainty for one person; not between-person variation, not assay noise).
/// </summary>
/// <param name="Time">Time from the start.</param>
/// <param name="SerumLower">5th percentile of total serum B12.</param>
/// <param name="SerumMedian">Median of total serum B12.</param>
/// <param name="SerumUpper">95th percentile of total serum B12.</param>
/// <param name="HoloTranscobalaminLower">5th percentile of holotranscobalamin.</param>
/// <param name="HoloTranscobalaminMedian">Median of holotranscobalamin.</param>
/// <param name="HoloTranscobalaminUpper">95th percentile of holotranscobalamin.</param>
/// <param name="StoresLower">5th percentile of the body stores.</param>
/// <param name="StoresMedian">Median of the body stores.</param>
/// <param name="StoresUpper">95th percentile of the body stores.</param>
public sealed record CalibrationBandRow(
    TimeSpan Time,
    MassConcentration SerumLower,
    MassConcentration SerumMedian,
    MassConcentration SerumUpper,
    Molarity HoloTranscobalaminLower,
    Molarity HoloTranscobalaminMedian,
    Molarity HoloTranscobalaminUpper,
    Mass StoresLower,
    Mass StoresMedian,
    Mass StoresUpper);

/// <summary>
/// The calibration's uncertainty propagated to a simulation (<see cref="CalibrationEstimate.Simulate"/>): the same
/// doses, person and settings run with each of <see cref="Draws"/> parameter sets drawn from the estimate, and at each
/// output time the 5th-95th percentile band of serum, holoTC and stores over the draws. It is the model's uncertainty,
/// a band of its own: between-person variation is <see cref="Population.PopulationSimulator"/>'s, assay noise the
/// estimator's <see cref="Estimation.AssayError"/>.
/// </summary>
public sealed class CalibrationBand
{
    internal CalibrationBand(int draws, ulong seed, ImmutableArray<CalibrationBandRow> rows) => (Draws, Seed, Rows) = (draws, seed, rows);

    /// <summary>The number of parameter sets drawn.</summary>
    public int Draws { get; }

    /// <summary>The seed of the draws.</summary>
    public ulong Seed { get; }

    /// <summary>The rows, at the simulation's output times.</summary>
    public IReadOnlyList<CalibrationBandRow> Rows { get; }
}

/// <summary>The simulation of a band (the part of <see cref="CalibrationEstimate"/> that runs the model).</summary>
public sealed partial class CalibrationEstimate
{
    /// <summary>The smallest number of draws a band is made from (fewer cannot place a 5th and a 95th percentile apart).</summary>
    public const int MinimumBandDraws = 20;

    /// <summary>
    /// The calibration's uncertainty on a simulation: <paramref name="events"/> under <paramref name="settings"/> run with
    /// each of <paramref name="draws"/> parameter sets drawn around <c>settings.ParameterSet</c>
    /// (<see cref="Draw(ParameterSet, int, ulong)"/>), the 5th, 50th and 95th percentiles at each output time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="draws"/> is below <see cref="MinimumBandDraws"/>.</exception>
    public CalibrationBand Simulate(IEnumerable<DoseEvent> events, SimulationSettings settings, int draws, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, MinimumBandDraws);
        var doses = events.ToArray();
        var sets = Draw(settings.ParameterSet, draws, seed);
        var runs = new SimulationResult[draws];
        Parallel.For(0, draws, d => runs[d] = Simulator.Run(doses, settings with { ParameterSet = sets[d] }));
        var rows = runs[0].Series.Count;
        var result = ImmutableArray.CreateBuilder<CalibrationBandRow>(rows);
        var column = new double[draws];
        (double Low, double Median, double High) Percentiles(Func<SimulationRow, double> value, int row)
        {
            for (var d = 0; d < draws; d++)
            {
                column[d] = value(runs[d].Series[row]);
            }

            return (Estimation.PersonEstimate.Quantile(column, 0.05), Estimation.PersonEstimate.Quantile(column, 0.5), Estimation.PersonEstimate.Quantile(column, 0.95));
        }

        for (var r = 0; r < rows; r++)
        {
            var s = Percentiles(x => x.SerumPicogramsPerMilliliter, r);
            var h = Percentiles(x => x.HoloTranscobalaminPicomolesPerLiter, r);
            var m = Percentiles(x => x.StoresMicrograms, r);
            result.Add(new CalibrationBandRow(
                runs[0].Series[r].Time,
                MassConcentration.FromPicogramsPerMilliliter(s.Low),
                MassConcentration.FromPicogramsPerMilliliter(s.Median),
                MassConcentration.FromPicogramsPerMilliliter(s.High),
                Molarity.FromPicomolesPerLiter(h.Low),
                Molarity.FromPicomolesPerLiter(h.Median),
                Molarity.FromPicomolesPerLiter(h.High),
                Mass.FromMicrograms(m.Low),
                Mass.FromMicrograms(m.Median),
                Mass.FromMicrograms(m.High)));
        }

        return new CalibrationBand(draws, seed, result.MoveToImmutable());
    }

    /// <summary>
    /// The fitted parameters of <paramref name="count"/> draws around <paramref name="basis"/> as changes
    /// (<see cref="ParameterChanges"/>), to run anything that takes changes (a population, <c>--set</c>) under each.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<ParameterChanges> DrawChanges(ParameterSet basis, int count, ulong seed) =>
        [.. Draw(basis, count, seed).Select(set => ParameterChanges.Of(Parameters.Select(p => (p.Name, p.ValueIn(set)))))];
}
