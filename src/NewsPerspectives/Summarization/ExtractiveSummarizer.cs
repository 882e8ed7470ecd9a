namespace NewsPerspectives;

/// <summary>Options of the extractive summarizer. Validated when the summarizer is created.</summary>
public sealed class ExtractiveSummarizerOptions
{
    /// <summary>The most overall highlights (one per story). Default 5.</summary>
    public int MaxHighlights { get; set; } = 5;

    /// <summary>The fewest overall highlights when there are enough stories. Default 3.
    /// Between the two, one highlight per four sources.</summary>
    public int MinHighlights { get; set; } = 3;

    /// <summary>Bullets per side (one per story the side covers). Default 4.</summary>
    public int BulletsPerSide { get; set; } = 4;

    /// <summary>
    /// When the request carries no stories (no story clusterer ran), two sources whose headline terms overlap at
    /// least this much (Jaccard) are grouped into one story, each source joining the first earlier group whose
    /// first source it is that close to. Default 0.3.
    /// </summary>
    public double SameSubjectSimilarity { get; set; } = 0.3;

    /// <summary>
    /// The MMR trade-off between rank and novelty, between 0 and 1: a candidate's score is
    /// <c>λ·relevance − (1 − λ)·(highest similarity to a bullet already chosen)</c>. 1 ranks only; lower values favour
    /// bullets unlike the ones already chosen. Default 0.7.
    /// </summary>
    public double MmrLambda { get; set; } = 0.7;

    /// <summary>
    /// Rank the sentences of article descriptions (or full texts) with the headlines, so a bullet may be a
    /// description sentence. <see langword="false"/> uses headlines only. Default <see langword="true"/>.
    /// </summary>
    public bool UseDescriptions { get; set; } = true;

    /// <summary>Description sentences shorter than this many words are not used as bullets. Default 6.</summary>
    public int MinSentenceWords { get; set; } = 6;

    /// <summary>Description sentences longer than this many words are not used as bullets (headlines always may be). Default 45.</summary>
    public int MaxSentenceWords { get; set; } = 45;

    /// <summary>
    /// How much earlier sentences of an article are preferred: a sentence's score is its LexRank centrality times
    /// <c>1 + PositionWeight / (1 + position)</c>, where the headline and the first description sentence have position 0.
    /// 0 turns the preference off. Default 1.
    /// </summary>
    public double PositionWeight { get; set; } = 1.0;

    /// <summary>
    /// 0 (the default): one highlight per story, as described above. Greater than 0: the highlights are instead a
    /// sentence-level extract of about this many words (sentences are added while the total is below the budget),
    /// picked by score with MMR, where several sentences may come from one story; used for long-form summaries
    /// (the ROUGE benchmark uses 250).
    /// </summary>
    public int HighlightWordBudget { get; set; }

    /// <summary>
    /// In the sentence-level extract, a sentence also cites every other source holding a sentence at least this
    /// similar (TF-IDF cosine) to it. Default 0.5.
    /// </summary>
    public double CorroborationSimilarity { get; set; } = 0.5;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names every one.</exception>
    public void Validate() => OptionChecks.Validate(nameof(ExtractiveSummarizerOptions), Check);

    /// <summary>The rules: counts not negative, at least as many highlights at most as at least, similarities and λ between 0 and 1.</summary>
    internal void Check(OptionChecks check)
    {
        check.AtLeast(MaxHighlights, 0);
        check.AtLeast(MinHighlights, 0);
        check.AtMost(MinHighlights, MaxHighlights);
        check.AtLeast(BulletsPerSide, 0);
        check.AtLeast(MinSentenceWords, 0);
        check.NotBelow(MaxSentenceWords, MinSentenceWords);
        check.AtLeast(PositionWeight, 0);
        check.AtLeast(HighlightWordBudget, 0);
        check.Between(SameSubjectSimilarity, 0, 1);
        check.Between(MmrLambda, 0, 1);
        check.Between(CorroborationSimilarity, 0, 1);
    }
}

