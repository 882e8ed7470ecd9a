using System.Globalization;
using System.Runtime.CompilerServices;

namespace NewsPerspectives;

/// <summary>Options of <see cref="RelevanceFilter"/>; a topic's <c>relevance</c> settings override them.</summary>
public sealed class RelevanceOptions
{
    /// <summary>Whether off-topic articles are dropped. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The probability (0–1) an article needs to be kept, or <see langword="null"/> (default) for the model's
    /// <see cref="RelevanceModel.Threshold"/>. Lower keeps more tangential articles, higher drops more.
    /// </summary>
    public double? MinScore { get; set; }

    /// <summary>
    /// Whether the built-in terms of sides that are countries (names, demonyms, capitals, leaders, institutions and
    /// places, in English, Spanish and the country's own script; e.g. China → Chinese, Beijing, Xi, PLA, Shanghai, 中国)
    /// and the keywords of known pairs (e.g. India–Pakistan → Kashmir) are used. Default <see langword="true"/>.
    /// </summary>
    public bool UseBuiltInTerms { get; set; } = true;

    /// <summary>
    /// Whether the side an article's outlet speaks for (by the outlet's country, from the outlet registry) and the
    /// side of the feed that found it count: a Chinese outlet's "FM reiterates stance towards Japan" names Japan and
    /// speaks for China. Default <see langword="true"/>.
    /// </summary>
    public bool UseOutletCountry { get; set; } = true;

    /// <summary>The model's weights and threshold. Default <see cref="RelevanceModel.Default"/>, trained on the development labels.</summary>
    public RelevanceModel Model { get; set; } = RelevanceModel.Default;

    /// <summary>The rules: a minimum score, when set, is a probability between 0 and 1; the model is set.</summary>
    internal void Check(OptionChecks check)
    {
        if (MinScore is { } minScore)
        {
            check.Between(minScore, 0, 1, nameof(MinScore));
        }

        check.NotNull(Model, nameof(Model));
    }
}

/// <summary>How relevant one article is to its topic, and why.</summary>
public sealed class RelevanceScore
{
    /// <summary>The probability (0–1) that the article is on topic, from <see cref="RelevanceModel"/>.</summary>
    public required double Score { get; init; }

    /// <summary>The probability needed to keep the article.</summary>
    public required double MinScore { get; init; }

    /// <summary>Whether the article is kept.</summary>
    public bool IsRelevant => Score >= MinScore;

    /// <summary>For each side found in the text, the side id and the term that matched.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> SidesFound { get; init; }

    /// <summary>The ids of sides not found in the text.</summary>
    public required IReadOnlyList<string> SidesMissing { get; init; }

    /// <summary>The topic keyword that matched, or <see langword="null"/>.</summary>
    public string? Keyword { get; init; }

    /// <summary>The side the article speaks for (by its outlet's country, else its feed) when the text names only other sides, or <see langword="null"/>.</summary>
    public string? ImpliedSide { get; init; }

    /// <summary>The value of every feature of <see cref="RelevanceModel.FeatureNames"/> for this article.</summary>
    public required IReadOnlyDictionary<string, double> Features { get; init; }

    /// <summary>A reason a person can read, such as "relevance 0.12 of 0.45 needed; found Japan ('Tokyo'); not found: China; domestic affairs 'rain'".</summary>
    public required string Reason { get; init; }
}

/// <summary>
/// Drops articles that are not about the topic (<see cref="DropReason.OffTopic"/>, with the score and what it rests
/// on). An article is scored on its title and description by a logistic model (<see cref="RelevanceModel"/>) over
/// general features: which sides it names and how (names, state and leaders, places), whether two sides are named
/// together or by a topic keyword, which side its outlet or feed speaks for, which classes of news vocabulary it uses
/// (diplomacy, security, disputes, economic ties, domestic affairs), and which other countries and international
/// bodies it names; see <see cref="RelevanceOptions"/>.
/// </summary>
/// <remarks>Run it after <see cref="OutletNormalizationFilter"/>, which sets <see cref="Article.OutletCountry"/>.</remarks>
public sealed class RelevanceFilter : IArticleFilter
{
    private readonly RelevanceOptions _options;
    private readonly ConditionalWeakTable<TopicDefinition, RelevanceSignals> _compiled = new();

    /// <summary>Creates the filter.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><see cref="RelevanceOptions.MinScore"/> is not a probability between 0 and 1, or <see cref="RelevanceOptions.Model"/> is null.</exception>
    public RelevanceFilter(RelevanceOptions? options = null)
    {
        _options = options ?? new RelevanceOptions();
        OptionChecks.Validate(nameof(RelevanceOptions), _options.Check);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Article>> FilterAsync(IReadOnlyList<Article> articles, ArticleFilterContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(context);
        if (!(context.Topic.Relevance?.Enabled ?? _options.Enabled))
        {
            return ValueTask.FromResult(articles);
        }

        var kept = new List<Article>(articles.Count);
        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var score = Score(article, context.Topic);
            if (score.IsRelevant)
            {
                kept.Add(article);
            }
            else
            {
                context.Drop(article, DropReason.OffTopic, score.Reason);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<Article>>(kept);
    }

    /// <summary>Scores one article against a topic.</summary>
    /// <param name="article">The article.</param>
    /// <param name="topic">The topic.</param>
    /// <returns>The score and the reason.</returns>
    public RelevanceScore Score(Article article, TopicDefinition topic)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(topic);
        var signals = _compiled.GetValue(topic, t => new RelevanceSignals(
            t,
            t.Relevance?.UseBuiltInTerms ?? _options.UseBuiltInTerms,
            t.Relevance?.UseOutletCountry ?? _options.UseOutletCountry));
        var evaluation = signals.Evaluate(article);
        var model = _options.Model;
        var score = model.Probability(evaluation.Features);
        var minScore = topic.Relevance?.MinScore ?? _options.MinScore ?? model.Threshold;
        return new RelevanceScore
        {
            Score = score,
            MinScore = minScore,
            SidesFound = evaluation.SidesFound,
            SidesMissing = evaluation.SidesMissing,
            Keyword = evaluation.Keyword,
            ImpliedSide = evaluation.ImpliedSide,
            Features = evaluation.Features,
            Reason = Explain(topic, score, minScore, evaluation),
        };
    }

    private static string Explain(TopicDefinition topic, double score, double minScore, RelevanceEvaluation evaluation)
    {
        string Name(string id) => topic.FindSide(id)?.Name ?? id;
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"relevance {score:0.00} of {minScore:0.00} needed"),
        };
        if (evaluation.SidesFound.Count > 0)
        {
            parts.Add("found " + string.Join(", ", evaluation.SidesFound.Select(f => $"{Name(f.Key)} ('{f.Value}')")));
        }

        if (evaluation.SidesMissing.Count > 0)
        {
            parts.Add("not found: " + string.Join(", ", evaluation.SidesMissing.Select(Name)));
        }

        parts.AddRange(evaluation.Evidence);
        return string.Join("; ", parts);
    }
}
