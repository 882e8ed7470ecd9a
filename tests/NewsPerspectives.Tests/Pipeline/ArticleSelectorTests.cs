namespace NewsPerspectives.Tests.Pipeline;

public class ArticleSelectorTests
{
    private static TopicDefinition Topic(int max, bool balance, params string[] sides) => new()
    {
        Id = "t",
        Name = "T",
        Sides = sides.Select(s => new SideDefinition { Id = s, Name = s.ToUpperInvariant() }).ToArray(),
        Feeds = sides.Select(s => new FeedDefinition { Kind = FeedKind.File, Location = s, Side = s }).ToArray(),
        Limits = new TopicLimits { MaxArticles = max, BalanceSides = balance },
    };

    private static List<ClassifiedArticle> Articles(TopicDefinition topic, string side, int count, int startHour = 0)
    {
        var feed = topic.Feeds.Single(f => f.Side == side);
        return Enumerable.Range(0, count).Select(i => new ClassifiedArticle
        {
            Article = new Article
            {
                Id = $"{side}{i}",
                Title = $"{side} {i}",
                Link = $"https://{side}.example/{i}",
                Outlet = side,
                Published = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero).AddHours(startHour + i),
                Feed = feed,
                FeedPosition = i,
            },
            Perspective = new PerspectiveAssignment { SideId = side, Confidence = 1, Reason = "test" },
        }).ToList();
    }

    [Fact]
    public void Balanced_EachSideGetsFloorOfMaxOverSides_NewestFirst()
    {
        var topic = Topic(20, true, "a", "b");
        var (selected, overCap) = ArticleSelector.Select([.. Articles(topic, "a", 15), .. Articles(topic, "b", 15, 100)], topic);
        Assert.Equal(10, selected.Count(s => s.SideId == "a"));
        Assert.Equal(10, selected.Count(s => s.SideId == "b"));
        Assert.Equal(10, overCap.Count);
        // Grouped by side in topic order, newest first within a side.
        Assert.Equal(["a14", "a13"], selected.Take(2).Select(s => s.Article.Id));
        Assert.Equal("b14", selected[10].Article.Id);
        Assert.DoesNotContain(selected, s => s.Article.Id == "a0");
    }

    [Fact]
    public void Balanced_AShortSideLeavesPlacesThatAreFilledRoundRobin()
    {
        var topic = Topic(10, true, "a", "b", "c");
        // floor(10/3) = 3 each; a has 1, so 10 - (1 + 3 + 3) = 3 places are filled round-robin: b, c, b.
        var (selected, _) = ArticleSelector.Select([.. Articles(topic, "a", 1), .. Articles(topic, "b", 8), .. Articles(topic, "c", 8)], topic);
        Assert.Equal(10, selected.Count);
        Assert.Equal(1, selected.Count(s => s.SideId == "a"));
        Assert.Equal(5, selected.Count(s => s.SideId == "b"));
        Assert.Equal(4, selected.Count(s => s.SideId == "c"));
    }

    [Fact]
    public void Balanced_RemainderOfTheDivisionGoesRoundRobinInSideOrder()
    {
        var topic = Topic(20, true, "a", "b", "c");
        var (selected, _) = ArticleSelector.Select([.. Articles(topic, "a", 10), .. Articles(topic, "b", 10), .. Articles(topic, "c", 10)], topic);
        Assert.Equal([7, 7, 6], new[] { "a", "b", "c" }.Select(s => selected.Count(x => x.SideId == s)));
    }

    [Fact]
    public void Unbalanced_NewestWinRegardlessOfSide()
    {
        var topic = Topic(5, false, "a", "b");
        var (selected, overCap) = ArticleSelector.Select([.. Articles(topic, "a", 5), .. Articles(topic, "b", 5, 100)], topic);
        Assert.All(selected, s => Assert.Equal("b", s.SideId));
        Assert.Equal(5, overCap.Count);
    }

    [Fact]
    public void FewerArticlesThanTheCap_AllAreListed()
    {
        var topic = Topic(20, true, "a", "b");
        var (selected, overCap) = ArticleSelector.Select([.. Articles(topic, "a", 3), .. Articles(topic, "b", 4)], topic);
        Assert.Equal(7, selected.Count);
        Assert.Empty(overCap);
    }

    [Fact]
    public void WithStories_EachSidesArticleOfASharedStoryIsListedEvenWhenOlderThanTheCap()
    {
        var topic = Topic(4, true, "a", "b");
        var a = Articles(topic, "a", 5);
        var b = Articles(topic, "b", 5);

        // One event covered by both sides: side a's oldest article and side b's newest.
        var shared = new Story
        {
            Id = "story-shared",
            Headline = "shared",
            Articles = [b[4], a[0]],
            CoverageBySide = new Dictionary<string, int> { ["a"] = 1, ["b"] = 1 },
        };
        var oneSided = new Story { Id = "story-a", Headline = "a only", Articles = [a[1]], CoverageBySide = new Dictionary<string, int> { ["a"] = 1 } };

        var (plain, _) = ArticleSelector.Select([.. a, .. b], topic);
        var (withStories, overCap) = ArticleSelector.Select([.. a, .. b], topic, [shared, oneSided]);

        Assert.DoesNotContain(plain, s => s.Article.Id == "a0");
        Assert.Equal(["a4", "a0", "b4", "b3"], withStories.Select(s => s.Article.Id)); // still grouped by side, newest first
        Assert.DoesNotContain(withStories, s => s.Article.Id == "a3");
        Assert.Equal(6, overCap.Count);
    }
}