/// <summary>
/// The offline, deterministic default summarizer.
/// <list type="bullet">
/// <item>It works over the request's stories; when there are none (no clusterer ran) it groups the sources into
/// stories by headline similarity (<see cref="ExtractiveSummarizerOptions.SameSubjectSimilarity"/>).</item>
/// <item>Every headline, and every sentence of the descriptions or full texts, is scored by LexRank centrality
/// (TF-IDF cosine graph over all sources) weighted towards early sentences.</item>
/// <item>Highlights: stories ranked by breadth (sides, then outlets), then recency, then size (one-sided stories of
/// equal breadth take turns between sides); picked with MMR so near-identical subjects are not repeated; one bullet
/// per story, its best-scored sentence, citing every source of the story.</item>
/// <item>Per-side bullets: the stories that side covers, ranked by how much of the story is that side's, then
/// breadth and recency; the bullet is that side's own best sentence (its own framing of a shared story) and cites
/// that side's sources of the story.</item>
/// </list>
/// The same request gives the same summary, byte for byte.
/// </summary>
public sealed class ExtractiveSummarizer : ISummarizer
{
    private readonly ExtractiveSummarizerOptions _options;

    /// <summary>Creates the summarizer.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ExtractiveSummarizer(ExtractiveSummarizerOptions? options = null)
    {
        _options = options ?? new ExtractiveSummarizerOptions();
        _options.Validate();
    }

