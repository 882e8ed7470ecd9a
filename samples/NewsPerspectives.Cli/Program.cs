using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NewsPerspectives;
using NewsPerspectives.Cli;

// newsperspectives [--config FILE] [--out DIR] [--date yyyy-MM-dd] [--format markdown,json]
// With no --config it runs the bundled offline snapshot (the seed's five topics).
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
var builder = services.AddNewsPerspectives();
if (configuration.Outlets is { } outlets)
{
    // settings.outlets: the user's registry file layered over the shipped default.
    builder.UseOutletRegistry(outlets);
}

await using var provider = services.BuildServiceProvider();
var pipeline = provider.GetRequiredService<DigestPipeline>();
var writers = provider.GetServices<IDigestWriter>().Where(w => arguments.Formats.Contains(w.Format)).ToList();
var unknown = arguments.Formats.Except(provider.GetServices<IDigestWriter>().Select(w => w.Format)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"error: unknown format(s) {string.Join(", ", unknown)}");
    return 2;
}

var asOf = arguments.AsOf(configuration.AsOf);
var root = Path.GetFullPath(arguments.OutputPath);
Console.WriteLine($"Writing to {root}");
int failures = 0;
foreach (var topic in configuration.Topics)
{
    var run = await pipeline.RunAsync(topic, asOf);
    var digest = run.Digest;
    var perSide = string.Join(", ", digest.Sides.Select(s => $"{s.Side.Id} {s.Count}/{s.Found}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{topic.Id}: {run.Diagnostics.ArticlesRead} read, {digest.Sources.Count} kept ({perSide} listed/found), {run.Diagnostics.Dropped.Count} dropped ({run.Diagnostics.Dropped.Count(d => d.Reason == DropReason.OffTopic)} off topic)"));
    foreach (var feed in run.Diagnostics.Feeds.Where(f => f.Error is not null))
    {
        Console.Error.WriteLine($"  feed failed: {feed.Error}");
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
