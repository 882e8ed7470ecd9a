namespace NewsPerspectives;

/// <summary>Options of the extractive summarizer.</summary>
public sealed class ExtractiveSummarizerOptions
{
    /// <summary>The most overall highlights. Default 5.</summary>
    public int MaxHighlights { get; set; } = 5;

    /// <summary>The fewest overall highlights when there are enough sources. Default 3.</summary>
    public int MinHighlights { get; set; } = 3;

    /// <summary>Bullets per side. Default 4.</summary>
    public int BulletsPerSide { get; set; } = 4;

    /// <summary>Two articles whose term sets overlap at least this much (Jaccard) are about the same thing. Default 0.3.</summary>
    public double SameSubjectSimilarity { get; set; } = 0.3;
}

/// <summary>
/// The offline, deterministic default summarizer. It ranks the listed articles by how much of their
/// headline and description other articles share (terms reported by both sides count more), then by
/// recency, and picks diverse ones: a candidate about the same subject as a chosen bullet is skipped.
/// Each bullet is the article's own headline and cites it and every listed article on the same subject.
/// </summary>
public sealed class ExtractiveSummarizer : ISummarizer
{
    private readonly ExtractiveSummarizerOptions _options;

    /// <summary>Creates the summarizer.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    public ExtractiveSummarizer(ExtractiveSummarizerOptions? options = null) => _options = options ?? new ExtractiveSummarizerOptions();

    /// <inheritdoc/>
    public Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sources = request.Sources;
        var terms = sources.Select(s => new HashSet<string>(TextTerms.Distinct($"{s.Article.Title} {s.Article.Description}"), StringComparer.Ordinal)).ToArray();

        // Document frequency and side spread of every term.
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var sides = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (int i = 0; i < sources.Count; i++)
        {
            foreach (var term in terms[i])
            {
                frequency[term] = frequency.GetValueOrDefault(term) + 1;
                if (!sides.TryGetValue(term, out var set))
                {
                    sides[term] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(sources[i].SideId);
            }
        }

        var scores = new double[sources.Count];
        for (int i = 0; i < sources.Count; i++)
        {
            double sum = 0;
            foreach (var term in terms[i])
            {
                sum += (frequency[term] - 1) * (sides[term].Count > 1 ? 1.5 : 1.0);
            }

            scores[i] = terms[i].Count == 0 ? 0 : sum / Math.Sqrt(terms[i].Count);
        }

        var ranked = Enumerable.Range(0, sources.Count)
            .OrderByDescending(i => Math.Round(scores[i], 9))
            .ThenByDescending(i => sources[i].Article.Published)
            .ThenBy(i => sources[i].Number)
            .ToArray();

        int highlightCount = Math.Min(_options.MaxHighlights, Math.Max(_options.MinHighlights, sources.Count / 4));
        var highlights = Pick(ranked, highlightCount, sources, terms, sameSideOnly: false);
        var sideBullets = new Dictionary<string, IReadOnlyList<SummaryBullet>>(StringComparer.Ordinal);
        foreach (var side in request.Topic.Sides)
        {
            var sideRanked = ranked.Where(i => sources[i].SideId == side.Id).ToArray();
            sideBullets[side.Id] = Pick(sideRanked, _options.BulletsPerSide, sources, terms, sameSideOnly: true);
        }

        return Task.FromResult(new DigestSummary { Highlights = highlights, SideBullets = sideBullets });
    }

    private SummaryBullet[] Pick(int[] ranked, int count, IReadOnlyList<DigestSource> sources, HashSet<string>[] terms, bool sameSideOnly)
    {
        var bullets = new List<SummaryBullet>(count);
        var covered = new HashSet<int>();
        var usedHeadlines = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in ranked)
        {
            if (bullets.Count >= count)
            {
                break;
            }

            if (covered.Contains(i) || !usedHeadlines.Add(sources[i].Article.Title))
            {
                continue;
            }

            var citations = new List<int> { sources[i].Number };
            covered.Add(i);
            for (int j = 0; j < sources.Count; j++)
            {
                if (j == i || (sameSideOnly && sources[j].SideId != sources[i].SideId))
                {
                    continue;
                }

                if (Jaccard(terms[i], terms[j]) >= _options.SameSubjectSimilarity)
                {
                    citations.Add(sources[j].Number);
                    covered.Add(j);
                }
            }

            citations.Sort();
            bullets.Add(new SummaryBullet { Text = sources[i].Article.Title, Citations = citations });
        }

        return bullets.ToArray();
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        int shared = a.Count < b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
