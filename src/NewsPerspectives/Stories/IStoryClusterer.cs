namespace NewsPerspectives;

/// <summary>Groups articles that report the same event, across sides.</summary>
public interface IStoryClusterer
{
    /// <summary>Clusters the articles into stories.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="articles">The classified articles.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every article in exactly one story; stories ordered by breadth, then recency.</returns>
    Task<IReadOnlyList<Story>> ClusterAsync(TopicDefinition topic, IReadOnlyList<ClassifiedArticle> articles, CancellationToken cancellationToken = default);
}
