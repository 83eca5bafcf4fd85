using System.Text;

namespace B12Dosing.Cli;

/// <summary>The process entry point of the <c>b12</c> tool; everything else is in <see cref="B12Cli"/>.</summary>
internal static class Program
{
    /// <summary>The size of the standard output's buffer: output reaches the system in blocks of this many bytes.</summary>
    internal const int OutputBufferBytes = 64 * 1024;

    private static int Main(string[] args)
    {
        using var stdout = Output(Console.OpenStandardOutput());
        try
        {
            return B12Cli.Run(args, stdout, Console.Error);
        }
        finally
        {
            stdout.Flush();
        }
    }

    /// <summary>
    /// The standard output as the tool writes it: UTF-8 without a byte-order mark, buffered, flushed once at the end
    /// (issue 21: <see cref="Console.Out"/> flushes every write, 20 system calls a CSV row). A closed pipe is ignored by the
    /// console stream, as it was.
    /// </summary>
    internal static StreamWriter Output(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), OutputBufferBytes) { AutoFlush = false };
}
