using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NewsPerspectives;
using NewsPerspectives.Cli;

// newsperspectives [--config FILE] [--out DIR] [--date yyyy-MM-dd] [--format markdown,json,html] [--stories] [--live [--cache FILE]]
// With no --config it runs the bundled offline snapshot (the seed's five topics); --live fetches feeds over HTTP.
// newsperspectives backfill ...: builds a story archive from past digests or feeds (BackfillCommand.Usage).
if (args is ["backfill", .. var backfillArguments])
{
    return await BackfillCommand.RunAsync(backfillArguments);
}

CliArguments arguments;
try
{
    arguments = CliArguments.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    Console.Error.WriteLine(CliArguments.Usage);
    return 2;
}

if (arguments.ShowHelp)
{
    Console.WriteLine(CliArguments.Usage);
    return 0;
}

NewsPerspectivesConfiguration configuration;
try
{
    configuration = TopicConfigurationLoader.LoadFile(arguments.ConfigPath);
}
catch (ConfigurationException ex)
{
    Console.Error.WriteLine($"configuration error: {ex.Message}");
    return 2;
}

var services = new ServiceCollection();
var newsPerspectives = services.AddNewsPerspectives(o =>
{
    o.Hugo.IncludeStories = o.Hugo.IncludeFoundCounts = o.Hugo.IncludeAlsoPublishedBy = arguments.Stories;
    if (arguments.Live)
    {
        o.Pipeline.FeedRead = outcome => Console.Error.WriteLine($"  {Describe(outcome)}");
    }
});
if (configuration.Outlets is { } outlets)
{
    // settings.outlets: the user's registry file layered over the shipped default.
    newsPerspectives.UseOutletRegistry(outlets);
}

if (arguments.Live)
{
    newsPerspectives.AddHttpFeeds();
    if (arguments.CachePath is not null)
    {
        newsPerspectives.UseFeedCacheFile(arguments.CachePath);
    }
}

await using var provider = services.BuildServiceProvider();
DigestPipeline pipeline;
try
{
    pipeline = provider.GetRequiredService<DigestPipeline>();
}
catch (NewsPerspectivesException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}"); // e.g. the --cache file is in use by another run
    return 1;
}

var writers = provider.GetServices<IDigestWriter>().Where(w => arguments.Formats.Contains(w.Format)).ToList();
var unknown = arguments.Formats.Except(provider.GetServices<IDigestWriter>().Select(w => w.Format)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"error: unknown format(s) {string.Join(", ", unknown)}");
    return 2;
}

var asOf = arguments.AsOf(configuration.AsOf);
var root = Path.GetFullPath(arguments.OutputPath);
OutputFolderLock outputLock;
try
{
    outputLock = OutputFolderLock.Acquire(root); // two runs on one output folder: a clear error, not interleaved posts
}
catch (NewsPerspectivesException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}

using var releaseOutput = outputLock;
Console.WriteLine($"Writing to {root}");
int failures = 0;
foreach (var topic in configuration.Topics)
{
    var run = await pipeline.RunAsync(topic, asOf);
    var digest = run.Digest;
    var perSide = string.Join(", ", digest.Sides.Select(s => $"{s.Side.Id} {s.Count}/{s.Found}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{topic.Id}: {run.Diagnostics.ArticlesRead} read, {digest.Sources.Count} kept ({perSide} listed/found), {run.Diagnostics.Dropped.Count} dropped ({run.Diagnostics.Dropped.Count(d => d.Reason == DropReason.OffTopic)} off topic)"));
    foreach (var feed in run.Diagnostics.Feeds)
    {
        Console.WriteLine($"  {Describe(feed)}");
    }

    foreach (var writer in writers)
    {
        try
        {
            var path = await DigestFileStore.WriteAsync(run, writer, root);
            Console.WriteLine($"  {Path.GetRelativePath(root, path).Replace('\\', '/')}");
        }
        catch (NewsPerspectivesException ex)
        {
            Console.Error.WriteLine($"  write failed: {ex.Message}");
            failures++;
        }
    }
}

return failures == 0 ? 0 : 1;

// One line per feed: "feed ok 57 items 312 ms <feed>", "not modified", "failed <kind> (HTTP n): reason".
static string Describe(FeedOutcome outcome)
{
    var what = outcome.Status switch
    {
        FeedStatus.Ok => $"ok {outcome.ItemCount} items",
        FeedStatus.NotModified => $"not modified ({outcome.ItemCount} items from the cache)",
        _ => $"{outcome.Status.ToString().ToLowerInvariant()} {outcome.Error?.Kind}{(outcome.Error?.StatusCode is int code ? $" (HTTP {code})" : "")}: {outcome.Error?.Reason}",
    };
    var moved = outcome.MovedTo is null ? "" : $" [moved permanently to {outcome.MovedTo}]";
    return string.Create(CultureInfo.InvariantCulture, $"feed {what}, {outcome.Elapsed.TotalMilliseconds:0} ms: {outcome.Feed.DisplayName}{moved}");
}
