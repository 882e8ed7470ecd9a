namespace NewsPerspectives;

/// <summary>
/// Builds a pipeline of summarizers around an inner one, as Microsoft.Extensions.AI's <c>ChatClientBuilder</c> does
/// for chat clients: each <see cref="Use(Func{ISummarizer, ISummarizer})"/> adds a wrapper, and the first one added
/// is the outermost. <c>summarizer.AsBuilder().UseFallbackAndChecks().Build()</c> is what the pipeline runs.
/// </summary>
public sealed class SummarizerBuilder
{
    private readonly Func<IServiceProvider, ISummarizer> _inner;
    private readonly List<Func<ISummarizer, IServiceProvider, ISummarizer>> _wrappers = [];

    /// <summary>Starts a pipeline over a summarizer.</summary>
    /// <param name="innerSummarizer">The summarizer that does the work.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerSummarizer"/> is null.</exception>
    public SummarizerBuilder(ISummarizer innerSummarizer)
    {
        ArgumentNullException.ThrowIfNull(innerSummarizer);
        _inner = _ => innerSummarizer;
    }

    /// <summary>Starts a pipeline over a summarizer made from the services when the pipeline is built.</summary>
    /// <param name="innerSummarizerFactory">Makes the summarizer that does the work.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerSummarizerFactory"/> is null.</exception>
    public SummarizerBuilder(Func<IServiceProvider, ISummarizer> innerSummarizerFactory)
    {
        ArgumentNullException.ThrowIfNull(innerSummarizerFactory);
        _inner = innerSummarizerFactory;
    }

    /// <summary>Adds a wrapper around the summarizers added after it.</summary>
    /// <param name="wrapper">Wraps the summarizer it is given (e.g. <c>inner =&gt; new MyLoggingSummarizer(inner)</c>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="wrapper"/> is null.</exception>
    public SummarizerBuilder Use(Func<ISummarizer, ISummarizer> wrapper)
    {
        ArgumentNullException.ThrowIfNull(wrapper);
        return Use((inner, _) => wrapper(inner));
    }

    /// <summary>Adds a wrapper, made with the services, around the summarizers added after it.</summary>
    /// <param name="wrapper">Wraps the summarizer it is given.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="wrapper"/> is null.</exception>
    public SummarizerBuilder Use(Func<ISummarizer, IServiceProvider, ISummarizer> wrapper)
    {
        ArgumentNullException.ThrowIfNull(wrapper);
        _wrappers.Add(wrapper);
        return this;
    }

    /// <summary>Builds the pipeline: calls go through each wrapper in the order they were added, then to the inner summarizer.</summary>
    /// <param name="services">The services the factories may use; an empty provider when <see langword="null"/>.</param>
    /// <returns>The outermost summarizer.</returns>
    /// <exception cref="InvalidOperationException">A factory returned <see langword="null"/>.</exception>
    public ISummarizer Build(IServiceProvider? services = null)
    {
        services ??= EmptyServices.Instance;
        var summarizer = _inner(services) ?? throw new InvalidOperationException("the inner summarizer factory returned null");
        for (int i = _wrappers.Count - 1; i >= 0; i--)
        {
            summarizer = _wrappers[i](summarizer, services)
                ?? throw new InvalidOperationException($"summarizer wrapper {i} returned null");
        }

        return summarizer;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
