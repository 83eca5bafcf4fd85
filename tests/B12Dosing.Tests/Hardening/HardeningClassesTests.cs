using B12Dosing.Tests.Shared;

namespace B12Dosing.Tests.Hardening;

/// <summary>The classes of issue 12 are listed in <c>docs/reliability.md</c>, and each names a test that exists.</summary>
public class HardeningClassesTests
{
    [Fact]
    public void Docs_reliability_lists_every_class() =>
        DocsSection.AssertCurrent("reliability.md", "issue-12-classes", HardeningClasses.ToMarkdown());

    [Fact]
    public void Docs_reliability_lists_every_class_of_the_third_pass() =>
        DocsSection.AssertCurrent("reliability.md", "issue-21-classes", HardeningClasses.ToMarkdown(HardeningClasses.ThirdPass));

    [Fact]
    public void Every_class_names_a_test_that_exists_and_every_class_of_the_issue_is_covered()
    {
        foreach (var c in HardeningClasses.All.Concat(HardeningClasses.ThirdPass))
        {
            var path = Path.Combine(DocsSection.RepositoryRoot(), c.TestFile);
            Assert.True(File.Exists(path), $"{c.Class}: {c.TestFile} does not exist.");
            Assert.Matches($@"public (async Task|void|bool|Property) {c.TestMethod}\(", File.ReadAllText(path)); // a [Property] returns bool or Property
        }

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], HardeningClasses.All.Select(c => c.Class.Split(' ')[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], HardeningClasses.ThirdPass.Select(c => c.Class.Split(' ')[0]).Distinct().Order(StringComparer.Ordinal));
    }
}
