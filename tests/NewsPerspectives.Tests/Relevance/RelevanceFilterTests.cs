using static NewsPerspectives.Tests.TestArticles;

namespace NewsPerspectives.Tests.Relevance;

public class RelevanceFilterTests
{
    private static readonly TopicDefinition ChinaJapan = Topic("china-japan", Side("china", "China"), Side("japan", "Japan"));

    private static readonly TopicDefinition Venezuela = Topic("venezuela", Side("venezuelan", "Venezuelan"), Side("us", "United States"));

    [Theory]
    [InlineData("Beijing protests Takaichi's Taiwan remarks")]          // capital + leader, no side name at all
    [InlineData("Chinese FM warns Tokyo against militarism")]            // demonym + capital
    [InlineData("Coast guard ships near the Senkaku islands again, Japan says")] // a pair keyword + one side
    [InlineData("中国外交部回应日本首相涉台言论")]                               // Chinese text, no spaces
    public void Score_DefaultsDerivedFromSideNames_KeepArticlesAboutBothSides(string title)
    {
        var score = new RelevanceFilter().Score(Article(title), ChinaJapan);

        Assert.True(score.IsRelevant, score.Reason);
        Assert.Equal(2, score.MinScore);
    }

    [Fact]
    public void Score_OneSideOnly_IsOffTopicWithAReadableReason()
    {
        var score = new RelevanceFilter().Score(Article("Tokyo's cherry blossoms to pop in days"), ChinaJapan);

        Assert.False(score.IsRelevant);
        Assert.Equal(1, score.Score);
        Assert.Equal("relevance 1 of 2 needed; found Japan ('Tokyo'); not found: China; no topic keyword", score.Reason);
    }

    [Fact]
    public void Score_CurrencyAndPronounsAreNotTheUnitedStates()
    {
        var topic = Topic("us-china", Side("us", "United States"), Side("china", "China"));

        var dollars = new RelevanceFilter().Score(Article("China single mum starts business with US$100"), topic);
        var pronoun = new RelevanceFilter().Score(Article("Join us as China opens its new bridge"), topic);
        var acronym = new RelevanceFilter().Score(Article("U.S. and China officials meet in Paris"), topic);

        Assert.False(dollars.IsRelevant, dollars.Reason);
        Assert.False(pronoun.IsRelevant, pronoun.Reason);
        Assert.True(acronym.IsRelevant, acronym.Reason);
    }

    [Theory]
    [InlineData("EE.UU. levanta sanciones al Banco Central de Venezuela", "es-VE")]
    [InlineData("Estados Unidos vuelve a izar su bandera en la embajada en Caracas", "es-VE")]
    [InlineData("Gobierno venezolano rechaza la política estadounidense", "es-VE")]
    [InlineData("EU levanta sanciones a la banca pública de Venezuela", "es-VE")]
    [InlineData("US eases sanctions on Venezuela's central bank", "en-US")]
    public void Score_SpanishSideNames_AreFound(string title, string language)
    {
        var score = new RelevanceFilter().Score(Article(title, language: language), Venezuela);

        Assert.True(score.IsRelevant, score.Reason);
    }

    [Fact]
    public void Score_EUInEnglish_IsTheEuropeanUnionNotTheUnitedStates()
    {
        var score = new RelevanceFilter().Score(Article("EU weighs new sanctions on Venezuela", language: "en-GB"), Venezuela);

        // "sanctions" is a US-Venezuela keyword, so the article scores 2 on Venezuela + keyword, but not on the US side.
        Assert.DoesNotContain(score.SidesFound, f => f.Key == "us");
        Assert.Contains(score.SidesFound, f => f.Key == "venezuelan");
    }

    [Fact]
    public void Score_OutletCountryImpliesItsSide_OnlyInAPoliticalContextWithoutThirdParties()
    {
        var filter = new RelevanceFilter();
        var political = filter.Score(Article("FM reiterates stance towards Japan", outlet: "Xinhua", country: "CN"), ChinaJapan);
        var local = filter.Score(Article("Japan's measles cases top 200", outlet: "Xinhua", country: "CN"), ChinaJapan);
        var thirdParty = filter.Score(Article("Japan and Iran hold talks on shipping", outlet: "Xinhua", country: "CN"), ChinaJapan);

        Assert.True(political.IsRelevant, political.Reason);
        Assert.Equal("china", political.ImpliedSide);
        Assert.False(local.IsRelevant);
        Assert.Contains("outlet Xinhua is CN (China) but no word of bilateral politics was found", local.Reason, StringComparison.Ordinal);
        Assert.False(thirdParty.IsRelevant);
        Assert.Contains("names a third party ('Iran*')", thirdParty.Reason, StringComparison.Ordinal);

        var off = new RelevanceFilter(new RelevanceOptions { UseOutletCountry = false });
        Assert.False(off.Score(Article("FM reiterates stance towards Japan", outlet: "Xinhua", country: "CN"), ChinaJapan).IsRelevant);
    }

