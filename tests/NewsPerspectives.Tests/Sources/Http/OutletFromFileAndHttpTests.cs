using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Tests.Sources.Http;

/// <summary>One publisher's own feed names its outlet by the channel title, whether it is read from a file or over HTTP.</summary>
public sealed class OutletFromFileAndHttpTests : IDisposable
{
    private const string Feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0">
          <channel>
            <title>Madrid Daily</title>
            <link>https://www.capital-sport.example/</link>
            <description>Sport from the capital</description>
            <item>
              <title>Derby ends level after late equaliser</title>
              <link>https://capital-sport.example/football/derby-ends-level</link>
              <pubDate>Sun, 11 Jan 2026 21:00:00 GMT</pubDate>
            </item>
            <item>
              <title>Marathon route announced for spring</title>
              <link>https://www.capital-sport.example/athletics/marathon-route</link>
              <pubDate>Sun, 11 Jan 2026 18:30:00 GMT</pubDate>
            </item>
          </channel>
        </rss>
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("np-outlet-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string[] Outlets(FeedReadResult read, FeedDefinition feed)
    {
        Assert.Null(read.Error);
        return read.Items.Select((item, i) => ArticleNormalizer.Normalize(item, feed, read, i).Article!.Outlet).ToArray();
    }

    [Fact]
    public async Task TheSameFeed_FromAFileAndOverHttp_HasTheSameOutlet_TheChannelTitle()
    {
        var path = Path.Combine(_folder, "madrid.xml");
        await File.WriteAllTextAsync(path, Feed);
        var fileFeed = new FeedDefinition { Kind = FeedKind.File, Location = path };
        var fromFile = Outlets(await new FileFeedSource().ReadAsync(fileFeed), fileFeed);

        await using var server = await LoopbackFeedServer.StartAsync();
        var urlFeed = new FeedDefinition { Kind = FeedKind.Url, Location = server.MapFeed("/madrid.xml", Feed) };
        var services = new ServiceCollection();
        services.AddNewsPerspectives().AddHttpFeeds(o => o.BlockPrivateAddresses = false); // the guard's opt-out: served from 127.0.0.1
        await using var provider = services.BuildServiceProvider();
        var http = provider.GetServices<IFeedSource>().OfType<HttpFeedSource>().Single();
        var overHttp = Outlets(await http.ReadAsync(urlFeed), urlFeed);

        Assert.Equal(["Madrid Daily", "Madrid Daily"], fromFile);
        Assert.Equal(fromFile, overHttp);
    }
}
