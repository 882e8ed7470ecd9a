using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace NewsPerspectives.Tests.Pipeline;

public sealed class DigestPipelineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("np-pipe-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // These tests are about feeds, dates and diagnostics; the fixture headlines are not about a topic.
    private static void NoRelevance(NewsPerspectivesOptions options) => options.Relevance.Enabled = false;

    private TopicDefinition Topic(params (string File, string Side)[] feeds) => new()
    {
        Id = "a-b",
        Name = "A vs B",
        Sides = [new SideDefinition { Id = "a", Name = "A" }, new SideDefinition { Id = "b", Name = "B" }],
        Feeds = feeds.Select(f => new FeedDefinition { Kind = FeedKind.File, Location = Path.Combine(_dir, f.File), Name = f.File, Side = f.Side }).ToArray(),
    };

    private void Feed(string file, params (string Title, string Date)[] items) =>
        File.WriteAllText(Path.Combine(_dir, file), $"""
            <rss version="2.0"><channel><title>{file}</title><link>https://{file}.example/</link>
            {string.Concat(items.Select((i, n) => $"<item><title>{i.Title}</title><link>https://{file}.example/{n}</link><pubDate>{i.Date}</pubDate></item>"))}
            </channel></rss>
            """);

    [Fact]
    public async Task AUrlFeedWithoutTheHttpSource_FailsTheRun_NamingAddHttpFeedsAndItsPackage()
    {
        Feed("good-a.xml", ("A one", "Sun, 11 Jan 2026 10:00:00 GMT"));
        var topic = Topic(("good-a.xml", "a"));
        topic = new TopicDefinition
        {
            Id = topic.Id,
            Name = topic.Name,
            Sides = topic.Sides,
            Feeds = [.. topic.Feeds, new FeedDefinition { Kind = FeedKind.Url, Location = "https://b.example/feed.xml", Side = "b" }],
        };
        await using var provider = TestPipeline.Services(NoRelevance);
        var error = await Assert.ThrowsAsync<NewsPerspectivesException>(() => provider.GetRequiredService<DigestPipeline>().RunAsync(topic));
        Assert.Equal(
            "topic 'a-b': no feed source reads its Url feeds (https://b.example/feed.xml); register the HTTP feed source: services.AddNewsPerspectives().AddHttpFeeds() (AddHttpFeeds() is in the NewsPerspectives package)",
            error.Message);
    }

    [Fact]
    public async Task BrokenFeeds_AreReportedWithLocationAndReason_WhileHealthyFeedsStillMakeTheDigest()
    {
        Feed("good-a.xml", ("A one", "Sun, 11 Jan 2026 10:00:00 GMT"), ("A two", "Sun, 11 Jan 2026 11:00:00 GMT"));
        Feed("good-b.xml", ("B one", "Sun, 11 Jan 2026 10:00:00 GMT"));
        File.WriteAllText(Path.Combine(_dir, "broken.xml"), "<html><body>502 Bad Gateway</body></html>");
        var topic = Topic(("good-a.xml", "a"), ("broken.xml", "b"), ("missing.xml", "b"), ("good-b.xml", "b"));

        var run = await TestPipeline.RunAsync(topic, new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero), NoRelevance);

        Assert.Equal(["A two", "A one", "B one"], run.Digest.Sources.Select(s => s.Article.Title));
        var outcomes = run.Diagnostics.Feeds;
        Assert.Equal([FeedStatus.Ok, FeedStatus.Failed, FeedStatus.Failed, FeedStatus.Ok], outcomes.Select(o => o.Status));
        Assert.Equal(FeedErrorKind.Parse, outcomes[1].Error!.Kind);
        Assert.Equal(Path.Combine(_dir, "broken.xml"), outcomes[1].Error!.Location);
        Assert.Equal(FeedErrorKind.Unreachable, outcomes[2].Error!.Kind);
        Assert.Contains("does not exist", outcomes[2].Error!.Reason, StringComparison.Ordinal);
        Assert.Equal(2, outcomes[0].ItemCount);
    }

    [Fact]
    public async Task EveryArticleNotListed_IsInTheDiagnosticsWithItsReason()
    {
        Feed("a.xml", ("fresh", "Sun, 11 Jan 2026 10:00:00 GMT"), ("stale", "Sun, 01 Jan 2026 10:00:00 GMT"), ("future", "Tue, 13 Jan 2026 10:00:00 GMT"), ("undated", "someday"));
        var topic = Topic(("a.xml", "a"));
        var run = await TestPipeline.RunAsync(topic, new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero), NoRelevance);
        Assert.Equal(["fresh"], run.Digest.Sources.Select(s => s.Article.Title));
        Assert.Equal(
            [(DropReason.InvalidDate, "undated"), (DropReason.TooOld, "stale"), (DropReason.InFuture, "future")],
            run.Diagnostics.Dropped.Select(d => (d.Reason, d.Title!)));
        Assert.Equal(4, run.Diagnostics.ArticlesRead);
    }

    [Fact]
    public async Task WithoutAnAsOfTime_TheInjectedTimeProviderDecides()
    {
        Feed("a.xml", ("recent", "Sun, 11 Jan 2026 10:00:00 GMT"));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 12, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddNewsPerspectives(NoRelevance);
        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<DigestPipeline>();

        var run = await pipeline.RunAsync(Topic(("a.xml", "a")));
        Assert.Single(run.Digest.Sources);
        Assert.Equal(time.GetUtcNow(), run.Digest.GeneratedAt);

        time.Advance(TimeSpan.FromDays(10));
        var later = await pipeline.RunAsync(Topic(("a.xml", "a")));
        Assert.Empty(later.Digest.Sources);
        Assert.Equal(DropReason.TooOld, Assert.Single(later.Diagnostics.Dropped).Reason);
    }

    [Fact]
    public async Task NoArticles_StillWritesAValidPostThatSaysSo()
    {
        Feed("a.xml");
        var run = await TestPipeline.RunAsync(Topic(("a.xml", "a")), new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero), NoRelevance);
        var post = new HugoMarkdownWriter().Render(run.Digest);
        Assert.Contains("articleCount: 0", post, StringComparison.Ordinal);
        Assert.Contains("- No articles from A sources in this period.", post, StringComparison.Ordinal);
    }
}
