using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace B12Dosing.Examples.Tests;

/// <summary>
/// Every <c>```csharp</c> block of the README, <c>docs/*.md</c> and the package readme compiles against the library
/// and the charts (Roslyn, as a script: a notebook cell's last expression and a file-based program's top-level
/// statements both compile so). A block right after the line <c>&lt;!-- snippet: continues --&gt;</c> is the next cell
/// of the block before it: compiled as the next submission of the same script, as a notebook runs its cells. A notebook block's <c>#r</c> lines must
/// be the directive alone (a comment after one makes dotnet-repl wait forever); they and a file-based program's
/// <c>#:</c> directives are checked, then left out of the compilation. Only the SDK's implicit usings are given
/// (as in a file-based program); <c>display</c> and <c>HTML</c> stand in for the notebook kernel's.
/// </summary>
public sealed partial class SnippetTests
{
    /// <summary>The marker line that makes a block continue the one before it.</summary>
    public const string Continues = "<!-- snippet: continues -->";

    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>Every snippet: the file (relative to the repository) and the line of its opening fence.</summary>
    public static TheoryData<string, int> All()
    {
        var data = new TheoryData<string, int>();
        foreach (var snippet in Snippets())
        {
            data.Add(snippet.File, snippet.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Snippet_compiles_against_the_library(string file, int line)
    {
        var snippet = Snippets().Single(s => s.File == file && s.Line == line);
        Assert.Empty(snippet.Cells.SelectMany(DirectiveProblems));
        var errors = Compile(snippet.Cells);
        Assert.True(errors.Count == 0, $"{file}:{line}: the C# block does not compile:\n{string.Join('\n', errors)}\n---\n{string.Join("\n---\n", snippet.Cells)}");
    }

    [Fact]
    public void The_readme_and_the_docs_have_their_snippets_found()
    {
        var snippets = Snippets();
        Assert.True(snippets.Count(s => s.File == "README.md") >= 3, "the README's C# blocks were not found");
        Assert.Contains(snippets, s => s.File == "docs/regimens.md");
        Assert.Contains(snippets, s => s.File == "docs/package/README.md");
        Assert.Contains(snippets, s => s.Cells.Count == 2 && s.Cells[0].Contains("#r \"nuget: B12Dosing", StringComparison.Ordinal) && s.Cells[1].Contains("result.Take(10)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_comment_after_a_hash_r_line_is_caught()
    {
        var problems = DirectiveProblems("#r \"nuget: B12Dosing, *-*\"\n#r \"nuget: B12Dosing.Charts, *-*\"                 // SVG charts\n");
        Assert.Equal(2, Assert.Single(problems).Line);
        Assert.Empty(DirectiveProblems("#r \"nuget: B12Dosing, *-*\"\n// a comment on its own line\n"));
    }

    [Fact]
    public void A_snippet_that_does_not_compile_is_caught()
    {
        // docs/regimens.md's first example before it said `using UnitsNet;`: Mass is UnitsNet's.
        var errors = Compile(["using B12Dosing.Dosing;\nusing B12Dosing.Regimens;\nvar dose = Dose.Oral(Mass.FromMilligrams(1));\nConsole.WriteLine(Regimen.Start(dose).Once());\n"]);
        Assert.Contains(errors, e => e.Contains("CS0103", StringComparison.Ordinal) && e.Contains("Mass", StringComparison.Ordinal));
        // Two cells: the first ends in an expression (shown by a notebook), the second uses its variable.
        Assert.Empty(Compile(["using B12Dosing.Dosing;\nusing B12Dosing.Regimens;\nusing UnitsNet;\nvar dose = Dose.Oral(Mass.FromMilligrams(1));\nRegimen.Start(dose).Once()\n", "Regimen.Start(dose).Once().ToString()\n"]));
    }

    /// <summary>A C# block: where it is and its code, one cell, or several where blocks continue it.</summary>
    public sealed record Snippet(string File, int Line, IReadOnlyList<string> Cells);

    /// <summary>The C# blocks of README.md, docs/*.md and docs/package/README.md.</summary>
    public static IReadOnlyList<Snippet> Snippets()
    {
        var files = new[] { "README.md", "docs/package/README.md" }
            .Concat(Directory.GetFiles(Path.Combine(ExampleRun.Root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal));
        var snippets = new List<Snippet>();
        foreach (var file in files)
        {
            var lines = File.ReadAllText(Path.Combine(ExampleRun.Root, file)).ReplaceLineEndings("\n").Split('\n');
            Snippet? previous = null;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "```csharp")
                {
                    continue;
                }

                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                Assert.True(end > i, $"{file}:{i + 1}: a C# block is not closed");
                var code = string.Join('\n', lines[(i + 1)..end]) + "\n";
                var continues = i > 0 && lines[i - 1].Trim() == Continues;
                if (continues)
                {
                    Assert.True(previous is not null, $"{file}:{i + 1}: '{Continues}' before the file's first C# block");
                    snippets.Remove(previous!);
                    previous = previous! with { Cells = [.. previous.Cells, code] };
                }
                else
                {
                    previous = new Snippet(file, i + 1, [code]);
                }

                snippets.Add(previous);
                i = end;
            }
        }

        return snippets;
    }

    /// <summary>The <c>#r</c> and <c>#:</c> lines that are not the directive alone, with their line in the block (1-based).</summary>
    public static IReadOnlyList<(int Line, string Text)> DirectiveProblems(string code) =>
        [.. code.Split('\n')
            .Select((text, i) => (Line: i + 1, Text: text))
            .Where(l => (l.Text.StartsWith("#r", StringComparison.Ordinal) && !HashR().IsMatch(l.Text))
                || (l.Text.StartsWith("#:", StringComparison.Ordinal) && !HashColon().IsMatch(l.Text)))];

    /// <summary>
    /// The compiler's errors for a block's cells (their directives left out), each as <c>cell N (line,column): CSnnnn
    /// message</c>; each cell is the next submission of one script, as a notebook runs them.
    /// </summary>
    public static IReadOnlyList<string> Compile(IReadOnlyList<string> cells)
    {
        CSharpCompilation? previous = null;
        var errors = new List<string>();
        for (var c = 0; c < cells.Count; c++)
        {
            // Directives become empty lines, so that the compiler's line numbers are the block's; the kernel's helpers are one line above.
            var body = string.Join('\n', cells[c].Split('\n').Select(l => l.StartsWith("#r", StringComparison.Ordinal) || l.StartsWith("#:", StringComparison.Ordinal) ? string.Empty : l));
            var source = (c == 0 ? "using static NotebookKernel;\n#line 1\n" : string.Empty) + body;
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
            previous = CSharpCompilation.CreateScriptCompilation(
                $"cell{c}",
                tree,
                References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: ImplicitUsings, nullableContextOptions: NullableContextOptions.Enable),
                previous);
            var cell = c + 1;
            errors.AddRange(previous.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => $"cell {cell} {d.Location.GetMappedLineSpan().StartLinePosition}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
        }

        return errors;
    }

    /// <summary>The test host's assemblies (the runtime, the library, the charts, UnitsNet) and the notebook kernel's helpers.</summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        var kernel = CSharpCompilation.Create(
            "NotebookKernel",
            [CSharpSyntaxTree.ParseText("public static class NotebookKernel { public static void display(object value) { } public static string HTML(string html) => html; }")],
            platform,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = kernel.Emit(image);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
        return [.. platform, MetadataReference.CreateFromImage(image.ToArray())];
    }

    /// <summary>A notebook's package reference, alone on its line: <c>#r "nuget: Name, version"</c>.</summary>
    [GeneratedRegex("^#r \"nuget: [A-Za-z0-9.]+(, [^\"]+)?\"$")]
    private static partial Regex HashR();

    /// <summary>A file-based program's directive, alone on its line: <c>#:package Name@version</c>, <c>#:property Name=Value</c>, <c>#:project path</c>.</summary>
    [GeneratedRegex(@"^#:(package [A-Za-z0-9.]+@\S+|property [A-Za-z0-9]+=\S+|project \S+|sdk \S+)$")]
    private static partial Regex HashColon();
}
