using Microsoft.Extensions.DependencyInjection;
using static NewsPerspectives.Tests.Summarization.SummaryTestData;

namespace NewsPerspectives.Tests.Summarization;

public sealed class ExtractiveSummarizerTests
{
    [Fact]
    public async Task EveryBullet_CitesOnlyExistingSources_WithAndWithoutStories()
    {
        var (topic, sources, stories) = ChinaJapan();
        var numbers = sources.Select(s => s.Number).ToHashSet();
        foreach (var request in new[] { Request(topic, sources, stories), Request(topic, sources) })
        {
            var summary = await new ExtractiveSummarizer().SummarizeAsync(request);
            var bullets = AllBullets(summary).ToArray();
            Assert.NotEmpty(bullets);
            Assert.All(bullets, b =>
            {
                Assert.NotEmpty(b.Citations);
                Assert.All(b.Citations, n => Assert.Contains(n, numbers));
                Assert.Equal(b.Citations.Order().Distinct(), b.Citations);
            });
        }
    }

    [Fact]
    public async Task Highlights_NeverTwoFromOneStory()
    {
        var (topic, sources, stories) = ChinaJapan();
        var storyOf = stories.SelectMany(s => s.Articles.Select(a => (a.Article.Id, s.Id))).ToDictionary(x => x.Item1, x => x.Item2);
        var summary = await new ExtractiveSummarizer(new ExtractiveSummarizerOptions { MinHighlights = 5, MaxHighlights = 5 })
            .SummarizeAsync(Request(topic, sources, stories));

        Assert.Equal(5, summary.Highlights.Count);
        var storyIds = summary.Highlights.Select(h =>
        {
            var ids = h.Citations.Select(n => storyOf[sources[n - 1].Article.Id]).Distinct().ToArray();
            Assert.Single(ids);   // a highlight rests on one story
            return ids[0];
        }).ToArray();
        Assert.Equal(storyIds.Length, storyIds.Distinct().Count());
    }

    [Fact]
    public async Task Highlights_WhenMoreBulletsWantedThanStories_StopAtOnePerStory()
    {
        var topic = Topic("china", "japan");
        var sources = SummaryTestData.Sources(topic,
            new Spec("china", "Global Times", "China protests Japan's radar lock claim"),
            new Spec("china", "CGTN", "Beijing rejects Tokyo radar accusation as groundless"),
            new Spec("japan", "Kyodo", "Japan says Chinese warship locked radar on destroyer"),
            new Spec("japan", "NHK", "Radar lock-on: Tokyo lodges protest with Beijing"));
        var stories = new[] { Story("radar", sources, 1, 2, 3, 4) };

        var summary = await new ExtractiveSummarizer().SummarizeAsync(Request(topic, sources, stories));

        var highlight = Assert.Single(summary.Highlights);
        Assert.Equal([1, 2, 3, 4], highlight.Citations);
    }

    [Fact]
    public async Task Highlights_RankTheStoryCoveredByBothSidesFirst_CitingAllItsSources()
    {
        var (topic, sources, stories) = ChinaJapan();

        var summary = await new ExtractiveSummarizer().SummarizeAsync(Request(topic, sources, stories));

        Assert.Equal([1, 2, 5, 6], summary.Highlights[0].Citations);
        Assert.Contains(summary.Highlights[0].Text, new[] { 1, 2, 5, 6 }.Select(n => sources[n - 1].Article.Title));
    }

    [Fact]
    public async Task Highlights_OneSidedStoriesOfEqualBreadth_TakeTurnsBetweenSides_NewestFirst()
    {
        var topic = Topic("china", "japan");
        var sources = SummaryTestData.Sources(topic,
            new Spec("china", "Xinhua", "China opens new high-speed rail line to Laos border", HoursAgo: 1),
            new Spec("china", "CGTN", "Beijing hosts regional forum on digital trade rules", HoursAgo: 2),
            new Spec("china", "Global Times", "Shanghai port volumes hit record in December", HoursAgo: 3),
            new Spec("japan", "Kyodo", "Tokyo stocks close higher on chip shares", HoursAgo: 10),
            new Spec("japan", "NHK", "Heavy snow disrupts trains across northern Japan", HoursAgo: 12));
        var stories = Enumerable.Range(1, 5).Select(n => Story($"s{n}", sources, n)).ToArray();

        var summary = await new ExtractiveSummarizer(new ExtractiveSummarizerOptions { MinHighlights = 4, MaxHighlights = 4 })
            .SummarizeAsync(Request(topic, sources, stories));

        Assert.Equal([1, 4, 2, 5], summary.Highlights.Select(h => h.Citations.Single()));
    }

