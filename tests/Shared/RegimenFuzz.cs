using FsCheck;
using FsCheck.Fluent;

namespace B12Dosing.Tests.Shared;

/// <summary>Regimen notation for fuzzing: phases built from the grammar's pieces (valid and invalid), then mutated token by token.</summary>
internal static class RegimenFuzz
{
    private static readonly Gen<string> Amount = Pick(["1 mg", "1000 µg", "1000 mcg", "2.4 ug", "500 μg", "5 g", "1e-3 mg", "1000"], ["6 g", "0 mg", "1,000 mcg", "5000 IU", "NaN mg", "1e400 mg", "-1 mg", "1mg"]);
    private static readonly Gen<string> Form = Pick(["", "", "", "ohcbl", "cncbl", "mecbl", "adocbl", "hydroxocobalamin", "cn"], ["folate"]);
    private static readonly Gen<string> Route = Pick(["im", "oral", "po", "sl", "iv", "sc", "nasal", "intranasal", "food", "food oral"], ["rectal", ""]);
    private static readonly Gen<string> Schedule = Pick(
        ["daily", "weekly", "monthly", "tiw", "q2d", "q12h", "q3mo", "q1y", "q1.5d", "q36h", "q90min", "once", "at d1,d3,d7", "at 36h", "at d1, d3"],
        ["q0d", "q1s", "q201y", "at d0", "at", "fortnightly", "q", "qd"]);
    private static readonly Gen<string> Shape = Pick(["", "", "", "", "", "", "on 0h,12h", "split 3", "split 2", "split at 8h,13h,19h"], ["on 2d", "split 7", "split 100000", "split 0", "on 12h,0h"]);
    private static readonly Gen<string> Limit = Pick(["", "x7", "x 3", "x1", "for 2w", "for 1h", "until d30", "until 36h"], ["x0", "x-1", "for 0d", "until d1", "x99999999", "for 300y"]);
    private static readonly Gen<string> Delay = Pick(["", "", "", "", "after 2w ", "after 0h ", "after 1.5d "], ["after -1d "]);
    private static readonly Gen<string> Join = Pick([" then ", " then ", " + ", " THEN "], [" then then ", "+"]);
    private static readonly Gen<string> Ending = Pick(["", "", "", "", " with adherence 0.8 seed 3", " with adherence 80% seed -7"], [" then", " +", " with adherence 1.5 seed 1", " with adherence 0.5", " seed 1"]);

    private static readonly Gen<string> Phase =
        from delay in Delay
        from amount in Gen.Frequency((9, Amount), (1, FuzzText.AnyQuantity))
        from form in Form
        from route in Route
        from schedule in Schedule
        from shape in Shape
        from limit in Limit
        select $"{delay}{amount} {form} {route} {schedule} {shape} {limit}";

    private static readonly Gen<string> Grammar =
        from n in Gen.Frequency((3, Gen.Constant(1)), (2, Gen.Choose(2, 3)))
        from phases in Gen.ArrayOf(Phase, n)
        from joins in Gen.ArrayOf(Join, n)
        from ending in Ending
        select string.Join(' ', string.Concat(phases.Select((p, i) => i == 0 ? p : joins[i] + p)).Split(' ', StringSplitOptions.RemoveEmptyEntries)) + ending;

    /// <summary>Notation that is often valid, often nearly valid, and sometimes noise.</summary>
    public static Gen<string> Notation { get; } = Gen.Frequency(
        (6, Grammar),
        (3, MutateTokens(Grammar)),
        (1, FuzzText.Mutate(Grammar)),
        (1, Gen.Elements("none", "NONE", "none with adherence 0.5 seed 2", "", " ", "none none")),
        (1, FuzzText.Noise));

    /// <summary>A piece of the grammar: a valid one twelve times in thirteen, else an invalid one.</summary>
    private static Gen<string> Pick(string[] valid, string[] invalid) => Gen.Frequency((12, Gen.Elements(valid)), (1, Gen.Elements(invalid)));

    /// <summary>Drops, repeats, swaps or replaces one whitespace-separated token.</summary>
    private static Gen<string> MutateTokens(Gen<string> text) =>
        from s in text
        from kind in Gen.Choose(0, 3)
        from at in Gen.Choose(0, 40)
        from other in Gen.Choose(0, 40)
        from noise in Gen.OneOf(FuzzText.Noise, Gen.Elements(FuzzText.Words), FuzzText.Number)
        select Apply(s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(), kind, at, other, noise);

    private static string Apply(List<string> tokens, int kind, int at, int other, string noise)
    {
        if (tokens.Count == 0)
        {
            return noise;
        }

        int i = at % tokens.Count, j = other % tokens.Count;
        switch (kind)
        {
            case 0: tokens.RemoveAt(i); break;
            case 1: tokens.Insert(i, tokens[i]); break;
            case 2: (tokens[i], tokens[j]) = (tokens[j], tokens[i]); break;
            default: tokens[i] = noise; break;
        }

        return string.Join(' ', tokens);
    }
}
