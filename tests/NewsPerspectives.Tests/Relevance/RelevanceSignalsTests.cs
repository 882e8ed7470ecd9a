using static NewsPerspectives.Tests.TestArticles;

namespace NewsPerspectives.Tests.Relevance;

/// <summary>The relevance model's features, one by one, on constructed headlines.</summary>
public class RelevanceSignalsTests
{
    private static readonly TopicDefinition ChinaJapan = Topic("china-japan", Side("china", "China"), Side("japan", "Japan"));

    private static RelevanceEvaluation Evaluate(string title, TopicDefinition? topic = null, string outlet = "Some Outlet", string? country = null,
        FeedDefinition? feed = null, string language = "en-US") =>
        new RelevanceSignals(topic ?? ChinaJapan, builtInTerms: true, useWriterSide: true)
            .Evaluate(Article(title, outlet: outlet, country: country, feed: feed, language: language));

    private static string[] On(RelevanceEvaluation evaluation) => evaluation.Features.Where(f => f.Value != 0).Select(f => f.Key).ToArray();

    [Fact]
    public void Features_AreTheModelsFeatures_InOrder()
    {
        var evaluation = Evaluate("China warns Japan");

        Assert.Equal(RelevanceModel.FeatureNames, evaluation.Features.Keys);
        Assert.All(evaluation.Features.Values, v => Assert.True(v is 0 or 1));
    }

    [Theory]
    [InlineData("China-Japan talks resume in Beijing")]
    [InlineData("Sino-Japanese ties at a low")]
    [InlineData("Japan and China agree on a hotline")]
    public void SidesAdjacent_TwoSidesNamedTogether(string title)
    {
        Assert.Contains("sidesAdjacent", On(Evaluate(title)));
    }

    [Fact]
    public void SidesAdjacent_NotWhenTheSidesAreApart()
    {
        var evaluation = Evaluate("China says the report on fishing is wrong, Japan disagrees");

        Assert.Contains("bothSidesNamed", On(evaluation));
        Assert.DoesNotContain("sidesAdjacent", On(evaluation));
    }

    [Fact]
    public void HowASideIsNamed_StateOrPlaceOnly()
    {
        var state = Evaluate("Beijing warns Tokyo");
        var place = Evaluate("Osaka festival draws record crowds");
        var name = Evaluate("Japanese festival draws record crowds");

        Assert.Contains("namedByState", On(state));
        Assert.Contains("bothSidesNamed", On(state));
        Assert.Contains("namedByPlaceOnly", On(place));
        Assert.Equal([new("japan", "Osaka")], place.SidesFound);
        Assert.DoesNotContain("namedByPlaceOnly", On(name));
        Assert.DoesNotContain("namedByState", On(name));
    }

    [Fact]
    public void ThirdParties_OtherCountriesByNameDemonymOrCapital()
    {
        var one = Evaluate("Japan and Iran hold talks");
        var two = Evaluate("Japanese, Korean and Russian envoys meet in Tehran");
        var none = Evaluate("Japan and China hold talks");

        Assert.Contains("thirdParty", On(one));
        Assert.Contains("oneSideNamedWithThirdParty", On(one));
        Assert.DoesNotContain("thirdParties", On(one));
        Assert.Contains("thirdParties", On(two));
        Assert.DoesNotContain("thirdParty", On(none));
    }

    [Fact]
    public void ThirdParties_NotASeaNamedAfterACountry()
    {
        var sea = Evaluate("Japan tracks a tanker across the Indian Ocean");
        var country = Evaluate("Japan tracks an Indian tanker");

        Assert.DoesNotContain("thirdParty", On(sea));
        Assert.Contains("thirdParty", On(country));
    }

    [Fact]
    public void ThirdParties_NotATerritoryASideClaims()
    {
        // China claims Taiwan: in a China–Japan topic, Taiwan is not someone else; in a Japan–Korea topic it is.
        var japanKorea = Topic("japan-korea", Side("japan", "Japan"), Side("korea", "South Korea"));

        Assert.DoesNotContain("thirdParty", On(Evaluate("Takaichi's Taiwan remarks draw a rebuke")));
        Assert.Contains("thirdParty", On(Evaluate("Takaichi's Taiwan remarks draw a rebuke", japanKorea)));
    }

