namespace NewsPerspectives;

/// <summary>A topic's relevance settings (YAML <c>relevance:</c>); each unset value falls back to <see cref="RelevanceOptions"/>.</summary>
public sealed class TopicRelevance
{
    /// <summary>Whether off-topic articles are dropped, or <see langword="null"/> for <see cref="RelevanceOptions.Enabled"/>.</summary>
    public bool? Enabled { get; init; }

    /// <summary>The score an article needs, or <see langword="null"/> for <see cref="RelevanceOptions.MinScore"/>.</summary>
    public double? MinScore { get; init; }

    /// <summary>Whether built-in side terms are used, or <see langword="null"/> for <see cref="RelevanceOptions.UseBuiltInTerms"/>.</summary>
    public bool? UseBuiltInTerms { get; init; }

    /// <summary>Whether the outlet's country can imply a side, or <see langword="null"/> for <see cref="RelevanceOptions.UseOutletCountry"/>.</summary>
    public bool? UseOutletCountry { get; init; }
}
