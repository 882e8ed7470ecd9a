namespace NewsPerspectives;

/// <summary>
/// The offline, deterministic default summarizer. It reads the stories the pipeline assembled (every listed source
/// is in one; a source in none counts as a story of its own) and never clusters.
/// <list type="bullet">
/// <item>Every headline, and every sentence of the descriptions or full texts, is scored by LexRank centrality
/// (TF-IDF cosine graph over all sources, computed through the term index in linear time) weighted towards early sentences.</item>
/// <item>Highlights compare: events (stories) ranked by breadth (sides with a listed source, then outlets), then
/// recency, then size (one-sided events of equal breadth take turns between sides), picked with MMR; each highlight is
/// about one event and cites its sources of every side. For an event several sides covered it puts each side's own
/// best sentence side by side ("China: …; Japan: …"); for a blindspot it says which side alone covered it.</item>
/// <item>Per-side bullets give that side's take on the events it covered, from its own sources only, ranked by how
/// much of the event is that side's, then breadth and recency, picked with MMR; a bullet never repeats a sentence a
/// highlight quotes (nor one too like it, see <see cref="ExtractiveSummarizerOptions.MaxSimilarityToHighlights"/>).</item>
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
    /// <param name="request">The assembled digest: topic, numbered sources and stories.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public DigestSummary Summarize(SummaryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sources = request.Sources;
        var sentences = Sentences(sources);
        var graph = new SentenceGraph(sentences.Select(s => s.Text).ToArray(), sentences.Select(s => s.Source).ToArray());
        var centrality = graph.Centrality();
        var score = new double[sentences.Count];
        for (int i = 0; i < score.Length; i++)
        {
            score[i] = centrality[i] * (1 + _options.PositionWeight / (1 + sentences[i].Position));
        }

        var sentencesOf = new List<int>[sources.Count];
        for (int s = 0; s < sources.Count; s++)
        {
            sentencesOf[s] = [];
        }

        for (int i = 0; i < sentences.Count; i++)
        {
            sentencesOf[sentences[i].Source].Add(i);
        }

        var context = new Context(request.Topic, sources, sentences, sentencesOf, graph, score);
        var stories = Stories(request);
        var used = new List<int>();
        IReadOnlyList<SummaryBullet> highlights = _options.HighlightWordBudget > 0
            ? SentenceExtract(context)
            : Highlights(context, stories, used);

        var sideBullets = new Dictionary<string, IReadOnlyList<SummaryBullet>>(StringComparer.Ordinal);
        foreach (var side in request.Topic.Sides)
        {
            sideBullets[side.Id] = SideBullets(context, stories, side.Id, used);
        }

        return new DigestSummary { Highlights = highlights, SideBullets = sideBullets, Kind = SummaryKind.Extractive };
    }

    private SummaryBullet[] Highlights(Context context, IReadOnlyList<StoryUnit> stories, List<int> used)
    {
        // One-sided events take turns between sides (each side's best first), so one side's busy day does not
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
        var candidates = new List<Candidate>();
        foreach (var story in ranked)
        {
            // Each side's own best sentence of the event, in topic order.
            var parts = new List<(string SideId, int Sentence)>();
            foreach (var side in context.Topic.Sides)
            {
                int best = BestSentences(context, story.Members.Where(m => context.Sources[m].SideId == side.Id), 1).FirstOrDefault(-1);
                if (best >= 0)
                {
                    parts.Add((side.Id, best));
                }
            }

            if (parts.Count > 0)
            {
                candidates.Add(new Candidate(parts.Select(p => p.Sentence).ToArray(), story.Members, story.StoryId, HighlightText(context, story, parts)));
            }
        }

        var chosen = Mmr(context, candidates, count);
        used.AddRange(chosen.SelectMany(c => c.Sentences));
        return chosen.Select(c => Bullet(context, c)).ToArray();
    }

    /// <summary>"China: …; Japan: …" for an event several sides covered; "Covered only by China sources: …" for a blindspot.</summary>
    private static string HighlightText(Context context, StoryUnit story, List<(string SideId, int Sentence)> parts)
    {
        string Name(string sideId) => context.Topic.FindSide(sideId)?.Name ?? sideId;
        string Part(int sentence) => context.Sentences[sentence].Text.TrimEnd().TrimEnd('.');
        if (parts.Count > 1)
        {
            return string.Join("; ", parts.Select(p => $"{Name(p.SideId)}: {Part(p.Sentence)}"));
        }

        var (sideId, only) = parts[0];
        if (story.BlindspotSide is { } blindspot)
        {
            return $"Covered only by {blindspot.Name} sources: {Part(only)}";
        }

        return context.Topic.Sides.Count > 1 ? $"{Name(sideId)}: {Part(only)}" : context.Sentences[only].Text;
    }

    private SummaryBullet[] SideBullets(Context context, IReadOnlyList<StoryUnit> stories, string sideId, List<int> used)
    {
        var usedTexts = used.Select(u => context.Sentences[u].Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Repeats(int sentence) =>
            usedTexts.Contains(context.Sentences[sentence].Text)
            || used.Any(u => context.Graph.Similarity(u, sentence) >= _options.MaxSimilarityToHighlights);

        var ranked = stories
            .Select(story => (Story: story, Mine: story.Members.Where(m => context.Sources[m].SideId == sideId).ToArray()))
            .Where(x => x.Mine.Length > 0)
            .OrderByDescending(x => x.Mine.Length)
            .ThenByDescending(x => x.Story.Sides.Count)
            .ThenByDescending(x => x.Story.OutletCount)
            .ThenByDescending(x => x.Story.Newest)
            .ThenBy(x => x.Mine[0])
            .ToArray();
        var candidates = new List<Candidate>();
        foreach (var (story, mine) in ranked)
        {
            int pick = BestSentences(context, mine, _options.CandidateSentencesPerStory).Where(s => !Repeats(s)).FirstOrDefault(-1);
            if (pick >= 0)
            {
                candidates.Add(new Candidate([pick], mine, story.StoryId, context.Sentences[pick].Text));
            }
        }

        return Mmr(context, candidates, _options.BulletsPerSide).Select(c => Bullet(context, c)).ToArray();
    }

    /// <summary>MMR over candidates given in rank order: relevance falls linearly with the rank; redundancy is the highest similarity between their sentences.</summary>
    private List<Candidate> Mmr(Context context, IReadOnlyList<Candidate> candidates, int count)
    {
        var chosen = new List<Candidate>();
        var used = new bool[candidates.Count];
        var texts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        double Redundancy(Candidate a, Candidate b) =>
            a.Sentences.Max(x => b.Sentences.Max(y => context.Graph.Similarity(x, y)));

        while (chosen.Count < count)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int c = 0; c < candidates.Count; c++)
            {
                if (used[c])
                {
                    continue;
                }

                double relevance = 1.0 - (double)c / candidates.Count;
                double redundancy = chosen.Count == 0 ? 0 : chosen.Max(x => Redundancy(x, candidates[c]));
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
            if (texts.Add(candidates[best].Text))
            {
                chosen.Add(candidates[best]);
            }
        }

        return chosen;
    }

    /// <summary>Up to <paramref name="take"/> usable sentences of the given sources, best-scored first (ties: earlier sentence).</summary>
    private IEnumerable<int> BestSentences(Context context, IEnumerable<int> members, int take) => members
        .SelectMany(m => context.SentencesOf[m])
        .Where(i => Usable(context.Sentences[i]))
        .OrderByDescending(i => context.Score[i])
        .ThenBy(i => i)
        .Take(take);

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

            var source = context.Sources[context.Sentences[i].Source];
            return Bullet(context, new Candidate([i], cited.ToArray(), source.StoryId, context.Sentences[i].Text));
        }).ToArray();
    }

    private static SummaryBullet Bullet(Context context, Candidate candidate) => new()
    {
        Text = candidate.Text,
        Citations = candidate.Sources.Select(m => context.Sources[m].Number).Distinct().Order().ToArray(),
        StoryId = candidate.StoryId,
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

    /// <summary>The request's stories with listed sources, as source indices; a source in none is a story of its own.</summary>
    private static List<StoryUnit> Stories(SummaryRequest request)
    {
        var sources = request.Sources;
        var indexOf = new Dictionary<int, int>();
        for (int s = 0; s < sources.Count; s++)
        {
            indexOf.TryAdd(sources[s].Number, s);
        }

        var assigned = new bool[sources.Count];
        var units = new List<StoryUnit>();
        foreach (var story in request.Stories)
        {
            var members = story.SourceNumbers.Where(indexOf.ContainsKey).Select(n => indexOf[n]).Where(s => !assigned[s]).Distinct().Order().ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            foreach (var m in members)
            {
                assigned[m] = true;
            }

            units.Add(Unit(sources, members, story.Id, story.BlindspotSide));
        }

        for (int s = 0; s < sources.Count; s++)
        {
            if (!assigned[s])
            {
                units.Add(Unit(sources, [s], sources[s].StoryId, null));
            }
        }

        return units;
    }

    private static StoryUnit Unit(IReadOnlyList<DigestSource> sources, int[] members, string? storyId, SideDefinition? blindspot) => new(
        members,
        members.Select(m => sources[m].SideId).ToHashSet(StringComparer.Ordinal),
        members.Select(m => sources[m].Article.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
        members.Max(m => sources[m].Article.Published),
        storyId,
        blindspot);

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

    private sealed record SentenceUnit(string Text, int Source, int Position, bool IsHeadline, int Words);

    private sealed record StoryUnit(int[] Members, HashSet<string> Sides, int OutletCount, DateTimeOffset Newest, string? StoryId, SideDefinition? BlindspotSide);

    /// <summary>A bullet to be: the sentences it quotes, the sources it cites (indices), its story and text.</summary>
    private sealed record Candidate(int[] Sentences, IReadOnlyList<int> Sources, string? StoryId, string Text);

    private sealed record Context(
        TopicDefinition Topic,
        IReadOnlyList<DigestSource> Sources,
        List<SentenceUnit> Sentences,
        List<int>[] SentencesOf,
        SentenceGraph Graph,
        double[] Score);
}
