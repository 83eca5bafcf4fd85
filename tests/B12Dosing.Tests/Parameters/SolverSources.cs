using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace B12Dosing.Tests.Parameters;

/// <summary>
/// The solver sources read by the compiler (Roslyn, with a semantic model of the whole library), for the tests that
/// every number a solver reads is an entry of the parameter block (<see cref="B12Dosing.Parameters.ModelParameters"/>):
/// the numeric literals of the solver code and the members of <see cref="B12Dosing.Absorption.ParameterSet"/> it reads.
/// </summary>
internal static class SolverSources
{
    /// <summary>
    /// The folders of <c>src/B12Dosing</c> whose code computes the model: the kernels (Kinetics, Absorption), the
    /// populations, the virtual absorption tests, the estimator and the target solver.
    /// </summary>
    public static readonly string[] Folders = ["Kinetics", "Absorption", "Population", "AbsorptionTests", "Estimation", "Targets"];

    /// <summary>Files of those folders that are not scanned for literals, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotScanned = new Dictionary<string, string>
    {
        // The fitted values themselves: data the block takes as its defaults and cites (each entry's source), written by the calibration.
        ["Absorption/FittedParameters.cs"] = "the fitted values the block's entries take as defaults",
        // The Butcher tableau of Dormand & Prince (1980): rational coefficients of the integration method, mathematics.
        ["Absorption/DormandPrince.cs"] = "the Dormand-Prince 5(4) tableau",
        // The calibration: the published points it fits to and its generated estimate (data and a fitting tool, not a solver).
        ["Absorption/Calibration/"] = "the calibration's data and fit",
    };

    /// <summary>
    /// The numbers solver code may write as literals: none is a property of the body. Everything else is an entry of
    /// the block (read as <c>ModelParameters.X</c>) or of a set. A literal converted to an integer type is a count, an
    /// index, a size or a bit pattern (every quantity of the model is a double) and is not listed here; nor is a
    /// position in a vector or matrix (an index in brackets).
    /// </summary>
    public static readonly IReadOnlyDictionary<double, string> Allowed = new Dictionary<double, string>
    {
        [0] = "zero",
        [1] = "one: the identity, a complement 1 − x, a unit step",
        [2] = "two: ln 2 of a half-life, a square, a halving",
        [0.5] = "a half: a midpoint, a bisection, a Taylor norm bound",
        [3] = "the cube of a series term (tanh u ≈ u − u³/3 + 2u⁵/15) and three standard deviations",
        [15] = "the fifth-order tanh coefficient 2/15 (with 3 above)",
        [24] = "hours per day",
        [60] = "minutes per hour (GFR in mL/min to per hour)",
        [1000] = "a unit prefix: µg per mg, pg per ng, mL per L",
        [1e-6] = "a unit prefix (µg per pg·mol⁻¹ scale) and a tolerance",
        [86400] = "seconds per day",
        [365] = "days per year (a span a user sets, default one year)",
        [100] = "per cent",
        [10] = "a factor of ten: a decade of the dose search, the damping steps of the optimizer, 10 mg the largest searched dose",
        [4] = "the 4 of a central second difference (4s²) and of the Wilson interval (4n²)",
        [0.01] = "the switch from a series to Math.Tanh, and a first trial step of the integrator (hours), both numerical",
        [0.2] = "the step-size controller of an embedded Runge-Kutta pair: error exponent 1/5 and the smallest shrink (Hairer, Nørsett & Wanner, II.4)",
        [0.9] = "the step-size controller's safety factor (ibid.)",
        [5] = "the step-size controller's largest growth (ibid.); the proposal's degrees of freedom (estimator)",
        [1e-9] = "a relative tolerance",
        [1e-7] = "a relative tolerance (model 3's stretch)",
        [1e-10] = "a relative tolerance",
        [1e-12] = "a relative tolerance or an empty site",
        [1e-13] = "a reference tolerance",
        [1e-14] = "the smallest step relative to the span",
        [1e-16] = "the reference's empty site",
        [1e-280] = "the smallest load or dose on the grid (subnormal doubles below)",
        [1e-300] = "a floor under a logarithm",
        [36525] = "100 years, the longest horizon (an input limit)",
        [1e6] = "an input limit: at most 1 g (1 000 000 µg)",
        [1024] = "grid steps per octave of the load and dose grids",
        [0.05] = "the lower end of a 90 % interval",
        [0.95] = "the upper end of a 90 % interval",
        [1.6448536269514722] = "the standard normal quantile of 0.95",
        [1.959963984540054] = "the standard normal quantile of 0.975 (Wilson interval)",
        [0.6931471805599453] = "ln 2, split into high and low parts for an exact argument reduction",
        [2.3190468138462996e-17] = "the low part of ln 2 (with the above)",
    };

