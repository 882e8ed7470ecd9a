namespace NewsPerspectives;

/// <summary>
/// Writes the digest's highlights and per-side bullets, each citing its sources. Summarizers read the stories the
/// pipeline assembled and never cluster. Cross-cutting behaviour (falling back on failure, checking citations and
/// support) wraps a summarizer as a <see cref="DelegatingSummarizer"/>, composed with <see cref="SummarizerBuilder"/>.
/// </summary>
public interface ISummarizer
{
    /// <summary>Summarizes the numbered sources.</summary>
    /// <param name="request">The assembled digest: topic, numbered sources and stories.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary.</returns>
    Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default);
}
