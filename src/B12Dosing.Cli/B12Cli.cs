using System.CommandLine;
using B12Dosing.Cli.Commands;

namespace B12Dosing.Cli;

/// <summary>
/// The <c>b12</c> command line: builds the command tree and runs it, turning every user error into
/// one line on standard error and exit code <see cref="UsageError"/>. Tests call <see cref="Run(string[], TextWriter, TextWriter)"/>
/// in-process with their own writers.
/// </summary>
public static class B12Cli
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a bug in the tool (an exception no user input should cause).</summary>
    public const int InternalError = 1;

    /// <summary>Exit code of a run cancelled with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>Exit code of bad input: a parse error, an invalid value, a file that cannot be read.</summary>
    public const int UsageError = 2;

    /// <summary>Builds the command tree. To add a command, add one line here.</summary>
    public static RootCommand CreateRootCommand() =>
        new("b12: vitamin B12 (cobalamin) absorption and dosing models, for research and teaching only; not medical advice.")
        {
            ConvertCommand.Create(),
            AbsorbCommand.Create(),
            CompareCommand.Create(),
            RegimensCommand.Create(),
            SimulateCommand.Create(),
            PopulationCommand.Create(),
            EstimateCommand.Create(),
            TargetCommand.Create(),
            ParametersCommand.Create(),
            TestCommand.Create(),
        };

    /// <summary>
    /// Parses and runs <paramref name="args"/>, writing results to <paramref name="stdout"/> and any
    /// error as one line <c>b12: message</c> to <paramref name="stderr"/>.
    /// </summary>
    /// <returns><see cref="Success"/>, <see cref="UsageError"/>, <see cref="Cancelled"/> or <see cref="InternalError"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(CreateRootCommand(), args, stdout, stderr);

    /// <summary>
    /// Runs <paramref name="args"/> against <paramref name="root"/> (tests give their own commands). Usage errors, exit code
    /// <see cref="UsageError"/>: the parser's errors (with a suggestion for a mistyped command or option, and a hint to
    /// quote a regimen written without quotes), <see cref="CliUsageException"/> (an option's value refused by the tool or,
    /// through <see cref="CliInput.Check{T}(string, Func{T})"/>, by the library where the value enters it), <see cref="FormatException"/> from
    /// the library's parsers, an <see cref="ArgumentException"/> thrown by the tool's own checks, and files that cannot be
    /// read. Anything else, including an <see cref="ArgumentException"/> from inside the library, is a bug: exit code
    /// <see cref="InternalError"/> and a line that says so.
    /// </summary>
    internal static int Run(RootCommand root, string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var messages = parsed.Errors.Select(e => e.Message).Distinct();
            return Fail(stderr, $"{string.Join(" ", messages)}{Hints(parsed, args)} Run 'b12 --help' for usage.", UsageError);
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            return Fail(stderr, "cancelled.", Cancelled);
        }
        catch (Exception e) when (IsUserError(e))
        {
            return Fail(stderr, e is ArgumentException argument ? CliInput.Message(argument) : e.Message, UsageError);
        }
        catch (Exception e)
        {
            return Fail(stderr, $"internal error, a bug in b12 (please report it with the command line): {e.GetType().Name}: {e.Message}", InternalError);
        }
    }

    /// <summary>
    /// The exceptions bad input causes: <see cref="CliUsageException"/>; parse errors (<see cref="FormatException"/>);
    /// an <see cref="ArgumentException"/> thrown by the tool's own code (its checks of its options); files that cannot be
    /// read (<see cref="IOException"/>, <see cref="UnauthorizedAccessException"/>: their messages name the path). An
    /// <see cref="ArgumentException"/> thrown inside the library is not one: where an option's value enters the library,
    /// the tool wraps the call (<see cref="CliInput.Check{T}(string, Func{T})"/>), so one that escapes elsewhere is a bug.
    /// </summary>
    private static bool IsUserError(Exception e) =>
        e is CliUsageException or FormatException or IOException or UnauthorizedAccessException
        || (e is ArgumentException && e.TargetSite?.DeclaringType?.Assembly == typeof(B12Cli).Assembly);

    /// <summary>Suggestions after a parse error: the nearest command or option to a mistyped one, and a hint to quote a regimen.</summary>
    private static string Hints(ParseResult parsed, string[] args)
    {
        var hints = new System.Text.StringBuilder();
        var command = parsed.CommandResult.Command;
        var names = command.Subcommands.Select(c => c.Name).Concat(command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)));
        foreach (var token in parsed.UnmatchedTokens.Take(3))
        {
            hints.Append(CliSuggest.DidYouMean(token, names));
        }

        // The hint is for a regimen's words left over, such as 'mg' in --regimen 1 mg im daily: the word after the value
        // must be one the parser could not place, not a mistyped option further on (issue 21).
        var at = Array.IndexOf(args, "--regimen");
        if (at >= 0 && at + 2 < args.Length && !args[at + 1].StartsWith('-') && !args[at + 2].StartsWith('-') && parsed.UnmatchedTokens.Contains(args[at + 2]))
        {
            var words = args.Skip(at + 1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal));
            hints.Append($" A regimen with spaces must be quoted: --regimen \"{string.Join(' ', words)}\".");
        }

        return hints.ToString();
    }

    /// <summary>
    /// Writes exactly one line (exception messages can span lines: ArgumentOutOfRangeException adds "Actual value was").
    /// A closed or broken standard error must not turn the exit code into an abort: the code is kept, the line is lost.
    /// </summary>
    private static int Fail(TextWriter stderr, string message, int exitCode)
    {
        var oneLine = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        // One full stop at the end, where a message with its own was wrapped in a sentence that adds another (issue 21).
        oneLine = oneLine.EndsWith("..", StringComparison.Ordinal) && !oneLine.EndsWith("...", StringComparison.Ordinal) ? oneLine[..^1] : oneLine;
        try
        {
            stderr.WriteLine($"b12: {oneLine}");
            stderr.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException)
        {
            // Nowhere (a closed descriptor reports itself as UnauthorizedAccessException wrapping EBADF) to report it; the exit code still says what happened.
        }

        return exitCode;
    }
}
