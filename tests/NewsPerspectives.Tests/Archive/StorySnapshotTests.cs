using static NewsPerspectives.Tests.TestArticles;

namespace NewsPerspectives.Tests.Archive;

public sealed class StorySnapshotTests
{
    private static readonly TopicDefinition CJ = Topic("china-japan", Side("china", "China"), Side("japan", "Japan"));

    private static ClassifiedArticle Classified(string side, string title, string outlet, int hour, string link) => new()
    {
        Article = Article(title, outlet, CJ.Feeds.First(f => f.Side == side), link: link) with { Published = new DateTimeOffset(2026, 1, 12, hour, 0, 0, TimeSpan.Zero) },
        Perspective = new PerspectiveAssignment { SideId = side, Confidence = 1, Reason = "test" },
    };

    private static Story TalksStory() => new()
    {
        Id = "story-1",
        Headline = "Japan and China hold rare earth export talks",
        Articles =
        [
            Classified("japan", "Rare earth talks open in Tokyo", "Kyodo", 9, "https://k.example/1"),
            Classified("china", "China, Japan begin rare earth export talks in Tokyo", "Xinhua", 4, "https://x.example/2"),
            Classified("china", "Japan and China hold rare earth export talks", "CGTN", 6, "https://c.example/3"),
        ],
        CoverageBySide = new Dictionary<string, int> { ["china"] = 2, ["japan"] = 1 },
    };

    [Fact]
    public void FromStory_TakesTheHeadlinesTerms_ThenTheOthersByHowManyHeadlinesShareThem()
    {
        var snapshot = StorySnapshot.FromStory(TalksStory());

        Assert.Equal("story-1", snapshot.Id);
        // HeadlineTerms: words cut to five letters; "tokyo" (two headlines) before "open" and "begin" (one each).
        Assert.Equal(["japan", "china", "hold", "rare", "earth", "expor", "talk", "tokyo", "open", "begin"], snapshot.Terms);
        Assert.Equal(["japan", "china", "hold"], StorySnapshot.FromStory(TalksStory(), maxTerms: 3).Terms);
        Assert.Throws<ArgumentOutOfRangeException>(() => StorySnapshot.FromStory(TalksStory(), maxTerms: 0));
    }

    [Fact]
    public void FromStory_CountsEachSide_WithItsFirstArticle_InTheStorysSideOrder_AndListsTheOutlets()
    {
        var snapshot = StorySnapshot.FromStory(TalksStory());

        Assert.Equal(["china", "japan"], snapshot.Coverage.Select(c => c.SideId));
        Assert.Equal([2, 1], snapshot.Coverage.Select(c => c.Articles));
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero), snapshot.Coverage[0].FirstPublished);
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero), snapshot.Coverage[1].FirstPublished);
        Assert.Equal(["Kyodo", "Xinhua", "CGTN"], snapshot.Outlets);
    }

    [Fact]
    public void FromDigest_IsTheDigestsTopicDateSidesAndEveryStory()
    {
        var story = TalksStory();
        var digest = new DigestAssembler().Assemble(CJ, new DateTimeOffset(2026, 1, 12, 12, 0, 0, TimeSpan.Zero), story.Articles, story.Articles, [story]);

        var run = StoryArchiveRun.FromDigest(digest);

        Assert.Equal("china-japan", run.TopicId);
        Assert.Equal(new DateOnly(2026, 1, 12), run.Date);
        Assert.Equal(["china", "japan"], run.SideIds);
        Assert.Equal("story-1", Assert.Single(run.Stories).Id);
        run.Validate();
    }

    [Theory]
    [InlineData("sides", "side ids repeat")]
    [InlineData("outlet", "an outlet is empty or holds a line break")]
    [InlineData("articles", "has 0 articles")]
    [InlineData("headline", "no headline")]
    public void Validate_NamesTheBadValue(string what, string expected)
    {
        var story = new StorySnapshot
        {
            Id = "s",
            Headline = what == "headline" ? " " : "Talks",
            Outlets = what == "outlet" ? ["Two\nlines"] : ["Kyodo"],
            Coverage = [new SideCoverage { SideId = "china", Articles = what == "articles" ? 0 : 1, FirstPublished = DateTimeOffset.UnixEpoch }],
        };
        var run = new StoryArchiveRun { TopicId = "t", Date = new DateOnly(2026, 1, 12), SideIds = what == "sides" ? ["china", "china"] : ["china", "japan"], Stories = [story] };

        var error = Assert.Throws<ArgumentException>(run.Validate);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContinuationOptions_RejectOutOfRangeValues()
    {
        new StoryContinuationOptions().Validate();
        Assert.Throws<ArgumentOutOfRangeException>(() => new StoryContinuationOptions { WindowDays = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new StoryContinuationOptions { MinScore = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new StoryContinuationOptions { MinScore = 1.5 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new StoryContinuationOptions { SignatureTerms = 0 }.Validate());
    }
}
