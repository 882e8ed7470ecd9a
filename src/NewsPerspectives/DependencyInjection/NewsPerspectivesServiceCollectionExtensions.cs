using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsPerspectives;

/// <summary>Registers NewsPerspectives in a service collection.</summary>
public static class NewsPerspectivesServiceCollectionExtensions
{
    /// <summary>
    /// The service key of the summarizer the pipeline runs: the registered <see cref="ISummarizer"/> wrapped by
    /// <see cref="SummarizerBuilderExtensions.UseFallbackAndChecks"/> (citation and support check, extractive fallback).
    /// Resolve it with <c>GetRequiredKeyedService&lt;ISummarizer&gt;(PipelineSummarizerKey)</c>.
    /// </summary>
    public const string PipelineSummarizerKey = "NewsPerspectives.PipelineSummarizer";

    /// <summary>
    /// Adds the pipeline and its default stages: local file feeds, the outlet registry (<see cref="OutletRegistry.Default"/>)
    /// with outlet normalisation, the age, exact-duplicate, relevance and near-duplicate filters, the outlet-then-feed side
    /// classifier, the story clusterer, the framing analyzer, the extractive summarizer (every summarizer runs through the
    /// citation and support check with the extractive fallback, see <see cref="PipelineSummarizerKey"/>), the Hugo
    /// Markdown, JSON and HTML formatters and the <see cref="DigestPublisher"/> that writes them. Defaults are
    /// registered with <c>TryAdd*</c>, so a registration of your own (before or after, through the builder) wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the default stages' options.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static INewsPerspectivesBuilder AddNewsPerspectives(this IServiceCollection services, Action<NewsPerspectivesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<NewsPerspectivesOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeedSource, FileFeedSource>(sp => new FileFeedSource(Options(sp).Parser)));
        services.TryAddSingleton(_ => OutletRegistry.Default);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleFilter, OutletNormalizationFilter>(sp => new OutletNormalizationFilter(sp.GetRequiredService<OutletRegistry>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleFilter, AgeWindowFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleFilter, ExactDuplicateFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleFilter, RelevanceFilter>(sp => new RelevanceFilter(Options(sp).Relevance)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleFilter, NearDuplicateFilter>(sp => new NearDuplicateFilter(Options(sp).NearDuplicates)));
        services.TryAddSingleton<IStoryClusterer>(sp => new StoryClusterer(Options(sp).Stories, sp.GetService<ITextSimilarity>()));
        services.TryAddSingleton<IPerspectiveClassifier>(sp => new CompositeClassifier(
            new OutletRegistryClassifier(sp.GetRequiredService<OutletRegistry>()), new FeedSideClassifier()));
        services.TryAddSingleton<IFramingAnalyzer>(sp => new LogOddsFramingAnalyzer(Options(sp).Framing));
        services.TryAddSingleton<ISummarizer>(sp => new ExtractiveSummarizer(Options(sp).Summarizer));
        // Every summarizer, the default or one of your own, runs checked and with the extractive fallback.
        services.TryAddKeyedSingleton<ISummarizer>(PipelineSummarizerKey, (sp, _) => sp.GetRequiredService<ISummarizer>()
            .AsBuilder()
            .UseFallbackAndChecks(Options(sp).Summarizer, Options(sp).SupportCheck)
            .Build(sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDigestFormatter, HugoMarkdownFormatter>(sp => new HugoMarkdownFormatter(Options(sp).Hugo)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDigestFormatter, JsonDigestFormatter>(sp => new JsonDigestFormatter(Options(sp).Json)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDigestFormatter, HtmlDigestFormatter>(sp => new HtmlDigestFormatter(Options(sp).Html)));
        services.TryAddSingleton(sp => new DigestPublisher(sp.GetServices<IDigestFormatter>(), Options(sp).Publisher));
        services.TryAddSingleton(sp => new DigestPipeline(
            sp.GetServices<IFeedSource>(),
            sp.GetServices<IArticleFilter>(),
            sp.GetRequiredService<IPerspectiveClassifier>(),
            sp.GetRequiredService<IStoryClusterer>(),
            sp.GetRequiredKeyedService<ISummarizer>(PipelineSummarizerKey),
            sp.GetRequiredService<TimeProvider>(),
            Options(sp).Pipeline,
            new DigestAssembler(Options(sp).Assembly, sp.GetRequiredService<IFramingAnalyzer>()),
            sp.GetService<ILogger<DigestPipeline>>()));
        return new NewsPerspectivesBuilder(services);
    }

    private static NewsPerspectivesOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<NewsPerspectivesOptions>>().Value;

    private sealed class NewsPerspectivesBuilder(IServiceCollection services) : INewsPerspectivesBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}

/// <summary>Builder extensions that add or replace pipeline stages.</summary>
public static class NewsPerspectivesBuilderExtensions
{
    /// <summary>Adds a feed source (in addition to the others; the first that can read a feed reads it).</summary>
    /// <typeparam name="TSource">The source type.</typeparam>
    /// <param name="builder">The builder.</param>
    public static INewsPerspectivesBuilder AddFeedSource<TSource>(this INewsPerspectivesBuilder builder)
        where TSource : class, IFeedSource
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeedSource, TSource>());
        return builder;
    }

    /// <summary>Adds an article filter, run after the default ones.</summary>
    /// <typeparam name="TFilter">The filter type.</typeparam>
    /// <param name="builder">The builder.</param>
    public static INewsPerspectivesBuilder AddArticleFilter<TFilter>(this INewsPerspectivesBuilder builder)
        where TFilter : class, IArticleFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleFilter, TFilter>());
        return builder;
    }