    [Fact]
    public void Writer_TheOutletsCountry_ThenTheFeedsSide()
    {
        var byOutlet = Evaluate("FM reiterates stance towards Japan", outlet: "Xinhua", country: "CN");
        var own = Evaluate("Japan's measles cases top 200", outlet: "Kyodo News", country: "JP");
        var byFeed = Evaluate("FM reiterates stance towards Japan", feed: Feed("china"));
        var third = Evaluate("FM reiterates stance towards Japan", outlet: "Le Monde", country: "FR", feed: Feed("china"));

        Assert.Contains("otherSideByWriter", On(byOutlet));
        Assert.Equal("china", byOutlet.ImpliedSide);
        Assert.Contains("ownSideOnlyByWriter", On(own));
        Assert.Null(own.ImpliedSide);
        Assert.Contains("otherSideByWriter", On(byFeed));
        Assert.Contains("found by the feed for China: names the other side", byFeed.Evidence);
        Assert.DoesNotContain("otherSideByWriter", On(third));
        Assert.Contains("thirdCountryOutletOneSide", On(third));
    }

    [Fact]
    public void Writer_Off_NoWriterFeatures()
    {
        var evaluation = new RelevanceSignals(ChinaJapan, builtInTerms: true, useWriterSide: false)
            .Evaluate(Article("FM reiterates stance towards Japan", outlet: "Xinhua", country: "CN"));

        Assert.Equal(0, evaluation.Features["otherSideByWriter"]);
        Assert.Null(evaluation.ImpliedSide);
    }

    [Theory]
    [InlineData("Japan summons China's ambassador", "diplomacy")]
    [InlineData("Japan scrambles jets as drones approach", "security")]
    [InlineData("Japan weighs sanctions and export controls", "dispute")]
    [InlineData("EE.UU. impone aranceles a Japón", "dispute")]
    [InlineData("Japan's exports and tourism rise", "economicTies")]
    [InlineData("Japan's stock index hits a record", "domestic")]
    [InlineData("Kyodo News Digest: Dec. 4", "page")]
    [InlineData("Opinion | Japan's choice", "opinion")]
    [InlineData("Japan raises the issue at the UN", "international")]
    public void VocabularyClasses(string title, string feature)
    {
        Assert.Contains(feature, On(Evaluate(title, language: title.StartsWith("EE.UU.", StringComparison.Ordinal) ? "es-ES" : "en-US")));
    }

    [Fact]
    public void Headline_ShortOrRoundup()
    {
        Assert.Contains("shortHeadline", On(Evaluate("Blockade broken")));
        Assert.DoesNotContain("shortHeadline", On(Evaluate("Japan lodges a protest with China over survey ship")));
        Assert.Contains("roundup", On(Evaluate("Japan budget, Korea election, India trade data")));
    }

    [Fact]
    public void OutletNameAtTheEndOfTheHeadline_DoesNotNameASide()
    {
        var evaluation = Evaluate("Vance pushes for a deal as talks loom - China Daily", outlet: "China Daily", country: "CN");

        Assert.Empty(evaluation.SidesFound);
    }

    [Fact]
    public void CountriesOutsideTheBuiltInEntries_GetTheirTermsFromTheCountryTable()
    {
        var topic = Topic("russia-ukraine", Side("russia", "Russia"), Side("ukraine", "Ukraine"));

        var evaluation = Evaluate("Moscow and Kyiv trade accusations", topic);

        Assert.Equal(["russia", "ukraine"], evaluation.SidesFound.Select(f => f.Key));
        Assert.Contains("namedByState", On(evaluation));
        Assert.Contains("thirdParty", On(Evaluate("Moscow warns Berlin", topic)));
    }

    [Fact]
    public void PairKeywords_OfKnownSides()
    {
        var evaluation = Evaluate("Coast guard ships near the Senkaku islands");

        Assert.Contains("topicKeyword", On(evaluation));
        Assert.Equal("Senkaku", evaluation.Keyword);
    }
}