    [Fact]
    public async Task SideBullets_ShowEachSidesOwnHeadlineForASharedStory_AndItsOneSidedStories()
    {
        var (topic, sources, stories) = ChinaJapan();

        var summary = await new ExtractiveSummarizer().SummarizeAsync(Request(topic, sources, stories));

        var china = summary.SideBullets["china"];
        var japan = summary.SideBullets["japan"];
        var chinaRare = Assert.Single(china, b => b.Citations.Intersect([1, 2, 5, 6]).Any());
        var japanRare = Assert.Single(japan, b => b.Citations.Intersect([1, 2, 5, 6]).Any());
        Assert.Equal([1, 2], chinaRare.Citations);
        Assert.Contains(chinaRare.Text, new[] { sources[0].Article.Title, sources[1].Article.Title });
        Assert.Equal([5, 6], japanRare.Citations);
        Assert.Contains(japanRare.Text, new[] { sources[4].Article.Title, sources[5].Article.Title });

        // One-sided stories appear under their own side only.
        Assert.Contains(china, b => b.Citations.SequenceEqual([3]) && b.Text == sources[2].Article.Title);
        Assert.DoesNotContain(japan, b => b.Citations.Contains(3));
        Assert.Contains(japan, b => b.Citations.SequenceEqual([7]));
        Assert.All(china, b => Assert.All(b.Citations, n => Assert.Equal("china", sources[n - 1].SideId)));
        Assert.All(japan, b => Assert.All(b.Citations, n => Assert.Equal("japan", sources[n - 1].SideId)));
    }

    [Fact]
    public async Task WithoutStories_SameSubjectHeadlinesAreGroupedIntoOneHighlight()
    {
        var (topic, sources, _) = ChinaJapan();

        var summary = await new ExtractiveSummarizer().SummarizeAsync(Request(topic, sources));

        // "China warns Japan over deep-sea rare earth mining near Minamitorishima" (1) shares most terms with "Japan
        // begins deep-sea rare earth mining test off Minamitorishima" (5) and "Rare earth mud mining test could cut
        // Japan's reliance on China" (6), not enough with "Japan's rare earth mining trial is a threat to regional
        // supply, experts say" (2, Jaccard 4/15): one story over both sides, ranked first.
        Assert.Equal([1, 5, 6], summary.Highlights[0].Citations);
        var cited = summary.Highlights.SelectMany(h => h.Citations).ToArray();
        Assert.Equal(cited.Length, cited.Distinct().Count());
    }

    [Fact]
    public async Task SourcesInNoStory_CountAsTheirOwnStory_AndAreNoted()
    {
        var (topic, sources, stories) = ChinaJapan();
        var partial = stories.Take(1).ToArray();

        var summary = await new ExtractiveSummarizer().SummarizeAsync(Request(topic, sources, partial));

        Assert.Contains(summary.Notes, n => n.Contains("4 listed source(s) were in no story", StringComparison.Ordinal));
        Assert.Contains(summary.SideBullets["japan"], b => b.Citations.SequenceEqual([8]));
    }

    [Fact]
    public async Task WithDescriptions_TheBulletIsTheMostCentralSentence_NotTheVagueHeadline()
    {
        var topic = Topic("taiwan", "china");
        const string central = "A magnitude 7.4 earthquake struck off Hualien county on Wednesday morning, killing nine people and injuring hundreds.";
        var sources = SummaryTestData.Sources(topic,
            new Spec("taiwan", "Focus Taiwan", "Strongest in 25 years",
                central + " Rescuers are searching for dozens of people trapped in tunnels. Power was cut to 87,000 homes."),
            new Spec("taiwan", "Taipei Times", "Island counts the cost",
                "The magnitude 7.4 earthquake off Hualien killed nine people and injured more than 900. Schools were closed across the island."),
            new Spec("china", "Global Times", "Mainland offers help",
                "Beijing said it was ready to send rescue teams after the Hualien earthquake killed nine people. The offer was not answered."));
        var stories = new[] { Story("quake", sources, 1, 2, 3) };

        var withSentences = await new ExtractiveSummarizer().SummarizeAsync(Request(topic, sources, stories));
        var headlinesOnly = await new ExtractiveSummarizer(new ExtractiveSummarizerOptions { UseDescriptions = false })
            .SummarizeAsync(Request(topic, sources, stories));

        var highlight = Assert.Single(withSentences.Highlights);
        Assert.DoesNotContain(highlight.Text, sources.Select(s => s.Article.Title));
        Assert.Contains("earthquake", highlight.Text, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], highlight.Citations);
        Assert.Contains(Assert.Single(headlinesOnly.Highlights).Text, sources.Select(s => s.Article.Title));

