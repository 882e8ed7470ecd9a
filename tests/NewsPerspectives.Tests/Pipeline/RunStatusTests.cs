namespace NewsPerspectives.Tests.Pipeline;

/// <summary>
/// A run says whether it is complete, partial or failed, and why; a failed run (every feed failed, or no article)
/// is never written over the day's good post.
/// </summary>
public sealed class RunStatusTests : IDisposable
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 12, 4, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("np-status-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void NoRelevance(NewsPerspectivesOptions options) => options.Relevance.Enabled = false;

    private TopicDefinition Topic(params string[] files) => new()
    {
        Id = "a-b",
        Name = "A vs B",
        Sides = [new SideDefinition { Id = "a", Name = "A" }, new SideDefinition { Id = "b", Name = "B" }],
        Feeds = files.Select((f, i) => new FeedDefinition { Kind = FeedKind.File, Location = Path.Combine(_dir, f), Name = f, Side = i % 2 == 0 ? "a" : "b" }).ToArray(),
    };

    private void Feed(string file, params (string Title, string Date)[] items) =>
        File.WriteAllText(Path.Combine(_dir, file), $"""
            <rss version="2.0"><channel><title>{file}</title><link>https://{file}.example/</link>
            {string.Concat(items.Select((i, n) => $"<item><title>{i.Title}</title><link>https://{file}.example/{n}</link><pubDate>{i.Date}</pubDate></item>"))}
            </channel></rss>
            """);

    private void Broken(string file) => File.WriteAllText(Path.Combine(_dir, file), "<html><body>502 Bad Gateway</body></html>");

    [Fact]
    public async Task EveryFeedRead_IsComplete()
    {
        Feed("a.xml", ("A one", "Sun, 11 Jan 2026 10:00:00 GMT"));
        Feed("b.xml", ("B one", "Sun, 11 Jan 2026 10:00:00 GMT"));
        var run = await TestPipeline.RunAsync(Topic("a.xml", "b.xml"), AsOf, NoRelevance);
        Assert.Equal(DigestRunStatus.Complete, run.Status);
        Assert.Null(run.StatusReason);
    }

    [Fact]
    public async Task SomeFeedsFailed_IsPartial_NamingTheFailures()
    {
        Feed("a.xml", ("A one", "Sun, 11 Jan 2026 10:00:00 GMT"));
        Broken("b.xml");
        var run = await TestPipeline.RunAsync(Topic("a.xml", "b.xml", "missing.xml"), AsOf, NoRelevance);
        Assert.Equal(DigestRunStatus.Partial, run.Status);
        Assert.Contains("2 of 3 feeds failed", run.StatusReason, StringComparison.Ordinal);
        Assert.Contains("b.xml", run.StatusReason, StringComparison.Ordinal);
        Assert.Single(run.Digest.Sources);
    }

    [Fact]
    public async Task EveryFeedFailed_IsFailed_WithTheReason()
    {
        Broken("a.xml");
        var run = await TestPipeline.RunAsync(Topic("a.xml", "missing.xml"), AsOf, NoRelevance);
        Assert.Equal(DigestRunStatus.Failed, run.Status);
        Assert.Contains("every feed failed (2 of 2)", run.StatusReason, StringComparison.Ordinal);
        Assert.Contains("Parse", run.StatusReason, StringComparison.Ordinal);
        Assert.Contains("Unreachable", run.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedsReadButNoArticleLeft_IsFailed_WithTheDropReasons()
    {
        Feed("a.xml", ("Stale one", "Sun, 01 Jan 2026 10:00:00 GMT"), ("Stale two", "Fri, 02 Jan 2026 10:00:00 GMT"));
        var run = await TestPipeline.RunAsync(Topic("a.xml"), AsOf, NoRelevance);
        Assert.Equal(DigestRunStatus.Failed, run.Status);
        Assert.Contains("no article to list", run.StatusReason, StringComparison.Ordinal);
        Assert.Contains("TooOld 2", run.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedRun_IsNotWrittenOverTheDaysGoodPost_AndSaysWhy()
    {
        Feed("a.xml", ("A one", "Sun, 11 Jan 2026 10:00:00 GMT"));
        Feed("b.xml", ("B one", "Sun, 11 Jan 2026 10:00:00 GMT"));
        var root = Path.Combine(_dir, "site");
        var writers = new IDigestWriter[] { new HugoMarkdownWriter(), new JsonDigestWriter(), new HtmlDigestWriter() };
        var good = await TestPipeline.RunAsync(Topic("a.xml", "b.xml"), AsOf, NoRelevance);
        var written = new Dictionary<string, byte[]>();
        foreach (var writer in writers)
        {
            var path = await DigestFileStore.WriteAsync(good, writer, root);
            written[path] = await File.ReadAllBytesAsync(path);
        }

        Broken("a.xml");
        Broken("b.xml");
        var failed = await TestPipeline.RunAsync(Topic("a.xml", "b.xml"), AsOf, NoRelevance);
        Assert.Equal(DigestRunStatus.Failed, failed.Status);
        foreach (var writer in writers)
        {
            var ex = await Assert.ThrowsAsync<NewsPerspectivesException>(() => DigestFileStore.WriteAsync(failed, writer, root));
            Assert.Contains("the run failed", ex.Message, StringComparison.Ordinal);
            Assert.Contains("every feed failed", ex.Message, StringComparison.Ordinal);
            Assert.Contains("kept", ex.Message, StringComparison.Ordinal);
        }

        foreach (var (path, bytes) in written)
        {
            Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        }

        Assert.Equal(written.Count, Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task FailedRun_WithNoPostYet_WritesNothing()
    {
        Broken("a.xml");
        var root = Path.Combine(_dir, "site");
        var failed = await TestPipeline.RunAsync(Topic("a.xml"), AsOf, NoRelevance);
        var ex = await Assert.ThrowsAsync<NewsPerspectivesException>(() => DigestFileStore.WriteAsync(failed, new HugoMarkdownWriter(), root));
        Assert.Contains("nothing was written", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root) && Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any());
    }
}
