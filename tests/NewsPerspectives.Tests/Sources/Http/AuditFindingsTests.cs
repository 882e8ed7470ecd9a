using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace NewsPerspectives.Tests.Sources.Http;

/// <summary>
/// The black-box audit's findings, reproduced against a real Kestrel server on 127.0.0.1 through the whole pipeline:
/// healthy feeds queued behind slow ones, the guard's default, conflicting charsets, a DOCTYPE hidden behind a
/// comment, and hostile outlet names and URLs from <c>&lt;source&gt;</c>.
/// </summary>
[Collection(HttpTestGroup.Name)]
public sealed class AuditFindingsTests : IAsyncLifetime
{
    private LoopbackFeedServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackFeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TwoSlowLorisAndTwoHealthyFeedsOnOneHost_SlowOnesTimeOut_HealthyOnesAreRead()
    {
        // The host allows 2 connections; the slow feeds take both first. The healthy feeds' request timeout must start
        // when their requests are sent, not while they wait for a slot.
        string SlowLoris(string path) => _server.Map(path, async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            while (true)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), context.RequestAborted);
                await context.Response.WriteAsync(" ", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });
        string Healthy(string path, string title) => _server.Map(path, async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1100), context.RequestAborted);
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(FeedTexts.Rss(title), context.RequestAborted);
        });

        var topic = FeedTexts.Topic([
            (FeedKind.Url, SlowLoris("/slow-1.xml"), "bad"),
            (FeedKind.Url, SlowLoris("/slow-2.xml"), "bad"),
            (FeedKind.Url, Healthy("/healthy-1.xml", "First healthy story"), "good"),
            (FeedKind.Url, Healthy("/healthy-2.xml", "Second healthy story"), "good"),
        ]);
        await using var services = HttpFeedIntegrationTests.Services(o => o.RequestTimeout = TimeSpan.FromSeconds(2), null);
        var run = await services.GetRequiredService<DigestPipeline>().RunAsync(topic, FeedTexts.AsOf);

        var feeds = run.Diagnostics.Feeds;
        Assert.All(feeds.Take(2), f =>
        {
            Assert.Equal(FeedErrorKind.Timeout, f.Error?.Kind);
            Assert.Contains("request timeout", f.Error!.Reason, StringComparison.Ordinal);
        });
        Assert.All(feeds.Skip(2), f => Assert.True(f.Status == FeedStatus.Ok, $"{f.Feed.Location}: {f.Error}"));
        Assert.Equal(["First healthy story", "Second healthy story"], run.Digest.Sources.Select(s => s.Article.Title).Order(StringComparer.Ordinal));
        Assert.Equal(DigestRunStatus.Partial, run.Status);
        // The healthy requests were sent only once the slow ones had given up their slots.
        var order = _server.Requests.Select(r => r.Path).ToArray();
        Assert.Equal(["/slow-1.xml", "/slow-2.xml"], order.Take(2).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RedirectHopQueuedBehindASlowFeed_IsNotTimedOutByTheQueue()
    {
        // One connection per host: the redirect's first hop answers at once, then the slow feed takes the slot for its
        // whole timeout while the second hop waits. Only time in flight counts against the request timeout.
        var hop = _server.Map("/hop.xml", context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "/after-hop.xml";
            return Task.CompletedTask;
        });
        _server.Map("/after-hop.xml", async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(800), context.RequestAborted);
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(FeedTexts.Rss("Story after a queued hop"), context.RequestAborted);
        });
        var slow = _server.Map("/slow-hog.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var topic = FeedTexts.Topic([(FeedKind.Url, hop, "good"), (FeedKind.Url, slow, "bad")]);
        await using var services = HttpFeedIntegrationTests.Services(o => { o.RequestTimeout = TimeSpan.FromSeconds(2); o.MaxConcurrentRequestsPerHost = 1; }, null);
        var run = await services.GetRequiredService<DigestPipeline>().RunAsync(topic, FeedTexts.AsOf);
        Assert.Equal(FeedErrorKind.Timeout, run.Diagnostics.Feeds[1].Error?.Kind);
        Assert.True(run.Diagnostics.Feeds[0].Status == FeedStatus.Ok, run.Diagnostics.Feeds[0].Error?.ToString());
        Assert.Equal("Story after a queued hop", Assert.Single(run.Digest.Sources).Article.Title);
        Assert.True(run.Diagnostics.Feeds[0].Elapsed > TimeSpan.FromSeconds(2), $"the hop should have queued behind the slow feed ({run.Diagnostics.Feeds[0].Elapsed})");
    }

    [Fact]
    public async Task FeedQueuedForAHostSlot_WaitsNoLongerThanTheTopicDeadline()
    {
        var hang = _server.Map("/hang.xml", context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        var queued = _server.MapFeed("/queued.xml", FeedTexts.Rss("Never reached"));
        var topic = FeedTexts.Topic([(FeedKind.Url, hang, "bad"), (FeedKind.Url, queued, "good")]);
        await using var services = HttpFeedIntegrationTests.Services(
            o => { o.RequestTimeout = TimeSpan.FromSeconds(30); o.MaxConcurrentRequestsPerHost = 1; },
            null,
            p => p.FeedsDeadline = TimeSpan.FromSeconds(1));
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var run = await services.GetRequiredService<DigestPipeline>().RunAsync(topic, FeedTexts.AsOf);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
        Assert.All(run.Diagnostics.Feeds, f => Assert.Contains("deadline", f.Error?.Reason, StringComparison.Ordinal));
        Assert.Equal(0, _server.Count("/queued.xml"));
        Assert.Equal(DigestRunStatus.Failed, run.Status);
    }

    [Fact]
    public async Task PrivateAddressGuard_IsOnByDefault_ALoopbackFeedIsBlocked()
    {
        Assert.True(new HttpFeedOptions().BlockPrivateAddresses);
        var url = _server.MapFeed("/local.xml", FeedTexts.Rss("Local story"));
        var services = new ServiceCollection();
        services.AddNewsPerspectives(o => o.Relevance.Enabled = false).AddHttpFeeds();
        await using var provider = services.BuildServiceProvider();
        var run = await provider.GetRequiredService<DigestPipeline>().RunAsync(FeedTexts.Topic([(FeedKind.Url, url, "good")]), FeedTexts.AsOf);
        var outcome = Assert.Single(run.Diagnostics.Feeds);
        Assert.Equal(FeedErrorKind.Blocked, outcome.Error?.Kind);
        Assert.Equal(0, _server.Count("/local.xml"));
    }

    [Theory]
    [InlineData("shift_jis")]
    [InlineData("koi8-r")]
    public async Task Utf8FeedServedUnderAnotherCharset_ReadsRight(string servedAs)
    {
        const string Title = "Привет, 日本 – Zürich";
        var url = _server.MapBytes($"/conflict-{servedAs}.xml", Encoding.UTF8.GetBytes(FeedTexts.Rss(Title)), $"application/rss+xml; charset={servedAs}");
        var run = await RunAsync(url);
        Assert.Equal(FeedStatus.Ok, run.Diagnostics.Feeds[0].Status);
        Assert.Equal(Title, Assert.Single(run.Digest.Sources).Article.Title);
    }

    [Fact]
    public async Task DoctypeHiddenBehindAComment_IsRemoved_TheFeedParses()
    {
        var doc = """
            <?xml version="1.0"?>
            <!-- <!DOCTYPE x> -->
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
            <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
            <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
            <!ATTLIST item x CDATA "&h;">]>
            <rss version="2.0"><channel><title>Hidden</title><item><title>Story behind a hidden DOCTYPE</title><link>https://h.example/1</link><pubDate>Sun, 11 Jan 2026 10:00:00 GMT</pubDate></item></channel></rss>
            """;
        var run = await RunAsync(_server.MapFeed("/hidden-doctype.xml", doc));
        Assert.True(run.Diagnostics.Feeds[0].Status == FeedStatus.Ok, run.Diagnostics.Feeds[0].Error?.ToString());
        Assert.Equal("Story behind a hidden DOCTYPE", Assert.Single(run.Digest.Sources).Article.Title);
    }

    [Fact]
    public async Task HostileSourceElement_NeverReachesTheFrontMatterOrTheJson()
    {
        var item = """
            <item><title>Ports reopen after the storm - Scripted</title><link>https://news.example.com/ports</link><pubDate>Sun, 11 Jan 2026 10:00:00 GMT</pubDate>
            <source url="javascript:alert('src')">&lt;script&gt;alert(1)&lt;/script&gt;Scripted</source></item>
            """;
        var run = await RunAsync(_server.MapFeed("/source.xml", FeedTexts.Rss([], item)));
        var article = Assert.Single(run.Digest.Sources).Article;
        Assert.Equal("Scripted", article.Outlet);
        Assert.Equal("Ports reopen after the storm", article.Title);
        Assert.Null(article.OutletUrl);

        var json = await TestPipeline.RenderAsync(new JsonDigestWriter(), run);
        Assert.DoesNotContain("javascript:", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", json, StringComparison.OrdinalIgnoreCase);
        var post = await TestPipeline.RenderAsync(new HugoMarkdownWriter(), run);
        var front = new YamlStream();
        front.Load(new StringReader(post[4..post.IndexOf("\n---\n", 4, StringComparison.Ordinal)]));
        var sources = (YamlSequenceNode)((YamlMappingNode)front.Documents[0].RootNode)["sources"];
        Assert.Equal(["Scripted"], sources.Children.Select(n => ((YamlScalarNode)n).Value));
    }

    private static async Task<DigestRun> RunAsync(string url)
    {
        await using var services = HttpFeedIntegrationTests.Services(null, null);
        return await services.GetRequiredService<DigestPipeline>().RunAsync(FeedTexts.Topic([(FeedKind.Url, url, "good")]), FeedTexts.AsOf);
    }
}
