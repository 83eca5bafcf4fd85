using System.Collections.Immutable;
using System.Globalization;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;

namespace B12Dosing.Estimation;

/// <summary>
/// One measured blood value of a person: total serum B12 or holotranscobalamin (active B12) at a time after the start
/// of the dosing history, or a value reported below the assay's limit of quantification (a censored value: the estimate
/// uses the probability of lying below the limit, the M3 method of Beal 2001, instead of dropping it). Total serum is
/// held in pmol/L (converted from pg/mL with the molar mass of cyanocobalamin, 1 pmol/L = 1.355 pg/mL, as laboratories
/// do). Immutable; build with the factories.
/// </summary>
public sealed record Observation
{
    private Observation(TimeSpan time, SerumAnalyte analyte, double picomolesPerLiter, bool belowLimit)
    {
        Time = time >= TimeSpan.Zero && time <= SimulationSettings.MaximumHorizon
            ? time
            : throw new ArgumentOutOfRangeException(nameof(time), time, $"An observation's time must be from 0 to {SimulationSettings.MaximumHorizon.TotalDays} days after the start of the dosing history.");
        Analyte = Enum.IsDefined(analyte)
            ? analyte
            : throw new ArgumentOutOfRangeException(nameof(analyte), analyte, "Not an analyte; accepted: TotalB12, ActiveB12.");
        PicomolesPerLiter = picomolesPerLiter > 0 && double.IsFinite(picomolesPerLiter)
            ? picomolesPerLiter
            : throw new ArgumentOutOfRangeException(nameof(picomolesPerLiter), picomolesPerLiter, "A measured value (or limit of quantification) must be a finite concentration above zero; a value below the limit is given with the BelowLimit factories.");
        IsBelowLimit = belowLimit;
    }

    /// <summary>The time of the blood sample after the start of the dosing history (a sample at the instant of a dose is taken before it).</summary>
    public TimeSpan Time { get; }

    /// <summary>What was measured.</summary>
    public SerumAnalyte Analyte { get; }

    /// <summary>The measured value, or the limit of quantification when <see cref="IsBelowLimit"/> (pmol/L; total serum converted from pg/mL with 1.355 pg/pmol).</summary>
    public Molarity Concentration => Molarity.FromPicomolesPerLiter(PicomolesPerLiter);

    /// <summary>Whether the value was reported below the limit of quantification <see cref="Concentration"/> (censored).</summary>
    public bool IsBelowLimit { get; }

    /// <summary><see cref="Concentration"/> in pmol/L, for the kernels.</summary>
    internal double PicomolesPerLiter { get; }

    /// <summary>Total serum B12 measured in pg/mL (or any mass concentration).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is negative or beyond 100 years, or the value is not above zero and finite.</exception>
    public static Observation TotalSerum(TimeSpan time, MassConcentration serum) =>
        new(time, SerumAnalyte.TotalB12, SerumModel.ToPicomolesPerLiter(serum.PicogramsPerMilliliter), false);

    /// <summary>Total serum B12 measured in pmol/L (or any molar concentration).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is negative or beyond 100 years, or the value is not above zero and finite.</exception>
    public static Observation TotalSerum(TimeSpan time, Molarity serum) => new(time, SerumAnalyte.TotalB12, serum.PicomolesPerLiter, false);

    /// <summary>Holotranscobalamin (active B12) measured in pmol/L.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is negative or beyond 100 years, or the value is not above zero and finite.</exception>
    public static Observation HoloTranscobalamin(TimeSpan time, Molarity holoTranscobalamin) =>
        new(time, SerumAnalyte.ActiveB12, holoTranscobalamin.PicomolesPerLiter, false);

    /// <summary>A value reported below the limit of quantification <paramref name="limit"/> (censored, not dropped).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is negative or beyond 100 years, the analyte is not defined, or the limit is not above zero and finite.</exception>
    public static Observation BelowLimit(TimeSpan time, SerumAnalyte analyte, Molarity limit) => new(time, analyte, limit.PicomolesPerLiter, true);

