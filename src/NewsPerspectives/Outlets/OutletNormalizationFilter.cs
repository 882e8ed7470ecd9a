namespace NewsPerspectives;

/// <summary>
/// Replaces each article's outlet name with the outlet registry's canonical name (<c>Global Edition</c> →
/// <c>China Daily</c>, <c>news.cgtn.com</c> → <c>CGTN</c>, <c>新华网</c> → <c>Xinhua</c>) and records the outlet's
/// country, so that the digest's source list, front matter and counts use one name per outlet. The name as
/// published stays in <see cref="Article.OutletAsPublished"/>. Outlets the registry does not know keep the name
/// as published. Drops nothing.
/// </summary>
/// <remarks>Register it before the filters that compare outlets (duplicates) or use countries (relevance).</remarks>
public sealed class OutletNormalizationFilter : IArticleFilter
{
    private readonly OutletRegistry _registry;

    /// <summary>Creates the filter.</summary>
    /// <param name="registry">The registry; <see cref="OutletRegistry.Default"/> when <see langword="null"/>.</param>
    public OutletNormalizationFilter(OutletRegistry? registry = null) => _registry = registry ?? OutletRegistry.Default;

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Article>> FilterAsync(IReadOnlyList<Article> articles, ArticleFilterContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(context);
        var result = new Article[articles.Count];
        for (int i = 0; i < articles.Count; i++)
        {
            result[i] = Canonicalize(articles[i], _registry);
        }

        return ValueTask.FromResult<IReadOnlyList<Article>>(result);
    }

    /// <summary>Returns the article with its outlet resolved against a registry (the same instance when nothing changes).</summary>
    /// <param name="article">The article.</param>
    /// <param name="registry">The registry.</param>
    /// <returns>The article with the canonical outlet name and country.</returns>
    public static Article Canonicalize(Article article, OutletRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(registry);
        if (registry.Resolve(article.Outlet, article.OutletUrl, article.Link) is not { } match)
        {
            return article;
        }

        var name = match.Outlet.Name;
        bool renamed = !string.Equals(name, article.Outlet, StringComparison.Ordinal);
        var title = WithoutOutletSuffix(article.Title, name);
        if (!renamed && string.Equals(match.Outlet.Country, article.OutletCountry, StringComparison.Ordinal) && ReferenceEquals(title, article.Title))
        {
            return article;
        }

        return article with
        {
            Title = title,
            Outlet = name,
            OutletAsPublished = renamed ? article.OutletAsPublished ?? article.Outlet : article.OutletAsPublished,
            OutletCountry = match.Outlet.Country ?? article.OutletCountry,
        };
    }

    /// <summary>
    /// The title without a trailing " - Outlet" (or " | Outlet") naming the article's own outlet: Google News names an
    /// edition as the source ("Global Edition") and leaves the outlet in the title ("… - China Daily - Global Edition"),
    /// so the normaliser's suffix rule leaves "… - China Daily"; the canonical name shows the rest is the outlet too.
    /// </summary>
    private static string WithoutOutletSuffix(string title, string outlet)
    {
        foreach (var separator in Separators)
        {
            int cut = title.Length - outlet.Length - separator.Length;
            if (cut > 0 && title.EndsWith(outlet, StringComparison.OrdinalIgnoreCase)
                && string.CompareOrdinal(title, cut, separator, 0, separator.Length) == 0
                && !string.IsNullOrWhiteSpace(title[..cut]))
            {
                return title[..cut].TrimEnd();
            }
        }

        return title;
    }

    private static readonly string[] Separators = [" - ", " | ", " – "];
}
