using System.Security.Cryptography;
using System.Text;

namespace NewsPerspectives;

/// <summary>
/// Groups articles that report the same event, across sides, in two steps (the shape of multilingual news
/// clustering, e.g. Miranda et al., "Multilingual Clustering of Streaming News", 2018): first each side's headlines
/// are grouped by themselves (one side writes about an event in its own words), then each side's groups are linked
/// to the most similar group of every other side, one to one, at a lower threshold (two sides tell one event in
/// different words and languages). Candidate pairs come from an inverted index over each headline's rarest terms
/// (bounded windows, so the cost grows as n · terms · window, not n²; small batches compare every pair).
/// </summary>
/// <remarks>
/// Headlines are compared on <see cref="HeadlineTerms"/>: words cut to a prefix (a language-light stemmer), Spanish
/// news words in English, Chinese/Japanese/Korean as character bigrams; the topic's own names count less. A pair's
/// score depends on the two headlines only, not on the rest of the batch. Stories are ordered by breadth (sides,
/// then outlets, then articles), then recency, then id; each story's articles newest first. Output is deterministic
/// for the same input, whatever its order.
/// </remarks>
public sealed class StoryClusterer : IStoryClusterer
{
    /// <summary>Shares of the batch (<see cref="StoryClustererOptions.CommonTermShare"/>) count the batch as at least this many headlines, so one big story in a small batch keeps its own words.</summary>
    private const int MinimumBatchForShares = 30;

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
        var topicTerms = TopicTerms(topic, _options.TermPrefixLength);
        var order = Enumerable.Range(0, articles.Count)
            .OrderBy(i => articles[i].Article.Published)
            .ThenBy(i => articles[i].Article.Id, StringComparer.Ordinal)
            .ThenBy(i => i)
            .ToArray();
        var rank = new int[articles.Count];
        for (int r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        var index = TermIndex.Build(
            texts.Select(t => HeadlineTerms.Terms(t, _options.TermPrefixLength)).ToArray(),
            order,
            (term, documents) => topicTerms.Contains(term) ? _options.TopicTermWeight : CommonTermWeight(documents, articles.Count));

        ITextSimilarityScores? semantic = _semantic is null
            ? null
            : await _semantic.PrepareAsync(texts, cancellationToken).ConfigureAwait(false);

        // A pair's score relative to the threshold of its kind: >= 1 is a match.
        double Score(int a, int b)
        {
            if ((articles[a].Article.Published - articles[b].Article.Published).Duration() > _options.MaxTimeApart)
            {
                return 0;
            }

            // The shared terms must weigh at least one ordinary term: a cosine of 1 between two headlines that share
            // only words every headline has, or only the topic's names, is no evidence of one event.
            double cosine = index.Cosine(a, b);
            double lexical = index.SharedTermWeight(a, b) >= 1 ? cosine : 0;
            double threshold = SameSide(a, b) ? _options.SameSideThreshold : _options.CrossSideThreshold;
            double score = lexical / threshold;
            return semantic is not null && cosine > 0 ? Math.Max(score, semantic.Similarity(a, b) / _options.SemanticThreshold) : score;
        }

        bool SameSide(int a, int b) => string.Equals(articles[a].SideId, articles[b].SideId, StringComparison.Ordinal);

        // Every candidate pair that matches, with its score (the index may offer a pair more than once: the sort
        // below puts the copies side by side and the steps skip them, as the pair's two articles are joined by then
        // or were refused the first time).
        var sameSide = new List<ScoredPair>();
        var crossSide = new List<ScoredPair>();
        index.CandidatePairs(_options.SignatureTerms, _options.CandidateWindow, _options.ExhaustiveBelow, (a, b) =>
        {
            double score = Score(a, b);
            if (score >= 1)
            {
                (SameSide(a, b) ? sameSide : crossSide).Add(new ScoredPair(a, b, (float)score));
            }
        }, cancellationToken);

        // Step 1: each side's own groups, strongest links first, with the cohesion guard against chains.
        var sets = new DisjointSets(articles.Count);
        var membersOf = new Dictionary<int, List<int>>();
        // Strongest first; ties by the two articles' places in time order, so the input order never matters.
        Comparison<ScoredPair> strongestFirst = (x, y) =>
        {
            int byScore = y.Score.CompareTo(x.Score);
            return byScore != 0 ? byScore
                : Math.Min(rank[x.First], rank[x.Second]) != Math.Min(rank[y.First], rank[y.Second]) ? Math.Min(rank[x.First], rank[x.Second]).CompareTo(Math.Min(rank[y.First], rank[y.Second]))
                : Math.Max(rank[x.First], rank[x.Second]).CompareTo(Math.Max(rank[y.First], rank[y.Second]));
        };
        sameSide.Sort(strongestFirst);
        foreach (var pair in sameSide)
        {
            int ra = sets.Find(pair.First);
            int rb = sets.Find(pair.Second);
            if (ra == rb)
            {
                continue;
            }

            membersOf.TryGetValue(ra, out var left);
            membersOf.TryGetValue(rb, out var right);
            if ((left?.Count ?? 1) + (right?.Count ?? 1) > 2 && Cohesion(left, pair.First, right, pair.Second, Score) < _options.MinCohesion)
            {
                continue;
            }

            sets.Union(ra, rb);
            int root = sets.Find(ra);

            // Append the smaller group to the larger one: O(n log n) copying in all.
            left ??= [pair.First];
            right ??= [pair.Second];
            var (merged, smaller) = left.Count >= right.Count ? (left, right) : (right, left);
            merged.AddRange(smaller);
            membersOf.Remove(ra);
            membersOf.Remove(rb);
            membersOf[root] = merged;
        }

        // Step 2: link groups across sides, strongest link first; a joined story holds at most one group of each side.
        var sidesOf = new Dictionary<int, HashSet<string>>();
        HashSet<string> Sides(int root)
        {
            if (!sidesOf.TryGetValue(root, out var sides))
            {
                sidesOf[root] = sides = new HashSet<string>(StringComparer.Ordinal) { articles[root].SideId };
            }

            return sides;
        }

        crossSide.Sort(strongestFirst);
        foreach (var pair in crossSide)
        {
            int ra = sets.Find(pair.First);
            int rb = sets.Find(pair.Second);
            if (ra == rb)
            {
                continue;
            }

            var left = Sides(ra);
            var right = Sides(rb);
            if (left.Overlaps(right))
            {
                continue;
            }

            sets.Union(ra, rb);
            int root = sets.Find(ra);
            var merged = left.Count >= right.Count ? left : right;
            merged.UnionWith(ReferenceEquals(merged, left) ? right : left);
            sidesOf.Remove(ra);
            sidesOf.Remove(rb);
            sidesOf[root] = merged;
        }

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

    /// <summary>
    /// 1 for a term in at most <see cref="StoryClustererOptions.CommonTermShare"/> of the batch's headlines (the batch
    /// counted as at least <see cref="MinimumBatchForShares"/>), falling to 0 for a term in every one: a word that most
    /// headlines have says nothing about which event a headline reports.
    /// </summary>
    private double CommonTermWeight(int documents, int batch)
    {
        double share = _options.CommonTermShare;
        if (share >= 1)
        {
            return 1;
        }

        double n = Math.Max(batch, MinimumBatchForShares);
        return Math.Clamp(Math.Log(n / documents) / Math.Log(1 / share), 0, 1);
    }

    private static HashSet<string> TopicTerms(TopicDefinition topic, int prefixLength)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var side in topic.Sides)
        {
            foreach (var text in side.Aliases.Append(side.Name).Append(side.Id.Replace('-', ' ')))
            {
                terms.UnionWith(HeadlineTerms.Terms(text, prefixLength));
            }
        }

        terms.UnionWith(HeadlineTerms.Terms(topic.Name, prefixLength));
        return terms;
    }

    /// <summary>A matching pair and its score relative to its threshold (12 bytes: large batches hold many).</summary>
    private readonly record struct ScoredPair(int First, int Second, float Score);
}
