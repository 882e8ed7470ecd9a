using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace NewsPerspectives.Tests.Sources.Http;

/// <summary>Unit tests of <see cref="HttpFeedSource"/> over a hand-written stub handler.</summary>
public sealed class HttpFeedSourceTests
{
    private static FeedDefinition Feed(string url) => new() { Kind = FeedKind.Url, Location = url };

    private static HttpResponseMessage Rss(string body = "<rss version=\"2.0\"><channel><title>t</title><item><title>One</title><link>https://x.example/1</link></item></channel></rss>") =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/rss+xml") };

    [Fact]
    public async Task Request_CarriesAnHonestUserAgentAndFeedAcceptHeader()
    {
        var stub = new StubHttpMessageHandler(_ => Rss());
        using var client = new HttpClient(stub);
        using var source = new HttpFeedSource(client);
        var result = await source.ReadAsync(Feed("https://feeds.example.org/a.xml"));

        Assert.Equal(FeedStatus.Ok, result.Status);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("NewsPerspectives/0.1.0 (+https://github.com/newsperspectives/newsperspectives)", request.Headers.UserAgent.ToString());
        Assert.Contains("application/rss+xml", request.Headers.Accept.ToString(), StringComparison.Ordinal);
        Assert.False(request.Headers.Contains("If-None-Match"));
    }

    [Fact]
    public async Task UserAgentSetOnTheClient_Wins()
    {
        var stub = new StubHttpMessageHandler(_ => Rss());
        using var client = new HttpClient(stub);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("MyDigest/2.0");
        using var source = new HttpFeedSource(client);
        await source.ReadAsync(Feed("https://feeds.example.org/a.xml"));
        Assert.Equal("MyDigest/2.0", Assert.Single(stub.Requests).Headers.UserAgent.ToString());
    }

