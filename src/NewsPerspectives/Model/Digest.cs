namespace NewsPerspectives;

/// <summary>
/// A digest: the numbered sources, the stories they belong to, the framing of each side, the summary (highlights
/// and per-side bullets, each citing sources) and the counts per side. <see cref="DigestAssembler"/> builds it once
/// after clustering, without a summary; the summarizer reads it, and <see cref="WithSummary"/> adds the summary.
/// Every later stage (the checks, the formats) reads it and none recomputes it.
/// </summary>
public sealed class Digest
{
    /// <summary>The topic digested.</summary>
    public required TopicDefinition Topic { get; init; }

    /// <summary>The instant the digest was made for (the run's "as of" time, UTC).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The listed sources, numbered from 1, grouped by side in topic order, newest first within a side.</summary>
    public required IReadOnlyList<DigestSource> Sources { get; init; }

    /// <summary>Overall highlights, one per event (3-5 when there is enough material); empty before the summary.</summary>
    public required IReadOnlyList<SummaryBullet> Highlights { get; init; }

    /// <summary>One entry per side, in topic order: counts and that side's bullets.</summary>
    public required IReadOnlyList<SideDigest> Sides { get; init; }

    /// <summary>
    /// The stories (same-event clusters) in the clusterer's order (widest coverage first): every story holding a listed
    /// source, and every other story of at least <see cref="DigestAssemblyOptions.MinStoryArticles"/> articles. Each listed
    /// source is in exactly one of them.
    /// </summary>
    public IReadOnlyList<DigestStory> Stories { get; init; } = [];

    /// <summary>The words and phrases each side uses distinctively for the topic, one entry per side in topic order (empty when framing is off).</summary>
    public IReadOnlyList<SideFraming> Framing { get; init; } = [];

    /// <summary>How the summary was written. Default <see cref="SummaryKind.Extractive"/>.</summary>
    public SummaryKind SummaryKind { get; init; }

    /// <summary>The model that wrote a <see cref="SummaryKind.Generated"/> summary, when known; otherwise <see langword="null"/>.</summary>
    public string? SummaryModel { get; init; }

    /// <summary>The date of the digest in UTC, as used in titles and paths.</summary>
    public DateOnly Date => DateOnly.FromDateTime(GeneratedAt.UtcDateTime);

    /// <summary>Distinct outlets of the listed sources, in order of first appearance.</summary>
    public IReadOnlyList<string> Outlets =>
        Sources.Select(s => s.Article.Outlet).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The stories the formats list in their stories sections: those of at least <see cref="DigestAssemblyOptions.MinStoryArticles"/> articles.</summary>
    public IEnumerable<DigestStory> NotableStories => Stories.Where(s => s.IsNotable);

    /// <summary>
    /// What the formats say where the highlights would be when there are none: no articles, or none of the summary's
    /// lines passed the check against its sources; <see langword="null"/> when there are highlights.
    /// </summary>
    public string? NoHighlightsNote => Highlights.Count > 0 ? null
        : Sources.Count == 0 ? "No highlights: no articles were found for this period."
        : "No highlights: no summary line passed the check against its sources.";

    /// <summary>The stories more than one side covered, in the clusterer's order: where the formats put each side's headline side by side.</summary>
    public IEnumerable<DigestStory> SharedStories => Stories.Where(s => s.Sides.Count > 1);

    /// <summary>Returns the story with the given id, or <see langword="null"/>.</summary>
    /// <param name="storyId">The story id.</param>
    public DigestStory? FindStory(string? storyId) =>
        storyId is null ? null : Stories.FirstOrDefault(s => string.Equals(s.Id, storyId, StringComparison.Ordinal));

    /// <summary>Returns the source with the given number, or <see langword="null"/>.</summary>
    /// <param name="number">The 1-based source number.</param>
    public DigestSource? FindSource(int number) =>
        number >= 1 && number <= Sources.Count && Sources[number - 1].Number == number
            ? Sources[number - 1]
            : Sources.FirstOrDefault(s => s.Number == number);

    /// <summary>The same digest with a summary's highlights, per-side bullets and provenance.</summary>
    /// <param name="summary">The summary (already checked: its citations are this digest's source numbers).</param>
    /// <returns>A new digest; this one is not changed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is null.</exception>
    public Digest WithSummary(DigestSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new Digest
        {
            Topic = Topic,
            GeneratedAt = GeneratedAt,
            Sources = Sources,
            Highlights = summary.Highlights,
            Sides = Sides.Select(side => new SideDigest
            {
                Side = side.Side,
                Count = side.Count,
                Found = side.Found,
                Bullets = summary.SideBullets.GetValueOrDefault(side.Side.Id) ?? [],
            }).ToArray(),
            Stories = Stories,
            Framing = Framing,
            SummaryKind = summary.Kind,
            SummaryModel = summary.Model,
        };
    }
}
