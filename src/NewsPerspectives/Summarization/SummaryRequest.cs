namespace NewsPerspectives;

/// <summary>What a summarizer works from: the digest as assembled, before its summary.</summary>
public sealed class SummaryRequest
{
    /// <summary>The assembled digest (sources, stories, framing, counts), with no highlights or bullets yet.</summary>
    public required Digest Digest { get; init; }

    /// <summary>The topic.</summary>
    public TopicDefinition Topic => Digest.Topic;

    /// <summary>The numbered sources the bullets may cite.</summary>
    public IReadOnlyList<DigestSource> Sources => Digest.Sources;

    /// <summary>
    /// The stories, in the clusterer's order: every listed source is in exactly one (a story of its own when it matched
    /// no other article). Stories without a listed source may be present (<see cref="DigestStory.SourceNumbers"/> empty).
    /// </summary>
    public IReadOnlyList<DigestStory> Stories => Digest.Stories;

    /// <summary>The run's "as of" time.</summary>
    public DateTimeOffset AsOf => Digest.GeneratedAt;
}
