using System.Globalization;
using System.Runtime.CompilerServices;

namespace NewsPerspectives;

/// <summary>Options of <see cref="RelevanceFilter"/>; a topic's <c>relevance</c> settings override them.</summary>
public sealed class RelevanceOptions
{
    /// <summary>Whether off-topic articles are dropped. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The score an article needs to be kept, or <see langword="null"/> (default) for the number of sides, at most 2:
    /// a two-sided topic keeps an article when it involves both sides (two sides named, or one side and a topic keyword,
    /// or one side named and the other implied by the outlet's country in a political context).
    /// </summary>
    public double? MinScore { get; set; }

    /// <summary>
    /// Whether the built-in terms of common sides (names, demonyms, capitals, leaders; e.g. China → Chinese, Beijing, Xi,
    /// PLA, 中国) and the keywords of known pairs (e.g. India–Pakistan → Kashmir) are used. Default <see langword="true"/>.
    /// </summary>
    public bool UseBuiltInTerms { get; set; } = true;

    /// <summary>
    /// Whether an outlet's country (from the outlet registry) can stand in for its side: a Chinese outlet's
    /// "FM reiterates stance towards Japan" involves China too. Needs a word of bilateral politics and no third
    /// country in the text. Default <see langword="true"/>.
    /// </summary>
    public bool UseOutletCountry { get; set; } = true;

    /// <summary>The rules: a minimum score, when set, is 0 or more.</summary>
    internal void Check(OptionChecks check)
    {
        if (MinScore is { } minScore)
        {
            check.AtLeast(minScore, 0, nameof(MinScore));
        }
    }
}

/// <summary>How relevant one article is to its topic, and why.</summary>
public sealed class RelevanceScore
{
    /// <summary>The score: one per side found, one for a topic keyword, one for a side implied by the outlet.</summary>
    public required double Score { get; init; }

    /// <summary>The score needed to keep the article.</summary>
    public required double MinScore { get; init; }

    /// <summary>Whether the article is kept.</summary>
    public bool IsRelevant => Score >= MinScore;

    /// <summary>For each side found in the text, the side id and the term that matched.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> SidesFound { get; init; }

    /// <summary>The ids of sides not found in the text.</summary>
    public required IReadOnlyList<string> SidesMissing { get; init; }

    /// <summary>The topic keyword that matched, or <see langword="null"/>.</summary>
    public string? Keyword { get; init; }

    /// <summary>The side implied by the outlet's country, or <see langword="null"/>.</summary>
    public string? ImpliedSide { get; init; }

    /// <summary>A reason a person can read, such as "relevance 1 of 2 needed: found Japan ('Takaichi'); China not found …".</summary>
    public required string Reason { get; init; }
}

/// <summary>
/// Drops articles that are not about the topic (<see cref="DropReason.OffTopic"/>, with the score and what was and
/// was not found). An article is scored on its title and description against each side's name, aliases and built-in
/// terms, the topic's keywords, and the outlet's country; see <see cref="RelevanceOptions"/>.
/// </summary>
/// <remarks>Run it after <see cref="OutletNormalizationFilter"/>, which sets <see cref="Article.OutletCountry"/>.</remarks>
public sealed class RelevanceFilter : IArticleFilter
{
    private readonly RelevanceOptions _options;
    private readonly ConditionalWeakTable<TopicDefinition, CompiledTopic> _compiled = new();

    /// <summary>Creates the filter.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><see cref="RelevanceOptions.MinScore"/> is negative or not a number.</exception>
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
        var compiled = _compiled.GetValue(topic, t => new CompiledTopic(t, _options));
        var text = new TextForMatching(article.Description.Length == 0 ? article.Title : article.Title + "\n" + article.Description, article.Language);

        var found = new List<KeyValuePair<string, string>>();
        var missing = new List<string>();
        foreach (var side in compiled.Sides)
        {
            if (side.Terms.FirstOrDefault(t => t.IsFoundIn(text)) is { } term)
            {
                found.Add(new(side.Side.Id, term.Text));
            }
            else
            {
                missing.Add(side.Side.Id);
            }
        }

        var keyword = compiled.Keywords.FirstOrDefault(t => t.IsFoundIn(text))?.Text;
        double score = found.Count + (keyword is null ? 0 : 1);
        var minScore = topic.Relevance?.MinScore ?? _options.MinScore ?? Math.Min(2, topic.Sides.Count);

