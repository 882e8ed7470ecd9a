using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Tests.Pipeline;

/// <summary>The default services over the CLI's bundled snapshot: canonical outlets and off-topic drops, end to end.</summary>
public class SnapshotOutletsAndRelevanceTests
{
    [Fact]
    public async Task DefaultPipeline_ListsCanonicalOutletsAndRecordsWhyOffTopicArticlesWereDropped()
    {
        var config = TopicConfigurationLoader.LoadFile(Path.Combine(TestPaths.Snapshot, "topics.yaml"));
        var services = new ServiceCollection();
        services.AddNewsPerspectives();
        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<DigestPipeline>();
        var hugo = new HugoMarkdownWriter();
        var published = new HashSet<string>(StringComparer.Ordinal);
        int offTopic = 0;

        foreach (var topic in config.Topics)
        {
            var run = await pipeline.RunAsync(topic, config.AsOf);
            var markdown = hugo.Render(run.Digest);

            foreach (var source in run.Digest.Sources)
            {
                // A listed outlet the registry knows is shown by its canonical name, never by an alias; one it does
                // not know keeps the name as published.
                if (OutletRegistry.Default.FindByName(source.Article.Outlet) is { } outlet)
                {
                    Assert.Equal(outlet.Name, source.Article.Outlet);
                }
                else
                {
                    var match = OutletRegistry.Default.Resolve(source.Article.OutletAsPublished ?? source.Article.Outlet);
                    Assert.True(match is null || match.Kind == OutletMatchKind.Inferred, $"{source.Article.Outlet} is known as {match?.Outlet.Name}");
                }

                if (source.Article.OutletAsPublished is { } asPublished)
                {
                    published.Add(asPublished);
                }
            }

            Assert.DoesNotContain("news.cgtn.com", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("新华网", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("Global Edition", markdown, StringComparison.Ordinal);
            var drops = run.Diagnostics.Dropped.Where(d => d.Reason == DropReason.OffTopic).ToList();
            Assert.All(drops, d => Assert.StartsWith("relevance ", d.Detail, StringComparison.Ordinal));
            offTopic += drops.Count;
        }

        // The snapshot's sides are full of one-sided stories: relevance must have dropped many, and outlets were renamed.
        Assert.True(offTopic > 100, $"only {offTopic} off-topic drops");
        Assert.Contains("news.cgtn.com", published);
        Assert.Contains("新华网", published);
    }
}
