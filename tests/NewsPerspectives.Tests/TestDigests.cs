namespace NewsPerspectives.Tests;

/// <summary>Digests for unit tests, assembled by the real <see cref="DigestAssembler"/> from hand-built articles and stories.</summary>
internal static class TestDigests
{
    /// <summary>The digest of listed articles (source n is <c>listed[n - 1]</c>) and stories; every article its own story when none are given.</summary>
    public static Digest Assemble(
        TopicDefinition topic,
        DateTimeOffset asOf,
        IReadOnlyList<ClassifiedArticle> listed,
        IReadOnlyList<Story>? stories = null,
        IReadOnlyList<ClassifiedArticle>? relevant = null,
        DigestAssemblyOptions? options = null,
        ICollection<string>? notes = null)
    {
        relevant ??= listed;
        stories ??= relevant.Select(NoStoryClusterer.Single).ToArray();
        return new DigestAssembler(options).Assemble(topic, asOf, listed, relevant, stories, notes);
    }

    /// <summary>The same digest (sources, summary, counts) with its stories replaced by these, assembled again.</summary>
    public static Digest WithStories(Digest digest, IReadOnlyList<Story> stories, DigestAssemblyOptions? options = null)
    {
        var items = digest.Sources.Select(s => s.Item).ToArray();
        var relevant = stories.SelectMany(s => s.Articles).Concat(items).DistinctBy(a => a.Article.Id).ToArray();
        var assembled = new DigestAssembler(options).Assemble(digest.Topic, digest.GeneratedAt, items, relevant, stories);
        return new Digest
        {
            Topic = digest.Topic,
            GeneratedAt = digest.GeneratedAt,
            Sources = assembled.Sources,
            Highlights = digest.Highlights,
            Sides = digest.Sides,
            Stories = assembled.Stories,
            Framing = digest.Framing,
            SummaryKind = digest.SummaryKind,
            SummaryModel = digest.SummaryModel,
        };
    }
}
