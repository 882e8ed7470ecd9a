using Microsoft.Extensions.DependencyInjection;
using static NewsPerspectives.Tests.TestArticles;

namespace NewsPerspectives.Tests.Classification;

public class OutletRegistryClassifierTests
{
    private static readonly TopicDefinition ChinaJapan = Topic("china-japan",
        Side("china", "China", countries: ["CN", "HK"]),
        Side("japan", "Japan", countries: ["JP"], outlets: ["Arab News Japan"]));

    [Fact]
    public async Task Classify_OutletCountryInASide_AssignsThatSideWithAReason()
    {
        var article = Article("China rebukes Tokyo", outlet: "Global Times", feed: ChinaJapan.Feeds[1]);

        var assignment = await new OutletRegistryClassifier().ClassifyAsync(article, ChinaJapan);

        Assert.NotNull(assignment);
        Assert.Equal("china", assignment.SideId);
        Assert.Equal(OutletRegistryClassifier.CountryConfidence, assignment.Confidence);
        Assert.Equal("Global Times is a CN outlet (registry); side china covers CN, HK; overrides the feed's side japan", assignment.Reason);
    }

    [Fact]
    public async Task Classify_AliasAndSubDomain_ResolveToTheCanonicalOutlet()
    {
        var viaHost = Article("x", outlet: "newsus.cgtn.com", feed: ChinaJapan.Feeds[0]);
        var viaScript = Article("x", outlet: "朝日新聞", feed: ChinaJapan.Feeds[1]);

        var cgtn = await new OutletRegistryClassifier().ClassifyAsync(viaHost, ChinaJapan);
        var asahi = await new OutletRegistryClassifier().ClassifyAsync(viaScript, ChinaJapan);

        Assert.Equal(("china", "CGTN is a CN outlet (registry); side china covers CN, HK"), (cgtn?.SideId, cgtn?.Reason));
        Assert.Equal(("japan", "The Asahi Shimbun is a JP outlet (registry); side japan covers JP"), (asahi?.SideId, asahi?.Reason));
    }

    [Fact]
    public async Task Classify_ListedOutlet_WinsOverItsCountry()
    {
        var article = Article("x", outlet: "arabnews.jp", feed: ChinaJapan.Feeds[0]);

        var assignment = await new OutletRegistryClassifier().ClassifyAsync(article, ChinaJapan);

        Assert.Equal("japan", assignment?.SideId);
        Assert.Equal(OutletRegistryClassifier.ListedOutletConfidence, assignment?.Confidence);
        Assert.StartsWith("Arab News Japan is listed among the outlets of side japan", assignment?.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The Tiny Valley Gazette")]   // unknown outlet
    [InlineData("Reuters")]                    // known, GB: no side covers it
    public async Task Classify_NoRuleApplies_ReturnsNullSoTheChainFallsBack(string outlet)
    {
        var article = Article("x", outlet: outlet, feed: ChinaJapan.Feeds[1]);

        Assert.Null(await new OutletRegistryClassifier().ClassifyAsync(article, ChinaJapan));

        var chained = await new CompositeClassifier(new OutletRegistryClassifier(), new FeedSideClassifier()).ClassifyAsync(article, ChinaJapan);
        Assert.Equal("japan", chained?.SideId);
        Assert.Equal(1.0, chained?.Confidence);
        Assert.StartsWith("found by the feed for Japan", chained?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_TopicWithoutOutletRules_LeavesItToTheFeed()
    {
        var byFeed = Topic("china-japan", Side("china", "China"), Side("japan", "Japan"));
        var article = Article("x", outlet: "Global Times", feed: byFeed.Feeds[1]);

        Assert.Null(await new OutletRegistryClassifier().ClassifyAsync(article, byFeed));
        Assert.Equal("japan", (await new CompositeClassifier(new OutletRegistryClassifier(), new FeedSideClassifier()).ClassifyAsync(article, byFeed))?.SideId);
    }

    [Fact]
    public async Task Classify_CountryClaimedByTwoSides_TheFeedSideDecides()
    {
        var topic = Topic("mainland-hk", Side("mainland", "Mainland", countries: ["CN", "HK"]), Side("hk", "Hong Kong", countries: ["HK"]));
        var fromHkFeed = Article("x", outlet: "South China Morning Post", feed: topic.Feeds[1]);
        var fromNoSideFeed = Article("x", outlet: "South China Morning Post", feed: Feed(side: null));

        var assignment = await new OutletRegistryClassifier().ClassifyAsync(fromHkFeed, topic);

        Assert.Equal("hk", assignment?.SideId);
        Assert.Contains("so do mainland; the feed's side decided", assignment?.Reason, StringComparison.Ordinal);
        Assert.Null(await new OutletRegistryClassifier().ClassifyAsync(fromNoSideFeed, topic));
    }

    [Fact]
    public async Task Classify_UserRegistryEntry_ChangesTheSide()
    {
        var registry = OutletRegistry.Default.Extend([new OutletInfo { Name = "Global Times", Country = "JP" }]);
        var article = Article("x", outlet: "Global Times", feed: ChinaJapan.Feeds[0]);

        Assert.Equal("japan", (await new OutletRegistryClassifier(registry).ClassifyAsync(article, ChinaJapan))?.SideId);
    }

    [Fact]
    public void Composite_EmptyChain_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new CompositeClassifier());
    }

    [Fact]
    public async Task DependencyInjection_DefaultIsOutletThenFeed_AndUseClassifierReplacesIt()
    {
        var services = new ServiceCollection();
        services.AddNewsPerspectives();
        await using (var provider = services.BuildServiceProvider())
        {
            var composite = Assert.IsType<CompositeClassifier>(provider.GetRequiredService<IPerspectiveClassifier>());
            Assert.Collection(composite.Classifiers, c => Assert.IsType<OutletRegistryClassifier>(c), c => Assert.IsType<FeedSideClassifier>(c));
            Assert.Same(OutletRegistry.Default, provider.GetRequiredService<OutletRegistry>());
            Assert.Collection(provider.GetServices<IArticleFilter>(),
                f => Assert.IsType<OutletNormalizationFilter>(f),
                f => Assert.IsType<AgeWindowFilter>(f),
                f => Assert.IsType<ExactDuplicateFilter>(f),
                f => Assert.IsType<RelevanceFilter>(f),
                f => Assert.IsType<NearDuplicateFilter>(f));
        }

        var custom = new ServiceCollection();
        custom.AddNewsPerspectives().UseClassifier<FeedSideClassifier>();
        await using var customProvider = custom.BuildServiceProvider();
        Assert.IsType<FeedSideClassifier>(customProvider.GetRequiredService<IPerspectiveClassifier>());
    }
}
