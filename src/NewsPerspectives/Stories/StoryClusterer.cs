using System.Security.Cryptography;
using System.Text;

namespace NewsPerspectives;

/// <summary>Options of <see cref="StoryClusterer"/>.</summary>
public sealed class StoryClustererOptions
{
    /// <summary>Two headlines report the same event when their IDF-weighted lexical cosine reaches this. Default 0.22 (tuned on the labelled seed posts).</summary>
    public double LexicalThreshold { get; set; } = 0.22;

    /// <summary>
    /// When a semantic <see cref="ITextSimilarity"/> is given, two headlines also report the same event when its score
    /// reaches this and they share at least one word. Default 0.7 (tuned for all-MiniLM-L6-v2 on the labelled seed headlines).
    /// </summary>
    public double SemanticThreshold { get; set; } = 0.7;

    /// <summary>How much the topic's own names (side ids, names and aliases) count, relative to other words. Default 0.25.</summary>
    public double TopicTermWeight { get; set; } = 0.25;

    /// <summary>Batches of at most this many articles compare every pair; larger ones use the inverted index. Default 256.</summary>
    public int ExhaustiveBelow { get; set; } = 256;

    /// <summary>Rarest terms of each headline probed in the inverted index (plus one per four terms). Default 3.</summary>
    public int SignatureTerms { get; set; } = 3;

    /// <summary>Neighbours in time order taken on each side in a probed posting list. Default 64.</summary>
    public int CandidateWindow { get; set; } = 64;

    /// <summary>
    /// When joining two groups of more than two headlines in all, the mean pairwise score between them (relative to
    /// the thresholds, capped at 1 per pair) must reach this, so chains of weak links don't merge different events. Default 0.3.
    /// </summary>
    public double MinCohesion { get; set; } = 0.3;

    /// <summary>Headlines published further apart than this are never the same event. Default 4 days.</summary>
    public TimeSpan MaxTimeApart { get; set; } = TimeSpan.FromDays(4);

    /// <summary>A story needs at least this many articles to be flagged as a blindspot. Default 2.</summary>
    public int MinArticlesForBlindspot { get; set; } = 2;

    /// <summary>Also cluster on the article description, not only the headline. Default <see langword="false"/>.</summary>
    public bool UseDescription { get; set; }

    /// <summary>The rules: thresholds above 0 and at most 1 (scores are divided by them); counts and windows at least 1.</summary>
    internal void Check(OptionChecks check)
    {
        check.Fraction(LexicalThreshold);
        check.Fraction(SemanticThreshold);
        check.AtLeast(TopicTermWeight, 0);
        check.AtLeast(ExhaustiveBelow, 0);
        check.AtLeast(SignatureTerms, 1);
        check.AtLeast(CandidateWindow, 1);
        check.Between(MinCohesion, 0, 1);
        check.Positive(MaxTimeApart);
        check.AtLeast(MinArticlesForBlindspot, 1);
    }
}

/// <summary>
/// Groups articles that report the same event, across sides. Candidate pairs come from an inverted index over
/// each headline's rarest terms (bounded windows, so the cost grows as n · terms · window, not n²; small batches
/// compare every pair), then a precise check (IDF-weighted cosine, optionally a semantic similarity), and
/// union-find joins the matches. Works for Chinese and Japanese (character bigrams) and Spanish (diacritics removed).
/// </summary>
/// <remarks>
/// Stories are ordered by breadth (sides, then outlets, then articles), then recency, then id; each story's
/// articles newest first. Output is deterministic for the same input.
/// </remarks>
public sealed class StoryClusterer : IStoryClusterer
{
    private readonly StoryClustererOptions _options;
    private readonly ITextSimilarity? _semantic;

