using System.Text;

namespace NewsPerspectives.Tests.Sources.Http;

public sealed class FeedValidatorCacheTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("np-cache-test-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string IndexPath => Path.Combine(_dir.FullName, "cache", "feeds.json");

    private static CachedFeedResponse Response(string body, string etag) => new()
    {
        ETag = etag,
        LastModified = "Sun, 11 Jan 2026 10:00:00 GMT",
        ContentType = "application/rss+xml; charset=utf-8",
        FinalUrl = "https://feeds.example.org/final.xml",
        Body = Encoding.UTF8.GetBytes(body),
        StoredAt = new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task FileCache_PersistsValidatorsBodiesAndRedirects_AcrossInstances()
    {
        using (var cache = new FileFeedValidatorCache(IndexPath))
        {
            await cache.SetAsync("https://a.example/feed", Response("<rss/>", "\"1\""));
            await cache.SetPermanentRedirectAsync("https://old.example/feed", "https://new.example/feed");
        }

        using var reopened = new FileFeedValidatorCache(IndexPath);
        var entry = await reopened.GetAsync("https://a.example/feed");
        Assert.NotNull(entry);
        Assert.Equal("\"1\"", entry.ETag);
        Assert.Equal("Sun, 11 Jan 2026 10:00:00 GMT", entry.LastModified);
        Assert.Equal("https://feeds.example.org/final.xml", entry.FinalUrl);
        Assert.Equal("<rss/>", Encoding.UTF8.GetString(entry.Body.Span));
        Assert.Equal("https://new.example/feed", await reopened.GetPermanentRedirectAsync("https://old.example/feed"));
        Assert.Null(await reopened.GetAsync("https://b.example/feed"));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(IndexPath)!, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task FileCache_SameEntriesInAnyOrder_GiveTheSameBytes()
    {
        var other = Path.Combine(_dir.FullName, "other", "feeds.json");
        using (var a = new FileFeedValidatorCache(IndexPath))
        {
            await a.SetAsync("https://a.example/feed", Response("A", "\"a\""));
            await a.SetAsync("https://b.example/feed", Response("B", "\"b\""));
        }

        using (var b = new FileFeedValidatorCache(other))
        {
            await b.SetAsync("https://b.example/feed", Response("B", "\"b\""));
            await b.SetAsync("https://a.example/feed", Response("A", "\"a\""));
        }

        Assert.Equal(await File.ReadAllBytesAsync(IndexPath), await File.ReadAllBytesAsync(other));
    }

    [Fact]
    public async Task FileCache_CorruptIndex_StartsEmptyAndIsRewritten()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(IndexPath)!);
        await File.WriteAllTextAsync(IndexPath, "{ this is not json");
        using var cache = new FileFeedValidatorCache(IndexPath);
        Assert.Null(await cache.GetAsync("https://a.example/feed"));
        await cache.SetAsync("https://a.example/feed", Response("A", "\"a\""));
        Assert.Contains("https://a.example/feed", await File.ReadAllTextAsync(IndexPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InMemoryCache_RoundTrips()
    {
        var cache = new InMemoryFeedValidatorCache();
        await cache.SetAsync("u", Response("A", "\"a\""));
        await cache.SetPermanentRedirectAsync("u", "v");
        Assert.Equal("\"a\"", (await cache.GetAsync("u"))!.ETag);
        Assert.Equal("v", await cache.GetPermanentRedirectAsync("u"));
    }
}
