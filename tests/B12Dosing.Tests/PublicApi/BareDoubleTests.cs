using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using B12Dosing.Dosing;

namespace B12Dosing.Tests.PublicApi;

/// <summary>
/// Issue 11: no public member of the core takes or returns a bare <see cref="double"/> that is an amount, a
/// concentration or a time; those are UnitsNet quantities (or <see cref="TimeSpan"/>), and the doubles stay inside the
/// kernels. The scan reads every public or protected property, field, constant, method, constructor and parameter of
/// every exported type (a double, a nullable double, or a double inside a tuple, list or delegate) and flags the names
/// that say what the number is: a unit (<c>...Micrograms</c>, <c>...PerMilliliter</c>, <c>...Days</c>, <c>...Hours</c>,
/// <c>...Liters</c>) or a quantity of the model (dose, stores, serum, plasma, body, urine, absorbed, retained). Rates
/// (<c>...PerDay</c>, <c>...PerHour</c>, <c>...PerMinute</c>), fractions, factors, shares, ratios and counts may stay
/// doubles: their names say so.
/// </summary>
public partial class BareDoubleTests
{
    /// <summary>
    /// Doubles whose unit is the caller's, not the member's: the dosing-interval metrics of any value a selector picks
    /// (<see cref="Kinetics.SimulationResult.DosingIntervals"/>), which may be an amount, a concentration or anything else.
    /// </summary>
    private static readonly HashSet<string> Generic =
    [
        "SimulationResult.DosingIntervals(value)",
        "DosingInterval.Peak",
        "DosingInterval.Trough",
    ];

    /// <summary>Members still to convert (issue 11, the parameters' slice); the list may only shrink.</summary>
    private static readonly HashSet<string> Pending = [.. PendingMembers()];

    [Fact]
    public void No_public_member_of_the_core_is_a_bare_amount_concentration_or_time()
    {
        var found = BareQuantityDoubles(typeof(Dose).Assembly).ToList();
        var unexpected = found.Where(m => !Generic.Contains(m) && !Pending.Contains(m)).ToList();
        Assert.True(unexpected.Count == 0, "Public doubles that are amounts, concentrations or times (make them UnitsNet quantities wrapping an internal double):\n" + string.Join("\n", unexpected));
        var converted = Pending.Except(found).ToList();
        Assert.True(converted.Count == 0, "Converted: remove from the pending list:\n" + string.Join("\n", converted));
    }

    [Theory]
    [InlineData("StoresMicrograms", true)]
    [InlineData("SerumPicogramsPerMilliliter", true)]
    [InlineData("HoloHaptocorrinHalfLifeDays", true)]
    [InlineData("IntrinsicFactorRecoveryHours", true)]
    [InlineData("PlasmaVolumeLiters", true)]
    [InlineData("day", true)]
    [InlineData("micrograms", true)]
    [InlineData("TotalDose", true)]
    [InlineData("Retained", true)]
    [InlineData("TurnoverPerDay", false)]
    [InlineData("TissueUptakeMaximumMicrogramsPerHour", false)]
    [InlineData("GlomerularFiltrationMillilitersPerMinute", false)]
    [InlineData("FractionRetained", false)]
    [InlineData("BiliaryReabsorptionFraction", false)]
    [InlineData("HaptocorrinShare", false)]
    [InlineData("IlealUptakeFactor", false)]
    [InlineData("percentile", false)]
    [InlineData("Value", false)]
    [InlineData("DoseNumber", false)]
    [InlineData("Literal", false)]
    [InlineData("Holidays", false)]
    public void The_scan_tells_quantities_from_rates_and_fractions(string name, bool quantity) =>
        Assert.Equal(quantity, IsQuantityName(name));

