using BenchmarkDotNet.Running;

namespace B12Dosing.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line, for example <c>--filter *Quantity*</c>.</summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
