using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsPerspectives;

/// <summary>The standard wrappers of a summarizer pipeline.</summary>
public static class SummarizerBuilderExtensions
{
    /// <summary>Starts a <see cref="SummarizerBuilder"/> over this summarizer.</summary>
    /// <param name="innerSummarizer">The summarizer that does the work.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="innerSummarizer"/> is null.</exception>
    public static SummarizerBuilder AsBuilder(this ISummarizer innerSummarizer) => new(innerSummarizer);

    /// <summary>Adds a <see cref="FallbackSummarizer"/>: when what follows fails, <paramref name="fallback"/> writes the summary.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="fallback">The fallback summarizer.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static SummarizerBuilder UseFallback(this SummarizerBuilder builder, ISummarizer fallback)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(fallback);
        return builder.Use((inner, services) => new FallbackSummarizer(inner, fallback, services.GetService<ILogger<FallbackSummarizer>>()));
    }

    /// <summary>Adds a <see cref="CitationCheckingSummarizer"/>: every bullet's citations are checked against the listed sources and their text.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="supportCheck">The support check; one with default options when <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static SummarizerBuilder UseCitationCheck(this SummarizerBuilder builder, SupportCheck? supportCheck = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new CitationCheckingSummarizer(inner, supportCheck));
    }

    /// <summary>
    /// Adds what the pipeline wraps every summarizer in, and is the one place that makes its fallback: the citation and
    /// support check, and a fallback to the <see cref="ExtractiveSummarizer"/> (itself checked) when the summarizer fails
    /// or none of its bullets passes the check. The result is <c>Fallback(Check(summarizer), Check(extractive))</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="extractiveOptions">Options of the extractive fallback; defaults when <see langword="null"/>.</param>
    /// <param name="supportCheckOptions">Options of the support check; defaults when <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static SummarizerBuilder UseFallbackAndChecks(this SummarizerBuilder builder, ExtractiveSummarizerOptions? extractiveOptions = null, SupportCheckOptions? supportCheckOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var check = new SupportCheck(supportCheckOptions);
        var fallback = new ExtractiveSummarizer(extractiveOptions).AsBuilder().UseCitationCheck(check).Build();
        return builder.UseFallback(fallback).UseCitationCheck(check);
    }
}
