using System.Globalization;
using CustomClassifier;
using Microsoft.Extensions.DependencyInjection;
using NewsPerspectives;

// Plugs a custom side classifier (HomeCountryClassifier) into the pipeline through dependency injection and shows
// the side, confidence and reason of every listed article. Runs offline on the main CLI's bundled snapshot.
// Usage: dotnet run --project samples/CustomClassifier [-- path/to/topics.yaml [topic-id]]
var configPath = args.Length > 0 ? args[0] : FindSnapshot();
var config = TopicConfigurationLoader.LoadFile(configPath);

var services = new ServiceCollection();
services.AddNewsPerspectives(config).UseClassifier<HomeCountryClassifier>();   // the config (its outlet registry) in one call
await using var provider = services.BuildServiceProvider();
var pipeline = provider.GetRequiredService<DigestPipeline>();

foreach (var topic in config.Topics.Where(t => args.Length < 2 || t.Id == args[1]))
{
    var run = await pipeline.RunAsync(topic, config.AsOf);
    Console.WriteLine($"== {topic.Name}: {run.Digest.Sources.Count} listed");
    foreach (var source in run.Digest.Sources)
    {
        var moved = source.Article.Feed.Side is { } feedSide && feedSide != source.SideId ? $" (feed: {feedSide})" : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  [{source.SideId}{moved} {source.Item.Perspective.Confidence:0.00}] {source.Article.Title}"));
        Console.WriteLine($"      {source.Item.Perspective.Reason}");
    }
}

static string FindSnapshot()
{
    for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
    {
        var candidate = Path.Combine(dir, "samples", "NewsPerspectives.Cli", "snapshot", "topics.yaml");
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new FileNotFoundException("the CLI's snapshot topics.yaml was not found; pass a configuration path");
}
