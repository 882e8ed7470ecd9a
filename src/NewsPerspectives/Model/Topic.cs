namespace NewsPerspectives;

/// <summary>A topic to digest: its sides, the feeds that find its articles, and its limits.</summary>
public sealed class TopicDefinition
{
    /// <summary>Stable identifier, a lowercase slug such as <c>china-japan</c>. Used in paths and front matter.</summary>
    public required string Id { get; init; }

    /// <summary>Display name, such as <c>China vs Japan</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The sides whose coverage is compared, in display order.</summary>
    public required IReadOnlyList<SideDefinition> Sides { get; init; }

    /// <summary>The feeds that find the topic's articles.</summary>
    public required IReadOnlyList<FeedDefinition> Feeds { get; init; }

    /// <summary>Selection limits. Defaults: 20 articles, 5 days, balanced sides.</summary>
    public TopicLimits Limits { get; init; } = new();

    /// <summary>Extra keywords that make an article relevant to the topic (empty: derived from the side names).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The topic's relevance settings, overriding <see cref="RelevanceOptions"/>; <see langword="null"/> to use the options.</summary>
    public TopicRelevance? Relevance { get; init; }

    /// <summary>Returns the side with the given id, or <see langword="null"/>.</summary>
    /// <param name="sideId">The side id.</param>
    public SideDefinition? FindSide(string sideId) =>
        Sides.FirstOrDefault(s => string.Equals(s.Id, sideId, StringComparison.Ordinal));
}

/// <summary>One side of a topic, such as <c>china</c> / <c>China</c>.</summary>
public sealed class SideDefinition
{
    /// <summary>Identifier, a slug such as <c>china</c>; the front matter key is <c>{id}Sources</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name, such as <c>China</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Other names of the side used for relevance (e.g. <c>Chinese</c>, <c>Beijing</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// ISO 3166-1 alpha-2 codes of the countries whose outlets speak for this side (e.g. <c>CN</c>, <c>HK</c>), used by
    /// <see cref="OutletRegistryClassifier"/> and by relevance. Empty (default): no country rule.
    /// </summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Outlets that speak for this side whatever their country (canonical names or aliases from the outlet registry), used by <see cref="OutletRegistryClassifier"/>.</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];
}

/// <summary>How a feed is located.</summary>
public enum FeedKind
{
    /// <summary>A local file or a folder of feed files.</summary>
    File,

    /// <summary>An http(s) URL.</summary>
    Url,

    /// <summary>A Google News search, built from a query, a language and a region.</summary>
    GoogleNews,
}

/// <summary>A feed that finds articles for a topic, and the side it speaks for.</summary>
public sealed class FeedDefinition
{
    /// <summary>How the feed is located.</summary>
    public required FeedKind Kind { get; init; }

    /// <summary>The file or folder path (<see cref="FeedKind.File"/>) or the URL (<see cref="FeedKind.Url"/>); for Google News, the search URL built from the query.</summary>
    public required string Location { get; init; }

    /// <summary>The side this feed speaks for, or <see langword="null"/> when a classifier decides.</summary>
    public string? Side { get; init; }

    /// <summary>The Google News search query, for <see cref="FeedKind.GoogleNews"/>.</summary>
    public string? Query { get; init; }

    /// <summary>Language code such as <c>en</c>; with <see cref="Region"/> it makes the article tag <c>[en-US]</c>.</summary>
    public string? Language { get; init; }

    /// <summary>Region code such as <c>US</c>.</summary>
    public string? Region { get; init; }

    /// <summary>A label for diagnostics, such as the path as written in the configuration; <see langword="null"/> to use <see cref="DisplayName"/>'s default.</summary>
    public string? Name { get; init; }

    /// <summary>A short label for diagnostics and reasons: <see cref="Name"/>, else the query for Google News, else the location.</summary>
    public string DisplayName => Name ?? (Kind == FeedKind.GoogleNews && Query is not null ? $"google-news:{Query}" : Location);
}

/// <summary>Selection limits of a topic.</summary>
public sealed class TopicLimits
{
    /// <summary>The most articles a digest lists. Default 20 (the seed's <c>maxArticlesPerTopic</c>).</summary>
    public int MaxArticles { get; init; } = 20;

    /// <summary>How old an article may be at run time. Default 5 days (the seed's <c>articleMaxAge</c>).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(5);

    /// <summary>
    /// When <see langword="true"/> (default), each side first gets <c>floor(MaxArticles / sides)</c> articles,
    /// then the remaining places are filled round-robin across sides, as the seed did.
    /// When <see langword="false"/>, the newest articles win regardless of side.
    /// </summary>
    public bool BalanceSides { get; init; } = true;
}
