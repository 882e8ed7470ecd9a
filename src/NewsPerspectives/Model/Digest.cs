namespace NewsPerspectives;

/// <summary>A finished digest: numbered sources, summaries with citations, counts per side.</summary>
public sealed class Digest
{
    /// <summary>The topic digested.</summary>
    public required TopicDefinition Topic { get; init; }

    /// <summary>The instant the digest was made for (the run's "as of" time, UTC).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The listed sources, numbered from 1, grouped by side in topic order, newest first within a side.</summary>
    public required IReadOnlyList<DigestSource> Sources { get; init; }

    /// <summary>Overall highlights (3-5 when there is enough material).</summary>
    public required IReadOnlyList<SummaryBullet> Highlights { get; init; }

    /// <summary>One entry per side, in topic order: counts and that side's bullets.</summary>
    public required IReadOnlyList<SideDigest> Sides { get; init; }

    /// <summary>Same-event stories across sides, when a story clusterer ran; empty otherwise.</summary>
    public IReadOnlyList<Story> Stories { get; init; } = [];

    /// <summary>The date of the digest in UTC, as used in titles and paths.</summary>
    public DateOnly Date => DateOnly.FromDateTime(GeneratedAt.UtcDateTime);

    /// <summary>Distinct outlets of the listed sources, in order of first appearance.</summary>
    public IReadOnlyList<string> Outlets =>
        Sources.Select(s => s.Article.Outlet).Distinct(StringComparer.Ordinal).ToArray();
}

/// <summary>A numbered entry of the digest's source list.</summary>
public sealed class DigestSource
{
    /// <summary>The 1-based number that bullets cite.</summary>
    public required int Number { get; init; }

    /// <summary>The classified article.</summary>
    public required ClassifiedArticle Item { get; init; }

    /// <summary>The article.</summary>
    public Article Article => Item.Article;

    /// <summary>The side the article speaks for.</summary>
    public string SideId => Item.SideId;
}

/// <summary>A summary line and the numbers of the sources it rests on.</summary>
public sealed class SummaryBullet
{
    /// <summary>The text of the bullet.</summary>
    public required string Text { get; init; }

    /// <summary>Numbers of the cited sources (ascending, distinct, each an existing <see cref="DigestSource.Number"/>).</summary>
    public required IReadOnlyList<int> Citations { get; init; }
}

/// <summary>A side's part of the digest.</summary>
public sealed class SideDigest
{
    /// <summary>The side.</summary>
    public required SideDefinition Side { get; init; }

    /// <summary>How many sources of this side the digest lists.</summary>
    public required int Count { get; init; }

    /// <summary>How many relevant articles this side had before the cap (true coverage).</summary>
    public required int Found { get; init; }

    /// <summary>The side's bullets (about 4 when there is enough material).</summary>
    public required IReadOnlyList<SummaryBullet> Bullets { get; init; }
}

/// <summary>A same-event cluster of articles, possibly across sides.</summary>
public sealed class Story
{
    /// <summary>Stable id of the story.</summary>
    public required string Id { get; init; }

    /// <summary>A representative headline.</summary>
    public required string Headline { get; init; }

    /// <summary>The story's articles, newest first.</summary>
    public required IReadOnlyList<ClassifiedArticle> Articles { get; init; }

    /// <summary>Article count per side id (sides without coverage are absent or zero).</summary>
    public required IReadOnlyDictionary<string, int> CoverageBySide { get; init; }

    /// <summary>True when only one side of a multi-side topic covers the story.</summary>
    public bool IsBlindspot { get; init; }
}
