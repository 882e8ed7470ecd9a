namespace NewsPerspectives;

/// <summary>
/// A summarizer that wraps another and, by default, passes every call on to it: the base of cross-cutting behaviour
/// (<see cref="FallbackSummarizer"/>, <see cref="CitationCheckingSummarizer"/>, or your own), as
/// Microsoft.Extensions.AI's <c>DelegatingChatClient</c> is for chat clients. Compose them with <see cref="SummarizerBuilder"/>.
/// </summary>
public abstract class DelegatingSummarizer : ISummarizer
{
    /// <summary>Wraps a summarizer.</summary>
    /// <param name="innerSummarizer">The wrapped summarizer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerSummarizer"/> is null.</exception>
    protected DelegatingSummarizer(ISummarizer innerSummarizer)
    {
        ArgumentNullException.ThrowIfNull(innerSummarizer);
        InnerSummarizer = innerSummarizer;
    }

    /// <summary>The wrapped summarizer.</summary>
    protected ISummarizer InnerSummarizer { get; }

    /// <inheritdoc/>
    public virtual Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default) =>
        InnerSummarizer.SummarizeAsync(request, cancellationToken);

    /// <summary>The name of the summarizer that does the work under any wrappers, for notes (e.g. <c>ChatClientSummarizer</c>).</summary>
    internal static string NameOf(ISummarizer summarizer)
    {
        while (summarizer is DelegatingSummarizer wrapper)
        {
            summarizer = wrapper.InnerSummarizer;
        }

        return summarizer.GetType().Name;
    }
}
