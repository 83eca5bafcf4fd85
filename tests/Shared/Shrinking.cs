using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace B12Dosing.Tests.Shared;

/// <summary>
/// Shrinkers for the test arbitraries: every candidate is strictly simpler than the value it comes from (closer to a
/// target, fewer significant digits, shorter, or an earlier choice), so shrinking always ends, and stays inside the
/// generator's range, so that a shrunk counterexample is still an input the generator could have produced.
/// </summary>
internal static class Shrink
{
    /// <summary>Integers toward <paramref name="target"/>: the target, then halfway, a quarter of the way, … to the value's neighbour.</summary>
    public static IEnumerable<int> Toward(int value, int target)
    {
        if (value == target)
        {
            yield break;
        }

        yield return target;
        for (var step = (value - target) / 2; step != 0; step /= 2)
        {
            yield return value - step;
        }
    }

    /// <summary>
    /// Doubles in [<paramref name="min"/>, <paramref name="max"/>] toward <paramref name="target"/> (in that range): the target,
    /// then the points 1/2, 1/4, … 1/4096 of the way from the value to the target (geometrically when
    /// <paramref name="logScale"/>) and the value itself, each rounded to 1-3 significant digits and kept only when strictly
    /// closer to the target. After the first step every candidate has at most three significant digits, so shrinking ends,
    /// near the simplest round number that still fails.
    /// </summary>
    public static IEnumerable<double> Toward(double value, double target, double min, double max, bool logScale)
    {
        if (value == target || !double.IsFinite(value))
        {
            yield break;
        }

        yield return target;
        double Distance(double x) => logScale ? Math.Abs(Math.Log(x / target)) : Math.Abs(x - target);
        var distance = Distance(value);
        var tried = new HashSet<double> { value, target };
        foreach (var k in Enumerable.Range(1, 12).Append(0))
        {
            // k ≥ 1 moves 2^-k of the way from the value toward the target (halfway first); k = 0 rounds the value itself.
            var fraction = k == 0 ? 0 : Math.Pow(2, -k);
            var point = logScale ? value * Math.Pow(target / value, fraction) : value + ((target - value) * fraction);
            for (var digits = 1; digits <= 3; digits++)
            {
                var candidate = Significant(point, digits);
                if (candidate >= min && candidate <= max && (!logScale || candidate > 0) && Distance(candidate) < distance && tried.Add(candidate))
                {
                    yield return candidate;
                }
            }
        }
    }

    /// <summary>The choices before <paramref name="value"/> in <paramref name="choices"/>, the first (simplest) first.</summary>
    public static IEnumerable<T> Earlier<T>(IReadOnlyList<T> choices, T value) =>
        choices.TakeWhile(c => !EqualityComparer<T>.Default.Equals(c, value)).Distinct();

    /// <summary>Arrays: the first half, then each element removed (never below <paramref name="minLength"/>), then each element shrunk.</summary>
    public static IEnumerable<T[]> Array<T>(T[] items, int minLength, Func<T, IEnumerable<T>> element)
    {
        if (items.Length > minLength)
        {
            if (items.Length > 2 && items.Length / 2 >= minLength)
            {
                yield return items[..(items.Length / 2)];
            }

            for (var i = 0; i < items.Length; i++)
            {
                yield return [.. items[..i], .. items[(i + 1)..]];
            }
        }

        for (var i = 0; i < items.Length; i++)
        {
            foreach (var smaller in element(items[i]))
            {
                var copy = (T[])items.Clone();
                copy[i] = smaller;
                yield return copy;
            }
        }
    }

    /// <summary><paramref name="x"/> rounded to <paramref name="digits"/> significant digits (unchanged when that is not representable).</summary>
    public static double Significant(double x, int digits)
    {
        if (x == 0 || !double.IsFinite(x))
        {
            return x;
        }

        var scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(x))));
        var rounded = Math.Round(x * scale) / scale;
        return double.IsFinite(scale) && double.IsFinite(rounded) ? rounded : x;
    }
}