    [Fact]
    public async Task DeclaredLengthOverTheCap_IsTooLarge_WithoutReadingTheBody()
    {
        var stub = new StubHttpMessageHandler(_ =>
        {
            var content = new StreamContent(new UnreadableStream());
            content.Headers.ContentLength = 5_000_000;
            content.Headers.ContentType = new MediaTypeHeaderValue("application/rss+xml");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        using var client = new HttpClient(stub);
        using var source = new HttpFeedSource(client, new HttpFeedOptions { MaxResponseBytes = 1_000_000 });
        var result = await source.ReadAsync(Feed("https://feeds.example.org/big.xml"));

        Assert.Equal(FeedErrorKind.TooLarge, result.Error!.Kind);
        Assert.Equal(200, result.Error.StatusCode);
        Assert.Equal("application/rss+xml", result.Error.ContentType);
        Assert.Contains("5000000", result.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedirectFromHttpsToHttp_IsBlocked()
    {
        var stub = new StubHttpMessageHandler(_ => new HttpResponseMessage(HttpStatusCode.MovedPermanently) { Headers = { Location = new Uri("http://feeds.example.org/a.xml") } });
        using var client = new HttpClient(stub);
        using var source = new HttpFeedSource(client);
        var result = await source.ReadAsync(Feed("https://feeds.example.org/a.xml"));
        Assert.Equal(FeedErrorKind.Blocked, result.Error!.Kind);
        Assert.Equal(301, result.Error.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task RelativeLinks_ResolveAgainstTheFinalUrlAfterRedirects()
    {
        var stub = new StubHttpMessageHandler(request => request.RequestUri!.AbsolutePath == "/old.xml"
            ? new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("/news/sub/feed.xml", UriKind.Relative) } }
            : Rss("<rss version=\"2.0\"><channel><title>t</title><link>https://elsewhere.example/</link><item><title>Relative</title><link> ../story.html </link><pubDate>Sun, 11 Jan 2026 10:00:00 GMT</pubDate></item></channel></rss>"));
        using var client = new HttpClient(stub);
        using var source = new HttpFeedSource(client);
        var feed = Feed("https://feeds.example.org/old.xml");
        var result = await source.ReadAsync(feed);

        Assert.Equal("https://feeds.example.org/news/sub/feed.xml", result.BaseAddress);
        Assert.Null(result.MovedTo); // 302 is temporary: nothing to remember.
        var article = ArticleNormalizer.Normalize(result.Items[0], feed, result, 0).Article;
        Assert.Equal("https://feeds.example.org/news/story.html", article!.Link);
    }

    [Fact]
    public async Task NotModifiedWithoutACachedBody_IsNotModifiedWithNoItems()
    {
        var stub = new StubHttpMessageHandler(_ => new HttpResponseMessage(HttpStatusCode.NotModified));
        using var client = new HttpClient(stub);
        using var source = new HttpFeedSource(client);
        var result = await source.ReadAsync(Feed("https://feeds.example.org/a.xml"));
        Assert.Equal(FeedStatus.NotModified, result.Status);
        Assert.Empty(result.Items);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task ConditionalRequest_UsesTheStoredValidators_AndNotModifiedYieldsTheCachedItems()
    {
        var cache = new InMemoryFeedValidatorCache();
        int calls = 0;
        var stub = new StubHttpMessageHandler(request =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                var first = Rss();
                first.Headers.ETag = new EntityTagHeaderValue("\"abc\"", isWeak: true);
                first.Content.Headers.LastModified = new DateTimeOffset(2026, 1, 11, 10, 0, 0, TimeSpan.Zero);
                return first;
            }

            return new HttpResponseMessage(HttpStatusCode.NotModified);
        });
        using var client = new HttpClient(stub);
        using var source = new HttpFeedSource(client, cache: cache);
        Assert.Equal(FeedStatus.Ok, (await source.ReadAsync(Feed("https://feeds.example.org/a.xml"))).Status);
        var second = await source.ReadAsync(Feed("https://feeds.example.org/a.xml"));

        Assert.Equal(FeedStatus.NotModified, second.Status);
        Assert.Equal("One", Assert.Single(second.Items).Title);
        var conditional = stub.Requests.Last();
        Assert.Equal("W/\"abc\"", conditional.Headers.IfNoneMatch.ToString());
        Assert.Equal("Sun, 11 Jan 2026 10:00:00 GMT", conditional.Headers.GetValues("If-Modified-Since").Single());
    }

    [Fact]
    public async Task FailedBodies_AreNotCached()
    {
        var cache = new InMemoryFeedValidatorCache();
        var stub = new StubHttpMessageHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html><body>maintenance</body></html>", Encoding.UTF8, "text/html") };
            response.Headers.ETag = new EntityTagHeaderValue("\"maint\"");
            return response;
        });
        using var client = new HttpClient(stub);
        using var source = new HttpFeedSource(client, cache: cache);
        var result = await source.ReadAsync(Feed("https://feeds.example.org/a.xml"));
        Assert.Equal(FeedErrorKind.Parse, result.Error!.Kind);
        Assert.Equal("text/html; charset=utf-8", result.Error.ContentType);
        Assert.Null(await cache.GetAsync("https://feeds.example.org/a.xml"));
    }

    [Fact]
    public async Task ACacheThatCannotBeWritten_DoesNotFailTheFeed()
    {
        var stub = new StubHttpMessageHandler(_ =>
        {
            var response = Rss();
            response.Headers.ETag = new EntityTagHeaderValue("\"1\"");
            return response;
        });
        using var client = new HttpClient(stub);
        using var source = new HttpFeedSource(client, cache: new BrokenCache());
        var result = await source.ReadAsync(Feed("https://feeds.example.org/a.xml"));
        Assert.Equal(FeedStatus.Ok, result.Status);
        Assert.Single(result.Items);
    }

    private sealed class BrokenCache : IFeedValidatorCache
    {
        public ValueTask<CachedFeedResponse?> GetAsync(string url, CancellationToken cancellationToken = default) => ValueTask.FromResult<CachedFeedResponse?>(null);

        public ValueTask SetAsync(string url, CachedFeedResponse response, CancellationToken cancellationToken = default) => throw new NewsPerspectivesException("disk full");

        public ValueTask<string?> GetPermanentRedirectAsync(string url, CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(null);

        public ValueTask SetPermanentRedirectAsync(string url, string target, CancellationToken cancellationToken = default) => throw new NewsPerspectivesException("disk full");
    }

    [Theory]
    [InlineData("ftp://feeds.example.org/a.xml")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task NonHttpLocations_AreBlockedWithoutARequest(string location)
    {
        var stub = new StubHttpMessageHandler(_ => Rss());
        using var client = new HttpClient(stub);
        using var source = new HttpFeedSource(client);
        var result = await source.ReadAsync(Feed(location));
        Assert.Equal(FeedErrorKind.Blocked, result.Error!.Kind);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void CanRead_UrlAndGoogleNewsFeeds_NotFiles()
    {
        using var client = new HttpClient(new StubHttpMessageHandler(_ => Rss()));
        using var source = new HttpFeedSource(client);
        Assert.True(source.CanRead(new FeedDefinition { Kind = FeedKind.GoogleNews, Location = TopicConfigurationLoader.GoogleNewsUrl("a b", "en", "US"), Query = "a b" }));
        Assert.True(source.CanRead(Feed("https://x.example/")));
        Assert.False(source.CanRead(new FeedDefinition { Kind = FeedKind.File, Location = "/tmp/feed.xml" }));
    }

    [Fact]
    public void Options_AreValidated()
    {
        using var client = new HttpClient(new StubHttpMessageHandler(_ => Rss()));
        var perHost = Assert.Throws<ArgumentException>(() => new HttpFeedSource(client, new HttpFeedOptions { MaxConcurrentRequestsPerHost = 0 }));
        Assert.Equal("HttpFeedOptions.MaxConcurrentRequestsPerHost is 0; it must be 1 or more", perHost.Message.Split(" (Parameter")[0]);
        var timeout = Assert.Throws<ArgumentException>(() => new HttpFeedSource(client, new HttpFeedOptions { RequestTimeout = TimeSpan.Zero }));
        Assert.Equal("HttpFeedOptions.RequestTimeout", timeout.ParamName);
    }

    [Fact]
    public void RetryPredicate_SkipsARetryAfterBeyondTheDeadline_AndBlockedAddresses()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero));
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            HttpResponseMessage Response(int status, int? retryAfter, TimeSpan budget)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "https://x.example/");
                request.Options.Set(HttpFeedSource.DeadlineKey, time.GetUtcNow() + budget);
                var response = new HttpResponseMessage((HttpStatusCode)status) { RequestMessage = request };
                if (retryAfter is int seconds)
                {
                    response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
                }

                return response;
            }