    [Fact]
    public void The_scan_finds_a_bare_double_in_a_tuple_a_list_and_a_delegate()
    {
        var found = BareQuantityDoubles(typeof(Sample).Assembly).Where(m => m.StartsWith("Sample.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(["Sample.Days", "Sample.Find", "Sample.Find(day)", "Sample.Find(serumPicogramsPerMilliliter)", "Sample.StoresMicrograms"], found);
    }

    /// <summary>Every public double (alone or inside a generic type) whose name says it is an amount, a concentration or a time, as <c>Type.Member</c> or <c>Type.Method(parameter)</c>.</summary>
    internal static IEnumerable<string> BareQuantityDoubles(Assembly assembly)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes().Where(t => IsVisible(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var name = type.Name;
            foreach (var member in type.GetMembers(Declared).Where(IsVisible).OrderBy(m => m.MetadataToken))
            {
                switch (member)
                {
                    case PropertyInfo p when Flag(p.PropertyType, p.Name, p):
                        yield return $"{name}.{p.Name}";
                        break;
                    case FieldInfo f when Flag(f.FieldType, f.Name, f):
                        yield return $"{name}.{f.Name}";
                        break;
                    case MethodBase m when !m.IsSpecialName || m is ConstructorInfo:
                        if (m is MethodInfo method && Flag(method.ReturnType, method.Name, method.ReturnParameter))
                        {
                            yield return $"{name}.{m.Name}";
                        }

                        foreach (var parameter in m.GetParameters().Where(p => Flag(p.ParameterType, p.Name ?? string.Empty, p)))
                        {
                            yield return $"{name}.{(m is ConstructorInfo ? "ctor" : m.Name)}({parameter.Name})";
                        }

                        break;
                }
            }
        }
    }

    /// <summary>Whether a member of type <paramref name="type"/> named <paramref name="name"/> (or one of its tuple elements) is a double that names a quantity.</summary>
    private static bool Flag(Type type, string name, ICustomAttributeProvider provider) =>
        HoldsDouble(type) && (IsQuantityName(name) || TupleNames(provider).Any(IsQuantityName));

    private static bool HoldsDouble(Type type)
    {
        var t = type.IsByRef ? type.GetElementType()! : type;
        return t == typeof(double) || (t.IsGenericType && t.GetGenericArguments().Any(HoldsDouble)) || (t.IsArray && HoldsDouble(t.GetElementType()!));
    }

    private static IEnumerable<string> TupleNames(ICustomAttributeProvider provider) =>
        provider.GetCustomAttributes(typeof(TupleElementNamesAttribute), false).Cast<TupleElementNamesAttribute>()
            .SelectMany(a => a.TransformNames).OfType<string>();

    /// <summary>Whether a member name says it is an amount, a concentration or a time (a rate, fraction, factor, share or ratio is not).</summary>
    internal static bool IsQuantityName(string name) => !RateOrFraction().IsMatch(name) && QuantityWord().IsMatch(name);

    [GeneratedRegex(@"(Per(Day|Hour|Minute|Second|Week)|Fraction|Factor|Share|Ratio|Probability|Count|Number)$|^(Fraction|Share|Ratio)", RegexOptions.IgnoreCase)]
    private static partial Regex RateOrFraction();

    /// <summary>A unit or a quantity of the model as a word of a PascalCase name, or at the start of a camelCase parameter name.</summary>
    [GeneratedRegex(
        @"(^|[a-z])(Micrograms|Picograms|Nanograms|Milligrams|Grams|Liters?|Litres?|Milliliters?|Picomoles|Nanomoles|Moles|Days?|Hours?|Minutes?|Seconds?|Weeks?|Dose|Stores|Serum|Plasma|Body|Urine|Faeces|Absorbed|Retained|Unabsorbed|Trough|Peak)($|[A-Z])" +
        @"|^(micrograms|picograms|nanograms|milligrams|grams|liters?|milliliters?|picomoles|nanomoles|days?|hours?|minutes?|seconds?|weeks?|dose|stores|serum|plasma|body|urine|faeces|absorbed|retained|trough|peak)($|[A-Z])")]
    private static partial Regex QuantityWord();

    private static bool IsVisible(Type type) => type.IsPublic || (type.IsNestedPublic && IsVisible(type.DeclaringType!));

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        _ => false,
    };

    private static IEnumerable<string> PendingMembers() =>
        File.ReadAllLines(Path.Combine(Shared.DocsSection.RepositoryRoot(), "tests", "B12Dosing.Tests", "PublicApi", "bare-doubles.pending.txt"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    /// <summary>A type of the test assembly that the scan must flag (the scan of the core reads only the core).</summary>
    public sealed class Sample
    {
        public double StoresMicrograms { get; }

        public IReadOnlyList<double> Days { get; } = [];

        public double TurnoverPerDay { get; }

        public (double Trough, double Other) Find(Func<int, double> day, double serumPicogramsPerMilliliter, double percentile) => (day(0) + serumPicogramsPerMilliliter + percentile, 0);
    }
}
