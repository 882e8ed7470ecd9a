namespace NewsPerspectives;

/// <summary>Options of <see cref="NearDuplicateFilter"/>.</summary>
public sealed class NearDuplicateFilterOptions
{
    /// <summary>Two headlines are near-duplicates when the Jaccard similarity of their word sets reaches this. Default 0.75.</summary>
    public double JaccardThreshold { get; set; } = 0.75;

    /// <summary>
    /// Or when the shorter headline's words are at least this share of the longer's (an update that adds a clause),
    /// with a Jaccard of at least <see cref="MinJaccardForContainment"/> and at least <see cref="MinTermsForContainment"/> words. Default 0.9.
    /// </summary>
    public double ContainmentThreshold { get; set; } = 0.9;

    /// <summary>The least Jaccard similarity for the containment rule. Default 0.5.</summary>
    public double MinJaccardForContainment { get; set; } = 0.5;

    /// <summary>The least word count of the shorter headline for the containment rule. Default 4.</summary>
    public int MinTermsForContainment { get; set; } = 4;

    /// <summary>
    /// Collapse copies found by feeds of different sides too. Default <see langword="false"/>: a wire story carried by
    /// both sides' outlets counts for both sides (the story clusterer then shows it as shared coverage).
    /// </summary>
    public bool AcrossSides { get; set; }

    /// <summary>Batches of at most this many articles compare every pair; larger ones use an inverted index. Default 256.</summary>
    public int ExhaustiveBelow { get; set; } = 256;

    /// <summary>Whether the filter collapses anything. Default <see langword="true"/>; <see langword="false"/> lists every copy, as the seed did.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The rules: similarities above 0 and at most 1; counts not negative.</summary>
    internal void Check(OptionChecks check)
    {
        check.Fraction(JaccardThreshold);
        check.Fraction(ContainmentThreshold);
        check.Fraction(MinJaccardForContainment);
        check.AtLeast(MinTermsForContainment, 1);
        check.AtLeast(ExhaustiveBelow, 0);
    }
}

/// <summary>
/// Collapses the same story re-published — identical or near-identical headlines from editions of one outlet,
/// wire copies, updated tolls ("kills 5" / "kills 7"; numbers are ignored) — into one entry: the newest copy is
/// kept and lists every other outlet in <see cref="Article.AlsoPublishedBy"/>; each other copy is recorded as
/// <see cref="DropReason.NearDuplicate"/> naming the kept article. Sub-quadratic: candidate pairs come from an
/// inverted index over each headline's rarest words with bounded windows.
/// </summary>
public sealed class NearDuplicateFilter : IArticleFilter
{
    private readonly NearDuplicateFilterOptions _options;

    /// <summary>Creates the filter.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public NearDuplicateFilter(NearDuplicateFilterOptions? options = null)
    {
        _options = options ?? new NearDuplicateFilterOptions();
        OptionChecks.Validate(nameof(NearDuplicateFilterOptions), _options.Check);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Article>> FilterAsync(IReadOnlyList<Article> articles, ArticleFilterContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(context);
        if (articles.Count < 2 || !_options.Enabled)
        {
            return ValueTask.FromResult(articles);
        }

        // Numbers are masked, so an updated toll or count reads as the same headline.
        var terms = articles.Select(a => (IReadOnlyList<string>)TextTerms.Distinct(a.Title)
            .Select(t => t.All(char.IsAsciiDigit) ? "#" : t).Distinct(StringComparer.Ordinal).ToArray()).ToArray();
        var order = Enumerable.Range(0, articles.Count).OrderBy(i => articles[i].Published).ThenBy(i => i).ToArray();
        var index = TermIndex.Build(terms, order);
        var sets = new DisjointSets(articles.Count);
        index.CandidatePairs(3, 32, _options.ExhaustiveBelow, (a, b) =>
        {
            if (sets.Find(a) != sets.Find(b) && SameSide(articles[a], articles[b]) && IsNearDuplicate(index, a, b, articles[a].Title, articles[b].Title))
            {
                sets.Union(a, b);
            }
        }, cancellationToken);

        var groups = new Dictionary<int, List<int>>();
        for (int i = 0; i < articles.Count; i++)
        {
            int root = sets.Find(i);
            if (!groups.TryGetValue(root, out var list))
            {
                groups.Add(root, list = []);
            }

            list.Add(i);
        }

        var replacement = new Dictionary<int, Article>();
        var dropped = new HashSet<int>();
        foreach (var members in groups.Values.Where(g => g.Count > 1))
        {
            // Keep the newest copy (the latest toll); ties go to the first read.
            int kept = members.OrderByDescending(i => articles[i].Published).ThenBy(i => i).First();
            var keptArticle = articles[kept];
            var copies = new List<ArticleCopy>(keptArticle.AlsoPublishedBy);
            foreach (var i in members.Where(i => i != kept))
            {
                var copy = articles[i];
                copies.Add(new ArticleCopy { Outlet = copy.Outlet, Link = copy.Link, Title = copy.Title, Published = copy.Published });
                copies.AddRange(copy.AlsoPublishedBy);
                dropped.Add(i);
                context.Drop(copy, DropReason.NearDuplicate, $"same story as '{keptArticle.Title}' from {keptArticle.Outlet} ({keptArticle.Link}), which was kept and lists this outlet");
            }

            replacement[kept] = WithCopies(keptArticle, copies);
        }

        var result = new List<Article>(articles.Count - dropped.Count);
        for (int i = 0; i < articles.Count; i++)
        {
            if (!dropped.Contains(i))
            {
                result.Add(replacement.GetValueOrDefault(i) ?? articles[i]);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<Article>>(result);
    }

    private bool SameSide(Article a, Article b) =>
        _options.AcrossSides || string.Equals(a.Feed.Side, b.Feed.Side, StringComparison.Ordinal);

    private bool IsNearDuplicate(TermIndex index, int a, int b, string titleA, string titleB)
    {
        if (index.TermCount(a) == 0 || index.TermCount(b) == 0)
        {
            return string.Equals(titleA.Trim(), titleB.Trim(), StringComparison.OrdinalIgnoreCase);
        }

        double jaccard = index.Jaccard(a, b);
        if (jaccard >= _options.JaccardThreshold)
        {
            return true;
        }

        return jaccard >= _options.MinJaccardForContainment
            && Math.Min(index.TermCount(a), index.TermCount(b)) >= _options.MinTermsForContainment
            && index.Containment(a, b) >= _options.ContainmentThreshold;
    }

    private static Article WithCopies(Article article, IReadOnlyList<ArticleCopy> copies) => article with { AlsoPublishedBy = copies };
}
