namespace NewsPerspectives;

/// <summary>Removes articles that should not reach a digest, recording each one with its reason.</summary>
/// <remarks>Filters run in registration order after normalisation and before classification.</remarks>
public interface IArticleFilter
{
    /// <summary>Filters the articles.</summary>
    /// <param name="articles">The articles, in a stable order.</param>
    /// <param name="context">The topic, the run time and the sink for dropped articles.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The articles kept, in the same order.</returns>
    ValueTask<IReadOnlyList<Article>> FilterAsync(IReadOnlyList<Article> articles, ArticleFilterContext context, CancellationToken cancellationToken = default);
}

/// <summary>What a filter knows about the run.</summary>
public sealed class ArticleFilterContext
{
    private readonly List<DroppedArticle> _dropped;

    internal ArticleFilterContext(TopicDefinition topic, DateTimeOffset asOf, List<DroppedArticle> dropped)
    {
        Topic = topic;
        AsOf = asOf;
        _dropped = dropped;
    }

    /// <summary>The topic.</summary>
    public TopicDefinition Topic { get; }

    /// <summary>The run's "as of" time.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Records a dropped article.</summary>
    /// <param name="article">The article.</param>
    /// <param name="reason">The reason code.</param>
    /// <param name="detail">Detail a person can read.</param>
    public void Drop(Article article, DropReason reason, string detail)
    {
        ArgumentNullException.ThrowIfNull(article);
        _dropped.Add(new DroppedArticle { Reason = reason, Detail = detail, Title = article.Title, Link = article.Link, Feed = article.Feed });
    }
}

/// <summary>Keeps articles published within the topic's maximum age before the run time, and not after it.</summary>
public sealed class AgeWindowFilter : IArticleFilter
{
    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Article>> FilterAsync(IReadOnlyList<Article> articles, ArticleFilterContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(context);
        var oldest = context.AsOf - context.Topic.Limits.MaxAge;
        var kept = new List<Article>(articles.Count);
        foreach (var article in articles)
        {
            if (article.Published < oldest)
            {
                context.Drop(article, DropReason.TooOld, $"published {Iso(article.Published)}, before the window start {Iso(oldest)}");
            }
            else if (article.Published > context.AsOf)
            {
                context.Drop(article, DropReason.InFuture, $"published {Iso(article.Published)}, after the run time {Iso(context.AsOf)}");
            }
            else
            {
                kept.Add(article);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<Article>>(kept);
    }

    private static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Removes articles whose link (or id) another article already has; the first in feed order wins.</summary>
public sealed class ExactDuplicateFilter : IArticleFilter
{
    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Article>> FilterAsync(IReadOnlyList<Article> articles, ArticleFilterContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(context);
        var seen = new Dictionary<string, Article>(StringComparer.Ordinal);
        var kept = new List<Article>(articles.Count);
        foreach (var article in articles)
        {
            if (seen.TryGetValue(article.Id, out var first))
            {
                context.Drop(article, DropReason.DuplicateLink, $"same link as '{first.Title}' from {first.Feed.DisplayName}");
                continue;
            }

            seen.Add(article.Id, article);
            kept.Add(article);
        }

        return ValueTask.FromResult<IReadOnlyList<Article>>(kept);
    }
}
