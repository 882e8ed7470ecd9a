namespace NewsPerspectives;

/// <summary>Decides which side of a topic an article speaks for.</summary>
public interface IPerspectiveClassifier
{
    /// <summary>Classifies an article.</summary>
    /// <param name="article">The article.</param>
    /// <param name="topic">The topic whose sides are candidates.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The assignment, or <see langword="null"/> when this classifier cannot tell.</returns>
    ValueTask<PerspectiveAssignment?> ClassifyAsync(Article article, TopicDefinition topic, CancellationToken cancellationToken = default);
}

/// <summary>The seed's rule: an article speaks for the side of the feed that found it.</summary>
public sealed class FeedSideClassifier : IPerspectiveClassifier
{
    /// <inheritdoc/>
    public ValueTask<PerspectiveAssignment?> ClassifyAsync(Article article, TopicDefinition topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(topic);
        if (article.Feed.Side is not { } sideId || topic.FindSide(sideId) is not { } side)
        {
            return ValueTask.FromResult<PerspectiveAssignment?>(null);
        }

        return ValueTask.FromResult<PerspectiveAssignment?>(new PerspectiveAssignment
        {
            SideId = side.Id,
            Confidence = 1.0,
            Reason = $"found by the feed for {side.Name} ({article.Feed.DisplayName})",
        });
    }
}
