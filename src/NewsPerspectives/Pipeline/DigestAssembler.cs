using System.Globalization;

namespace NewsPerspectives;

/// <summary>
/// The one assembly step after clustering: numbers the listed sources, attaches each to its story, and builds the
/// <see cref="Digest"/> every later stage reads (stories with source numbers, per-side coverage and headline and the
/// blindspot side; sources with their story and other outlets; framing per side; counts per side), without a summary.
/// </summary>
public sealed class DigestAssembler
{
    private readonly DigestAssemblyOptions _options;
    private readonly IFramingAnalyzer _framing;

    /// <summary>Creates the assembler.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <param name="framing">Finds each side's distinctive terms; a <see cref="LogOddsFramingAnalyzer"/> with default options when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public DigestAssembler(DigestAssemblyOptions? options = null, IFramingAnalyzer? framing = null)
    {
        _options = options ?? new DigestAssemblyOptions();
        _options.Validate();
        _framing = framing ?? new LogOddsFramingAnalyzer();
    }

    /// <summary>Assembles the digest of a run, without a summary.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="asOf">The run's "as of" time.</param>
    /// <param name="listed">The listed articles in source order (grouped by side, newest first): source <c>n</c> is <c>listed[n - 1]</c>.</param>
    /// <param name="relevant">Every relevant, classified article of the run (listed or not): the true coverage and the framing corpus.</param>
    /// <param name="stories">The clusterer's stories over <paramref name="relevant"/>, in its order; an article in none becomes a story of its own.</param>
    /// <param name="notes">Receives a note when articles were in no story; none when <see langword="null"/>.</param>
    /// <returns>The digest, with empty highlights and bullets.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="notes"/> is null.</exception>
    public Digest Assemble(
        TopicDefinition topic,
        DateTimeOffset asOf,
        IReadOnlyList<ClassifiedArticle> listed,
        IReadOnlyList<ClassifiedArticle> relevant,
        IReadOnlyList<Story> stories,
        ICollection<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(relevant);
        ArgumentNullException.ThrowIfNull(stories);

        var numberOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < listed.Count; i++)
        {
            numberOf.TryAdd(listed[i].Article.Id, i + 1);
        }

        // Every article in exactly one story: the clusterer's, in its order, then a story of its own for any it missed.
        var all = new List<Story>(stories.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var story in stories)
        {
            if (story.Articles.Count == 0)
            {
                continue;
            }

            if (story.Articles.Any(a => placed.Contains(a.Article.Id)))
            {
                notes?.Add($"story {story.Id} shares articles with an earlier story; its other articles are stories of their own");
                continue;
            }

            placed.UnionWith(story.Articles.Select(a => a.Article.Id));
            all.Add(story);
        }

        int loose = 0;
        foreach (var item in relevant.Concat(listed))
        {
            if (placed.Add(item.Article.Id))
            {
                all.Add(NoStoryClusterer.Single(item));
                loose++;
            }
        }

        if (loose > 0 && stories.Count > 0)
        {
            notes?.Add(string.Create(CultureInfo.InvariantCulture, $"{loose} article(s) were in no story; each is a story of its own"));
        }

        var index = HeadlineIndex(all);
        var digestStories = new List<DigestStory>();
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        int at = 0;
        foreach (var story in all)
        {
            var members = Enumerable.Range(at, story.Articles.Count).ToArray();
            at += members.Length;
            var numbers = story.Articles.Select(a => numberOf.GetValueOrDefault(a.Article.Id)).Where(n => n > 0).Distinct().Order().ToArray();
            bool notable = story.Articles.Count >= _options.MinStoryArticles;
            if (numbers.Length == 0 && !notable)
            {
                continue;
            }

            var made = MakeStory(topic, story, members, numbers, numberOf, index, notable);
            digestStories.Add(made);
            foreach (var item in story.Articles)
            {
                storyOf.TryAdd(item.Article.Id, story.Id);
            }
        }

        var sources = listed.Select((item, i) => new DigestSource
        {
            Number = i + 1,
            Item = item,
            StoryId = storyOf.GetValueOrDefault(item.Article.Id),
            OtherOutlets = OtherOutlets(item.Article),
        }).ToArray();

