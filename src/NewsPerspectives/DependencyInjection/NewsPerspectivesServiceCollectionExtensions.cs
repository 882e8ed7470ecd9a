using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsPerspectives;

/// <summary>Registers NewsPerspectives in a service collection.</summary>
public static class NewsPerspectivesServiceCollectionExtensions
{
    /// <summary>The key of a configuration section that holds <see cref="NewsPerspectivesOptions"/>.</summary>
    public const string OptionsKey = "options";

    /// <summary>The key of a configuration section that holds <see cref="HttpFeedOptions"/>.</summary>
    public const string HttpKey = "http";

    /// <summary>
    /// Adds the pipeline and its default stages: local file feeds, the outlet registry (the registered
    /// <see cref="NewsPerspectivesConfiguration"/>'s <see cref="NewsPerspectivesConfiguration.Outlets"/>, else
    /// <see cref="OutletRegistry.Default"/>) with outlet normalisation, the age, exact-duplicate and relevance filters,
    /// the outlet-then-feed side classifier, the extractive summarizer, and the Hugo Markdown, JSON and HTML writers.
    /// Defaults are registered with <c>TryAdd*</c>, so a registration of your own (before or after, through the builder)
    /// wins, and calling this twice registers everything once. The options are validated when first used and, in a
    /// host, at start (<c>ValidateOnStart</c>): a value out of range fails with a message naming the option.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the default stages' options.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static INewsPerspectivesBuilder AddNewsPerspectives(this IServiceCollection services, Action<NewsPerspectivesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = OptionsChecker<NewsPerspectivesOptions>.Register(services, (o, check) => o.Check(check));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeedSource, FileFeedSource>(sp => new FileFeedSource(Options(sp).Parser)));
        services.TryAddSingleton<OutletRegistry>(sp => sp.GetService<NewsPerspectivesConfiguration>()?.Outlets ?? OutletRegistry.Default);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleFilter, OutletNormalizationFilter>(sp => new OutletNormalizationFilter(sp.GetRequiredService<OutletRegistry>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleFilter, AgeWindowFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleFilter, ExactDuplicateFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleFilter, RelevanceFilter>(sp => new RelevanceFilter(Options(sp).Relevance)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleFilter, NearDuplicateFilter>(sp => new NearDuplicateFilter(Options(sp).NearDuplicates)));
        services.TryAddSingleton<IStoryClusterer>(sp => new StoryClusterer(Options(sp).Stories, sp.GetService<ITextSimilarity>()));
        services.TryAddSingleton<IPerspectiveClassifier>(sp => new CompositeClassifier(
            new OutletRegistryClassifier(sp.GetRequiredService<OutletRegistry>()), new FeedSideClassifier()));
        services.TryAddSingleton<ISummarizer>(sp => new ExtractiveSummarizer(Options(sp).Summarizer));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDigestWriter, HugoMarkdownWriter>(sp => new HugoMarkdownWriter(Options(sp).Hugo)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDigestWriter, JsonDigestWriter>(sp => new JsonDigestWriter(Options(sp).Json)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDigestWriter, HtmlDigestWriter>(sp => new HtmlDigestWriter(Options(sp).Html)));
        services.TryAddSingleton(sp => new DigestPipeline(
            sp.GetServices<IFeedSource>(),
            sp.GetServices<IArticleFilter>(),
            sp.GetRequiredService<IPerspectiveClassifier>(),
            sp.GetRequiredService<ISummarizer>(),
            sp.GetRequiredService<TimeProvider>(),
            Options(sp).Pipeline,
            sp.GetService<IStoryClusterer>(),
            sp.GetService<ILogger<DigestPipeline>>(),
            new ExtractiveSummarizer(Options(sp).Summarizer)));
        return new NewsPerspectivesBuilder(services);
    }

    /// <summary>
    /// The one call for a loaded configuration: <see cref="AddNewsPerspectives(IServiceCollection, Action{NewsPerspectivesOptions})"/>
    /// with <paramref name="configuration"/> registered as the <see cref="NewsPerspectivesConfiguration"/> service, so
    /// its outlet registry (<c>settings.outlets</c>) is the one the pipeline uses. Its Google News base URL and limits
    /// are already in its topics' feeds and limits. Resolve it to run its topics.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration, e.g. from <see cref="TopicConfigurationLoader.LoadFile"/>; replaces one registered before.</param>
    /// <param name="configure">Configures the default stages' options.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static INewsPerspectivesBuilder AddNewsPerspectives(this IServiceCollection services, NewsPerspectivesConfiguration configuration, Action<NewsPerspectivesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Replace(ServiceDescriptor.Singleton(configuration));
        return services.AddNewsPerspectives(configure);
    }

    /// <summary>
    /// Configures NewsPerspectives from a configuration section (<c>appsettings.json</c>, environment variables such as
    /// <c>NewsPerspectives__options__Pipeline__MaxConcurrentFeeds</c>, a YAML file as a configuration source, …):
    /// <list type="bullet">
    /// <item><c>options</c> binds <see cref="NewsPerspectivesOptions"/> (an unknown key is an error);</item>
    /// <item><c>http</c> binds <see cref="HttpFeedOptions"/> (used once you call <c>AddHttpFeeds()</c>);</item>
    /// <item><c>settings</c> and <c>topics</c>, laid out as in the YAML file, are read with the YAML loader's rules and
    /// registered as the <see cref="NewsPerspectivesConfiguration"/> service (with its outlet registry), checked when
    /// a host starts; relative paths resolve against the current folder.</item>
    /// </list>
    /// <paramref name="configure"/> runs after the binding, so values set in code win.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, such as <c>builder.Configuration.GetSection("NewsPerspectives")</c>.</param>
    /// <param name="configure">Configures the default stages' options after the binding.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static INewsPerspectivesBuilder AddNewsPerspectives(this IServiceCollection services, IConfiguration configuration, Action<NewsPerspectivesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NewsPerspectivesOptions>().Bind(configuration.GetSection(OptionsKey), o => o.ErrorOnUnknownConfiguration = true);
        services.AddOptions<HttpFeedOptions>().Bind(configuration.GetSection(HttpKey), o => o.ErrorOnUnknownConfiguration = true);
        if (configuration.GetSection("topics").Exists() || configuration.GetSection("settings").Exists())
        {
            services.Replace(ServiceDescriptor.Singleton(new ConfiguredTopics(configuration, Directory.GetCurrentDirectory())));
            services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<ConfiguredTopics>().Value));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConfiguredTopics.StartCheck>, ConfiguredTopics.Validator>());
            services.AddOptions<ConfiguredTopics.StartCheck>().ValidateOnStart();
        }

        return services.AddNewsPerspectives(configure);
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

    /// <summary>Replaces the summarizer.</summary>
    /// <typeparam name="TSummarizer">The summarizer type.</typeparam>
    /// <param name="builder">The builder.</param>
    public static INewsPerspectivesBuilder UseSummarizer<TSummarizer>(this INewsPerspectivesBuilder builder)
        where TSummarizer : class, ISummarizer
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<ISummarizer, TSummarizer>());
        return builder;
    }

    /// <summary>Sets the story clusterer.</summary>
    /// <typeparam name="TClusterer">The clusterer type.</typeparam>
    /// <param name="builder">The builder.</param>
    public static INewsPerspectivesBuilder UseStoryClusterer<TClusterer>(this INewsPerspectivesBuilder builder)
        where TClusterer : class, IStoryClusterer
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IStoryClusterer, TClusterer>());
        return builder;
    }

    /// <summary>Adds an output writer.</summary>
    /// <typeparam name="TWriter">The writer type.</typeparam>
    /// <param name="builder">The builder.</param>
    public static INewsPerspectivesBuilder AddWriter<TWriter>(this INewsPerspectivesBuilder builder)
        where TWriter : class, IDigestWriter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDigestWriter, TWriter>());
        return builder;
    }
}