/// <summary>
/// Shrinking arbitraries for ranged values, built from <see cref="Shrink"/>. These take parameters, so they are not in
/// the registered <c>B12Arbitraries</c> class (FsCheck registers every static member there by its return type); a
/// property uses them through <c>Prop.ForAll</c> where a plain type cannot say the range.
/// </summary>
internal static class Arbitraries
{
    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], shrinking toward <paramref name="toward"/> (default <paramref name="min"/>).</summary>
    public static Arbitrary<int> Between(int min, int max, int? toward = null) =>
        Arb.From(Gen.Choose(min, max), value => Shrink.Toward(value, toward ?? min));

    /// <summary>A double log-uniform in [<paramref name="min"/>, <paramref name="max"/>] (both positive), shrinking toward <paramref name="toward"/> and round numbers.</summary>
    public static Arbitrary<double> LogUniform(double min, double max, double toward) =>
        Arb.From(
            Gen.Choose(0, 1_000_000).Select(i => Math.Clamp(min * Math.Pow(max / min, i / 1e6), min, max)),
            value => Shrink.Toward(value, toward, min, max, logScale: true));

    /// <summary>One of <paramref name="choices"/>, shrinking toward the first.</summary>
    public static Arbitrary<T> OneOf<T>(params T[] choices) =>
        Arb.From(Gen.Elements(choices), value => Shrink.Earlier(choices, value));

    /// <summary>An array of <paramref name="minLength"/> to <paramref name="maxLength"/> elements, shrinking by length and element.</summary>
    public static Arbitrary<T[]> ArrayOf<T>(Arbitrary<T> element, int minLength, int maxLength) =>
        Arb.From(
            Gen.Choose(minLength, maxLength).SelectMany(n => Gen.ArrayOf(element.Generator, n)),
            items => Shrink.Array(items, minLength, element.Shrinker));

    /// <summary>Text from <paramref name="gen"/>, shrinking as FsCheck shrinks strings (fewer and simpler characters).</summary>
    public static Arbitrary<string> Text(Gen<string> gen) => Arb.From(gen, ArbMap.Default.ArbFor<string>().Shrinker);

    /// <summary>A pair from two arbitraries, shrinking either side.</summary>
    public static Arbitrary<(T1, T2)> Pair<T1, T2>(Arbitrary<T1> first, Arbitrary<T2> second) =>
        Arb.From(
            from a in first.Generator from b in second.Generator select (a, b),
            pair => first.Shrinker(pair.Item1).Select(a => (a, pair.Item2)).Concat(second.Shrinker(pair.Item2).Select(b => (pair.Item1, b))));

    /// <summary>
    /// Values built from a specification that shrinks (for types such as a regimen, which cannot be taken apart again):
    /// each built value remembers its specification, and shrinks to the values built from the specification's shrinks.
    /// </summary>
    public static Arbitrary<T> Built<TSpec, T>(Gen<TSpec> spec, Func<TSpec, T> build, Func<TSpec, IEnumerable<TSpec>> shrink)
        where TSpec : class
        where T : class
    {
        var specs = new System.Runtime.CompilerServices.ConditionalWeakTable<T, TSpec>();
        T Make(TSpec s)
        {
            var value = build(s);
            specs.AddOrUpdate(value, s);
            return value;
        }

        return Arb.From(spec.Select(Make), value => specs.TryGetValue(value, out var s) ? shrink(s).Select(Make) : []);
    }

    /// <summary>Formats with the invariant culture (for ToString of the wrapper types).</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// An FsCheck property (FsCheck.Xunit) that runs <see cref="Fuzz.Count"/> inputs (<c>B12_FUZZ_COUNT</c>, default
/// <see cref="Fuzz.DefaultCount"/>) instead of the 100 of a plain <see cref="FsCheck.Xunit.PropertyAttribute"/>.
/// </summary>
public sealed class FuzzPropertyAttribute : FsCheck.Xunit.PropertyAttribute
{
    /// <summary>Sets <c>MaxTest</c> from <c>B12_FUZZ_COUNT</c>.</summary>
    public FuzzPropertyAttribute() => MaxTest = Fuzz.Count;
}
