using NewsPerspectives.Tests.Stories;
using static NewsPerspectives.Tests.Stories.StoryTestData;

namespace NewsPerspectives.Tests.Articles;

public class NearDuplicateFilterTests
{
    private static readonly TopicDefinition ChinaJapan = Topic();

    private static async Task<(IReadOnlyList<Article> Kept, List<DroppedArticle> Dropped)> FilterAsync(IReadOnlyList<Article> articles, NearDuplicateFilterOptions? options = null)
    {
        var dropped = new List<DroppedArticle>();
        var kept = await new NearDuplicateFilter(options).FilterAsync(articles, new ArticleFilterContext(ChinaJapan, AsOf, dropped));
        return (kept, dropped);
    }

    [Fact]
    public async Task SameHeadlineFromTwoEditionsOfAnOutletCollapsesIntoOneEntryKeepingBothOutlets()
    {
        var daily = Article(ChinaJapan, "china", "China urges Japan to retract erroneous remarks on Taiwan", "China Daily", 2);
        var global = Article(ChinaJapan, "china", "China urges Japan to retract erroneous remarks on Taiwan", "China Daily Global Edition", 1);
        var other = Article(ChinaJapan, "china", "Panda cubs born at Chengdu research base", "Xinhua", 3);

        var (kept, dropped) = await FilterAsync([daily, global, other]);

        Assert.Equal(2, kept.Count);
        var entry = kept.Single(a => a.Title.StartsWith("China urges", StringComparison.Ordinal));
        Assert.Equal("China Daily Global Edition", entry.Outlet); // the newest copy is kept
        var copy = Assert.Single(entry.AlsoPublishedBy);
        Assert.Equal("China Daily", copy.Outlet);
        Assert.Equal(daily.Link, copy.Link);
        var drop = Assert.Single(dropped);
        Assert.Equal(DropReason.NearDuplicate, drop.Reason);
        Assert.Equal(daily.Link, drop.Link);
        Assert.Contains("China Daily Global Edition", drop.Detail, StringComparison.Ordinal);
        Assert.Contains(global.Link, drop.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterOutletNormalisation_TheKeptEntryKeepsItsCanonicalOutletFields()
    {
        var dropped = new List<DroppedArticle>();
        var context = new ArticleFilterContext(ChinaJapan, AsOf, dropped);
        var raw = new[]
        {
            Article(ChinaJapan, "china", "China urges Japan to retract erroneous remarks on Taiwan", "China Daily Global Edition", 1),
            Article(ChinaJapan, "china", "China urges Japan to retract erroneous remarks on Taiwan", "news.cgtn.com", 2),
        };
        var normalised = await new OutletNormalizationFilter().FilterAsync(raw, context);
        var kept = Assert.Single(await new NearDuplicateFilter().FilterAsync(normalised, context));

        Assert.Equal("China Daily", kept.Outlet);
        Assert.Equal("China Daily Global Edition", kept.OutletAsPublished);
        Assert.Equal("CN", kept.OutletCountry);
        Assert.Equal("CGTN", Assert.Single(kept.AlsoPublishedBy).Outlet);
    }

    [Fact]
    public async Task UpdatedDeathTollAndWireCopiesCollapseIntoTheNewest()
    {
        var first = Article(ChinaJapan, "japan", "Earthquake in northern Japan kills 5, injures dozens", "Kyodo", 5);
        var update = Article(ChinaJapan, "japan", "Earthquake in northern Japan kills 7, injures dozens", "Kyodo", 2);
        var wire = Article(ChinaJapan, "japan", "Earthquake in northern Japan kills 7, injures dozens - report", "Japan Today", 3);

        var (kept, dropped) = await FilterAsync([first, update, wire]);

        var entry = Assert.Single(kept);
        Assert.Equal(update.Link, entry.Link);
        Assert.Equal(["Kyodo", "Japan Today"], entry.AlsoPublishedBy.Select(c => c.Outlet).Order().Reverse().ToArray());
        Assert.Equal(2, dropped.Count);
        Assert.All(dropped, d => Assert.Equal(DropReason.NearDuplicate, d.Reason));
    }

    [Fact]
    public async Task DifferentStoriesAndCopiesOnDifferentSidesAreKept()
    {
        var a = Article(ChinaJapan, "china", "China and Japan hold talks on seafood import ban", "CGTN", 1);
        var b = Article(ChinaJapan, "japan", "China and Japan hold talks on seafood import ban", "NHK", 1);
        var c = Article(ChinaJapan, "japan", "Japan and South Korea hold talks on trade", "Kyodo", 1);

        var (kept, dropped) = await FilterAsync([a, b, c]);
        Assert.Equal(3, kept.Count);
        Assert.Empty(dropped);

        var (keptAcross, droppedAcross) = await FilterAsync([a, b, c], new NearDuplicateFilterOptions { AcrossSides = true });
        Assert.Equal(2, keptAcross.Count);
        Assert.Single(droppedAcross);
    }

    [Fact]
    public async Task LargeBatchesUseTheIndexAndStillCollapseCopies()
    {
        var articles = Enumerable.Range(0, 300)
            .Select(i => Article(ChinaJapan, "china", $"Distinct headline {i} about matter{i} and item{i * 3}", "Outlet", i % 50))
            .Append(Article(ChinaJapan, "china", "Typhoon Haikui makes landfall in Fujian province", "CGTN", 3))
            .Append(Article(ChinaJapan, "china", "Typhoon Haikui makes landfall in Fujian province", "CGTN Europe", 2))
            .ToArray();

        var (kept, dropped) = await FilterAsync(articles, new NearDuplicateFilterOptions { ExhaustiveBelow = 0 });

        Assert.Equal(301, kept.Count);
        Assert.Equal(DropReason.NearDuplicate, Assert.Single(dropped).Reason);
        var entry = Assert.Single(kept, a => a.AlsoPublishedBy.Count > 0);
        Assert.Equal("CGTN Europe", entry.Outlet);
        Assert.Equal("CGTN", Assert.Single(entry.AlsoPublishedBy).Outlet);
    }
}