        string? implied = null;
        string? impliedNote = null;
        if (score < minScore && compiled.UseOutletCountry && found.Count > 0 && article.OutletCountry is { } country)
        {
            var side = compiled.Sides.FirstOrDefault(s => missing.Contains(s.Side.Id) && s.Countries.Contains(country, StringComparer.Ordinal));
            if (side is not null)
            {
                var cue = compiled.Cues.FirstOrDefault(t => t.IsFoundIn(text));
                var third = compiled.ThirdParties.FirstOrDefault(t => t.IsFoundIn(text));
                if (cue is not null && third is null)
                {
                    implied = side.Side.Id;
                    score += 1;
                }
                else
                {
                    impliedNote = cue is null
                        ? $"outlet {article.Outlet} is {country} ({side.Side.Name}) but no word of bilateral politics was found"
                        : $"outlet {article.Outlet} is {country} ({side.Side.Name}) but the text names a third party ('{third!.Text}')";
                }
            }
        }

        return new RelevanceScore
        {
            Score = score,
            MinScore = minScore,
            SidesFound = found,
            SidesMissing = missing,
            Keyword = keyword,
            ImpliedSide = implied,
            Reason = Explain(topic, score, minScore, found, missing, keyword, implied, impliedNote, compiled.Keywords.Length > 0),
        };
    }

    private static string Explain(TopicDefinition topic, double score, double minScore, List<KeyValuePair<string, string>> found, List<string> missing,
        string? keyword, string? implied, string? impliedNote, bool hasKeywords)
    {
        string Name(string id) => topic.FindSide(id)?.Name ?? id;
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"relevance {score:0.##} of {minScore:0.##} needed"),
        };
        if (found.Count > 0)
        {
            parts.Add("found " + string.Join(", ", found.Select(f => $"{Name(f.Key)} ('{f.Value}')")));
        }

        var notFound = missing.Where(id => id != implied).Select(Name).ToList();
        if (notFound.Count > 0)
        {
            parts.Add("not found: " + string.Join(", ", notFound));
        }

        if (implied is not null)
        {
            parts.Add($"{Name(implied)} implied by the outlet's country");
        }
        else if (impliedNote is not null)
        {
            parts.Add(impliedNote);
        }

        parts.Add(keyword is not null ? $"keyword '{keyword}'" : hasKeywords ? "no topic keyword" : "the topic has no keywords");
        return string.Join("; ", parts);
    }

    private sealed class CompiledSide(SideDefinition side, Term[] terms, string[] countries)
    {
        public SideDefinition Side { get; } = side;

        public Term[] Terms { get; } = terms;

        public string[] Countries { get; } = countries;
    }

    private sealed class CompiledTopic
    {
        public CompiledTopic(TopicDefinition topic, RelevanceOptions options)
        {
            bool builtIn = topic.Relevance?.UseBuiltInTerms ?? options.UseBuiltInTerms;
            UseOutletCountry = (topic.Relevance?.UseOutletCountry ?? options.UseOutletCountry) && topic.Sides.Count >= 2;
            var entries = topic.Sides.Select(s => builtIn ? SideLexicon.Find(s) : null).ToArray();
            Sides = topic.Sides.Select((side, i) => new CompiledSide(
                side,
                Term.Compile(side.Aliases.Prepend(side.Name).Concat(entries[i]?.Terms ?? [])),
                side.Countries.Count > 0 ? side.Countries.ToArray() : entries[i]?.Countries ?? [])).ToArray();

            var keywords = new List<string>(topic.Keywords);
            if (builtIn)
            {
                var ids = entries.Where(e => e is not null).Select(e => e!.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                for (int a = 0; a < ids.Length; a++)
                {
                    for (int b = a + 1; b < ids.Length; b++)
                    {
                        keywords.AddRange(SideLexicon.PairKeywords.GetValueOrDefault((ids[a], ids[b])) ?? []);
                    }
                }
            }

            Keywords = Term.Compile(keywords);
            Cues = Term.Compile(SideLexicon.RelationCues);
            // A third party that is one of the topic's own sides is not a third party.
            var own = topic.Sides.SelectMany((s, i) => s.Aliases.Prepend(s.Name).Concat(entries[i]?.Keys ?? [])).ToArray();
            ThirdParties = Term.Compile(SideLexicon.ThirdParties)
                .Where(t => !own.Any(name => t.IsFoundIn(new TextForMatching(name, null))))
                .ToArray();
        }

        public CompiledSide[] Sides { get; }

        public Term[] Keywords { get; }

        public Term[] Cues { get; }

        public Term[] ThirdParties { get; }

        public bool UseOutletCountry { get; }
    }
}
