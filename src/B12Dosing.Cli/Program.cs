namespace B12Dosing.Cli;

/// <summary>The process entry point of the <c>b12</c> tool; everything else is in <see cref="B12Cli"/>.</summary>
internal static class Program
{
    private static int Main(string[] args) => B12Cli.Run(args, Console.Out, Console.Error);
}
