using System.Collections.Immutable;
using System.Globalization;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.EventTables;

/// <summary>
/// A NONMEM-style event table (the dosing record that NONMEM, mrgsolve, rxode2 and Pumas users exchange) as CSV:
/// one record a line, with the columns <c>ID</c>, <c>TIME</c> (hours), <c>AMT</c> (µg), <c>EVID</c>, <c>CMT</c> or
/// <c>ROUTE</c>, <c>FORM</c>, <c>II</c> (hours), <c>ADDL</c>, <c>SS</c>, <c>RATE</c> and <c>MDV</c>. Column names are
/// case-insensitive and in any order. Where the table has an <c>ANALYTE</c> column, the <c>DV</c> of a sample record
/// (EVID 0, MDV not 1) is a measured value (<see cref="Observations"/>): total serum (<c>serum</c>, <c>UNIT</c> pg/mL,
/// ng/L or pmol/L) or holoTC (<c>holotc</c>, pmol/L), below the limit of quantification where <c>CENS</c> is 1.
/// Other columns (covariates) are ignored; a cell that is empty or
/// <c>.</c> is missing. The mapping to routes and forms, the conventions for same-time records and <c>ADDL</c>, and
/// what is refused are in <c>docs/event-tables.md</c>. Every refusal is a <see cref="FormatException"/> that names the
/// line and the column. Immutable; reading and writing go through a <see cref="TextReader"/> or <see cref="TextWriter"/>
/// (no file I/O).
/// </summary>
public sealed class EventTable
{
    /// <summary>The most records a table may have: 1 000 000.</summary>
    public const int MaximumRecords = 1_000_000;

    private static readonly string[] WrittenColumns = ["ID", "TIME", "EVID", "AMT", "CMT", "ROUTE", "FORM", "II", "ADDL", "SS", "MDV"];

    /// <summary>How many IDs a message lists before it gives only their number.</summary>
    private const int ListedIds = 10;

    private readonly ImmutableArray<EventRecord> _records;

    /// <summary>Where each subject's records are (they are together): a subject costs its own records, not the table's.</summary>
    private readonly Dictionary<int, (int Start, int Count)> _subjects = [];

    /// <summary>In a table without an ANALYTE column: each subject's first line whose DV has a value (which cannot be read as an observation).</summary>
    private readonly IReadOnlyDictionary<int, int> _unlabelledValueLines;

    private EventTable(ImmutableArray<EventRecord> records, IReadOnlyDictionary<int, int>? unlabelledValueLines = null)
    {
        _records = records;
        _unlabelledValueLines = unlabelledValueLines ?? new Dictionary<int, int>();
        var ids = new List<int>();
        for (var start = 0; start < records.Length;)
        {
            var end = start + 1;
            while (end < records.Length && records[end].Id == records[start].Id)
            {
                end++;
            }

            ids.Add(records[start].Id);
            _subjects.Add(records[start].Id, (start, end - start));
            start = end;
        }

        Ids = ids.AsReadOnly();
    }

    /// <summary>The subjects' IDs, in the order they appear.</summary>
    public IReadOnlyList<int> Ids { get; }

    /// <summary>The number of records (lines after the header).</summary>
    public int RecordCount => _records.Length;

