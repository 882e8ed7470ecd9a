namespace NewsPerspectives.Tests.Summarization;

/// <summary>Builds topics, numbered sources and stories by hand for summarizer tests.</summary>
internal static class SummaryTestData
{
    public static readonly DateTimeOffset AsOf = new(2026, 1, 12, 4, 0, 0, TimeSpan.Zero);

    public static TopicDefinition Topic(params string[] sides) => new()
    {
        Id = "test-topic",
        Name = "Test Topic",
        Sides = sides.Select(s => new SideDefinition { Id = s, Name = char.ToUpperInvariant(s[0]) + s[1..] }).ToArray(),
        Feeds = sides.Select(s => new FeedDefinition { Kind = FeedKind.File, Location = $"{s}.xml", Side = s }).ToArray(),
    };

    /// <summary>One source: (side, outlet, title, description, hours before <see cref="AsOf"/>).</summary>
    public sealed record Spec(string Side, string Outlet, string Title, string Description = "", int HoursAgo = 1);

    public static DigestSource[] Sources(TopicDefinition topic, params Spec[] specs) =>
        specs.Select((spec, i) => new DigestSource
        {
            Number = i + 1,
            Item = new ClassifiedArticle
            {
                Article = new Article
                {
                    Id = $"a{i + 1}",
                    Title = spec.Title,
                    Description = spec.Description,
                    Link = $"https://example.org/{i + 1}",
                    Outlet = spec.Outlet,
                    Published = AsOf.AddHours(-spec.HoursAgo),
                    Feed = topic.Feeds.First(f => f.Side == spec.Side),
                    FeedPosition = i,
                },
                Perspective = new PerspectiveAssignment { SideId = spec.Side, Confidence = 1, Reason = "test" },
            },
        }).ToArray();

    /// <summary>A story over the given source numbers.</summary>
    public static Story Story(string id, IReadOnlyList<DigestSource> sources, params int[] numbers)
    {
        var items = numbers.Select(n => sources[n - 1].Item).OrderByDescending(i => i.Article.Published).ToArray();
        var coverage = items.GroupBy(i => i.SideId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new Story
        {
            Id = id,
            Headline = items[0].Article.Title,
            Articles = items,
            CoverageBySide = coverage,
            IsBlindspot = coverage.Count == 1,
        };
    }

    /// <summary>The request of an assembled digest over the sources (in their order) and stories; every source its own story when none are given.</summary>
    public static SummaryRequest Request(TopicDefinition topic, IReadOnlyList<DigestSource> sources, IReadOnlyList<Story>? stories = null, ICollection<string>? notes = null)
    {
        var items = sources.Select(s => s.Item).ToArray();
        stories ??= new NoStoryClusterer().ClusterAsync(topic, items).GetAwaiter().GetResult();
        return new() { Digest = new DigestAssembler().Assemble(topic, AsOf, items, items, stories, notes) };
    }

    /// <summary>Every bullet of a summary, highlights first.</summary>
    public static IEnumerable<SummaryBullet> AllBullets(DigestSummary summary) =>
        summary.Highlights.Concat(summary.SideBullets.Values.SelectMany(b => b));

    /// <summary>A realistic two-side set: a shared story (rare earths), a China-only and a Japan-only story, and others.</summary>
    public static (TopicDefinition Topic, DigestSource[] Sources, Story[] Stories) ChinaJapan()
    {
        var topic = Topic("china", "japan");
        var sources = Sources(topic,
            new Spec("china", "Global Times", "China warns Japan over deep-sea rare earth mining near Minamitorishima", HoursAgo: 2),
            new Spec("china", "China Daily", "Japan's rare earth mining trial is a threat to regional supply, experts say", HoursAgo: 5),
            new Spec("china", "CGTN", "Chinese foreign ministry urges Japan to correct Taiwan remarks", HoursAgo: 3),
            new Spec("china", "Xinhua", "Chinese outbound travel set to soar during Spring Festival holiday", HoursAgo: 8),
            new Spec("japan", "The Japan Times", "Japan begins deep-sea rare earth mining test off Minamitorishima", HoursAgo: 1),
            new Spec("japan", "Nikkei Asia", "Rare earth mud mining test could cut Japan's reliance on China", HoursAgo: 4),
            new Spec("japan", "Kyodo", "Takaichi weighs snap election as cabinet support holds", HoursAgo: 6),
            new Spec("japan", "NHK", "Japan defense ministry reports Chinese carrier near Okinawa", HoursAgo: 7));
        var stories = new[]
        {
            Story("rare-earths", sources, 1, 2, 5, 6),
            Story("taiwan-remarks", sources, 3),
            Story("travel", sources, 4),
            Story("election", sources, 7),
            Story("carrier", sources, 8),
        };
        return (topic, sources, stories);
    }
}