    [Fact]
    public void Score_SidesWithoutBuiltInTerms_UseTheirNamesAliasesAndKeywords()
    {
        var topic = new TopicDefinition
        {
            Id = "clasico",
            Name = "Real Madrid vs Barcelona",
            Sides = [Side("madrid", "Real Madrid", aliases: ["Los Blancos", "Merengue*"]), Side("barca", "FC Barcelona", aliases: ["Barça", "Blaugrana"])],
            Feeds = [Feed("madrid")],
            Keywords = ["El Clásico"],
        };
        var filter = new RelevanceFilter();

        Assert.True(filter.Score(Article("Los Blancos prepare for the Blaugrana visit"), topic).IsRelevant);
        Assert.True(filter.Score(Article("Merengues confident before el clasico"), topic).IsRelevant);
        Assert.True(filter.Score(Article("Barca sign a new keeper"), topic).Score >= 1);
        Assert.False(filter.Score(Article("Barca sign a new keeper"), topic).IsRelevant);
        Assert.False(filter.Score(Article("China and Japan hold talks"), topic).IsRelevant);
    }

    [Fact]
    public void Score_TopicSettingsOverrideOptions()
    {
        var lenient = new TopicDefinition
        {
            Id = "china-japan",
            Name = "China vs Japan",
            Sides = ChinaJapan.Sides,
            Feeds = ChinaJapan.Feeds,
            Relevance = new TopicRelevance { MinScore = 1 },
        };
        var noBuiltIns = new TopicDefinition
        {
            Id = "china-japan",
            Name = "China vs Japan",
            Sides = ChinaJapan.Sides,
            Feeds = ChinaJapan.Feeds,
            Relevance = new TopicRelevance { UseBuiltInTerms = false },
        };
        var strictOptions = new RelevanceFilter(new RelevanceOptions { MinScore = 3 });

        Assert.True(new RelevanceFilter().Score(Article("Tokyo's cherry blossoms to pop in days"), lenient).IsRelevant);
        Assert.False(new RelevanceFilter().Score(Article("Beijing warns Tokyo"), noBuiltIns).IsRelevant);
        Assert.True(new RelevanceFilter().Score(Article("China warns Japan"), noBuiltIns).IsRelevant);
        Assert.False(strictOptions.Score(Article("China warns Japan"), ChinaJapan).IsRelevant);
        Assert.True(strictOptions.Score(Article("China warns Japan"), lenient).IsRelevant);
    }

    [Fact]
    public void Score_DescriptionCountsToo()
    {
        var article = Article("Foreign ministry spokesperson answers questions", description: "Mao Ning said China firmly opposes Japan's remarks on Taiwan.");

        Assert.True(new RelevanceFilter().Score(article, ChinaJapan).IsRelevant);
    }

    [Fact]
    public async Task Pipeline_OffTopicArticles_AreDroppedWithTheReasonInTheDiagnostics()
    {
        var feed = ChinaJapan.Feeds[1];
        var items = new[]
        {
            new FeedItem { Title = "China warns Japan over Taiwan remarks - Kyodo News", SourceName = "Kyodo News", Link = "https://example.com/1", PublishedText = "2026-01-12T01:00:00Z" },
            new FeedItem { Title = "Prada takes traditional Indian sandals to global stage - Nikkei Asia", SourceName = "Nikkei Asia", Link = "https://example.com/2", PublishedText = "2026-01-12T01:00:00Z" },
        };
        var topic = new TopicDefinition { Id = ChinaJapan.Id, Name = ChinaJapan.Name, Sides = ChinaJapan.Sides, Feeds = [feed] };
        var pipeline = new DigestPipeline([new ListSource(feed, items)], [new OutletNormalizationFilter(), new RelevanceFilter()],
            new FeedSideClassifier(), new NoStoryClusterer(), new ExtractiveSummarizer(), TimeProvider.System);

        var run = await pipeline.RunAsync(topic, new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero));

        Assert.Equal(["China warns Japan over Taiwan remarks"], run.Digest.Sources.Select(s => s.Article.Title));
        var dropped = Assert.Single(run.Diagnostics.Dropped);
        Assert.Equal(DropReason.OffTopic, dropped.Reason);
        Assert.Equal("relevance 0 of 2 needed; not found: China, Japan; no topic keyword", dropped.Detail);
    }

    [Fact]
    public async Task Filter_Disabled_KeepsEverything()
    {
        var articles = new[] { Article("Tokyo's cherry blossoms to pop in days"), Article("China births fall") };
        var filter = new RelevanceFilter(new RelevanceOptions { Enabled = false });
        var context = TestContext.For(ChinaJapan);

        var kept = await filter.FilterAsync(articles, context.Context);

        Assert.Equal(2, kept.Count);
        Assert.Empty(context.Dropped);
    }

    private sealed class ListSource(FeedDefinition feed, IReadOnlyList<FeedItem> items) : IFeedSource
    {
        public bool CanRead(FeedDefinition candidate) => ReferenceEquals(candidate, feed);

        public Task<FeedReadResult> ReadAsync(FeedDefinition candidate, CancellationToken cancellationToken = default) =>
            Task.FromResult(new FeedReadResult { Status = FeedStatus.Ok, Items = items });
    }
}
