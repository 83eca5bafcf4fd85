using System.Text;

namespace B12Dosing.Cli;

/// <summary>
/// A usage error the tool found in its own options: the message is the one line shown, naming the option, the value and
/// what is accepted. <see cref="B12Cli.Run(string[], TextWriter, TextWriter)"/> turns it, and <see cref="FormatException"/> from the library's parsers, into
/// exit code <see cref="B12Cli.UsageError"/>; every other exception is a bug (exit code <see cref="B12Cli.InternalError"/>).
/// </summary>
internal sealed class CliUsageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The boundary where an option's value enters the library. An <see cref="ArgumentException"/> the library raises there
/// (the value is outside what it accepts) is a usage error naming the option; one raised anywhere else is a bug.
/// </summary>
internal static class CliInput
{
    /// <summary>The result of giving the value of <paramref name="option"/> to the library through <paramref name="use"/>.</summary>
    /// <exception cref="CliUsageException">The library refused the value.</exception>
    public static T Check<T>(string option, Func<T> use)
    {
        try
        {
            return use();
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException($"{option}: {Message(e)}", e);
        }
    }

    /// <summary>As <see cref="Check{T}(string, Func{T})"/>, naming the option behind the refused parameter.</summary>
    /// <exception cref="CliUsageException">The library refused a value.</exception>
    public static T Check<T>(Options options, Func<T> use)
    {
        try
        {
            return use();
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException($"{options.For(e.ParamName)}: {Message(e)}", e);
        }
    }

    /// <summary>The options behind the parameters of a library call, and the one to name when a parameter is not listed.</summary>
    /// <param name="Fallback">The option to name for a parameter not in <paramref name="ByParameter"/>.</param>
    /// <param name="ByParameter">The option of each parameter or property name.</param>
    internal sealed record Options(string Fallback, Dictionary<string, string> ByParameter)
    {
        public string For(string? parameter) => parameter is not null && ByParameter.TryGetValue(parameter, out var option) ? option : Fallback;
    }

    /// <summary>A usage error for <paramref name="option"/>: its <paramref name="value"/> and what is accepted.</summary>
    public static CliUsageException Invalid(string option, object? value, string accepted) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{option} {value}: {accepted}"));

    /// <summary>The message without the "(Parameter 'x')" suffix, which names a C# parameter and means nothing at the command line.</summary>
    public static string Message(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
}

/// <summary>Files the tool writes (<c>--svg</c>, <c>--csv</c> files): whole or not at all; and files it reads (<c>--events</c>).</summary>
internal static class CliFiles
{
    /// <summary>
    /// Reads <paramref name="path"/> with <paramref name="read"/>. A path that is a folder, missing or unreadable is a usage
    /// error naming the option, the path and the reason (not "Access to the path is denied" for a folder).
    /// </summary>
    /// <exception cref="CliUsageException">The file cannot be read.</exception>
    public static T Read<T>(string option, string path, Func<TextReader, T> read)
    {
        if (Directory.Exists(path))
        {
            throw new CliUsageException($"{option} '{path}' is a folder; give the name of a file to read.");
        }

        StreamReader reader;
        try
        {
            reader = File.OpenText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e switch
            {
                FileNotFoundException => "there is no such file",
                DirectoryNotFoundException => $"the folder '{Path.GetDirectoryName(Path.GetFullPath(path))}' does not exist",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            throw new CliUsageException($"cannot read {option} '{path}': {reason}.", e);
        }

        using (reader)
        {
            return read(reader);
        }
    }

    /// <summary>
    /// Writes <paramref name="path"/> through a temporary file in the same folder, moved over it only once complete: a
    /// failed write leaves no half-written file and the previous file as it was. A failure is a usage error naming the
    /// option, the path and the reason.
    /// </summary>
    /// <exception cref="CliUsageException">The path is not a file name, or the file cannot be written.</exception>
    public static void Write(string option, string path, Action<TextWriter> write)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliUsageException($"{option} '{path}' is not a file name: {e.Message}", e);
        }

        if (path.Length == 0 || Directory.Exists(full) || full.EndsWith(Path.DirectorySeparatorChar))
        {
            throw new CliUsageException($"{option} '{path}' is a folder or empty; give the name of a file to write.");
        }

        var folder = Path.GetDirectoryName(full) ?? ".";
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                write(writer);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Delete(temporary);
            var reason = e switch
            {
                DirectoryNotFoundException => $"the folder '{folder}' does not exist",
                UnauthorizedAccessException => $"permission denied (is '{folder}' writable, and '{Path.GetFileName(full)}' not read-only?)",
                _ => e.Message,
            };
            throw new CliUsageException($"cannot write {option} '{path}': {reason}; nothing was written and any previous file is unchanged.", e);
        }
        catch
        {
            Delete(temporary);
            throw;
        }
    }

    private static void Delete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file could not be removed either; the target is unchanged, which is what matters.
        }
    }
}

/// <summary>Suggestions for mistyped names: the candidate nearest by edit distance, if it is near enough.</summary>
internal static class CliSuggest
{
    /// <summary>The candidate within an edit distance of a third of its length (at least 1, at most 3) of <paramref name="typed"/>, or null.</summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance && distance <= Math.Clamp(candidate.Length / 3, 1, 3))
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>" Did you mean 'x'?" or nothing.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Nearest(typed, candidates) is { } near ? $" Did you mean '{near}'?" : string.Empty;

    /// <summary>The Levenshtein distance (insertions, deletions, substitutions), in O(|a|·|b|) time and O(|b|) memory; long texts are not names, so they are cut at 64 characters.</summary>
    private static int Distance(string a, string b)
    {
        a = a.Length > 64 ? a[..64] : a;
        b = b.Length > 64 ? b[..64] : b;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