    /// <inheritdoc/>
    public Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Summarize(request));
    }

    /// <summary>Summarizes synchronously (the work is CPU-only).</summary>
    /// <param name="request">The topic, numbered sources and stories.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public DigestSummary Summarize(SummaryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sources = request.Sources;
        var notes = new List<string>();
        var sentences = Sentences(sources);
        var graph = new SentenceGraph(sentences.Select(s => s.Text).ToArray(), sentences.Select(s => s.Source).ToArray());
        var centrality = graph.Centrality();
        var score = new double[sentences.Count];
        for (int i = 0; i < score.Length; i++)
        {
            score[i] = centrality[i] * (1 + _options.PositionWeight / (1 + sentences[i].Position));
        }

        var stories = Stories(request, notes);
        var sentencesOf = new List<int>[sources.Count];
        for (int s = 0; s < sources.Count; s++)
        {
            sentencesOf[s] = [];
        }

        for (int i = 0; i < sentences.Count; i++)
        {
            sentencesOf[sentences[i].Source].Add(i);
        }

        var context = new Context(sources, sentences, sentencesOf, graph, score);
        IReadOnlyList<SummaryBullet> highlights = _options.HighlightWordBudget > 0
            ? SentenceExtract(context)
            : Highlights(context, stories);

        var sideBullets = new Dictionary<string, IReadOnlyList<SummaryBullet>>(StringComparer.Ordinal);
        foreach (var side in request.Topic.Sides)
        {
            sideBullets[side.Id] = SideBullets(context, stories, side.Id);
        }

        return new DigestSummary { Highlights = highlights, SideBullets = sideBullets, Notes = notes };
    }

    private SummaryBullet[] Highlights(Context context, IReadOnlyList<StoryUnit> stories)
    {
        // One-sided stories take turns between sides (each side's best first), so one side's busy day does not
        // fill every highlight; within a turn, newer first.
        var turn = new Dictionary<StoryUnit, int>();
        foreach (var group in stories.Where(s => s.Sides.Count == 1).GroupBy(s => s.Sides.First(), StringComparer.Ordinal))
        {
            int i = 0;
            foreach (var story in group.OrderByDescending(s => s.OutletCount).ThenByDescending(s => s.Newest).ThenByDescending(s => s.Members.Length).ThenBy(s => s.Members[0]))
            {
                turn[story] = i++;
            }
        }

        var ranked = stories
            .OrderByDescending(s => s.Sides.Count)
            .ThenByDescending(s => s.OutletCount)
            .ThenBy(s => turn.GetValueOrDefault(s))
            .ThenByDescending(s => s.Newest)
            .ThenByDescending(s => s.Members.Length)
            .ThenBy(s => s.Members[0])
            .ToArray();
        int count = Math.Min(_options.MaxHighlights, Math.Max(_options.MinHighlights, context.Sources.Count / 4));
        var candidates = ranked
            .Select(story => (Story: story, Sentence: BestSentence(context, story.Members)))
            .Where(c => c.Sentence >= 0)
            .Select(c => new Candidate(c.Sentence, c.Story.Members))
            .ToArray();
        return Mmr(context, candidates, count);
    }

    private SummaryBullet[] SideBullets(Context context, IReadOnlyList<StoryUnit> stories, string sideId)
    {
        var ranked = stories
            .Select(story => (Story: story, Mine: story.Members.Where(m => context.Sources[m].SideId == sideId).ToArray()))
            .Where(x => x.Mine.Length > 0)
            .OrderByDescending(x => x.Mine.Length)
            .ThenByDescending(x => x.Story.Sides.Count)
            .ThenByDescending(x => x.Story.OutletCount)
            .ThenByDescending(x => x.Story.Newest)
            .ThenBy(x => x.Mine[0])
            .ToArray();
        var candidates = ranked
            .Select(x => (x.Mine, Sentence: BestSentence(context, x.Mine)))
            .Where(c => c.Sentence >= 0)
            .Select(c => new Candidate(c.Sentence, c.Mine))
            .ToArray();
        return Mmr(context, candidates, _options.BulletsPerSide);
    }

    /// <summary>MMR over candidates given in rank order: relevance falls linearly with the rank.</summary>
    private SummaryBullet[] Mmr(Context context, Candidate[] candidates, int count)
    {
        var chosen = new List<Candidate>();
        var used = new bool[candidates.Length];
        var texts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (chosen.Count < count)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int c = 0; c < candidates.Length; c++)
            {
                if (used[c])
                {
                    continue;
                }

                double relevance = 1.0 - (double)c / candidates.Length;
                double redundancy = chosen.Count == 0 ? 0 : chosen.Max(x => context.Graph.Similarity(x.Sentence, candidates[c].Sentence));
                double mmr = _options.MmrLambda * relevance - (1 - _options.MmrLambda) * redundancy;
                if (mmr > bestScore + 1e-12)
                {
                    best = c;
                    bestScore = mmr;
                }
            }

            if (best < 0)
            {
                break;
            }

            used[best] = true;
            if (texts.Add(context.Sentences[candidates[best].Sentence].Text))
            {
                chosen.Add(candidates[best]);
            }
        }

        return chosen.Select(c => Bullet(context, c.Sentence, c.Sources)).ToArray();
    }

    /// <summary>The best-scored usable sentence of the given sources, or -1 when they have none.</summary>
    private int BestSentence(Context context, IReadOnlyList<int> members)
    {
        int best = -1;
        foreach (var member in members)
        {
            foreach (var i in context.SentencesOf[member])
            {
                if (!Usable(context.Sentences[i]))
                {
                    continue;
                }

                if (best < 0 || context.Score[i] > context.Score[best] + 1e-12)
                {
                    best = i;
                }
            }
        }

        return best;
    }

    private bool Usable(SentenceUnit sentence) =>
        sentence.IsHeadline || sentence.Words >= _options.MinSentenceWords && sentence.Words <= _options.MaxSentenceWords;

    /// <summary>The sentence-level extract of about <see cref="ExtractiveSummarizerOptions.HighlightWordBudget"/> words.</summary>
    private SummaryBullet[] SentenceExtract(Context context)
    {
        var order = Enumerable.Range(0, context.Sentences.Count)
            .Where(i => Usable(context.Sentences[i]) && context.Sentences[i].Words >= _options.MinSentenceWords)
            .OrderByDescending(i => context.Score[i])
            .ThenBy(i => i)
            .ToArray();
        double top = order.Length == 0 ? 1 : context.Score[order[0]];
        var chosen = new List<int>();
        var used = new bool[order.Length];
        int words = 0;
        while (words < _options.HighlightWordBudget)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int k = 0; k < order.Length; k++)
            {
                if (used[k])
                {
                    continue;
                }

                int i = order[k];
                double relevance = top > 0 ? context.Score[i] / top : 0;
                double redundancy = chosen.Count == 0 ? 0 : chosen.Max(j => context.Graph.Similarity(i, j));
                double mmr = _options.MmrLambda * relevance - (1 - _options.MmrLambda) * redundancy;
                if (mmr > bestScore + 1e-12)
                {
                    best = k;
                    bestScore = mmr;
                }
            }

            if (best < 0)
            {
                break;
            }

            used[best] = true;
            chosen.Add(order[best]);
            words += context.Sentences[order[best]].Words;
        }

        return chosen.Select(i =>
        {
            var cited = new SortedSet<int> { context.Sentences[i].Source };
            for (int j = 0; j < context.Sentences.Count; j++)
            {
                if (context.Sentences[j].Source != context.Sentences[i].Source && context.Graph.Similarity(i, j) >= _options.CorroborationSimilarity)
                {
                    cited.Add(context.Sentences[j].Source);
                }
            }

            return Bullet(context, i, cited.ToArray());
        }).ToArray();
    }

    private static SummaryBullet Bullet(Context context, int sentence, IReadOnlyList<int> members) => new()
    {
        Text = context.Sentences[sentence].Text,
        Citations = members.Select(m => context.Sources[m].Number).Distinct().Order().ToArray(),
    };

    /// <summary>Headlines and (optionally) description sentences of every source, in source order.</summary>
    private List<SentenceUnit> Sentences(IReadOnlyList<DigestSource> sources)
    {
        var result = new List<SentenceUnit>();
        for (int s = 0; s < sources.Count; s++)
        {
            var article = sources[s].Article;
            var title = article.Title.Trim();
            if (title.Length > 0)
            {
                result.Add(new SentenceUnit(title, s, 0, true, WordCount(title)));
            }

            if (!_options.UseDescriptions)
            {
                continue;
            }

            int position = 0;
            foreach (var sentence in SentenceSplitter.Split(article.Description))
            {
                if (!string.Equals(sentence, title, StringComparison.OrdinalIgnoreCase))
                {
                    result.Add(new SentenceUnit(sentence, s, position++, false, WordCount(sentence)));
                }
            }
        }

        return result;
    }

    /// <summary>The request's stories mapped to source indices, or the sources grouped by headline similarity.</summary>
    private List<StoryUnit> Stories(SummaryRequest request, List<string> notes)
    {
        var sources = request.Sources;
        var groups = new List<List<int>>();
        var assigned = new bool[sources.Count];
        if (request.Stories.Count > 0)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int s = 0; s < sources.Count; s++)
            {
                index.TryAdd(sources[s].Article.Id, s);
            }

            foreach (var story in request.Stories)
            {
                var members = new List<int>();
                foreach (var item in story.Articles)
                {
                    if (index.TryGetValue(item.Article.Id, out var s) && !assigned[s])
                    {
                        assigned[s] = true;
                        members.Add(s);
                    }
                }

                if (members.Count > 0)
                {
                    groups.Add(members);
                }
            }

            int loose = assigned.Count(a => !a);
            if (loose > 0)
            {
                notes.Add($"extractive summarizer: {loose} listed source(s) were in no story; each counted as a story of its own");
            }
        }

        var terms = sources.Select(s => new HashSet<string>(TextTerms.Distinct(s.Article.Title), StringComparer.Ordinal)).ToArray();
        for (int s = 0; s < sources.Count; s++)
        {
            if (assigned[s])
            {
                continue;
            }

            List<int>? home = null;
            if (request.Stories.Count == 0)
            {
                home = groups.FirstOrDefault(g => Jaccard(terms[g[0]], terms[s]) >= _options.SameSubjectSimilarity);
            }

            if (home is null)
            {
                groups.Add([s]);
            }
            else
            {
                home.Add(s);
            }
        }

        return groups.Select(g =>
        {
            var members = g.Order().ToArray();
            return new StoryUnit(
                members,
                members.Select(m => sources[m].SideId).ToHashSet(StringComparer.Ordinal),
                members.Select(m => sources[m].Article.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
                members.Max(m => sources[m].Article.Published));
        }).ToList();
    }

    private static int WordCount(string text)
    {
        int count = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
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

    private sealed record SentenceUnit(string Text, int Source, int Position, bool IsHeadline, int Words);

    private sealed record StoryUnit(int[] Members, HashSet<string> Sides, int OutletCount, DateTimeOffset Newest);

    private sealed record Candidate(int Sentence, IReadOnlyList<int> Sources);

    private sealed record Context(
        IReadOnlyList<DigestSource> Sources,
        List<SentenceUnit> Sentences,
        List<int>[] SentencesOf,
        SentenceGraph Graph,
        double[] Score);
}