        var found = relevant.GroupBy(c => c.SideId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new Digest
        {
            Topic = topic,
            GeneratedAt = asOf,
            Sources = sources,
            Highlights = [],
            Sides = topic.Sides.Select(side => new SideDigest
            {
                Side = side,
                Count = sources.Count(s => s.SideId == side.Id),
                Found = found.GetValueOrDefault(side.Id),
                Bullets = [],
            }).ToArray(),
            Stories = digestStories,
            Framing = _framing.Analyze(topic, relevant),
        };
    }

    private static DigestStory MakeStory(
        TopicDefinition topic, Story story, int[] members, int[] numbers, Dictionary<string, int> numberOf, TermIndex index, bool notable)
    {
        // Term counts of the whole story: each side's headline is the one of its articles closest to the shared event.
        var counts = new Dictionary<int, int>();
        foreach (var m in members)
        {
            foreach (var t in index.Terms(m))
            {
                counts[t] = counts.GetValueOrDefault(t) + 1;
            }
        }

        int Closest(IEnumerable<int> candidates) => candidates
            .OrderByDescending(m => Math.Round(index.CentroidScore(m, counts, members.Length), 9))
            .ThenByDescending(m => story.Articles[m - members[0]].Article.Published)
            .ThenBy(m => story.Articles[m - members[0]].Article.Id, StringComparer.Ordinal)
            .First();

        var sides = new List<StorySide>();
        foreach (var side in topic.Sides)
        {
            var mine = members.Where(m => string.Equals(story.Articles[m - members[0]].SideId, side.Id, StringComparison.Ordinal)).ToArray();
            int count = story.CoverageBySide.GetValueOrDefault(side.Id, mine.Length);
            if (mine.Length == 0 && count <= 0)
            {
                continue;
            }

            var listedMine = mine.Where(m => numberOf.ContainsKey(story.Articles[m - members[0]].Article.Id)).ToArray();
            var pick = mine.Length == 0 ? (int?)null : Closest(listedMine.Length > 0 ? listedMine : mine);
            var article = pick is int p ? story.Articles[p - members[0]].Article : null;
            sides.Add(new StorySide
            {
                Side = side,
                ArticleCount = Math.Max(count, mine.Length),
                Headline = article?.Title ?? story.Headline,
                HeadlineSource = article is not null && numberOf.TryGetValue(article.Id, out var n) ? n : null,
                SourceNumbers = listedMine.Select(m => numberOf[story.Articles[m - members[0]].Article.Id]).Order().ToArray(),
            });
        }

        var listedMembers = members.Where(m => numberOf.ContainsKey(story.Articles[m - members[0]].Article.Id)).ToArray();
        // The clusterer's headline, unless it is the title of an article beyond the cap: then the listed one closest to the story.
        string headline = story.Headline;
        bool titleOfUnlisted = members.Except(listedMembers).Any(m => string.Equals(story.Articles[m - members[0]].Article.Title, story.Headline, StringComparison.Ordinal));
        bool titleOfListed = listedMembers.Any(m => string.Equals(story.Articles[m - members[0]].Article.Title, story.Headline, StringComparison.Ordinal));
        if (listedMembers.Length > 0 && titleOfUnlisted && !titleOfListed)
        {
            headline = story.Articles[Closest(listedMembers) - members[0]].Article.Title;
        }

        return new DigestStory
        {
            Story = story,
            Headline = headline,
            SourceNumbers = numbers,
            Sides = sides,
            BlindspotSide = story.IsBlindspot && sides.Count == 1 ? sides[0].Side : null,
            IsNotable = notable,
            ListedOutletCount = listedMembers.Select(m => story.Articles[m - members[0]].Article.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
        };
    }

    /// <summary>The headlines of every story's articles, in story order, as one term index (IDF over the run), on the terms story matching uses.</summary>
    private static TermIndex HeadlineIndex(List<Story> stories)
    {
        var texts = stories.SelectMany(s => s.Articles).Select(a => HeadlineTerms.Terms(a.Article.Title)).ToArray();
        return TermIndex.Build(texts, Enumerable.Range(0, texts.Length).ToArray());
    }

    private static string[] OtherOutlets(Article article) => article.AlsoPublishedBy
        .Select(c => c.Outlet)
        .Where(o => !string.Equals(o, article.Outlet, StringComparison.Ordinal))
        .Distinct(StringComparer.Ordinal)
        .ToArray();
}
