using static NewsPerspectives.Tests.TestArticles;

namespace NewsPerspectives.Tests.Relevance;

/// <summary>The filter's decisions with the shipped model, on clear-cut constructed headlines.</summary>
public class RelevanceFilterTests
{
    private static readonly TopicDefinition ChinaJapan = Topic("china-japan", Side("china", "China"), Side("japan", "Japan"));

    private static readonly TopicDefinition Venezuela = Topic("venezuela", Side("venezuelan", "Venezuelan"), Side("us", "United States"));

    [Theory]
    [InlineData("Beijing protests Takaichi's remarks")]                  // capital + leader, no side name at all
    [InlineData("Chinese FM warns Tokyo against militarism")]            // demonym + capital
    [InlineData("Coast guard ships near the Senkaku islands again, Japan says")] // a pair keyword + one side
    [InlineData("中国外交部回应日本首相涉台言论")]                               // Chinese text, no spaces
    public void Score_BothSidesByNameStateOrKeyword_IsKeptAtTheModelThreshold(string title)
    {
        var score = new RelevanceFilter().Score(Article(title), ChinaJapan);

        Assert.True(score.IsRelevant, score.Reason);
        Assert.Equal(RelevanceModel.Default.Threshold, score.MinScore);
        Assert.InRange(score.Score, 0, 1);
    }

    [Theory]
    [InlineData("Tokyo's cherry blossoms to pop in days")]
    [InlineData("Japan's stock index hits a record as yen weakens")]
    [InlineData("Osaka festival draws record crowds")]
    public void Score_OneSidesOwnAffairs_IsDroppedWithAReadableReason(string title)
    {
        var score = new RelevanceFilter().Score(Article(title), ChinaJapan);

        Assert.False(score.IsRelevant, score.Reason);
        Assert.StartsWith("relevance 0.", score.Reason, StringComparison.Ordinal);
        Assert.Contains("not found: China", score.Reason, StringComparison.Ordinal);
        Assert.Equal(["china"], score.SidesMissing);
    }

