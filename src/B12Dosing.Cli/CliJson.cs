using System.Text.Json;
using System.Text.Json.Serialization;

namespace B12Dosing.Cli;

/// <summary>
/// The one <see cref="JsonSerializerOptions"/> every <c>--json</c> output uses: snake_case names,
/// enums as snake_case strings, numbers as JSON numbers (always invariant: System.Text.Json never
/// uses the current culture), indented. NaN and infinities throw rather than print.
/// </summary>
public static class CliJson
{
    /// <summary>The shared options (read-only once first used).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes <paramref name="value"/> with <see cref="Options"/> and writes it as one document and a newline.</summary>
    public static void Write<T>(TextWriter output, T value)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(JsonSerializer.Serialize(value, Options));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.Strict,
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>One parameter's value as the JSON outputs record it: the block's name, the value and its unit.</summary>
internal sealed record ParameterJson(string Name, double Value, string Unit)
{
    /// <summary>Every parameter of <paramref name="parameters"/>, in the block's order.</summary>
    public static ParameterJson[] Of(B12Dosing.Absorption.Physiology parameters) =>
        [.. parameters.Values.Select(v => new ParameterJson(v.Parameter.Name, v.Value, v.Parameter.Unit))];
}
