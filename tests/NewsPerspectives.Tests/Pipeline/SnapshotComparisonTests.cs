namespace NewsPerspectives.Tests.Pipeline;

/// <summary>
/// What the digest must show on the bundled snapshot (every topic, default stages): highlights that compare instead of
/// repeating the per-side bullets, each about a named story, citing every side that covered it; side bullets from that
/// side only; each shared story with each side's headline.
/// </summary>
public sealed class SnapshotComparisonTests
{
    private static async Task<IReadOnlyList<Digest>> SnapshotAsync()
    {
        var config = TopicConfigurationLoader.LoadFile(Path.Combine(TestPaths.Snapshot, "topics.yaml"));
        var digests = new List<Digest>();
        foreach (var topic in config.Topics)
        {
            digests.Add((await TestPipeline.RunAsync(topic, config.AsOf!.Value)).Digest);
        }

        return digests;
    }

    [Fact]
    public async Task NoHighlightRepeatsABullet_AndEveryHighlightNamesItsStory()
    {
        foreach (var digest in await SnapshotAsync())
        {
            var bullets = digest.Sides.SelectMany(s => s.Bullets).Select(b => b.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.NotEmpty(digest.Highlights);
            Assert.All(digest.Highlights, h => Assert.DoesNotContain(h.Text, bullets));
            Assert.All(digest.Highlights, h => Assert.DoesNotContain(bullets, b => h.Text.Contains(b, StringComparison.OrdinalIgnoreCase)));
            Assert.All(digest.Highlights, h => Assert.NotNull(digest.FindStory(h.StoryId)));
        }
    }

    [Fact]
    public async Task AHighlightAboutAStoryOfSeveralListedSides_CitesASourceOfEach()
    {
        int shared = 0;
        foreach (var digest in await SnapshotAsync())
        {
            foreach (var highlight in digest.Highlights)
            {
                var story = digest.FindStory(highlight.StoryId)!;
                var listedSides = story.ListedSides.Select(s => s.Side.Id).ToArray();
                var citedSides = highlight.Citations.Select(n => digest.FindSource(n)!.SideId).Distinct().ToArray();
                Assert.All(listedSides, side => Assert.Contains(side, citedSides));
                if (listedSides.Length > 1)
                {
                    shared++;
                    Assert.All(story.ListedSides, side => Assert.Contains($"{side.Side.Name}: ", highlight.Text, StringComparison.Ordinal));
                }
            }
        }

        Assert.True(shared > 0, "no snapshot highlight is about a story several sides covered");
    }

    [Fact]
    public async Task EachSidesBullets_CiteOnlyThatSidesSources()
    {
        foreach (var digest in await SnapshotAsync())
        {
            foreach (var side in digest.Sides)
            {
                Assert.All(side.Bullets, b => Assert.All(b.Citations, n => Assert.Equal(side.Side.Id, digest.FindSource(n)!.SideId)));
            }
        }
    }

    [Fact]
    public async Task EveryStorySeveralSidesCovered_HasEachSidesHeadline_FromThatSide()
    {
        foreach (var digest in await SnapshotAsync())
        {
            foreach (var story in digest.SharedStories)
            {
                Assert.All(story.Sides, side =>
                {
                    var article = story.Story.Articles.First(a => a.Article.Title == side.Headline);
                    Assert.Equal(side.Side.Id, article.SideId);
                    if (side.HeadlineSource is int n)
                    {
                        Assert.Equal(side.Headline, digest.FindSource(n)!.Article.Title);
                    }
                });
            }

            // A story's headline is that of one of its listed sources whenever it has one.
            Assert.All(digest.Stories.Where(s => s.SourceNumbers.Count > 0 && s.Story.Articles.Any(a => a.Article.Title == s.Story.Headline)),
                story => Assert.Contains(story.SourceNumbers, n => digest.FindSource(n)!.Article.Title == story.Headline));
        }
    }

    [Fact]
    public async Task TheChinaJapanSnapshot_OpensWithTheDualUseExportBan_BothSidesHeadlinesSideBySide()
    {
        var digest = (await SnapshotAsync()).Single(d => d.Topic.Id == "china-japan");

        var first = digest.Highlights[0];
        var story = digest.FindStory(first.StoryId)!;
        Assert.Equal(["china", "japan"], story.ListedSides.Select(s => s.Side.Id));
        var china = story.FindSide("china")!;
        var japan = story.FindSide("japan")!;
        Assert.Contains("dual-use", china.Headline, StringComparison.Ordinal);
        Assert.StartsWith($"China: {china.Headline}", first.Text, StringComparison.Ordinal);
        Assert.Contains("; Japan: ", first.Text, StringComparison.Ordinal);
        Assert.Contains(china.SourceNumbers[0], first.Citations);
        Assert.Contains(japan.SourceNumbers[0], first.Citations);
        Assert.Contains(story, digest.SharedStories);
    }

    /// <summary>
    /// The dual-use export ban with the china-japan snapshot's three dual-use headlines as one story: the highlight and
    /// every format show both sides' headlines side by side.
    /// </summary>
    [Fact]
    public async Task TheDualUseExportBan_AsOneStory_ShowsBothSidesHeadlinesSideBySide()
    {
        var topic = Stories.StoryTestData.Topic();
        var china = Stories.StoryTestData.Classified(topic, "china", "Japanese PM’s claim on China’s export control on dual-use items exposes ‘lack of sincerity and dangerous foreign policy approach,’ expert says", "Global Times", 20);
        var japan = Stories.StoryTestData.Classified(topic, "japan", "China blinks again following dual-use export threat earlier in the week", "The Japan Times", 40);
        var other = Stories.StoryTestData.Classified(topic, "japan", "Japan to check if China's latest dual-use export ban covers rare earths", "Kyodo News", 60);
        var story = new Story
        {
            Id = "dual-use",
            Headline = japan.Article.Title,
            Articles = [china, japan, other],
            CoverageBySide = new Dictionary<string, int> { ["china"] = 1, ["japan"] = 2 },
        };
        var digest = TestDigests.Assemble(topic, Stories.StoryTestData.AsOf, [china, japan, other], [story]);
        var summary = await new ExtractiveSummarizer().AsBuilder().UseFallbackAndChecks().Build().SummarizeAsync(new SummaryRequest { Digest = digest });
        var run = new DigestRun { Digest = digest.WithSummary(summary), Diagnostics = new DigestDiagnostics { Feeds = [], Dropped = [] } };

        var highlight = Assert.Single(run.Digest.Highlights);
        Assert.Equal("dual-use", highlight.StoryId);
        Assert.Equal([1, 2, 3], highlight.Citations);
        Assert.StartsWith("China: " + china.Article.Title.TrimEnd('.'), highlight.Text, StringComparison.Ordinal);
        Assert.Contains("; Japan: ", highlight.Text, StringComparison.Ordinal);

        var shared = Assert.Single(run.Digest.SharedStories);
        Assert.Equal(china.Article.Title, shared.FindSide("china")!.Headline);
        Assert.Contains(shared.FindSide("japan")!.Headline, new[] { japan.Article.Title, other.Article.Title });

        var json = await TestPipeline.RenderAsync(new JsonDigestFormatter(), run);
        Assert.Contains($"\"china\": \"{china.Article.Title}\"", json, StringComparison.Ordinal);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(new HtmlDigestFormatter().Render(run.Digest));
        var takes = page.QuerySelectorAll("#stories .takes li").Select(li => (li.QuerySelector(".take-side")!.TextContent, li.QuerySelector(".take-headline")!.TextContent)).ToArray();
        Assert.Equal([("China", china.Article.Title), ("Japan", shared.FindSide("japan")!.Headline)], takes);
        var post = new HugoMarkdownFormatter(new HugoMarkdownFormatterOptions { IncludeFraming = true }).Render(run.Digest);
        Assert.Contains("The same story, each side's headline:", post, StringComparison.Ordinal);
        Assert.Contains("- China: " + MarkdownText.Escape(china.Article.Title) + " [1]; Japan: ", post, StringComparison.Ordinal);
    }
}
