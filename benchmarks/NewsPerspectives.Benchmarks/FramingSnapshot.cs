using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Benchmarks;

/// <summary>
/// <c>framing-snapshot [--prior 500] [--min-z 1.96] [--max-terms 8]</c>: runs the whole default pipeline over the
/// bundled snapshot (as of its configured time) and prints, per topic, each side's distinctive terms with their
/// z-scores and article counts (side / other sides), and each shared story's headline per side: the figures quoted
/// in docs/summaries.md. The options override <see cref="FramingOptions"/>.
/// </summary>
internal static class FramingSnapshot
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name)
        {
            int at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }

        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "NewsPerspectives.sln")))
        {
            root = Path.GetDirectoryName(root);
        }

        var config = TopicConfigurationLoader.LoadFile(Path.Combine(root!, "samples", "NewsPerspectives.Cli", "snapshot", "topics.yaml"));
        var services = new ServiceCollection();
        services.AddNewsPerspectives(o =>
        {
            if (Value("--prior") is { } prior)
            {
                o.Framing.PriorStrength = double.Parse(prior, CultureInfo.InvariantCulture);
            }

            if (Value("--min-z") is { } minZ)
            {
                o.Framing.MinZ = double.Parse(minZ, CultureInfo.InvariantCulture);
            }

            if (Value("--max-terms") is { } max)
            {
                o.Framing.MaxTerms = int.Parse(max, CultureInfo.InvariantCulture);
            }
        });
        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<DigestPipeline>();
        foreach (var topic in config.Topics)
        {
            var digest = (await pipeline.RunAsync(topic, config.AsOf)).Digest;
            Console.WriteLine($"## {topic.Name} ({string.Join(", ", digest.Sides.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Side.Name} {s.Found} articles")))})");
            foreach (var side in digest.Framing)
            {
                var terms = side.Terms.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Term} (z {t.Z:0.0}, {t.SideCount}/{t.OtherCount})"));
                Console.WriteLine($"- {side.Side.Name}: {string.Join(", ", terms)}");
            }

            foreach (var story in digest.SharedStories)
            {
                Console.WriteLine($"  - shared: {string.Join(" | ", story.Sides.Select(s => $"{s.Side.Name}: {s.Headline}"))}");
            }

            Console.WriteLine();
        }

        return 0;
    }
}
