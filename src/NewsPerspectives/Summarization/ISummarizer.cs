namespace NewsPerspectives;

/// <summary>Writes the digest's highlights and per-side bullets, each citing its sources.</summary>
public interface ISummarizer
{
    /// <summary>Summarizes the numbered sources.</summary>
    /// <param name="request">The topic, numbered sources and stories.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary.</returns>
    Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What a summarizer works from.</summary>
public sealed class SummaryRequest
{
    /// <summary>The topic.</summary>
    public required TopicDefinition Topic { get; init; }

    /// <summary>The numbered sources the bullets may cite.</summary>
    public required IReadOnlyList<DigestSource> Sources { get; init; }

    /// <summary>Stories over every classified article, listed or not (empty when no clusterer ran); cite only articles that are in <see cref="Sources"/>.</summary>
    public IReadOnlyList<Story> Stories { get; init; } = [];

    /// <summary>The run's "as of" time.</summary>
    public required DateTimeOffset AsOf { get; init; }
}

/// <summary>A summarizer's answer.</summary>
public sealed class DigestSummary
{
    /// <summary>Overall highlights.</summary>
    public required IReadOnlyList<SummaryBullet> Highlights { get; init; }

    /// <summary>Bullets per side id.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<SummaryBullet>> SideBullets { get; init; }

    /// <summary>Notes for the diagnostics (fallbacks, dropped bullets, token usage).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
