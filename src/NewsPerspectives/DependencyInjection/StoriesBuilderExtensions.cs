using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsPerspectives;

/// <summary>Builder extensions for near-duplicate collapsing and same-event story clustering.</summary>
public static class StoriesBuilderExtensions
{
    /// <summary>Adds the <see cref="NearDuplicateFilter"/> after the filters registered so far.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the filter's options; defaults when <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static INewsPerspectivesBuilder AddNearDuplicateFilter(this INewsPerspectivesBuilder builder, Action<NearDuplicateFilterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new NearDuplicateFilterOptions();
        configure?.Invoke(options);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleFilter, NearDuplicateFilter>(_ => new NearDuplicateFilter(options)));
        return builder;
    }

    /// <summary>
    /// Uses the <see cref="StoryClusterer"/> as the story clusterer. A registered <see cref="ITextSimilarity"/>
    /// (for example from <c>UseEmbeddings()</c> in NewsPerspectives.Embeddings) is used as its semantic second opinion.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the clusterer's options; defaults when <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static INewsPerspectivesBuilder UseStoryClustering(this INewsPerspectivesBuilder builder, Action<StoryClustererOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new StoryClustererOptions();
        configure?.Invoke(options);
        builder.Services.Replace(ServiceDescriptor.Singleton<IStoryClusterer>(sp => new StoryClusterer(options, sp.GetService<ITextSimilarity>())));
        return builder;
    }
}