    /// <summary>
    /// Parses a list such as <c>day 0: 160 pg/mL, day 30: 420 pg/mL, day 60: holoTC 45 pmol/L, day 90: &lt; 50 pg/mL</c>:
    /// entries separated by commas or semicolons, each <c>day D: [holoTC|active] [&lt;] value unit</c> (invariant culture).
    /// A value in pg/mL or ng/L is total serum; in pmol/L it is total serum unless marked <c>holoTC</c> or <c>active</c>;
    /// <c>&lt;</c> marks a value below the limit of quantification.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">An entry is not of that form; the message names it.</exception>
    public static ImmutableArray<Observation> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = text.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
        {
            throw new FormatException("The observation list is empty: give entries such as 'day 0: 160 pg/mL, day 30: 420 pg/mL'.");
        }

        return [.. entries.Select(Parse)];
    }

    /// <summary>Parses one entry of <see cref="ParseList"/>, such as <c>day 30: holoTC 45 pmol/L</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    /// <exception cref="FormatException">The entry is not of the form <c>day D: [holoTC|active] [&lt;] value unit</c>.</exception>
    public static Observation Parse(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        const string Form = "the form is 'day D: [holoTC|active] [<] value unit', for example 'day 30: 420 pg/mL' or 'day 60: holoTC < 10 pmol/L'";
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        var when = colon < 0 ? [] : entry[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (when.Length != 2 || !when[0].Equals("day", StringComparison.OrdinalIgnoreCase)
            || !double.TryParse(when[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var day) || !(day >= 0 && day <= SimulationSettings.MaximumHorizon.TotalDays))
        {
            throw new FormatException($"Observation '{entry}': {Form}; the day must be a number from 0 to {SimulationSettings.MaximumHorizon.TotalDays}.");
        }

        var rest = entry[(colon + 1)..].Trim();
        var analyte = SerumAnalyte.TotalB12;
        foreach (var marker in new[] { "holotc", "active" })
        {
            if (rest.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                analyte = SerumAnalyte.ActiveB12;
                rest = rest[marker.Length..].Trim();
            }
        }

        var below = rest.StartsWith('<');
        rest = below ? rest[1..].Trim() : rest;
        var time = TimeSpan.FromSeconds(Math.Round(day * 86400));
        try
        {
            if (QuantityText.TryParse(rest, CultureInfo.InvariantCulture, out Molarity molar))
            {
                return below ? BelowLimit(time, analyte, molar) : analyte == SerumAnalyte.ActiveB12 ? HoloTranscobalamin(time, molar) : TotalSerum(time, molar);
            }

            if (QuantityText.TryParse(rest, CultureInfo.InvariantCulture, out MassConcentration mass))
            {
                if (analyte == SerumAnalyte.ActiveB12)
                {
                    throw new FormatException($"Observation '{entry}': holotranscobalamin is given in pmol/L, not as a mass concentration.");
                }

                var total = Molarity.FromPicomolesPerLiter(SerumModel.ToPicomolesPerLiter(mass.PicogramsPerMilliliter));
                return below ? BelowLimit(time, analyte, total) : TotalSerum(time, total);
            }
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"Observation '{entry}': {e.Message.Split(" (Parameter")[0]}", e);
        }

        throw new FormatException($"Observation '{entry}': '{rest}' is not a concentration such as 420 pg/mL or 45 pmol/L; {Form}.");
    }

    /// <summary>Text such as <c>day 30: total 310 pmol/L</c> or <c>day 60: holoTC &lt; 10 pmol/L</c> (invariant culture).</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"day {Time.TotalDays:0.###}: {(Analyte == SerumAnalyte.TotalB12 ? "total" : "holoTC")} {(IsBelowLimit ? "< " : string.Empty)}{PicomolesPerLiter:0.#} pmol/L");
}
