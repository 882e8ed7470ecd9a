using System.Globalization;
using System.Security;
using System.Text;

namespace NewsPerspectives.Tests.Sources.Http;

/// <summary>Feed documents and a two-sided topic for the fetching tests.</summary>
internal static class FeedTexts
{
    public static readonly DateTimeOffset AsOf = new(2026, 1, 12, 4, 0, 0, TimeSpan.Zero);

    public static string Rss(params string[] titles) => Rss(titles.Select((t, i) => (t, $"https://news.example.com/{Slug(t)}-{i}")).ToArray());

    public static string Rss((string Title, string Link)[] items, string? extraItemsXml = null)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Test feed</title><link>https://news.example.com/</link>\n");
        for (int i = 0; i < items.Length; i++)
        {
            var date = AsOf.AddHours(-1 - i).ToString("r", CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"<item><title>{SecurityElement.Escape(items[i].Title)}</title><link>{SecurityElement.Escape(items[i].Link)}</link><guid>{SecurityElement.Escape(items[i].Link)}</guid><pubDate>{date}</pubDate></item>\n");
        }

        sb.Append(extraItemsXml);
        sb.Append("</channel></rss>\n");
        return sb.ToString();
    }

    public static readonly string[] HealthyTitles = ["Healthy story about harbours", "Healthy story about trains", "Healthy story about rivers"];

    public static string HealthyFeed => Rss(HealthyTitles);

    /// <summary>A topic with a healthy feed on side "good" and the feed under test on side "bad".</summary>
    public static TopicDefinition Topic(string healthyUrl, string badUrl, FeedKind healthyKind = FeedKind.Url) => Topic([(healthyKind, healthyUrl, "good"), (FeedKind.Url, badUrl, "bad")]);

    public static TopicDefinition Topic(IReadOnlyList<(FeedKind Kind, string Location, string Side)> feeds) => new()
    {
        Id = "fetch-test",
        Name = "Fetch test",
        Sides = [new SideDefinition { Id = "good", Name = "Good" }, new SideDefinition { Id = "bad", Name = "Bad" }],
        Feeds = feeds.Select(f => new FeedDefinition { Kind = f.Kind, Location = f.Location, Side = f.Side }).ToArray(),
        Limits = new TopicLimits { MaxArticles = 200, BalanceSides = false },
    };

    private static string Slug(string title) => new(title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
