using B12Dosing.Charts;
using B12Dosing.Dosing;
using PublicApiGenerator;

namespace B12Dosing.Tests.PublicApi;

/// <summary>
/// The public API of each package is a file in the repository (<c>tests/B12Dosing.Tests/PublicApi/NAME.approved.txt</c>),
/// written by PublicApiGenerator: any change to the API shows as a diff of that file in review.
/// </summary>
public class PublicApiTests
{
    /// <summary>Set to 1 to rewrite the approved files from the current API (then review and commit the diff).</summary>
    private const string ApproveVariable = "B12_APPROVE_API";

    [Fact]
    public void Core_public_api_is_approved() => AssertApproved("B12Dosing", typeof(Dose));

    [Fact]
    public void Charts_public_api_is_approved() => AssertApproved("B12Dosing.Charts", typeof(SvgChart));

    private static void AssertApproved(string name, Type anyType)
    {
        var actual = anyType.Assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"] })
            .ReplaceLineEndings("\n");
        var path = Path.Combine(Shared.DocsSection.RepositoryRoot(), "tests", "B12Dosing.Tests", "PublicApi", name + ".approved.txt");
        var approved = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        if (actual != approved && Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(
            actual == approved,
            $"The public API of {name} differs from {path}. If the change is intended, regenerate the approved file with " +
            $"'{ApproveVariable}=1 dotnet test tests/B12Dosing.Tests -c Release --filter FullyQualifiedName~PublicApiTests', " +
            "then review and commit its diff.");
    }
}