    /// <summary>Replaces the side classifier.</summary>
    /// <typeparam name="TClassifier">The classifier type.</typeparam>
    /// <param name="builder">The builder.</param>
    public static INewsPerspectivesBuilder UseClassifier<TClassifier>(this INewsPerspectivesBuilder builder)
        where TClassifier : class, IPerspectiveClassifier
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IPerspectiveClassifier, TClassifier>());
        return builder;
    }

    /// <summary>Replaces the outlet registry used for outlet names, countries and side rules (e.g. the default extended by a user's file).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="registry">The registry, such as <c>OutletRegistry.Default.Extend(OutletRegistryLoader.LoadFile("my-outlets.yaml"))</c>.</param>
    public static INewsPerspectivesBuilder UseOutletRegistry(this INewsPerspectivesBuilder builder, OutletRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(registry);
        builder.Services.Replace(ServiceDescriptor.Singleton(registry));
        return builder;
    }

    /// <summary>Replaces the summarizer. The pipeline runs it wrapped in the citation and support check, with the extractive summarizer as its fallback.</summary>
    /// <typeparam name="TSummarizer">The summarizer type.</typeparam>
    /// <param name="builder">The builder.</param>
    public static INewsPerspectivesBuilder UseSummarizer<TSummarizer>(this INewsPerspectivesBuilder builder)
        where TSummarizer : class, ISummarizer
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<ISummarizer, TSummarizer>());
        return builder;
    }

    /// <summary>Sets the story clusterer (<see cref="NoStoryClusterer"/> makes every article a story of its own).</summary>
    /// <typeparam name="TClusterer">The clusterer type.</typeparam>
    /// <param name="builder">The builder.</param>
    public static INewsPerspectivesBuilder UseStoryClusterer<TClusterer>(this INewsPerspectivesBuilder builder)
        where TClusterer : class, IStoryClusterer
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IStoryClusterer, TClusterer>());
        return builder;
    }

    /// <summary>Adds an output format: the <see cref="DigestPublisher"/> writes it like the built-in ones (its folder from <see cref="DigestPublisherOptions.Folders"/>, else the format name).</summary>
    /// <typeparam name="TFormatter">The formatter type.</typeparam>
    /// <param name="builder">The builder.</param>
    public static INewsPerspectivesBuilder AddFormatter<TFormatter>(this INewsPerspectivesBuilder builder)
        where TFormatter : class, IDigestFormatter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDigestFormatter, TFormatter>());
        return builder;
    }
}
