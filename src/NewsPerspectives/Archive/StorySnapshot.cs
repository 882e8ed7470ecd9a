namespace NewsPerspectives;

/// <summary>A story as one run saw it: the record a story archive keeps for each day a story ran.</summary>
public sealed class StorySnapshot
{
    /// <summary>The run's id of the story (e.g. the clusterer's <see cref="Story.Id"/>), distinct within the run.</summary>
    public required string Id { get; init; }

    /// <summary>The story's representative headline.</summary>
    public required string Headline { get; init; }

    /// <summary>
    /// The story's terms, most telling first (see <see cref="FromStory"/>): continuation compares them, and the archive's
    /// index over their rarest ones finds the candidates. Single tokens without whitespace.
    /// </summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>Each covering side's article count and first article, in the topic's side order; sides without coverage are absent.</summary>
    public IReadOnlyList<SideCoverage> Coverage { get; init; } = [];

    /// <summary>The distinct outlets of the story's articles, in order of first appearance.</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];

    /// <summary>
    /// The snapshot of a clustered story: its id and representative headline; its terms (the headline's, then those
    /// of its other headlines by how many of them share each, at most <paramref name="maxTerms"/>); per side the article
    /// count and the earliest publication time; the outlets newest article first.
    /// </summary>
    /// <param name="story">The story.</param>
    /// <param name="maxTerms">The most terms kept. Default 24.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="story"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTerms"/> is less than 1.</exception>
    public static StorySnapshot FromStory(Story story, int maxTerms = StoryTerms.DefaultMaxTerms)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTerms, 1);
        var coverage = story.Articles
            .GroupBy(a => a.SideId, StringComparer.Ordinal)
            .Select(g => new SideCoverage { SideId = g.Key, Articles = g.Count(), FirstPublished = g.Min(a => a.Article.Published) });
        var order = story.CoverageBySide.Keys.ToList();
        return new StorySnapshot
        {
            Id = story.Id,
            Headline = story.Headline,
            Terms = StoryTerms.Of(story.Headline, story.Articles.Select(a => a.Article.Title), maxTerms),
            Coverage = coverage.OrderBy(c => order.IndexOf(c.SideId) is var i && i < 0 ? int.MaxValue : i).ThenBy(c => c.SideId, StringComparer.Ordinal).ToArray(),
            Outlets = story.Articles.Select(a => a.Article.Outlet).Distinct(StringComparer.Ordinal).ToArray(),
        };
    }
}