        // China's own framing of the shared story comes from China's own article.
        var china = Assert.Single(withSentences.SideBullets["china"]);
        Assert.Equal([3], china.Citations);
        Assert.StartsWith("Beijing said it was ready", china.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameRequest_GivesTheSameSummary()
    {
        var (topic, sources, stories) = ChinaJapan();
        static string Render(DigestSummary s) => string.Join("\n", AllBullets(s).Select(b => $"{b.Text} [{string.Join(",", b.Citations)}]"));

        var first = Render(await new ExtractiveSummarizer().SummarizeAsync(Request(topic, sources, stories)));
        var second = Render(await new ExtractiveSummarizer().SummarizeAsync(Request(topic, sources, stories.Reverse().ToArray())));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task HighlightWordBudget_GivesASentenceExtractOfAboutThatManyWords()
    {
        var topic = Topic("all");
        var body = string.Join(" ", Enumerable.Range(1, 30).Select(i => $"Sentence number {i} says the flood in district {i % 7} displaced {i * 100} families overnight."));
        var sources = SummaryTestData.Sources(topic,
            new Spec("all", "A", "Flood displaces thousands", body),
            new Spec("all", "B", "Rains continue", "The flood displaced thousands of families in seven districts overnight. Officials opened shelters in schools."));

        var summary = await new ExtractiveSummarizer(new ExtractiveSummarizerOptions { HighlightWordBudget = 60 })
            .SummarizeAsync(Request(topic, sources));

        int words = summary.Highlights.Sum(h => h.Text.Split(' ').Length);
        Assert.InRange(words, 60, 60 + 20);
        Assert.True(summary.Highlights.Count > 3);
        Assert.All(summary.Highlights, h => Assert.All(h.Citations, n => Assert.InRange(n, 1, 2)));
    }

    [Fact]
    public async Task EmptySources_GiveEmptyBulletsPerSide()
    {
        var topic = Topic("china", "japan");

        var summary = await new ExtractiveSummarizer().SummarizeAsync(Request(topic, []));

        Assert.Empty(summary.Highlights);
        Assert.Equal(["china", "japan"], summary.SideBullets.Keys.Order());
        Assert.All(summary.SideBullets.Values, Assert.Empty);
    }

    [Theory]
    [InlineData(nameof(ExtractiveSummarizerOptions.MmrLambda), 1.5)]
    [InlineData(nameof(ExtractiveSummarizerOptions.SameSubjectSimilarity), -0.1)]
    [InlineData(nameof(ExtractiveSummarizerOptions.HighlightWordBudget), -1)]
    [InlineData(nameof(ExtractiveSummarizerOptions.MinHighlights), 9)]
    public void Options_OutOfRange_AreRejectedWhenTheSummarizerIsCreated(string name, double value)
    {
        var options = new ExtractiveSummarizerOptions();
        var property = typeof(ExtractiveSummarizerOptions).GetProperty(name)!;
        property.SetValue(options, property.PropertyType == typeof(int) ? (object)(int)value : value);

        var error = Assert.Throws<ArgumentException>(() => new ExtractiveSummarizer(options));
        Assert.Equal($"ExtractiveSummarizerOptions.{name}", error.ParamName);
        Assert.Contains($"ExtractiveSummarizerOptions.{name} is ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SnapshotPipeline_EveryBulletOfEveryTopic_CitesAListedSource_AndHighlightsDoNotShareSources()
    {
        var configuration = TopicConfigurationLoader.LoadFile(Path.Combine(TestPaths.Snapshot, "topics.yaml"));
        var services = new ServiceCollection();
        services.AddNewsPerspectives();
        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<DigestPipeline>();

        foreach (var topic in configuration.Topics)
        {
            var run = await pipeline.RunAsync(topic, configuration.AsOf);
            var digest = run.Digest;
            Assert.InRange(digest.Highlights.Count, 3, 5);
            var bullets = digest.Highlights.Concat(digest.Sides.SelectMany(s => s.Bullets)).ToArray();
            Assert.All(bullets, b => Assert.All(b.Citations, n => Assert.InRange(n, 1, digest.Sources.Count)));
            Assert.All(bullets, b => Assert.NotEmpty(b.Citations));
            Assert.DoesNotContain(run.Diagnostics.Notes, n => n.Contains("point at no source", StringComparison.Ordinal));
            var cited = digest.Highlights.SelectMany(h => h.Citations).ToArray();
            Assert.Equal(cited.Length, cited.Distinct().Count());
            foreach (var side in digest.Sides)
            {
                Assert.All(side.Bullets, b => Assert.All(b.Citations, n => Assert.Equal(side.Side.Id, digest.Sources[n - 1].SideId)));
            }
        }
    }
}
