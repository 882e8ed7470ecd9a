using static NewsPerspectives.Tests.Summarization.SummaryTestData;

namespace NewsPerspectives.Tests.Summarization;

public sealed class SummarizerDecoratorTests
{
    private sealed class Fixed(DigestSummary summary) : ISummarizer
    {
        public int Calls { get; private set; }

        public Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(summary);
        }
    }

    private sealed class Throwing(Exception exception) : ISummarizer
    {
        public Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default) => throw exception;
    }

    /// <summary>Records the order calls pass through it, then delegates.</summary>
    private sealed class Recording(ISummarizer inner, string name, List<string> log) : DelegatingSummarizer(inner)
    {
        public override Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default)
        {
            log.Add(name);
            return base.SummarizeAsync(request, cancellationToken);
        }
    }

    private static DigestSummary Summary(params SummaryBullet[] highlights) => new()
    {
        Highlights = highlights,
        SideBullets = new Dictionary<string, IReadOnlyList<SummaryBullet>>(StringComparer.Ordinal),
    };

    private static DigestSummary SideSummary(string side, params SummaryBullet[] bullets) => new()
    {
        Highlights = [],
        SideBullets = new Dictionary<string, IReadOnlyList<SummaryBullet>>(StringComparer.Ordinal) { [side] = bullets },
    };

    [Fact]
    public async Task Builder_TheFirstWrapperAddedIsTheOutermost()
    {
        var (topic, sources, stories) = ChinaJapan();
        var log = new List<string>();
        var inner = new Fixed(Summary());

        var built = inner.AsBuilder()
            .Use(s => new Recording(s, "first", log))
            .Use((s, _) => new Recording(s, "second", log))
            .Build();
        await built.SummarizeAsync(Request(topic, sources, stories));

        Assert.Equal(["first", "second"], log);
        Assert.Equal(1, inner.Calls);
        Assert.Throws<InvalidOperationException>(() => inner.AsBuilder().Use(_ => null!).Build());
    }

    [Fact]
    public async Task Fallback_WhenTheSummarizerThrows_NotesWhyWithItsNameUnderTheWrappers()
    {
        var (topic, sources, stories) = ChinaJapan();
        var fallback = new Fixed(Summary(new SummaryBullet { Text = sources[0].Article.Title, Citations = [1] }));
        var summarizer = new Throwing(new InvalidOperationException("model unavailable")).AsBuilder().UseFallback(fallback).UseCitationCheck().Build();

        var summary = await summarizer.SummarizeAsync(Request(topic, sources, stories));

        Assert.Equal(1, fallback.Calls);
        Assert.Equal([1], Assert.Single(summary.Highlights).Citations);
        Assert.Equal("summarizer Throwing failed (InvalidOperationException: model unavailable); used the Fixed instead", Assert.Single(summary.Notes));
    }

    [Fact]
    public async Task Fallback_KeepsTheNotesOfASummarizerException_AndItsMessageIsTheReason()
    {
        var (topic, sources, _) = ChinaJapan();
        var summarizer = new FallbackSummarizer(new Throwing(new SummarizerException("chat summarizer: no answer within 30 s", ["tokens: 10"])), new Fixed(Summary()));

        var summary = await summarizer.SummarizeAsync(Request(topic, sources));

        Assert.Equal(["tokens: 10", "chat summarizer: no answer within 30 s; used the Fixed instead"], summary.Notes);
    }

    [Fact]
    public async Task Fallback_WhenNoBulletSurvivesTheCheck_ForARequestWithSources()
    {
        var (topic, sources, stories) = ChinaJapan();
        var made = new Fixed(Summary(new SummaryBullet { Text = "Invented claim about a football final.", Citations = [1] }));
        var fallback = new Fixed(Summary(new SummaryBullet { Text = sources[0].Article.Title, Citations = [1] }));

        var summary = await made.AsBuilder().UseFallback(fallback).UseCitationCheck().Build().SummarizeAsync(Request(topic, sources, stories));

        Assert.Equal(sources[0].Article.Title, Assert.Single(summary.Highlights).Text);
        Assert.Contains(summary.Notes, n => n.StartsWith("highlights: dropped \"Invented claim about a football final.\"", StringComparison.Ordinal));
        Assert.Contains("summarizer Fixed gave no bullet that passed the checks; used the Fixed instead", summary.Notes);
    }

    [Fact]
    public async Task Fallback_DoesNotSwallowTheCallersCancellation_NorFallBackForARequestWithoutSources()
    {
        var (topic, sources, _) = ChinaJapan();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var fallback = new Fixed(Summary());
        var cancelled = new FallbackSummarizer(new Throwing(new OperationCanceledException(cts.Token)), fallback);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.SummarizeAsync(Request(topic, sources), cts.Token));
        Assert.Equal(0, fallback.Calls);

        var empty = await new FallbackSummarizer(new Fixed(Summary()), fallback).SummarizeAsync(Request(topic, []));
        Assert.Empty(empty.Notes);
        Assert.Equal(0, fallback.Calls);
    }

    [Fact]
    public async Task Check_RemovesCitationsThatPointNowhereOrAtAnotherSide_OrDoNotSupport_AndNotesEach()
    {
        var (topic, sources, stories) = ChinaJapan();
        var inner = new Fixed(new DigestSummary
        {
            Highlights = [new SummaryBullet { Text = "Japan begins a deep-sea rare earth mining test off Minamitorishima.", Citations = [5, 7, 42] }],
            SideBullets = new Dictionary<string, IReadOnlyList<SummaryBullet>>(StringComparer.Ordinal)
            {
                ["china"] = [new SummaryBullet { Text = "China warns Japan over deep-sea rare earth mining near Minamitorishima.", Citations = [1, 5] }],
                ["korea"] = [new SummaryBullet { Text = "Not a side of this topic.", Citations = [1] }],
            },
        });

        var summary = await new CitationCheckingSummarizer(inner).SummarizeAsync(Request(topic, sources, stories));

        var highlight = Assert.Single(summary.Highlights);
        Assert.Equal([5], highlight.Citations);
        Assert.Equal("rare-earths", highlight.StoryId);
        Assert.Equal([1], Assert.Single(summary.SideBullets["china"]).Citations);
        Assert.Empty(summary.SideBullets["japan"]);
        Assert.False(summary.SideBullets.ContainsKey("korea"));
        Assert.Equal(
            [
                "highlights: removed citation(s) 42 that point at no source from \"Japan begins a deep-sea rare earth mining test off Minamitorishima.\"",
                "highlights: removed citation(s) 7 that do not support \"Japan begins a deep-sea rare earth mining test off Minamitorishima.\"",
                "china: removed citation(s) 5 of another side's sources from \"China warns Japan over deep-sea rare earth mining near Minamitorishima.\"",
                "korea: dropped 1 bullet(s) for a side the topic does not have",
            ],
            summary.Notes);
    }

    [Fact]
    public async Task Check_AttributesAnUncitedSideBullet_AmongThatSidesSourcesOnly()
    {
        var (topic, sources, stories) = ChinaJapan();
        var inner = new Fixed(SideSummary("japan", new SummaryBullet { Text = "Deep-sea rare earth mining near Minamitorishima draws a Chinese warning.", Citations = [] }));

        var summary = await new CitationCheckingSummarizer(inner).SummarizeAsync(Request(topic, sources, stories));

        var bullet = Assert.Single(summary.SideBullets["japan"]);
        Assert.Equal([5, 6], bullet.Citations); // source 1 (China's) has the same words but is not Japan's
        Assert.Equal("rare-earths", bullet.StoryId);
        Assert.Contains("japan: attributed \"Deep-sea rare earth mining near Minamitorishima draws a Chinese warning.\" to source(s) 5, 6: it cited none", summary.Notes);

        var strict = await new CitationCheckingSummarizer(inner, new SupportCheck(new SupportCheckOptions { AttributeUncited = false })).SummarizeAsync(Request(topic, sources, stories));
        Assert.Empty(strict.SideBullets["japan"]);
        Assert.Contains(strict.Notes, n => n.EndsWith("it cites no source", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_KeepsAStoryTheSummarizerNamed_AndFixesOneThatDoesNotExist()
    {
        var (topic, sources, stories) = ChinaJapan();
        var text = sources[2].Article.Title;
        var inner = new Fixed(Summary(
            new SummaryBullet { Text = text, Citations = [3], StoryId = "taiwan-remarks" },
            new SummaryBullet { Text = sources[3].Article.Title, Citations = [4], StoryId = "no-such-story" }));

        var summary = await new CitationCheckingSummarizer(inner).SummarizeAsync(Request(topic, sources, stories));

        Assert.Equal(["taiwan-remarks", "travel"], summary.Highlights.Select(h => h.StoryId));
    }

    [Fact]
    public async Task UseFallbackAndChecks_ChecksTheFallbackToo_AndKeepsTheExtractiveOptions()
    {
        var (topic, sources, stories) = ChinaJapan();
        var summarizer = new Throwing(new InvalidOperationException("down")).AsBuilder()
            .UseFallbackAndChecks(new ExtractiveSummarizerOptions { MinHighlights = 1, MaxHighlights = 1 })
            .Build();

        var summary = await summarizer.SummarizeAsync(Request(topic, sources, stories));

        Assert.Single(summary.Highlights);
        Assert.All(summary.AllBullets, b => Assert.NotNull(b.StoryId));
        Assert.Contains("summarizer Throwing failed (InvalidOperationException: down); used the ExtractiveSummarizer instead", summary.Notes);
    }
}
