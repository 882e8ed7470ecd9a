using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsPerspectives;

/// <summary>Builder extensions for near-duplicate collapsing and same-event story clustering.</summary>
public static class StoriesBuilderExtensions
{
    /// <summary>Configures the <see cref="NearDuplicateFilter"/>, which <c>AddNewsPerspectives</c> registers after the relevance filter.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the filter's options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static INewsPerspectivesBuilder ConfigureNearDuplicates(this INewsPerspectivesBuilder builder, Action<NearDuplicateFilterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure<NewsPerspectivesOptions>(o => configure(o.NearDuplicates));
        return builder;
    }

    /// <summary>
    /// Uses the <see cref="StoryClusterer"/> (the default) as the story clusterer, replacing another one, with its options configured.
    /// A registered <see cref="ITextSimilarity"/> (for example from <c>UseEmbeddings()</c> in NewsPerspectives.Embeddings) is used as its semantic second opinion.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the clusterer's options; none when <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static INewsPerspectivesBuilder UseStoryClustering(this INewsPerspectivesBuilder builder, Action<StoryClustererOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure<NewsPerspectivesOptions>(o => configure(o.Stories));
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<IStoryClusterer>(sp =>
            new StoryClusterer(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NewsPerspectivesOptions>>().Value.Stories, sp.GetService<ITextSimilarity>())));
        return builder;
    }
}
