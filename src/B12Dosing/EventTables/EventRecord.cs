using System.Globalization;
using B12Dosing.Dosing;
using B12Dosing.Estimation;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.EventTables;

/// <summary>
/// One record of an <see cref="EventTable"/>: a dose (with <see cref="Additional"/> more every <see cref="Interval"/>) or a
/// sample time, with the measured value (<c>DV</c> with its <c>ANALYTE</c> and <c>UNIT</c>) where the record has one.
/// </summary>
internal readonly record struct EventRecord(int Id, TimeSpan Time, int Evid, Dose Dose, TimeSpan Interval, int Additional, Observation? Observation = null)
{
    public bool IsSample => Evid != 1;

    public static EventRecord DoseRecord(int id, TimeSpan time, Dose dose, TimeSpan interval, int additional) => new(id, time, 1, dose, interval, additional);

    public static EventRecord Sample(int id, TimeSpan time, int evid = 0, Observation? observation = null) => new(id, time, evid, default, TimeSpan.Zero, 0, observation);
}

/// <summary>Reads one CSV line of an event table into an <see cref="EventRecord"/>, naming the line and column of anything it refuses.</summary>
/// <param name="line">The line number (the header is line 1).</param>
/// <param name="cells">The line's cells.</param>
/// <param name="columns">The column of each name in the header.</param>
/// <param name="width">The number of cells in the header: every line has as many (found once per table, not per line).</param>
internal readonly ref struct RecordReader(int line, string[] cells, Dictionary<string, int> columns, int width)
{
    private readonly int _line = line;
    private readonly string[] _cells = cells;
    private readonly Dictionary<string, int> _columns = columns;

    public EventRecord Record()
    {
        // A short line is refused, not read with its last cells missing: a dose line cut after TIME would be a sample.
        if (_cells.Length != width)
        {
            throw Error(null, $"has {_cells.Length} cells but the header has {width}; every line needs a cell for each column (empty or . for a missing value)");
        }

        var id = Integer("ID") ?? 1;
        var time = Hours("TIME") ?? throw Error("TIME", "is missing; every record needs a time in hours");
        var amount = Number("AMT");
        var evid = Integer("EVID") ?? (amount > 0 ? 1 : 0);
        if (Number("RATE") is { } rate && rate != 0)
        {
            throw Error("RATE", $"is {Text("RATE")}: infusions (RATE other than 0) are not supported; B12Dosing gives every dose at once");
        }

        if (Integer("SS") is { } ss && ss != 0)
        {
            throw Error("SS", $"is {ss}: steady-state doses are not supported from a table; list the doses (ADDL) from a start with given stores, or use Simulator.SteadyStateTrough");
        }

        var interval = Hours("II") ?? TimeSpan.Zero;
        var additional = Integer("ADDL") ?? 0;
        switch (evid)
        {
            case 0 or 2:
                if (amount is { } a && a != 0)
                {
                    throw Error("AMT", $"is {Text("AMT")} on a sample record (EVID {evid}); a sample has no amount (give EVID 1 for a dose)");
                }

                if (additional != 0 || interval != TimeSpan.Zero)
                {
                    throw Error(additional != 0 ? "ADDL" : "II", $"is given on a sample record (EVID {evid}); ADDL and II belong to doses");
                }

                return EventRecord.Sample(id, time, evid, evid == 0 && Integer("MDV") is not 1 ? Observed(time) : null);
            case 1:
                break;
            case 3 or 4:
                throw Error("EVID", $"is {evid}: a reset (EVID 3 or 4) cannot be expressed; B12Dosing runs one course from time zero: split the table into separate runs");
            default:
                throw Error("EVID", $"is {evid}; accepted: 0 (sample), 1 (dose), 2 (other: a sample time)");
        }

        if (additional < 0)
        {
            throw Error("ADDL", $"is {additional}; the number of additional doses must not be negative");
        }

        if ((additional > 0) != (interval > TimeSpan.Zero))
        {
            throw Error(additional > 0 ? "II" : "ADDL", additional > 0
                ? $"is {Text("II") ?? "missing"} with ADDL {additional}: additional doses need an interval II above 0 (hours)"
                : $"is 0 with II {Text("II")}: II without ADDL gives no dose (NONMEM: ADDL above 0 if and only if II above 0)");
        }

        if (additional > 0 && time.Ticks + ((Int128)additional * interval.Ticks) > Regimen.MaximumHorizon.Ticks)
        {
            throw Error("ADDL", $"is {additional} with II {Text("II")} h from TIME {Text("TIME")} h: the last additional dose would come after {Regimen.MaximumHorizon.TotalHours} h (200 years), the latest time a table may hold");
        }

        var micrograms = amount ?? throw Error("AMT", "is missing on a dose record (EVID 1); give the amount in µg");
        if (!(micrograms > 0))
        {
            throw Error("AMT", $"is {Text("AMT")} on a dose record (EVID 1); a dose must be more than 0 µg");
        }

        return EventRecord.DoseRecord(id, time, Dose(micrograms), interval, additional);
    }

    /// <summary>
    /// The measured value of a sample record: <c>DV</c> in the <c>UNIT</c> of its <c>ANALYTE</c> (total serum in pg/mL, ng/L
    /// or pmol/L; holoTC in pmol/L), below the limit of quantification <c>DV</c> where <c>CENS</c> is 1 (nlmixr2's and
    /// Monolix's convention; NONMEM's M3). Null where <c>DV</c> is missing, or where the table has no <c>ANALYTE</c>
    /// column (then <c>DV</c> is not read, as before the column existed; <see cref="EventTable.Observations"/> refuses it).
    /// </summary>
    private Observation? Observed(TimeSpan time)
    {
        if (!_columns.ContainsKey("ANALYTE") || Text("DV") is null)
        {
            return null;
        }

        var value = Number("DV")!.Value;
        var censored = Integer("CENS") switch
        {
            null or 0 => false,
            1 => true,
            var c => throw Error("CENS", $"is {c}; accepted: 0 (a measured value) or 1 (below the limit of quantification, DV the limit); values above a limit (-1) are not supported"),
        };
        if (!(value > 0))
        {
            throw Error("DV", $"is {Text("DV")}: a measured value must be above 0 (a value below the limit of quantification: CENS 1 with DV the limit)");
        }

        var analyteText = Text("ANALYTE") ?? throw Error("ANALYTE", "is missing on a record with DV; give serum (total B12) or holotc (active B12)");
        var analyte = analyteText.ToUpperInvariant() switch
        {
            "SERUM" or "TOTAL" or "TOTALB12" or "TOTAL-B12" => SerumAnalyte.TotalB12,
            "HOLOTC" or "ACTIVE" or "ACTIVEB12" or "ACTIVE-B12" => SerumAnalyte.ActiveB12,
            _ => throw Error("ANALYTE", $"is '{analyteText}'; accepted: serum (total B12) or holotc (active B12, holotranscobalamin)"),
        };
        var unitText = Text("UNIT") ?? (analyte == SerumAnalyte.ActiveB12 ? "pmol/L"
            : throw Error("UNIT", "is missing for a serum DV; give pg/mL, ng/L or pmol/L (they differ by a factor 1.355)"));
        var amount = value.ToString("R", CultureInfo.InvariantCulture) + " " + unitText;
        double picomoles;
        if (QuantityText.TryParse(amount, CultureInfo.InvariantCulture, out Molarity molar))
        {
            picomoles = molar.PicomolesPerLiter;
        }
        else if (analyte == SerumAnalyte.TotalB12 && QuantityText.TryParse(amount, CultureInfo.InvariantCulture, out MassConcentration mass))
        {
            picomoles = SerumModel.ToPicomolesPerLiter(mass.PicogramsPerMilliliter);
        }
        else
        {
            throw Error("UNIT", $"is '{unitText}'; accepted for serum: pg/mL, ng/L or pmol/L; for holotc: pmol/L");
        }

        try
        {
            var concentration = Molarity.FromPicomolesPerLiter(picomoles);
            return censored ? Observation.BelowLimit(time, analyte, concentration)
                : analyte == SerumAnalyte.ActiveB12 ? Observation.HoloTranscobalamin(time, concentration)
                : Observation.TotalSerum(time, concentration);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw Error(time > SimulationSettings.MaximumHorizon ? "TIME" : "DV", $"is {Text(time > SimulationSettings.MaximumHorizon ? "TIME" : "DV")}: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private Dose Dose(double micrograms)
    {
        var route = RouteOf();
        var formText = Text("FORM");
        try
        {
            if (formText is not null && formText.Trim().Equals("food", StringComparison.OrdinalIgnoreCase))
            {
                return route == Route.Oral
                    ? Dosing.Dose.Food(Mass.FromMicrograms(micrograms))
                    : throw Error("FORM", $"is food with route {route.ShortName()}: food-bound B12 can only be taken by mouth");
            }

            var form = formText is null ? CobalaminForm.Cyanocobalamin
                : CobalaminForms.TryParse(formText, out var f) ? f
                : throw Error("FORM", $"is '{formText}'; accepted: cyanocobalamin (cncbl), hydroxocobalamin (ohcbl), methylcobalamin (mecbl), adenosylcobalamin (adocbl), food; default cyanocobalamin");
            return Dosing.Dose.Create(Mass.FromMicrograms(micrograms), route, form);
        }
        catch (ArgumentException e)
        {
            throw Error("AMT", $"is {Text("AMT")} µg: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private Route RouteOf()
    {
        var text = Text("ROUTE");
        Route? named = text is null ? null
            : Routes.TryParse(text, out var r) ? r
            : throw Error("ROUTE", $"is '{text}'; accepted: oral (po), sublingual (sl), intranasal (nasal), im, sc, iv");
        Route? numbered = Integer("CMT") switch
        {
            null => null,
            1 => Route.Oral,
            2 => Route.Intravenous,
            3 => Route.Intramuscular,
            4 => Route.Subcutaneous,
            5 => Route.Intranasal,
            6 => Route.Sublingual,
            var c => throw Error("CMT", $"is {c}; B12Dosing's compartments: 1 oral (gut depot), 2 iv (central), 3 im, 4 sc, 5 intranasal, 6 sublingual (or give a ROUTE column)"),
        };
        if (named is { } n && numbered is { } m && n != m)
        {
            throw Error("CMT", $"is {Text("CMT")} ({m.ShortName()}) but ROUTE is {n.ShortName()}; they must agree (or give one of them)");
        }

        return named ?? numbered ?? throw Error("ROUTE", "is missing on a dose record: give ROUTE (oral, im, …) or CMT (1 oral, 2 iv, 3 im, 4 sc, 5 intranasal, 6 sublingual)");
    }

    private string? Text(string column) =>
        _columns.TryGetValue(column, out var i) && i < _cells.Length && _cells[i].Trim() is { Length: > 0 } cell && cell != "." ? cell : null;

    private double? Number(string column)
    {
        var text = Text(column);
        return text is null ? null
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
            : throw Error(column, $"is '{text}', not a finite number (a point for decimals)");
    }

    private int? Integer(string column)
    {
        var number = Number(column);
        return number is not { } v ? null
            : v == Math.Floor(v) && Math.Abs(v) <= int.MaxValue ? (int)v
            : throw Error(column, $"is '{Text(column)}', not a whole number");
    }

    /// <summary>A time in hours: not negative, at most <see cref="Regimen.MaximumHorizon"/>, a whole number of seconds (to 1 µs, the rounding of its decimal text).</summary>
    private TimeSpan? Hours(string column)
    {
        if (Number(column) is not { } hours)
        {
            return null;
        }

        var seconds = hours * 3600;
        if (hours < 0 || seconds > Regimen.MaximumHorizon.TotalSeconds)
        {
            throw Error(column, $"is {Text(column)} h; a time must be from 0 to {Regimen.MaximumHorizon.TotalHours} h");
        }

        var whole = Math.Round(seconds);
        return Math.Abs(seconds - whole) <= 1e-6
            ? TimeSpan.FromSeconds(whole)
            : throw Error(column, $"is {Text(column)} h = {seconds.ToString("R", CultureInfo.InvariantCulture)} s; times must be whole seconds");
    }

    /// <summary>The refusal, one sentence ending in one full stop (a message that brings its own, such as a library's, keeps one).</summary>
    private FormatException Error(string? column, string message)
    {
        message = message.EndsWith('.') && !message.EndsWith("..", StringComparison.Ordinal) ? message[..^1] : message;
        return new(column is null ? $"Line {_line}: the record {message}." : $"Line {_line}, column {column} {message}.");
    }
}

/// <summary>Splits one CSV line (RFC 4180: fields in double quotes may hold commas and doubled quotes).</summary>
internal static class CsvLine
{
    public static string[] Split(string text, int line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        return quoted ? throw new FormatException($"Line {line}: a quoted field is not closed.") : [.. cells, cell.ToString()];
    }
}