    /// <summary>Numbers allowed in one file only, and why they are not physiology.</summary>
    public static readonly IReadOnlyList<(string File, double Value, string Reason)> AllowedIn =
    [
        ("Population/PopulationModel.cs", 0.15, "the default between-person spread of IF capacity and passive fraction (Variation, sourced beside it): a distribution of factors on a set, not a value of one"),
        ("Population/PopulationModel.cs", 0.227, "the default spread of the store loss (Doets 2013's CV, sourced beside it)"),
        ("Population/PopulationModel.cs", 0.3, "the default spread of the retention capacity (sourced beside it)"),
        ("Population/PopulationModel.cs", 1.0 / 3, "the default truncation of the retention factor (sourced beside it)"),
        ("Population/PopulationModel.cs", 0.35, "the default spread of the initial stores (IOM 1998's range of means, beside it)"),
        ("Population/PopulationModel.cs", 0.24, "the default truncation of the initial stores (600 µg of 2500)"),
        ("Population/PopulationModel.cs", 1.56, "the default truncation of the initial stores (3900 µg of 2500)"),
        ("Estimation/EstimationSettings.cs", 0.15, "the assay's error, CV 15 % (Ricós 1999, beside it): the measurement, not the body"),
        ("Estimation/Estimator.cs", 0.3, "the effective sample share below which importance sampling is judged poor"),
        ("AbsorptionTests/SchillingTest.cs", 0.08, "the Schilling test's reading: normal at 8 % or more (the test's published band, not the body)"),
        ("AbsorptionTests/SchillingTest.cs", 0.05, "the Schilling test's reading: low below 5 %"),
        ("AbsorptionTests/CobaSorbTest.cs", 9, "the CobaSorb design's dose, 9 µg (Greibe 2018): an input of the design record"),
        ("AbsorptionTests/CobaSorbTest.cs", 48, "the CobaSorb design's sample, 48 h after the first dose (Greibe 2018): an input of the design record"),
        ("AbsorptionTests/VirtualTest.cs", 7, "the longest span of a virtual test's design, a week: an input limit"),
        ("Absorption/AbsorptionModel.cs", 37, "the last term 1/(2·18 + 1) of the atanh series of ln(1 + z)"),
        ("Estimation/PosteriorSearch.cs", 1e-5, "the optimizer's finite-difference step for the gradient"),
        ("Estimation/PosteriorSearch.cs", 1e-3, "the optimizer's finite-difference step for the Hessian, and its first damping"),
        ("Estimation/PosteriorSearch.cs", 1e12, "the optimizer's largest damping"),
        ("Population/PopulationResult.cs", 25, "a percentile reported (5, 25, 50, 75, 95)"),
        ("Population/PopulationResult.cs", 50, "a percentile reported"),
        ("Population/PopulationResult.cs", 75, "a percentile reported"),
        ("Population/PopulationResult.cs", 95, "a percentile reported"),
        ("Targets/TargetSolver.cs", 3653, "the longest span a target is checked over, ten years: an input limit"),
    ];

    private static readonly Lazy<(CSharpCompilation Compilation, ImmutableArray<SyntaxTree> Trees)> Library = new(Compile);

    /// <summary>The repository-relative path under <c>src/B12Dosing</c> of a tree (forward slashes).</summary>
    public static string RelativePath(SyntaxTree tree) =>
        Path.GetRelativePath(Path.Combine(Shared.DocsSection.RepositoryRoot(), "src", "B12Dosing"), tree.FilePath).Replace('\\', '/');

    /// <summary>The trees of the solver folders (for the ParameterSet reads: every file of them).</summary>
    public static IEnumerable<SyntaxTree> SolverTrees() =>
        Library.Value.Trees.Where(t => Folders.Any(f => RelativePath(t).StartsWith(f + "/", StringComparison.Ordinal)));

    /// <summary>The semantic model of a tree of the library.</summary>
    public static SemanticModel Model(SyntaxTree tree) => Library.Value.Compilation.GetSemanticModel(tree);

