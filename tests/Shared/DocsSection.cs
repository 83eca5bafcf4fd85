namespace B12Dosing.Tests.Shared;

/// <summary>
/// A generated section of a document in <c>docs/</c>, between <c>&lt;!-- begin NAME --&gt;</c> and <c>&lt;!-- end NAME --&gt;</c>:
/// tests check that the document shows what the test data holds. Run the tests with <c>B12_WRITE_DOCS=1</c> to
/// rewrite the section from the data instead (then review the diff).
/// </summary>
internal static class DocsSection
{
    /// <summary>Asserts that the section <paramref name="name"/> of <paramref name="document"/> is <paramref name="expected"/>, or rewrites it.</summary>
    public static void AssertCurrent(string document, string name, string expected)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", document);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        string begin = $"<!-- begin {name} -->\n", end = $"<!-- end {name} -->";
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, $"docs/{document} has no section '{name}' (markers {begin.Trim()} and {end}).");
        var actual = text[(start + begin.Length)..stop];
        if (actual != expected && Environment.GetEnvironmentVariable("B12_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, string.Concat(text.AsSpan(0, start + begin.Length), expected, text.AsSpan(stop)));
            return;
        }

        Assert.True(actual == expected, $"docs/{document}, section '{name}', is out of date: run the tests with B12_WRITE_DOCS=1 to regenerate it.");
    }

    /// <summary>Escapes text for a Markdown table cell (as code).</summary>
    public static string Code(string text) =>
        text.Length == 0 ? "(empty)" : "`" + text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "`";

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "B12Dosing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("B12Dosing.sln not found above " + AppContext.BaseDirectory);
    }
}
