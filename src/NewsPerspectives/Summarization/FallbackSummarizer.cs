using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NewsPerspectives;

/// <summary>
/// Uses a fallback summarizer when the wrapped one fails: it throws (anything but the caller's cancellation; a
/// <see cref="SummarizerException"/> gives the reason and its notes), or it gives no bullet at all for a request that
/// has sources (for example every bullet failed the citation and support check). The reason is noted in the summary's
/// notes, e.g. <c>chat summarizer: no answer within 30 s; used the ExtractiveSummarizer instead</c>.
/// </summary>
public sealed class FallbackSummarizer : DelegatingSummarizer
{
    private readonly ISummarizer _fallback;
    private readonly ILogger _logger;

    /// <summary>Wraps a summarizer with a fallback.</summary>
    /// <param name="innerSummarizer">The summarizer tried first.</param>
    /// <param name="fallback">The summarizer used when it fails (the default pipeline uses a checked <see cref="ExtractiveSummarizer"/>).</param>
    /// <param name="logger">Logs each fallback as a warning; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerSummarizer"/> or <paramref name="fallback"/> is null.</exception>
    public FallbackSummarizer(ISummarizer innerSummarizer, ISummarizer fallback, ILogger<FallbackSummarizer>? logger = null)
        : base(innerSummarizer)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        _fallback = fallback;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public override async Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        DigestSummary summary;
        try
        {
            summary = await InnerSummarizer.SummarizeAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ex is SummarizerException failure
                ? await FallBackAsync(request, failure.Notes, failure.Message, cancellationToken).ConfigureAwait(false)
                : await FallBackAsync(request, [], $"summarizer {NameOf(InnerSummarizer)} failed ({ex.GetType().Name}: {ex.Message})", cancellationToken).ConfigureAwait(false);
        }

        if (request.Sources.Count > 0 && !summary.AllBullets.Any())
        {
            return await FallBackAsync(request, summary.Notes, $"summarizer {NameOf(InnerSummarizer)} gave no bullet that passed the checks", cancellationToken).ConfigureAwait(false);
        }

        return summary;
    }

    private async Task<DigestSummary> FallBackAsync(SummaryRequest request, IReadOnlyList<string> notes, string reason, CancellationToken cancellationToken)
    {
        var fallbackName = NameOf(_fallback);
        _logger.SummarizerFellBack(fallbackName, request.Topic.Id, reason);
        var summary = await _fallback.SummarizeAsync(request, cancellationToken).ConfigureAwait(false);
        return summary.With(summary.Highlights, summary.SideBullets, [.. notes, $"{reason}; used the {fallbackName} instead", .. summary.Notes]);
    }
}