    /// <summary>
    /// The CMT number of a route in B12Dosing's convention (documented in <c>docs/event-tables.md</c>): 1 oral (the gut
    /// depot), 2 intravenous (the central compartment), 3 intramuscular, 4 subcutaneous, 5 intranasal, 6 sublingual.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined route.</exception>
    public static int Compartment(Route route) => route switch
    {
        Route.Oral => 1,
        Route.Intravenous => 2,
        Route.Intramuscular => 3,
        Route.Subcutaneous => 4,
        Route.Intranasal => 5,
        Route.Sublingual => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, "Not a route; accepted: oral, sublingual, intranasal, im, sc, iv."),
    };

    /// <summary>Reads a table from CSV text (see <see cref="Read"/>).</summary>
    /// <exception cref="FormatException">The table cannot be read or holds what B12Dosing cannot express; the message names the line and column.</exception>
    public static EventTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader);
    }

    /// <summary>
    /// Reads a table from CSV: a header line, then one record a line (the invariant culture: a point for decimals).
    /// <c>EVID</c> 1 is a dose (<c>AMT</c> µg by <c>ROUTE</c> or <c>CMT</c>, with <c>ADDL</c> more every <c>II</c> hours);
    /// 0 and 2 are sample times; 3 and 4 (resets) are refused, as are <c>SS</c> other than 0 and <c>RATE</c> other than 0.
    /// Without an <c>EVID</c> column a record with <c>AMT</c> above 0 is a dose and any other a sample time. Without an
    /// <c>ID</c> column every record is subject 1. <c>TIME</c> must not go back within a subject, and one subject's
    /// records must be together (NONMEM's rules).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="FormatException">The table cannot be read or holds what B12Dosing cannot express; the message names the line and column.</exception>
    public static EventTable Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new FormatException("The event table is empty: it needs a header line such as ID,TIME,AMT,EVID,ROUTE.");

        // A byte-order mark (text read without a decoder that strips it, as Parse(string) is given) is not part of the first column's name.
        header = header.Length > 0 && header[0] == '\uFEFF' ? header[1..] : header;
        var columns = Columns(header, out var width);
        var records = ImmutableArray.CreateBuilder<EventRecord>();
        var line = 1;
        var done = new HashSet<int>();
        (int Id, TimeSpan Time)? lastDose = null;
        long subjectEvents = 0;
        int? dvWithoutAnalyte = !columns.ContainsKey("ANALYTE") && columns.TryGetValue("DV", out var dvColumn) ? dvColumn : null;
        var unlabelled = new Dictionary<int, int>();
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            if (records.Count == MaximumRecords)
            {
                throw new FormatException($"Line {line}: the event table has more than {MaximumRecords} records.");
            }

            var cells = CsvLine.Split(text, line);
            var record = new RecordReader(line, cells, columns, width).Record();
            if (dvWithoutAnalyte is { } dv && record.Evid == 0 && dv < cells.Length && cells[dv].Trim() is { Length: > 0 } value && value != ".")
            {
                unlabelled.TryAdd(record.Id, line);
            }

            if (records.Count > 0 && records[^1].Id != record.Id)
            {
                subjectEvents = 0;
                if (!done.Add(records[^1].Id) || done.Contains(record.Id))
                {
                    throw new FormatException($"Line {line}, column ID is {record.Id}: subject {record.Id} appears again after other subjects; keep each subject's records together (NONMEM would read a new subject).");
                }
            }
            else if (records.Count > 0 && record.Time < records[^1].Time)
            {
                throw new FormatException($"Line {line}, column TIME is {Hours(record.Time)} h, before the record above ({Hours(records[^1].Time)} h); within a subject TIME must not go back (NONMEM's rule).");
            }

            if (record.IsSample && lastDose == (record.Id, record.Time))
            {
                throw new FormatException(
                    $"Line {line}, column EVID is {record.Evid}: a sample after a dose at the same TIME ({Hours(record.Time)} h) is taken after the dose in NONMEM; B12Dosing samples a time before its doses. Put the sample line before the dose line, or sample after every dose (SamplesAfterDose 0, b12 --after-dose 0h).");
            }

            if (!record.IsSample)
            {
                subjectEvents += record.Additional + 1L;
                if (subjectEvents > Regimen.MaximumEvents)
                {
                    throw new FormatException($"Line {line}, column ADDL is {record.Additional}: subject {record.Id}'s doses expand to more than {Regimen.MaximumEvents} events (Regimen.MaximumEvents) with this record.");
                }
            }

            lastDose = record.IsSample ? lastDose : (record.Id, record.Time);
            records.Add(record);
        }

        return new(records.ToImmutable(), unlabelled);
    }

    /// <summary>
    /// The table of <paramref name="events"/> for one subject: one record per run of equal doses at a constant
    /// interval (<c>ADDL</c> and <c>II</c>), then a sample record (EVID 0) at each of <paramref name="sampleTimes"/>.
    /// Reading it back (<see cref="Read"/>) gives the same events and sample times exactly. Events in time order (as
    /// <see cref="Regimen.Events"/> gives them) are read once, keeping only the records (memory of the output); others are
    /// sorted first.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is negative.</exception>
    /// <exception cref="ArgumentException">
    /// An event is the default (empty) value, or a time is not a whole number of seconds from 0 to <see cref="Regimen.MaximumHorizon"/>,
    /// or there are more than <see cref="Regimen.MaximumEvents"/> events or <see cref="MaximumRecords"/> records: what
    /// <see cref="Read"/> would refuse.
    /// </exception>
    public static EventTable FromEvents(IEnumerable<DoseEvent> events, IEnumerable<TimeSpan>? sampleTimes = null, int id = 1)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        return FromOrderedEvents(InTimeOrder(events), sampleTimes, id);
    }

    /// <summary><see cref="FromEvents"/> of events already in time order, read once as they come.</summary>
    private static EventTable FromOrderedEvents(IEnumerable<DoseEvent> events, IEnumerable<TimeSpan>? sampleTimes, int id)
    {
        var runs = new Dictionary<(double, Route, CobalaminForm, DoseVehicle), DoseRun>();
        var records = new List<(EventRecord Record, int Kind)>();
        long count = 0;
        foreach (var e in events)
        {
            if (!(e.Dose.Micrograms > 0))
            {
                throw new ArgumentException("A dose event is empty (default(DoseEvent)).", nameof(events));
            }

            if (++count > Regimen.MaximumEvents)
            {
                throw new ArgumentException($"More than {Regimen.MaximumEvents} dose events (Regimen.MaximumEvents): a table that long is not read back.", nameof(events));
            }

            var time = CheckTime(e.Time, nameof(events));
            var kind = Kind(e.Dose);
            if (!runs.TryGetValue(kind, out var run))
            {
                runs[kind] = new(runs.Count, e.Dose, time);
            }
            else if (!run.TryExtend(time))
            {
                Add(records, run.Record(id));
                runs[kind] = new(run.Order, e.Dose, time);
            }
        }

        foreach (var run in runs.Values)
        {
            Add(records, run.Record(id));
        }

        foreach (var t in sampleTimes ?? [])
        {
            Add(records, (EventRecord.Sample(id, CheckTime(t, nameof(sampleTimes))), -1));
        }

        // Sorted by time; at one time samples first (taken before the doses, as the simulation takes them), then doses by kind.
        return new([.. records.OrderBy(r => r.Record.Time).ThenBy(r => r.Kind).Select(r => r.Record)]);

        static void Add(List<(EventRecord, int)> records, (EventRecord, int) record)
        {
            if (records.Count == MaximumRecords)
            {
                throw new ArgumentException($"The events and sample times make more than {MaximumRecords} records (EventTable.MaximumRecords): a table that long is not read back.", nameof(events));
            }

            records.Add(record);
        }
    }

    /// <summary>The events as they are if they are in time order (one pass, nothing copied), otherwise sorted by time (stable).</summary>
    private static IEnumerable<DoseEvent> InTimeOrder(IEnumerable<DoseEvent> events)
    {
        if (events is not IReadOnlyList<DoseEvent> list)
        {
            list = events.ToArray();
        }

        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Time < list[i - 1].Time)
            {
                return list.OrderBy(e => e.Time);
            }
        }

        return list;
    }

    /// <summary>A run of equal doses at a constant interval, growing as the events come in time order.</summary>
    private sealed class DoseRun(int order, Dose dose, TimeSpan start)
    {
        private readonly TimeSpan _start = start;
        private TimeSpan _interval;
        private TimeSpan _last = start;
        private int _count = 1;

        /// <summary>The order of the dose's kind among the kinds (first seen first): the order of same-time records.</summary>
        public int Order { get; } = order;

        /// <summary>Adds a dose at <paramref name="time"/> if it continues the run (the next dose one interval on).</summary>
        public bool TryExtend(TimeSpan time)
        {
            var gap = time - _last;
            if (_count == 1 ? gap <= TimeSpan.Zero : gap != _interval)
            {
                return false;
            }

            (_interval, _last, _count) = (gap, time, _count + 1);
            return true;
        }

        public (EventRecord, int) Record(int id) => (EventRecord.DoseRecord(id, _start, dose, _count > 1 ? _interval : TimeSpan.Zero, _count - 1), Order);
    }

    /// <summary>
    /// The table of a regimen's events up to <paramref name="horizon"/> (inclusive, as <see cref="Regimen.Events"/> gives
    /// them; see <see cref="FromEvents"/>). The events are read one at a time (<see cref="Regimen.EnumerateEvents"/>), so
    /// memory grows with the records of the table, not with the number of events.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="regimen"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is out of the range <see cref="Regimen.Events"/> accepts, or <paramref name="id"/> is negative.</exception>
    /// <exception cref="ArgumentException">The events make more than <see cref="MaximumRecords"/> records.</exception>
    public static EventTable FromRegimen(Regimen regimen, TimeSpan horizon, int id = 1)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        return FromOrderedEvents(regimen.EnumerateEvents(horizon), null, id);
    }

    /// <summary>The dose events of subject <paramref name="id"/>, <c>ADDL</c> expanded (each additional dose <c>II</c> after the one before), sorted by time.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The table has no subject <paramref name="id"/>, or the doses expand to more than <see cref="Regimen.MaximumEvents"/>.</exception>
    public ImmutableArray<DoseEvent> Events(int id)
    {
        var records = Of(id).Where(r => !r.IsSample).ToArray();
        var total = records.Sum(r => r.Additional + 1L);
        if (total > Regimen.MaximumEvents)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, $"Subject {id}'s doses expand (ADDL) to {total} events; at most {Regimen.MaximumEvents} are accepted.");
        }

        var events = new List<DoseEvent>((int)total);
        foreach (var r in records)
        {
            for (var k = 0; k <= r.Additional; k++)
            {
                events.Add(new(r.Time + (k * r.Interval), r.Dose));
            }
        }

        return [.. events.OrderBy(e => e.Time)];
    }

    /// <summary>
    /// The measured values of subject <paramref name="id"/> (the <c>DV</c> of its sample records, with <c>ANALYTE</c>,
    /// <c>UNIT</c> and <c>CENS</c>), in time order: what <see cref="Estimation.Estimator"/> takes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The table has no subject <paramref name="id"/>.</exception>
    /// <exception cref="FormatException">The subject has <c>DV</c> values but the table no <c>ANALYTE</c> column to say what they are; the message names the line.</exception>
    public ImmutableArray<Estimation.Observation> Observations(int id)
    {
        var records = Of(id).ToArray();
        if (_unlabelledValueLines.TryGetValue(id, out var line))
        {
            throw new FormatException($"Line {line}, column DV has a value but the table has no ANALYTE column to say what it measures; add ANALYTE (serum or holotc) and UNIT (pg/mL, ng/L or pmol/L) columns (docs/event-tables.md).");
        }

        return [.. records.Where(r => r.Observation is not null).Select(r => r.Observation!)];
    }

    /// <summary>The sample times (EVID 0 and 2 records) of subject <paramref name="id"/>, sorted, each once.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The table has no subject <paramref name="id"/>.</exception>
    public ImmutableArray<TimeSpan> SampleTimes(int id) => [.. Of(id).Where(r => r.IsSample).Select(r => r.Time).Distinct().Order()];

    /// <summary>
    /// The dosing of subject <paramref name="id"/> as a <see cref="Regimen"/>, whose notation (<c>ToString()</c>) is the
    /// table in words: each record with <c>ADDL</c> is <c>after TIME dose qII xN</c>, the other doses of one kind are one
    /// <c>dose at t1,t2,…</c>. Its events are those of <see cref="Events"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The table has no subject <paramref name="id"/>.</exception>
    public Regimen ToRegimen(int id)
    {
        var doses = Of(id).Where(r => !r.IsSample).ToArray();
        var single = doses.Where(r => r.Additional == 0).GroupBy(r => Kind(r.Dose)).Select(g => Regimen.Start(g.First().Dose).At(g.Select(r => r.Time)));
        var repeated = doses.Where(r => r.Additional > 0).Select(Repeated);
        return Regimen.Combine(single.Concat(repeated));
    }

    /// <summary>
    /// A record with <c>ADDL</c> as a phase <c>after TIME dose qII xN</c>. A phase of N cycles lasts N·II, which must end
    /// within 200 years; a table's last dose at TIME + ADDL·II may be at 200 years exactly, so such a record is the
    /// phase of one cycle less and its last dose on its own.
    /// </summary>
    private static Regimen Repeated(EventRecord r)
    {
        var phase = Regimen.Start(r.Dose).After(r.Time).Every(r.Interval);
        if (r.Time.Ticks + ((Int128)(r.Additional + 1L) * r.Interval.Ticks) <= Regimen.MaximumHorizon.Ticks)
        {
            return phase.Times(r.Additional + 1);
        }

        var last = r.Time + (r.Additional * r.Interval);
        return ((Regimen)phase.Times(r.Additional)).And(Regimen.Start(r.Dose).At([last]));
    }

    /// <summary>The latest time of subject <paramref name="id"/>: its last sample, or its last dose with <c>ADDL</c> expanded, whichever is later.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The table has no subject <paramref name="id"/>.</exception>
    public TimeSpan LastTime(int id) => Of(id).Max(r => r.Time + (r.Additional * r.Interval));

    /// <summary>Writes the table as CSV: the header <c>ID,TIME,EVID,AMT,CMT,ROUTE,FORM,II,ADDL,SS,MDV</c>, then one line a record (CRLF, RFC 4180).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', WrittenColumns));
        writer.Write("\r\n");
        foreach (var r in _records)
        {
            var i = r.Id.ToString(CultureInfo.InvariantCulture);
            writer.Write(r.IsSample
                ? $"{i},{Hours(r.Time)},0,0,.,.,.,0,0,0,0"
                : $"{i},{Hours(r.Time)},1,{r.Dose.Micrograms.ToString("R", CultureInfo.InvariantCulture)},{Compartment(r.Dose.Route)},{r.Dose.Route.ShortName()},{FormName(r.Dose)},{Hours(r.Interval)},{r.Additional},0,1");
            writer.Write("\r\n");
        }
    }

    /// <summary>The CSV text of the table (see <see cref="Write"/>).</summary>
    public string ToCsv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer);
        return writer.ToString();
    }

    /// <summary>The number of records and subjects.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"event table: {RecordCount} records, {Ids.Count} subject(s)");

    internal static string Hours(TimeSpan time) => (time.Ticks / (double)TimeSpan.TicksPerHour).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>What makes two doses the same for a run of ADDL: the amount in µg (1 mg is 1000 µg), route, form and vehicle.</summary>
    private static (double, Route, CobalaminForm, DoseVehicle) Kind(Dose dose) => (dose.Micrograms, dose.Route, dose.Form, dose.Vehicle);

    private static string FormName(Dose dose) => dose.Vehicle == DoseVehicle.FoodBound ? "food" : dose.Form.Name();

    private static TimeSpan CheckTime(TimeSpan time, string paramName) =>
        time.Ticks % TimeSpan.TicksPerSecond == 0 && time >= TimeSpan.Zero && time <= Regimen.MaximumHorizon
            ? time
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The time {time} is not a whole number of seconds from 0 to {Regimen.MaximumHorizon.TotalHours} h (200 years); an event table's times are."), paramName);

    /// <summary>The records of subject <paramref name="id"/> (a slice: they are together).</summary>
    private IEnumerable<EventRecord> Of(int id) =>
        _subjects.TryGetValue(id, out var at)
            ? _records.Slice(at.Start, at.Count)
            : throw new ArgumentOutOfRangeException(nameof(id), id, $"The table has no subject {id}; {DescribeIds(Ids)}.");

    /// <summary>
    /// The IDs for a message: all of them up to ten, else the first ten and how many there are (a message is one line,
    /// not a list of 200 000 IDs).
    /// </summary>
    internal static string DescribeIds(IReadOnlyList<int> ids)
    {
        var listed = string.Join(", ", ids.Take(ListedIds).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        return ids.Count switch
        {
            0 => "it has no subjects",
            <= ListedIds => $"its IDs: {listed}",
            _ => string.Create(CultureInfo.InvariantCulture, $"its {ids.Count} IDs begin {listed}, …"),
        };
    }

    private static Dictionary<string, int> Columns(string header, out int width)
    {
        var names = CsvLine.Split(header, 1);
        width = names.Length;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].Trim();
            if (name.Length > 0 && !columns.TryAdd(name, i))
            {
                throw new FormatException($"Line 1: the column {name} appears twice.");
            }
        }

        if (!columns.ContainsKey("TIME"))
        {
            throw new FormatException($"Line 1: the event table has no TIME column (hours); its columns: {header}.");
        }

        return columns;
    }
}
