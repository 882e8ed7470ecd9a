using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Benchmarks;

/// <summary>Runs the whole pipeline over the bundled snapshot N times and reports time per topic run and allocations.</summary>
internal static class PipelineSnapshot
{
    public static async Task<int> RunAsync(string[] args)
    {
        int iterations = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "NewsPerspectives.sln")))
        {
            root = Path.GetDirectoryName(root);
        }

        var config = TopicConfigurationLoader.LoadFile(Path.Combine(root!, "samples", "NewsPerspectives.Cli", "snapshot", "topics.yaml"));
        var services = new ServiceCollection();
        services.AddNewsPerspectives();
        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<DigestPipeline>();
        var writer = new HugoMarkdownFormatter();

        // Warm-up.
        foreach (var topic in config.Topics)
        {
            writer.Render((await pipeline.RunAsync(topic, config.AsOf)).Digest);
        }

        long allocated = GC.GetTotalAllocatedBytes(true);
        var stopwatch = Stopwatch.StartNew();
        int runs = 0;
        for (int i = 0; i < iterations; i++)
        {
            foreach (var topic in config.Topics)
            {
                writer.Render((await pipeline.RunAsync(topic, config.AsOf)).Digest);
                runs++;
            }
        }

        stopwatch.Stop();
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        Console.WriteLine($"pipeline-snapshot: {runs} topic runs (read ~95 items each, parse, normalise, filter, select, summarize, render)");
        Console.WriteLine($"  mean {stopwatch.Elapsed.TotalMilliseconds / runs:F2} ms per topic run, {allocated / runs / 1024.0:F0} KiB allocated per run");
        return 0;
    }
}
