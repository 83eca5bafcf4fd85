namespace B12Dosing.Tests.Shared;

/// <summary>A file committed with the tests (such as hashes of results) that a test compares what it computes with.</summary>
internal static class CommittedFile
{
    /// <summary>
    /// Asserts that the file at <paramref name="path"/> (from the repository root) holds <paramref name="actual"/>; with the
    /// environment variable <paramref name="rewriteVariable"/> set to 1 (only for a deliberate change), rewrites it instead.
    /// </summary>
    public static void AssertHolds(string path, string actual, string rewriteVariable)
    {
        var full = Path.Combine(DocsSection.RepositoryRoot(), path);
        var committed = File.Exists(full) ? File.ReadAllText(full).ReplaceLineEndings("\n") : string.Empty;
        if (actual != committed && Environment.GetEnvironmentVariable(rewriteVariable) == "1")
        {
            File.WriteAllText(full, actual);
            committed = actual;
        }

        Assert.Equal(committed, actual);
    }
}
