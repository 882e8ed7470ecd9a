namespace NewsPerspectives;

/// <summary>A numbered entry of the digest's source list.</summary>
public sealed class DigestSource
{
    /// <summary>The 1-based number that bullets cite.</summary>
    public required int Number { get; init; }

    /// <summary>The classified article.</summary>
    public required ClassifiedArticle Item { get; init; }

    /// <summary>The id of the story (<see cref="DigestStory.Id"/>) the article belongs to; <see langword="null"/> only in a digest built by hand without stories.</summary>
    public string? StoryId { get; init; }

    /// <summary>
    /// The other outlets that published the same article (collapsed near-duplicate copies, <see cref="Article.AlsoPublishedBy"/>),
    /// distinct and without the article's own outlet, in the order they were read: what the formats show as "also published by".
    /// </summary>
    public IReadOnlyList<string> OtherOutlets { get; init; } = [];

    /// <summary>The article.</summary>
    public Article Article => Item.Article;

    /// <summary>The side the article speaks for.</summary>
    public string SideId => Item.SideId;
}