            Assert.False(HttpFeedsBuilderExtensions.ShouldRetry(Outcome.FromResult(Response(429, 120, TimeSpan.FromSeconds(30))), context, time));
            Assert.True(HttpFeedsBuilderExtensions.ShouldRetry(Outcome.FromResult(Response(429, 2, TimeSpan.FromSeconds(30))), context, time));
            Assert.True(HttpFeedsBuilderExtensions.ShouldRetry(Outcome.FromResult(Response(503, null, TimeSpan.FromSeconds(30))), context, time));
            Assert.False(HttpFeedsBuilderExtensions.ShouldRetry(Outcome.FromResult(Response(404, null, TimeSpan.FromSeconds(30))), context, time));
            Assert.False(HttpFeedsBuilderExtensions.ShouldRetry(Outcome.FromException<HttpResponseMessage>(
                new HttpRequestException("connect", new BlockedAddressException("x", [IPAddress.Loopback]))), context, time));
            Assert.True(HttpFeedsBuilderExtensions.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), context, time));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    [Fact]
    public void AddHttpFeeds_RegistersTheSourceBesideFiles_AndAUserCacheWins()
    {
        var services = new ServiceCollection();
        var mine = new InMemoryFeedValidatorCache();
        services.AddSingleton<IFeedValidatorCache>(mine);
        var http = services.AddNewsPerspectives().AddHttpFeeds(o => o.MaxConcurrentRequestsPerHost = 3);
        Assert.Equal(typeof(HttpFeedSource).Name, http.Name);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var sources = provider.GetServices<IFeedSource>().ToArray();
        Assert.Contains(sources, s => s is FileFeedSource);
        Assert.Contains(sources, s => s is HttpFeedSource);
        Assert.Same(mine, provider.GetRequiredService<IFeedValidatorCache>());
    }
}
