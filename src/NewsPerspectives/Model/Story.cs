namespace NewsPerspectives;

/// <summary>
/// A same-event cluster of articles, possibly across sides, as an <see cref="IStoryClusterer"/> found it. The digest
/// reads it through <see cref="DigestStory"/>, which adds what only makes sense within one digest (source numbers,
/// each side's headline, the blindspot side).
/// </summary>
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
