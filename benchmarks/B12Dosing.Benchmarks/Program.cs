using BenchmarkDotNet.Running;

namespace B12Dosing.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line, for example <c>--filter *Quantity*</c>; or, with <c>peers &lt;dir&gt;</c>,
/// writes the side-by-side scenario, or with <c>peers-serve</c> times the library for it (see <see cref="PeerExport"/>);
/// <c>peers3 &lt;dir&gt;</c> and <c>peers3-serve</c> do the same for model 3's scenarios (see <see cref="PeerExport3"/>).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "peers")
        {
            return PeerExport.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "peers-serve")
        {
            return PeerExport.Serve(args[1..]);
        }

        if (args.Length > 0 && args[0] == "peers3")
        {
            return PeerExport3.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "peers3-serve")
        {
            return PeerExport3.Serve(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
