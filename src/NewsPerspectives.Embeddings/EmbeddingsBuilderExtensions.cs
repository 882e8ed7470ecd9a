using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsPerspectives;

/// <summary>Registers the semantic text similarity of NewsPerspectives.Embeddings.</summary>
public static class EmbeddingsBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="MiniLmTextSimilarity"/> (all-MiniLM-L6-v2, offline) as the <see cref="ITextSimilarity"/>,
    /// replacing any other. The story clusterer (registered by default) then uses it as its semantic
    /// second opinion.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static INewsPerspectivesBuilder UseEmbeddings(this INewsPerspectivesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<ITextSimilarity, MiniLmTextSimilarity>(_ => new MiniLmTextSimilarity()));
        return builder;
    }
}
