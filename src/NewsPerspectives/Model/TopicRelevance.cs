namespace NewsPerspectives;

/// <summary>A topic's relevance settings (YAML <c>relevance:</c>); each unset value falls back to <see cref="RelevanceOptions"/>.</summary>
public sealed class TopicRelevance
{
    /// <summary>Whether off-topic articles are dropped, or <see langword="null"/> for <see cref="RelevanceOptions.Enabled"/>.</summary>
    public bool? Enabled { get; init; }

    /// <summary>The probability (0–1) an article needs, or <see langword="null"/> for <see cref="RelevanceOptions.MinScore"/>.</summary>
    public double? MinScore { get; init; }

    /// <summary>Whether built-in side terms are used, or <see langword="null"/> for <see cref="RelevanceOptions.UseBuiltInTerms"/>.</summary>
    public bool? UseBuiltInTerms { get; init; }

    /// <summary>Whether the side of the outlet's country and of the feed count, or <see langword="null"/> for <see cref="RelevanceOptions.UseOutletCountry"/>.</summary>
    public bool? UseOutletCountry { get; init; }
}
