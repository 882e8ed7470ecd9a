namespace NewsPerspectives;

/// <summary>An item as a feed source read it, before normalisation.</summary>
public sealed class FeedItem
{
    /// <summary>The title as the feed gave it (may hold HTML and a " - Outlet" suffix).</summary>
    public string? Title { get; init; }

    /// <summary>The link as the feed gave it.</summary>
    public string? Link { get; init; }

    /// <summary>The item id (guid), if any.</summary>
    public string? Id { get; init; }

    /// <summary>The description or summary, possibly HTML.</summary>
    public string? Description { get; init; }

    /// <summary>The publication date text exactly as in the feed.</summary>
    public string? PublishedText { get; init; }

    /// <summary>The outlet name from the item's <c>&lt;source&gt;</c> element, if any.</summary>
    public string? SourceName { get; init; }

    /// <summary>The outlet URL from the item's <c>&lt;source url&gt;</c> attribute, if any.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>
    /// Why the item could not be read as it stands (e.g. a JSON Feed item that is not an object, or whose
    /// <c>title</c> is a number), or <see langword="null"/>; the normaliser drops such an item as
    /// <see cref="DropReason.MalformedItem"/> with this text, so it is reported rather than lost.
    /// </summary>
    public string? Problem { get; init; }
}

/// <summary>A normalised article: plain text, UTC date, canonical link and stable id.</summary>
/// <remarks>A record, so stages that refine an article (canonical outlet, collapsed copies) use <c>with</c> and keep every other property.</remarks>
public sealed record Article
{
    /// <summary>Stable id derived from the link (or guid), the same on every run.</summary>
    public required string Id { get; init; }

    /// <summary>Plain-text headline without the outlet suffix.</summary>
    public required string Title { get; init; }

    /// <summary>Absolute http(s) link.</summary>
    public required string Link { get; init; }

    /// <summary>Plain-text description (empty when the feed had none or it only repeated the title).</summary>
    public string Description { get; init; } = "";

    /// <summary>The outlet that published the article, as named by the feed (or the link's host).</summary>
    public required string Outlet { get; init; }

    /// <summary>The outlet's URL when the feed gave it.</summary>
    public string? OutletUrl { get; init; }

    /// <summary>
    /// The outlet name exactly as the feed published it (e.g. <c>China Daily Global Edition</c>), when
    /// <see cref="Outlet"/> was replaced by the registry's canonical name; otherwise <see langword="null"/>.
    /// </summary>
    public string? OutletAsPublished { get; init; }

    /// <summary>The ISO 3166-1 alpha-2 country of the outlet from the outlet registry (e.g. <c>CN</c>), or <see langword="null"/> when unknown.</summary>
    public string? OutletCountry { get; init; }

    /// <summary>Publication time in UTC.</summary>
    public required DateTimeOffset Published { get; init; }

    /// <summary>Language tag such as <c>en-US</c>, or <see langword="null"/> when unknown.</summary>
    public string? Language { get; init; }

    /// <summary>The feed that found the article.</summary>
    public required FeedDefinition Feed { get; init; }

    /// <summary>The position of the item in its feed (0-based), used as a stable tie-breaker.</summary>
    public int FeedPosition { get; init; }

    /// <summary>
    /// Other outlets that published the same story (near-identical headline) and were collapsed into this entry by
    /// <see cref="NearDuplicateFilter"/>, in the order they were read. Empty when there were none.
    /// </summary>
    public IReadOnlyList<ArticleCopy> AlsoPublishedBy { get; init; } = [];

    /// <inheritdoc/>
    public override string ToString() => $"{Title} - {Outlet}";
}

/// <summary>A near-identical copy of an article published by another outlet (or another edition of the same outlet).</summary>
public sealed class ArticleCopy
{
    /// <summary>The outlet of the copy, as named by its feed.</summary>
    public required string Outlet { get; init; }

    /// <summary>The copy's link.</summary>
    public required string Link { get; init; }

    /// <summary>The copy's headline.</summary>
    public required string Title { get; init; }

    /// <summary>The copy's publication time in UTC.</summary>
    public required DateTimeOffset Published { get; init; }
}

/// <summary>Which side an article speaks for, how sure the classifier is, and why.</summary>
public sealed class PerspectiveAssignment
{
    /// <summary>The side id.</summary>
    public required string SideId { get; init; }

    /// <summary>Confidence between 0 and 1.</summary>
    public required double Confidence { get; init; }

    /// <summary>A reason a person can read, such as "found by the feed for China".</summary>
    public required string Reason { get; init; }
}

/// <summary>An article with the side it was assigned to.</summary>
public sealed class ClassifiedArticle
{
    /// <summary>The article.</summary>
    public required Article Article { get; init; }

    /// <summary>The side assignment.</summary>
    public required PerspectiveAssignment Perspective { get; init; }

    /// <summary>The side id (shortcut for <c>Perspective.SideId</c>).</summary>
    public string SideId => Perspective.SideId;
}
