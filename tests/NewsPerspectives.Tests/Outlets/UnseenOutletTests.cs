namespace NewsPerspectives.Tests.Outlets;

/// <summary>Outlets the registry has never seen: variants of known names, and what can be read from an unknown one.</summary>
public class UnseenOutletTests
{
    private static readonly OutletRegistry Registry = new(
        [
            new OutletInfo { Name = "The Valley Times", Domains = ["valleytimes.example"], Country = "NZ" },
            new OutletInfo { Name = "Harbour Post", Country = "AU" },
            new OutletInfo { Name = "Daily Ledger", Domains = ["dailyledger.example"], Country = "IE" },
            new OutletInfo { Name = "Metro Star", Domains = ["metrostar-a.example"], Country = "GB" },
            new OutletInfo { Name = "Metro-Star", Aliases = ["MetroStar B"], Domains = ["metrostarb.example"], Country = "CA" },
        ],
        [new("gazette-of-ridge.example", "US"), new("ridgegazette.com", "US")]);

    [Theory]
    [InlineData("The Valley Times English", "The Valley Times")]           // a language edition
    [InlineData("Harbour Post Global Edition", "Harbour Post")]            // a format edition
    [InlineData("Morning Wire by The Valley Times", "The Valley Times")]   // "X by Y"
    [InlineData("ValleyTimes", "The Valley Times")]                        // spaces and a leading "The"
    [InlineData("HARBOURPOST", "Harbour Post")]
    [InlineData("Dailyledger", "Daily Ledger")]                            // the first label of a known domain
    [InlineData("thevalleytimes.com", "The Valley Times")]                 // a host whose label spells a known name
    public void Resolve_VariantsOfAKnownName_GiveTheCanonicalOutlet(string published, string canonical)
    {
        var match = Registry.Resolve(published);

        Assert.NotNull(match);
        Assert.Equal(canonical, match.Outlet.Name);
        Assert.Equal(OutletMatchKind.Variant, match.Kind);
    }

    [Fact]
    public void Resolve_ALooseKeyTwoOutletsShare_MatchesNeither()
    {
        Assert.Null(Registry.Resolve("metrostar"));
        Assert.Equal("Metro Star", Registry.Resolve("Metro Star")?.Outlet.Name);
    }

    [Fact]
    public void Resolve_AnExactNameOrTheSourceUrl_WinsOverVariants()
    {
        var byUrl = Registry.Resolve("Harbour Post English", "https://www.dailyledger.example/", null);

        Assert.Equal("Daily Ledger", byUrl?.Outlet.Name);
        Assert.Equal(OutletMatchKind.Domain, byUrl?.Kind);
    }

    [Theory]
    [InlineData("shimbun-sample.co.jp", null, "JP", "the .jp country-code domain of shimbun-sample.co.jp")]
    [InlineData("Sample Chronicle", "https://news.sample-chronicle.com.pk/", "PK", "the .pk country-code domain of news.sample-chronicle.com.pk")]
    [InlineData("Ridge Gazette", null, "US", "the domain ridgegazette.com is listed as US")]
    [InlineData("Anything", "https://www.gazette-of-ridge.example/x", "US", "the domain gazette-of-ridge.example is listed as US")]
    [InlineData("The Tiny Kenya Courier", null, "KE", "'Kenya' in the name")]
    [InlineData("Brussels Morning Sample", null, "BE", "'Brussels' in the name")]
    [InlineData("부산샘플일보", null, "KR", "the script of the name")]
    [InlineData("サンプル新聞", null, "JP", "the script of the name")]
    public void Resolve_UnknownOutlet_KeepsItsNameAndReadsTheCountry(string published, string? url, string country, string evidence)
    {
        var match = Registry.Resolve(published, url, null);

        Assert.NotNull(match);
        Assert.Equal(OutletMatchKind.Inferred, match.Kind);
        Assert.Equal(published, match.Outlet.Name);
        Assert.Equal(country, match.Outlet.Country);
        Assert.Equal(evidence, match.MatchedOn);
    }

    [Theory]
    [InlineData("sample-adviser.co")]          // .co, .tv, .io … are sold as generic names
    [InlineData("Sample Channel.tv")]
    [InlineData("Japan China Report")]         // two countries: no guess
    [InlineData("样本日报")]                      // Han characters are written in several countries
    [InlineData("The Sample Online")]          // "Online" is often part of a brand: the name stays as published
    public void Resolve_UnknownOutletWithoutEvidence_IsNull(string published)
    {
        Assert.Null(Registry.Resolve(published));
    }

    [Fact]
    public void Resolve_UnknownLanguageEdition_IsShownWithoutTheSuffix()
    {
        var match = Registry.Resolve("Sample Samachar English");

        Assert.NotNull(match);
        Assert.Equal(OutletMatchKind.Inferred, match.Kind);
        Assert.Equal("Sample Samachar", match.Outlet.Name);
        Assert.Null(match.Outlet.Country);
    }

    [Fact]
    public void Resolve_ArticleLinkCountsButAggregatorLinksDoNot()
    {
        Assert.Equal("JP", Registry.Resolve("Sample Desk", null, "https://www.sample.co.jp/a/1")?.Outlet.Country);
        Assert.Null(Registry.Resolve("Sample Desk", null, "https://news.google.com/rss/articles/x"));
    }

    [Fact]
    public void Default_CountryEditionsAreKeptDistinct()
    {
        Assert.Equal(("Yahoo News UK", "GB"), Of(OutletRegistry.Default.Resolve("Yahoo News UK")));
        Assert.Equal(("Arab News Pakistan", "PK"), Of(OutletRegistry.Default.Resolve("Arab News PK")));

        static (string?, string?) Of(OutletMatch? match) => (match?.Outlet.Name, match?.Outlet.Country);
    }

    [Fact]
    public void NormalizationFilter_UnknownOutletWithACountry_KeepsTheNameAndRecordsTheCountry()
    {
        var article = TestArticles.Article("Headline", outlet: "shimbun-sample.co.jp");

        var result = OutletNormalizationFilter.Canonicalize(article, Registry);

        Assert.Equal("shimbun-sample.co.jp", result.Outlet);
        Assert.Null(result.OutletAsPublished);
        Assert.Equal("JP", result.OutletCountry);
    }

    [Fact]
    public async Task Classifier_InferredCountry_AssignsTheSideWithALowerConfidence()
    {
        var topic = TestArticles.Topic("t", TestArticles.Side("japan", "Japan", countries: ["JP"]), TestArticles.Side("china", "China", countries: ["CN"]));
        var classifier = new OutletRegistryClassifier(Registry);

        var inferred = await classifier.ClassifyAsync(TestArticles.Article("Headline", outlet: "shimbun-sample.co.jp", feed: TestArticles.Feed("china")), topic);

        Assert.NotNull(inferred);
        Assert.Equal("japan", inferred.SideId);
        Assert.Equal(OutletRegistryClassifier.InferredCountryConfidence, inferred.Confidence);
        Assert.Contains("inferred from the .jp country-code domain", inferred.Reason, StringComparison.Ordinal);
    }
}
