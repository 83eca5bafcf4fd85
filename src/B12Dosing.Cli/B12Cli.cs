using System.CommandLine;
using B12Dosing.Cli.Commands;

namespace B12Dosing.Cli;

/// <summary>
/// The <c>b12</c> command line: builds the command tree and runs it, turning every user error into
/// one line on standard error and exit code <see cref="UsageError"/>. Tests call <see cref="Run"/>
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
        };

    /// <summary>
    /// Parses and runs <paramref name="args"/>, writing results to <paramref name="stdout"/> and any
    /// error as one line <c>b12: message</c> to <paramref name="stderr"/>.
    /// </summary>
    /// <returns><see cref="Success"/>, <see cref="UsageError"/> or <see cref="InternalError"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var parsed = CreateRootCommand().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var messages = parsed.Errors.Select(e => e.Message).Distinct();
            return Fail(stderr, $"{string.Join(" ", messages)} Run 'b12 --help' for usage.", UsageError);
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (ArgumentException e) when (e.ParamName is not null)
        {
            // The "(Parameter 'x')" suffix names a C# parameter, which means nothing at the command line.
            return Fail(stderr, e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal), UsageError);
        }
        catch (OperationCanceledException)
        {
            return Fail(stderr, "cancelled.", Cancelled);
        }
        catch (Exception e) when (IsUserError(e))
        {
            return Fail(stderr, e.Message, UsageError);
        }
        catch (Exception e)
        {
            return Fail(stderr, $"internal error ({e.GetType().Name}): {e.Message}", InternalError);
        }
    }

    /// <summary>
    /// The exceptions bad input causes: parse errors (<see cref="FormatException"/>), invalid values
    /// (<see cref="ArgumentException"/>, including out-of-range), and files that cannot be read or
    /// written. Add the library's own documented exception types here.
    /// </summary>
    private static bool IsUserError(Exception e) =>
        e is FormatException or ArgumentException or IOException or UnauthorizedAccessException;

    /// <summary>Writes exactly one line: exception messages can span lines (ArgumentOutOfRangeException adds "Actual value was").</summary>
    private static int Fail(TextWriter stderr, string message, int exitCode)
    {
        var oneLine = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        stderr.WriteLine($"b12: {oneLine}");
        return exitCode;
    }
}
