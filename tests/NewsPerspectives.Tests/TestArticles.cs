namespace NewsPerspectives.Tests;

/// <summary>Builds articles and topics for unit tests.</summary>
internal static class TestArticles
{
    public static FeedDefinition Feed(string? side = null, string? language = "en", string? region = "US") =>
        new() { Kind = FeedKind.File, Location = $"test:{side}", Side = side, Language = language, Region = region };

    public static Article Article(string title, string outlet = "Some Outlet", FeedDefinition? feed = null, string? country = null,
        string? outletUrl = null, string link = "https://example.com/a", string description = "", string? language = "en-US") => new()
    {
        Id = ArticleNormalizer.StableId(link),
        Title = title,
        Link = link,
        Description = description,
        Outlet = outlet,
        OutletUrl = outletUrl,
        OutletCountry = country,
        Published = new DateTimeOffset(2026, 1, 12, 1, 0, 0, TimeSpan.Zero),
        Language = language,
        Feed = feed ?? Feed(),
    };

    public static TopicDefinition Topic(string id, params SideDefinition[] sides) => new()
    {
        Id = id,
        Name = string.Join(" vs ", sides.Select(s => s.Name)),
        Sides = sides,
        Feeds = sides.Select(s => Feed(s.Id)).ToArray(),
    };

    public static SideDefinition Side(string id, string name, string[]? countries = null, string[]? outlets = null, string[]? aliases = null) =>
        new() { Id = id, Name = name, Countries = countries ?? [], Outlets = outlets ?? [], Aliases = aliases ?? [] };
}

/// <summary>A filter context whose dropped articles the test can read.</summary>
internal sealed class TestContext
{
    private TestContext(TopicDefinition topic)
    {
        Context = new ArticleFilterContext(topic, new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero), Dropped);
    }

    public List<DroppedArticle> Dropped { get; } = [];

    public ArticleFilterContext Context { get; }

    public static TestContext For(TopicDefinition topic) => new(topic);
}
