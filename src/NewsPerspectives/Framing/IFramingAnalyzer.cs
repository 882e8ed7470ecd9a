namespace NewsPerspectives;

/// <summary>Finds the words and phrases each side uses distinctively for a topic.</summary>
public interface IFramingAnalyzer
{
    /// <summary>Compares each side's articles with the other sides' articles.</summary>
    /// <param name="topic">The topic (its sides, in order).</param>
    /// <param name="articles">The run's relevant, classified articles (listed or not).</param>
    /// <returns>One entry per side in topic order (empty when the topic has fewer than two sides).</returns>
    IReadOnlyList<SideFraming> Analyze(TopicDefinition topic, IReadOnlyList<ClassifiedArticle> articles);
}