    /// <summary>Every numeric literal of the scanned solver code that is neither allowed nor a count or index: <c>file:line: text</c>.</summary>
    public static IEnumerable<string> UnlistedLiterals() =>
        from tree in SolverTrees()
        let path = RelativePath(tree)
        where !NotScanned.Keys.Any(k => path.StartsWith(k, StringComparison.Ordinal))
        let model = Model(tree)
        from literal in tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>()
        where literal.IsKind(SyntaxKind.NumericLiteralExpression) && !IsStructural(literal, model) && !IsAllowed(path, Value(literal))
        select $"{path}:{literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {literal.Token.Text} in `{Statement(literal)}`";

    /// <summary>
    /// The instance properties and fields of <see cref="B12Dosing.Absorption.ParameterSet"/> read by the solver folders
    /// (outside <c>ParameterSet.cs</c>; not the targets of a <c>with</c> or an initializer, which write), or, with
    /// <paramref name="onlyIn"/>, read inside those members' own declarations in <c>ParameterSet.cs</c>.
    /// </summary>
    public static IEnumerable<(string Where, string Member)> PhysiologyReads(IReadOnlyCollection<string>? onlyIn = null)
    {
        const string Set = "Absorption/ParameterSet.cs";
        foreach (var tree in SolverTrees())
        {
            var path = RelativePath(tree);
            if ((path == Set) != (onlyIn is not null))
            {
                continue;
            }

            var model = Model(tree);
            var scopes = onlyIn is null
                ? [tree.GetRoot()]
                : tree.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>().Where(p => onlyIn.Contains(p.Identifier.Text)).Cast<SyntaxNode>().ToList();
            foreach (var name in scopes.SelectMany(s => s.DescendantNodes()).OfType<IdentifierNameSyntax>())
            {
                if (name.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment && assignment.Left == name)
                {
                    continue;
                }

                if (model.GetSymbolInfo(name).Symbol is (IPropertySymbol or IFieldSymbol) and { IsStatic: false, ContainingType.Name: "ParameterSet" } member)
                {
                    yield return ($"{path}:{name.GetLocation().GetLineSpan().StartLinePosition.Line + 1}", member.Name);
                }
            }
        }
    }

    /// <summary>The value of a numeric literal as a double.</summary>
    public static double Value(LiteralExpressionSyntax literal) => Convert.ToDouble(literal.Token.Value, CultureInfo.InvariantCulture);

    private static bool IsAllowed(string path, double value) =>
        Allowed.ContainsKey(value) || AllowedIn.Any(a => a.File == path && a.Value == value);

    /// <summary>A count, index, size or bit pattern: converted to an integer type (not a duration's whole hours), or a position in brackets.</summary>
    private static bool IsStructural(LiteralExpressionSyntax literal, SemanticModel model)
    {
        if (literal.Parent is ArgumentSyntax { Parent: BracketedArgumentListSyntax })
        {
            return true;
        }

        var type = model.GetTypeInfo(literal).ConvertedType;
        var integral = type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Int16 or SpecialType.System_Byte;
        return integral && !IsDurationArgument(literal, model);
    }

    /// <summary>An argument of <c>TimeSpan.FromHours(int)</c> and the like: a duration, not a count.</summary>
    private static bool IsDurationArgument(LiteralExpressionSyntax literal, SemanticModel model)
    {
        for (SyntaxNode? node = literal.Parent; node is not null and not StatementSyntax and not MemberDeclarationSyntax; node = node.Parent)
        {
            if (node is InvocationExpressionSyntax invocation && model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { ContainingType.Name: "TimeSpan" })
            {
                return true;
            }
        }

        return false;
    }

    private static string Statement(SyntaxNode node)
    {
        var statement = node.AncestorsAndSelf().FirstOrDefault(n => n is StatementSyntax or MemberDeclarationSyntax) ?? node;
        var text = string.Join(' ', statement.ToString().Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return text.Length > 160 ? text[..160] + "…" : text;
    }

    private static (CSharpCompilation, ImmutableArray<SyntaxTree>) Compile()
    {
        var root = Path.Combine(Shared.DocsSection.RepositoryRoot(), "src", "B12Dosing");
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            .ToImmutableArray();
        // The library's implicit usings (ImplicitUsings and its <Using Include="UnitsNet" />).
        var usings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks; global using UnitsNet;",
            options);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !Path.GetFileName(p).StartsWith("B12Dosing", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "B12Dosing.Scanned",
            [.. trees, usings],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        return (compilation, trees);
    }
}