    /// <summary>Creates the clusterer.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <param name="semantic">An optional second opinion (e.g. embeddings); lexical only when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public StoryClusterer(StoryClustererOptions? options = null, ITextSimilarity? semantic = null)
    {
        _options = options ?? new StoryClustererOptions();
        OptionChecks.Validate(nameof(StoryClustererOptions), _options.Check);
        _semantic = semantic is LexicalTextSimilarity ? null : semantic;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Story>> ClusterAsync(TopicDefinition topic, IReadOnlyList<ClassifiedArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0)
        {
            return [];
        }

        var texts = articles.Select(a => _options.UseDescription && a.Article.Description.Length > 0
            ? a.Article.Title + " " + a.Article.Description
            : a.Article.Title).ToArray();
        var topicTerms = TopicTerms(topic);
        var order = Enumerable.Range(0, articles.Count)
            .OrderBy(i => articles[i].Article.Published)
            .ThenBy(i => articles[i].Article.Id, StringComparer.Ordinal)
            .ThenBy(i => i)
            .ToArray();
        var index = TermIndex.Build(
            texts.Select(TermEquivalents.Terms).ToArray(),
            order,
            term => topicTerms.Contains(term) ? _options.TopicTermWeight : 1.0);

        ITextSimilarityScores? semantic = _semantic is null
            ? null
            : await _semantic.PrepareAsync(texts, cancellationToken).ConfigureAwait(false);

        var sets = new DisjointSets(articles.Count);
        var membersOf = new Dictionary<int, List<int>>();
        bool Matches(int a, int b)
        {
            if ((articles[a].Article.Published - articles[b].Article.Published).Duration() > _options.MaxTimeApart)
            {
                return false;
            }

            double lexical = index.Cosine(a, b);
            return lexical >= _options.LexicalThreshold
                || (semantic is not null && lexical > 0 && semantic.Similarity(a, b) >= _options.SemanticThreshold);
        }

        double Score(int a, int b)
        {
            double lexical = index.Cosine(a, b) / _options.LexicalThreshold;
            return semantic is null ? lexical : Math.Max(lexical, semantic.Similarity(a, b) / _options.SemanticThreshold);
        }

        index.CandidatePairs(_options.SignatureTerms, _options.CandidateWindow, _options.ExhaustiveBelow, (a, b) =>
        {
            int ra = sets.Find(a);
            int rb = sets.Find(b);
            if (ra == rb || !Matches(a, b))
            {
                return;
            }

            membersOf.TryGetValue(ra, out var left);
            membersOf.TryGetValue(rb, out var right);
            if ((left?.Count ?? 1) + (right?.Count ?? 1) > 2 && Cohesion(left, a, right, b, Score) < _options.MinCohesion)
            {
                return;
            }

            sets.Union(a, b);
            int root = sets.Find(a);

            // Append the smaller group to the larger one: O(n log n) copying in all.
            left ??= [a];
            right ??= [b];
            var (merged, smaller) = left.Count >= right.Count ? (left, right) : (right, left);
            merged.AddRange(smaller);
            membersOf.Remove(ra);
            membersOf.Remove(rb);
            membersOf[root] = merged;
        }, cancellationToken);

        var groups = new Dictionary<int, List<int>>();
        for (int i = 0; i < articles.Count; i++)
        {
            int root = sets.Find(i);
            if (!groups.TryGetValue(root, out var members))
            {
                groups.Add(root, members = []);
            }

            members.Add(i);
        }

        var stories = groups.Values.Select(members => MakeStory(topic, articles, index, members)).ToList();
        return stories
            .OrderByDescending(s => s.CoverageBySide.Count(kv => kv.Value > 0))
            .ThenByDescending(s => s.Articles.Select(a => a.Article.Outlet).Distinct(StringComparer.Ordinal).Count())
            .ThenByDescending(s => s.Articles.Count)
            .ThenByDescending(s => s.Articles[0].Article.Published)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// The mean score (relative to the thresholds: 1 = at the threshold) between the two groups' members, over at most
    /// 8 members of each, so a chain of weak links does not glue two different events together.
    /// </summary>
    private static double Cohesion(List<int>? left, int a, List<int>? right, int b, Func<int, int, double> score)
    {
        int leftCount = Math.Min(8, left?.Count ?? 1);
        int rightCount = Math.Min(8, right?.Count ?? 1);
        double sum = 0;
        for (int i = 0; i < leftCount; i++)
        {
            int x = left?[i] ?? a;
            for (int j = 0; j < rightCount; j++)
            {
                sum += Math.Min(1.0, score(x, right?[j] ?? b));
            }
        }

        return sum / (leftCount * rightCount);
    }

    private Story MakeStory(TopicDefinition topic, IReadOnlyList<ClassifiedArticle> articles, TermIndex index, List<int> members)
    {
        // Representative: the headline closest to the story's term centroid; ties to the newest, then the id.
        var counts = new Dictionary<int, int>();
        foreach (var m in members)
        {
            foreach (var t in index.Terms(m))
            {
                counts[t] = counts.GetValueOrDefault(t) + 1;
            }
        }

        int representative = members
            .OrderByDescending(m => Math.Round(index.CentroidScore(m, counts, members.Count), 9))
            .ThenByDescending(m => articles[m].Article.Published)
            .ThenBy(m => articles[m].Article.Id, StringComparer.Ordinal)
            .First();

        var items = members.Select(m => articles[m])
            .OrderByDescending(a => a.Article.Published)
            .ThenBy(a => a.Article.Id, StringComparer.Ordinal)
            .ToArray();
        var coverage = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var side in topic.Sides)
        {
            int count = items.Count(a => string.Equals(a.SideId, side.Id, StringComparison.Ordinal));
            if (count > 0)
            {
                coverage[side.Id] = count;
            }
        }

        return new Story
        {
            Id = StoryId(items),
            Headline = articles[representative].Article.Title,
            Articles = items,
            CoverageBySide = coverage,
            IsBlindspot = topic.Sides.Count > 1 && coverage.Count == 1 && items.Length >= _options.MinArticlesForBlindspot,
        };
    }

    /// <summary>A stable id from the smallest article id of the story: the same articles give the same id on every run.</summary>
    private static string StoryId(IEnumerable<ClassifiedArticle> items)
    {
        var first = items.Select(a => a.Article.Id).Min(StringComparer.Ordinal)!;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(first));
        return "story-" + Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }

    private static HashSet<string> TopicTerms(TopicDefinition topic)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var side in topic.Sides)
        {
            foreach (var text in side.Aliases.Append(side.Name).Append(side.Id.Replace('-', ' ')))
            {
                terms.UnionWith(TermEquivalents.Terms(text));
            }
        }

        terms.UnionWith(TermEquivalents.Terms(topic.Name));
        return terms;
    }
}
