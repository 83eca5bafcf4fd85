using System.Collections;
using System.Text;
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

    /// <summary>How much JSON (UTF-8 bytes) is held before it is passed on to the output: the memory of the output, whatever its length.</summary>
    internal const int FlushBytes = 64 * 1024;

    /// <summary>
    /// Serializes <paramref name="value"/> with <see cref="Options"/> and writes it as one document and a newline, streamed:
    /// the text passes to <paramref name="output"/> at most <see cref="FlushBytes"/> at a time and is never held whole
    /// (issue 21: an 847 MB document peaked at 3.85 GB as one string). Where <paramref name="streamed"/> names a property
    /// that is a sequence (such as a simulation's series), its items are written one at a time as the sequence yields them.
    /// The text is the same as <see cref="JsonSerializer.Serialize{TValue}(TValue, JsonSerializerOptions?)"/> would give.
    /// </summary>
    public static void Write<T>(TextWriter output, T value, string? streamed = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        using (var stream = new TextWriterStream(output))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
        {
            if (streamed is null)
            {
                JsonSerializer.Serialize(json, value, Options);
            }
            else
            {
                WriteObject(json, value, streamed);
            }

            json.Flush();
        }

        output.WriteLine();
    }

    /// <summary>The object's properties in declaration order, the <paramref name="streamed"/> one item by item.</summary>
    private static void WriteObject<T>(Utf8JsonWriter json, T value, string streamed) => WriteObject(json, value, typeof(T), streamed);

    /// <summary>
    /// As <see cref="WriteObject{T}(Utf8JsonWriter, T, string)"/> for a value of type <paramref name="type"/>. A
    /// <paramref name="streamed"/> property that is <see cref="ProducedMembers"/> is written as an object, member by member,
    /// each member's <see cref="ProducedMembers.Streamed"/> property streamed in turn.
    /// </summary>
    private static void WriteObject(Utf8JsonWriter json, object? value, Type type, string streamed)
    {
        json.WriteStartObject();
        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            json.WritePropertyName(Options.PropertyNamingPolicy!.ConvertName(property.Name));
            var item = property.GetValue(value);
            if (property.Name == streamed && item is ProducedMembers members)
            {
                json.WriteStartObject();
                members.Each((name, member) =>
                {
                    json.WritePropertyName(name);
                    WriteObject(json, member, member.GetType(), members.Streamed);
                    json.Flush();
                });
                json.WriteEndObject();
            }
            else if (property.Name == streamed && item is IEnumerable or IProduced)
            {
                json.WriteStartArray();
                void Write(object? element)
                {
                    JsonSerializer.Serialize(json, element, Options);
                    if (json.BytesPending > FlushBytes)
                    {
                        json.Flush();
                    }
                }

                if (item is IProduced produced)
                {
                    produced.Each(Write);
                }
                else
                {
                    foreach (var element in (IEnumerable)item!)
                    {
                        Write(element);
                    }
                }

                json.WriteEndArray();
            }
            else
            {
                JsonSerializer.Serialize(json, item, property.PropertyType, Options);
            }

            json.Flush();
        }

        json.WriteEndObject();
    }

    /// <summary>Items handed out one at a time by their source (such as a simulation's rows as it makes them).</summary>
    internal interface IProduced
    {
        /// <summary>Gives each item to <paramref name="write"/>, in order.</summary>
        void Each(Action<object?> write);
    }

    /// <summary>Items of <typeparamref name="T"/> that <paramref name="produce"/> hands to the writer it is given, one at a time.</summary>
    internal sealed class Produced<T>(Action<Action<T>> produce) : IProduced
    {
        public void Each(Action<object?> write) => produce(item => write(item));
    }

    /// <summary>
    /// The members of a JSON object (name and value) handed out one at a time by their source, such as one subject's run
    /// after another: each value is written as an object whose property named <paramref name="streamed"/> is streamed too.
    /// </summary>
    internal sealed class ProducedMembers(string streamed, Action<Action<string, object>> produce)
    {
        public string Streamed { get; } = streamed;

        public void Each(Action<string, object> write) => produce(write);
    }

    /// <summary>A write-only stream that decodes UTF-8 and passes the text on to a <see cref="TextWriter"/> (the tool's output).</summary>
    private sealed class TextWriterStream(TextWriter output) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        private char[] _chars = new char[4096];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var needed = _decoder.GetCharCount(buffer, flush: false);
            if (needed > _chars.Length)
            {
                _chars = new char[Math.Max(needed, _chars.Length * 2)];
            }

            var written = _decoder.GetChars(buffer, _chars, flush: false);
            output.Write(_chars, 0, written);
        }

        /// <summary>Nothing to do: every write is passed on at once; the output is flushed by its owner.</summary>
        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
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
    public static ParameterJson[] Of(B12Dosing.Absorption.ParameterSet parameters) =>
        [.. parameters.Values.Select(v => new ParameterJson(v.Parameter.Name, v.Value, v.Parameter.Unit))];
}
