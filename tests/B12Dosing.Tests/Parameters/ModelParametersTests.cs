using System.Globalization;
using System.Reflection;
using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Parameters;
using B12Dosing.Regimens;
using B12Dosing.Tests.Shared;

namespace B12Dosing.Tests.Parameters;

/// <summary>The parameter block (<see cref="ModelParameters"/>) and the parameter set (<see cref="ParameterSet"/>) read, changed and refused through it.</summary>
public class ModelParametersTests
{
    /// <summary>
    /// The readouts of a set that are computed from its parameters, not parameters themselves (a solver may read them:
    /// <see cref="Every_member_of_a_set_a_solver_reads_is_a_block_entry"/> checks that they read only entries), and the
    /// choice of carrier model (<c>CarrierModel</c>, <c>UsesFreeCapacity</c>: which equations, not a number).
    /// </summary>
    private static readonly string[] Readouts = ["CarrierModel", "UsesFreeCapacity", "StoreLossPerDay", "EffectiveIntrinsicFactorCapacity", "EffectiveIntrinsicFactorCapacityMicrograms", "MaximumOralFraction", "IsHaptocorrinReleasePinned", "Values"];

    [Fact]
    public void Every_entry_has_a_name_unit_default_within_bounds_origin_and_source()
    {
        Assert.Equal(ModelParameters.All.Count, ModelParameters.All.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ModelParameters.All, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Unit), p.Name);
            Assert.False(string.IsNullOrWhiteSpace(p.Source), p.Name);
            Assert.InRange(p.Default, p.Minimum, p.Maximum);
            Assert.True(Enum.IsDefined(p.Origin) && Enum.IsDefined(p.Scale), p.Name);
            Assert.True(p.Scale != ParameterScale.Logit || (p.Minimum >= 0 && p.Maximum <= 1), $"{p.Name}: a logit scale needs bounds within [0, 1].");
        });
    }

    /// <summary>The healthy set holds each parameter's default: the block is where the numbers are written.</summary>
    [Fact]
    public void The_healthy_set_holds_the_block_defaults() =>
        Assert.All(ModelParameters.Settable, p => Assert.Equal(p.Default, p.ValueIn(ParameterSet.Healthy)));

    /// <summary>
    /// Every value a solver can read from a set is a parameter of the block: each settable property of
    /// <see cref="ParameterSet"/> (public or internal, what the kernels read) is changed by writing some block entry, and
    /// the set holds no numeric constant of its own (the constants are the block's).
    /// </summary>
    [Fact]
    public void A_set_holds_nothing_the_block_does_not_list()
    {
        var settable = typeof(ParameterSet).GetProperties(Instance)
            .Where(p => p.SetMethod is not null && p.Name != "EqualityContract" && !Readouts.Contains(p.Name))
            .Select(p => p.Name);
        Assert.Empty(settable.Except(EntryBacked.Value).Order());
        var statics = typeof(ParameterSet).GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.FieldType == typeof(double) || f.FieldType == typeof(int))
            .Select(f => f.Name);
        Assert.Empty(statics);
    }

    /// <summary>
    /// Issue 18's "a test fails if a solver reads a value that is not in it", for the numbers written in the code: no
    /// numeric literal of the solver folders (<see cref="SolverSources.Folders"/>) is a figure the block does not list.
    /// The literals left are counts, indices and sizes (integers), and the short list of
    /// <see cref="SolverSources.Allowed"/> and <see cref="SolverSources.AllowedIn"/>, each with the reason it is not
    /// physiology; a physiological figure is an entry of <see cref="ModelParameters"/>, read by name.
    /// </summary>
    [Fact]
    public void Solver_code_writes_no_number_the_block_does_not_list()
    {
        var unlisted = SolverSources.UnlistedLiterals().ToList();
        Assert.True(unlisted.Count == 0, "Numbers in solver code that the block does not list (make each an entry of ModelParameters and read it, or, if it is not physiology, allow it in SolverSources with the reason):\n" + string.Join("\n", unlisted));
    }

    /// <summary>
    /// The same for the values read from a set: every member of <see cref="ParameterSet"/> the solver folders read is
    /// changed by a block entry (<see cref="EntryBacked"/>), or is one of the readouts computed from such members
    /// (<see cref="Readouts"/>, each checked to read nothing else).
    /// </summary>
    [Fact]
    public void Every_member_of_a_set_a_solver_reads_is_a_block_entry()
    {
        var read = SolverSources.PhysiologyReads().ToList();
        Assert.NotEmpty(read);
        Assert.Empty(read.Where(r => !EntryBacked.Value.Contains(r.Member) && !Readouts.Contains(r.Member)).Select(r => $"{r.Where}: {r.Member}").Distinct());
        Assert.Empty(SolverSources.PhysiologyReads(onlyIn: Readouts).Where(r => !EntryBacked.Value.Contains(r.Member) && !Readouts.Contains(r.Member)).Select(r => $"{r.Where}: {r.Member}"));
    }

    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>
    /// The properties of <see cref="ParameterSet"/> that writing a block entry changes: each entry is written in turn (at
    /// 37 % of its range, on a set whose release onto haptocorrin is pinned so that no carrier constant leaves it
    /// without a value) and every property that differs is one the entry stands for.
    /// </summary>
    private static readonly Lazy<HashSet<string>> EntryBacked = new(() =>
    {
        var properties = typeof(ParameterSet).GetProperties(Instance).Where(p => p.Name != "EqualityContract" && p.GetIndexParameters().Length == 0).ToList();
        var healthy = ParameterSet.Healthy with { HaptocorrinReleasePerDay = ParameterSet.Healthy.HaptocorrinReleasePerDay };
        var covered = new HashSet<string>();
        foreach (var parameter in ModelParameters.Settable)
        {
            var value = parameter.Minimum + ((parameter.Maximum - parameter.Minimum) * 0.37);
            var changed = parameter.Write(healthy, value);
            foreach (var property in properties.Where(p => p.SetMethod is not null && !Readouts.Contains(p.Name)))
            {
                if (!Equals(property.GetValue(changed), property.GetValue(healthy)))
                {
                    covered.Add(property.Name);
                }
            }
        }

        return covered;
    });

    /// <summary>Issue 18, defect 1: 1 mg of IF capacity is refused under the public name and in µg, not under the internal member.</summary>
    [Fact]
    public void An_out_of_range_parameter_is_refused_under_its_public_name_and_unit()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ParameterSet.Healthy with { IntrinsicFactorCapacity = Mass.FromMilligrams(1) });
        Assert.Equal("IntrinsicFactorCapacity", e.ParamName);
        Assert.Contains("IntrinsicFactorCapacity must be from 0 to 100 µg; got 1000 µg.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Micrograms", e.Message, StringComparison.Ordinal);

        var byName = Assert.Throws<ArgumentOutOfRangeException>(() => ParameterSet.Healthy.With("HoloHaptocorrinHalfLife", 5000));
        Assert.Equal("HoloHaptocorrinHalfLife", byName.ParamName);
        Assert.Contains("from 0.01 to 1000 d; got 5000 d", byName.Message, StringComparison.Ordinal);
    }

    /// <summary>Issue 18, defect 2: with a holoTC half-life of 6 h, average stores in balance still give the reference serum (it moved to 513 pg/mL before).</summary>
    [Theory]
    [InlineData(6.0)]
    [InlineData(1.5)]
    public void The_derived_haptocorrin_release_follows_a_changed_holotranscobalamin_half_life(double hours)
    {
        var changed = ParameterSet.Healthy with { HoloTranscobalaminHalfLife = TimeSpan.FromHours(hours) };
        Assert.NotEqual(ParameterSet.Healthy.HaptocorrinReleasePerDay, changed.HaptocorrinReleasePerDay);
        Assert.False(changed.IsHaptocorrinReleasePinned);
        var settings = new SimulationSettings(TimeSpan.FromDays(1)) { ParameterSet = changed, InitialStores = Mass.FromMicrograms(ModelParameters.ReferenceStoresMicrograms) };
        var baseline = Simulator.Run(Regimen.None, settings)[0].Serum.PicogramsPerMilliliter;
        // The balance is solved in closed form: only rounding separates it from 450 pg/mL.
        Assert.Equal(ModelParameters.ReferenceSerumPicogramsPerMilliliter, baseline, 1e-9);

        var pinned = changed with { HaptocorrinReleasePerDay = ParameterSet.Healthy.HaptocorrinReleasePerDay };
        Assert.True(pinned.IsHaptocorrinReleasePinned);
        Assert.Equal(ParameterSet.Healthy.HaptocorrinReleasePerDay, pinned.HaptocorrinReleasePerDay);
        Assert.NotEqual(pinned, changed);
    }

    /// <summary>Carrier constants that leave no room for haptocorrin are refused where the set is built by name, naming the derived parameter.</summary>
    [Fact]
    public void Carrier_constants_without_room_for_haptocorrin_are_refused_once_where_the_set_is_built()
    {
        var e = Assert.Throws<ArgumentException>(() => ParameterSet.Healthy.With("HoloTranscobalaminHalfLife", 900));
        Assert.Contains("HaptocorrinReleasePerDay", e.Message, StringComparison.Ordinal);
        var typed = ParameterSet.Healthy with { HoloTranscobalaminHalfLife = TimeSpan.FromHours(900) };
        Assert.Throws<ArgumentException>(() => new SimulationSettings(TimeSpan.FromDays(1)) { ParameterSet = typed });
    }

    [Fact]
    public void Parameters_are_read_and_changed_by_name_several_at_once_with_the_rules_checked_on_the_result()
    {
        // Each change alone would absorb more than the dose or is unusual; together they are legal.
        var changed = ParameterSet.Healthy.With([new("IntrinsicFactorCapacity", 5), new("IntrinsicFactorHalfSaturation", 10)]);
        Assert.Equal(5, changed.Value("IntrinsicFactorCapacity"));
        Assert.Equal(10, changed.Value("intrinsicfactorhalfsaturation"));
        Assert.Equal(ParameterSet.Healthy with { IntrinsicFactorCapacity = Mass.FromMicrograms(5), IntrinsicFactorHalfSaturation = Mass.FromMicrograms(10) }, changed);
        Assert.Throws<ArgumentException>(() => ParameterSet.Healthy.With("IntrinsicFactorCapacity", 5));
        Assert.Contains("ReferenceSerum is a constant", Assert.Throws<ArgumentException>(() => ParameterSet.Healthy.With("ReferenceSerum", 400)).Message, StringComparison.Ordinal);
        Assert.Contains("HoloTranscobalaminHalfLife", Assert.Throws<ArgumentException>(() => ParameterSet.Healthy.With("HoloTC", 4)).Message, StringComparison.Ordinal);
    }

    /// <summary>Two sets with equal values are equal, whichever way they were built (the kernels' caches are keyed by value).</summary>
    [Fact]
    public void Sets_compare_by_value()
    {
        var a = ParameterSet.Healthy.With("PlasmaVolume", 3.5);
        var b = ParameterSet.Healthy with { PlasmaVolume = Volume.FromMilliliters(3500) };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(ParameterSet.Healthy, ParameterSet.Healthy.With("PlasmaVolume", 3));
    }

    [Fact]
    public void ToString_prints_the_table_of_every_parameter_with_its_unit_and_origin()
    {
        var lines = ParameterSet.PerniciousAnemia.ToString().Split(Environment.NewLine);
        Assert.Equal(ModelParameters.Settable.Count + 1, lines.Length);
        Assert.Matches(@"^  IntrinsicFactorCapacity\s+0 µg\s+fitted$", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("  HaptocorrinReleasePerDay ", StringComparison.Ordinal) && l.EndsWith("derived", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("HoloHaptocorrinHalfLife", StringComparison.Ordinal) && l.Contains(" d ", StringComparison.Ordinal));
    }

    /// <summary><c>docs/model.md</c>'s parameter table is generated from the block (<c>B12_WRITE_DOCS=1</c> rewrites it).</summary>
    [Fact]
    public void The_model_document_lists_the_block() => DocsSection.AssertCurrent("model.md", "parameters", Table());

    private static string Table()
    {
        var text = new System.Text.StringBuilder("| symbol | name | default | unit | bounds | scale | origin | source |\n|---|---|---:|---|---|---|---|---|\n");
        foreach (var p in ModelParameters.All)
        {
            var bounds = p.IsConstant ? "constant" : string.Create(CultureInfo.InvariantCulture, $"{p.Minimum:G4} to {p.Maximum:G4}");
            text.Append(CultureInfo.InvariantCulture, $"| {p.Symbol} | `{p.Name}` | {p.Default:G5} | {p.Unit} | {bounds} | {p.Scale.ToString().ToLowerInvariant()} | {p.Origin.ToString().ToLowerInvariant()} | {p.Source.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return text.ToString();
    }
}
