namespace NewsPerspectives.Tests.Stories;

/// <summary>Builds topics and articles for the story, duplicate and output tests.</summary>
internal static class StoryTestData
{
    public static readonly DateTimeOffset AsOf = new(2026, 3, 15, 4, 0, 0, TimeSpan.Zero);

    public static TopicDefinition Topic(string first = "china", string second = "japan")
    {
        var sides = new[] { first, second }.Select(id => new SideDefinition { Id = id, Name = char.ToUpperInvariant(id[0]) + id[1..] }).ToArray();
        return new TopicDefinition
        {
            Id = $"{first}-{second}",
            Name = $"{sides[0].Name} vs {sides[1].Name}",
            Sides = sides,
            Feeds = sides.Select(s => new FeedDefinition { Kind = FeedKind.File, Location = $"test:{s.Id}", Side = s.Id }).ToArray(),
        };
    }

    public static Article Article(TopicDefinition topic, string side, string title, string outlet, int hoursAgo = 1, string? link = null)
    {
        link ??= $"https://example.com/{outlet.ToLowerInvariant().Replace(' ', '-')}/{Math.Abs(StringComparer.Ordinal.GetHashCode(title)):x}";
        return new Article
        {
            Id = ArticleNormalizer.StableId(link),
            Title = title,
            Link = link,
            Outlet = outlet,
            Published = AsOf.AddHours(-hoursAgo),
            Feed = topic.Feeds.Single(f => f.Side == side),
        };
    }

    public static ClassifiedArticle Classified(TopicDefinition topic, string side, string title, string outlet, int hoursAgo = 1) => new()
    {
        Article = Article(topic, side, title, outlet, hoursAgo),
        Perspective = new PerspectiveAssignment { SideId = side, Confidence = 1, Reason = "test" },
    };

    /// <summary>The story that holds the article with this title.</summary>
    public static Story StoryOf(IReadOnlyList<Story> stories, string title) =>
        stories.Single(s => s.Articles.Any(a => a.Article.Title == title));
}
