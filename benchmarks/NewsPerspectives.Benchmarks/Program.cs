using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/NewsPerspectives.Benchmarks -- --filter '*'
// BenchmarkDotNet micro-benchmarks; other measurement commands register themselves in Commands.
if (args.Length > 0 && NewsPerspectives.Benchmarks.Commands.TryRun(args, out var exitCode))
{
    return exitCode;
}

BenchmarkSwitcher.FromAssembly(typeof(NewsPerspectives.Benchmarks.Commands).Assembly).Run(args);
return 0;