    [Fact]
    public void Score_NoSideAtAll_IsDropped()
    {
        var score = new RelevanceFilter().Score(Article("Prada takes traditional sandals to the global stage"), ChinaJapan);

        Assert.False(score.IsRelevant);
        Assert.Empty(score.SidesFound);
        Assert.Contains("not found: China, Japan", score.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_CurrencyAndPronounsAreNotTheUnitedStates()
    {
        var topic = Topic("us-china", Side("us", "United States"), Side("china", "China"));

        var dollars = new RelevanceFilter().Score(Article("China single mum starts business with US$100"), topic);
        var pronoun = new RelevanceFilter().Score(Article("Join us as China opens its new bridge"), topic);
        var acronym = new RelevanceFilter().Score(Article("U.S. and China officials meet in Paris"), topic);

        Assert.DoesNotContain(dollars.SidesFound, f => f.Key == "us");
        Assert.DoesNotContain(pronoun.SidesFound, f => f.Key == "us");
        Assert.False(dollars.IsRelevant, dollars.Reason);
        Assert.True(acronym.IsRelevant, acronym.Reason);
    }

    [Theory]
    [InlineData("EE.UU. levanta sanciones al Banco Central de Venezuela", "es-VE")]
    [InlineData("Estados Unidos vuelve a izar su bandera en la embajada en Caracas", "es-VE")]
    [InlineData("Gobierno venezolano rechaza la política estadounidense", "es-VE")]
    [InlineData("EU levanta sanciones a la banca pública de Venezuela", "es-VE")]
    [InlineData("US eases sanctions on Venezuela's central bank", "en-US")]
    public void Score_SpanishAndEnglishSideNames_FindBothSides(string title, string language)
    {
        var score = new RelevanceFilter().Score(Article(title, language: language), Venezuela);

        Assert.Equal(["venezuelan", "us"], score.SidesFound.Select(f => f.Key));
        Assert.True(score.IsRelevant, score.Reason);
    }

    [Fact]
    public void Score_EUInEnglish_IsTheEuropeanUnionNotTheUnitedStates()
    {
        var score = new RelevanceFilter().Score(Article("EU weighs new sanctions on Venezuela", language: "en-GB"), Venezuela);

        Assert.DoesNotContain(score.SidesFound, f => f.Key == "us");
        Assert.Contains(score.SidesFound, f => f.Key == "venezuelan");
        Assert.Equal(1, score.Features["international"]);
    }

    [Fact]
    public void Score_AnOutletOfOneSideNamingTheOther_ImpliesItsSideAndScoresHigher()
    {
        var filter = new RelevanceFilter();
        const string Title = "FM reiterates stance towards Japan";

        var chinese = filter.Score(Article(Title, outlet: "Xinhua", country: "CN"), ChinaJapan);
        var japanese = filter.Score(Article(Title, outlet: "Kyodo News", country: "JP"), ChinaJapan);
        var off = new RelevanceFilter(new RelevanceOptions { UseOutletCountry = false }).Score(Article(Title, outlet: "Xinhua", country: "CN"), ChinaJapan);

        Assert.Equal("china", chinese.ImpliedSide);
        Assert.Equal(1, chinese.Features["otherSideByWriter"]);
        Assert.Contains("outlet Xinhua is CN (China): names the other side", chinese.Reason, StringComparison.Ordinal);
        Assert.True(chinese.IsRelevant, chinese.Reason);
        Assert.Null(japanese.ImpliedSide);
        Assert.Equal(1, japanese.Features["ownSideOnlyByWriter"]);
        Assert.True(japanese.Score < chinese.Score);
        Assert.Null(off.ImpliedSide);
        Assert.True(off.Score < chinese.Score);
    }

    [Fact]
    public void Score_ThirdPartyStory_ScoresLowerThanTheSameStoryBetweenTheSides()
    {
        var filter = new RelevanceFilter();

        var between = filter.Score(Article("Japan and China hold talks on fishing boats"), ChinaJapan);
        var third = filter.Score(Article("Japan and Iran hold talks on fishing boats"), ChinaJapan);

        Assert.True(between.IsRelevant, between.Reason);
        Assert.False(third.IsRelevant, third.Reason);
        Assert.Contains("third party 'Iran'", third.Reason, StringComparison.Ordinal);
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
        Assert.Equal(1, filter.Score(Article("Merengues confident before el clasico"), topic).Features["topicKeyword"]);
        Assert.Equal(["barca"], filter.Score(Article("Barça sign a new keeper"), topic).SidesFound.Select(f => f.Key));
        Assert.False(filter.Score(Article("Barça sign a new keeper"), topic).IsRelevant);
        Assert.False(filter.Score(Article("China and Japan hold talks"), topic).IsRelevant);
    }

    [Fact]
    public void Score_TopicSettingsOverrideOptions()
    {
        var strict = new TopicDefinition
        {
            Id = "china-japan",
            Name = "China vs Japan",
            Sides = ChinaJapan.Sides,
            Feeds = ChinaJapan.Feeds,
            Relevance = new TopicRelevance { MinScore = 0.999 },
        };
        var noBuiltIns = new TopicDefinition
        {
            Id = "china-japan",
            Name = "China vs Japan",
            Sides = ChinaJapan.Sides,
            Feeds = ChinaJapan.Feeds,
            Relevance = new TopicRelevance { UseBuiltInTerms = false },
        };
        var keepAll = new RelevanceFilter(new RelevanceOptions { MinScore = 0 });

        Assert.False(new RelevanceFilter().Score(Article("China warns Japan"), strict).IsRelevant);
        Assert.Equal(0.999, new RelevanceFilter().Score(Article("China warns Japan"), strict).MinScore);
        Assert.Empty(new RelevanceFilter().Score(Article("Beijing warns Tokyo"), noBuiltIns).SidesFound);
        Assert.True(new RelevanceFilter().Score(Article("China warns Japan"), noBuiltIns).IsRelevant);
        Assert.True(keepAll.Score(Article("Tokyo's cherry blossoms to pop in days"), ChinaJapan).IsRelevant);
        Assert.False(keepAll.Score(Article("China warns Japan"), strict).IsRelevant);
    }

    [Fact]
    public void Constructor_MinScoreOutsideZeroToOne_Throws()
    {
        var high = Assert.Throws<ArgumentException>(() => new RelevanceFilter(new RelevanceOptions { MinScore = 2 }));
        Assert.Throws<ArgumentException>(() => new RelevanceFilter(new RelevanceOptions { MinScore = double.NaN }));
        Assert.Throws<ArgumentException>(() => new RelevanceFilter(new RelevanceOptions { Model = null! }));

        Assert.Contains("MinScore", high.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_DescriptionCountsToo()
    {
        var article = Article("Foreign ministry spokesperson answers questions", description: "Mao Ning said China firmly opposes Japan's remarks on Taiwan.");

        var withDescription = new RelevanceFilter().Score(article, ChinaJapan);
        var titleOnly = new RelevanceFilter().Score(article with { Description = "" }, ChinaJapan);

        Assert.True(withDescription.IsRelevant, withDescription.Reason);
        Assert.False(titleOnly.IsRelevant, titleOnly.Reason);
    }

    [Fact]
    public void Score_UsesTheGivenModel()
    {
        var weights = RelevanceModel.FeatureNames.ToDictionary(n => n, _ => 0.0);
        weights["domestic"] = 10;
        var model = new RelevanceModel(-5, weights, 0.5);
        var filter = new RelevanceFilter(new RelevanceOptions { Model = model });

        var domestic = filter.Score(Article("Tokyo's stock index hits a record"), ChinaJapan);
        var political = filter.Score(Article("China warns Japan"), ChinaJapan);

        Assert.True(domestic.IsRelevant, domestic.Reason);
        Assert.Equal(1 / (1 + Math.Exp(-5)), domestic.Score, 12);
        Assert.False(political.IsRelevant, political.Reason);
        Assert.Equal(1 / (1 + Math.Exp(5)), political.Score, 12);
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
            new FeedSideClassifier(), new ExtractiveSummarizer(), TimeProvider.System);

        var run = await pipeline.RunAsync(topic, new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero));

        Assert.Equal(["China warns Japan over Taiwan remarks"], run.Digest.Sources.Select(s => s.Article.Title));
        var dropped = Assert.Single(run.Diagnostics.Dropped);
        Assert.Equal(DropReason.OffTopic, dropped.Reason);
        Assert.StartsWith("relevance 0.", dropped.Detail, StringComparison.Ordinal);
        Assert.Contains("not found: China, Japan; third party 'Indian'", dropped.Detail, StringComparison.Ordinal);
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
