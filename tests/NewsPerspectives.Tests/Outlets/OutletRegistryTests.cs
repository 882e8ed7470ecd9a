using System.Reflection;

namespace NewsPerspectives.Tests.Outlets;

public class OutletRegistryTests
{
    [Theory]
    [InlineData("China Daily Global Edition", "China Daily")]
    [InlineData("Global Edition", "China Daily")]
    [InlineData("新华网", "Xinhua")]
    [InlineData("朝日新聞", "The Asahi Shimbun")]
    [InlineData("조선일보", "The Chosun Ilbo")]
    [InlineData("Japan Wire by KYODO NEWS", "Kyodo News")]
    [InlineData("Profit by Pakistan Today", "Pakistan Today")]
    [InlineData("The Nation (Pakistan )", "The Nation (Pakistan)")]
    [InlineData("teleSUR English", "teleSUR")]
    [InlineData("Resumen Latinoamericano -", "Resumen Latinoamericano")]
    [InlineData("  south   CHINA morning post ", "South China Morning Post")]
    [InlineData("EL PAÍS", "El País")]
    [InlineData("el pais", "El País")]
    [InlineData("ELTIEMPO.COM", "El Tiempo")]
    [InlineData("The People’s Daily", "People's Daily")]
    [InlineData("The Diplomat – Asia-Pacific Current Affairs Magazine", "The Diplomat")]
    [InlineData("Yvke Mundial | De La Mano Con El Pueblo", "YVKE Mundial")]
    [InlineData("Crude Oil Prices Today | OilPrice.com", "OilPrice.com")]
    public void Resolve_NameVariants_GiveTheCanonicalName(string published, string canonical)
    {
        var match = OutletRegistry.Default.Resolve(published);

        Assert.NotNull(match);
        Assert.Equal(canonical, match.Outlet.Name);
    }

    [Theory]
    [InlineData("news.cgtn.com", "CGTN", "cgtn.com")]
    [InlineData("newsus.cgtn.com", "CGTN", "cgtn.com")]
    [InlineData("newsaf.cgtn.com", "CGTN", "cgtn.com")]
    [InlineData("WWW.TaipeiTimes.com", "Taipei Times", "taipeitimes.com")]
    public void Resolve_HostNamesAsOutletNames_WalkUpSubDomains(string published, string canonical, string domain)
    {
        var match = OutletRegistry.Default.Resolve(published);

        Assert.NotNull(match);
        Assert.Equal(canonical, match.Outlet.Name);
        Assert.Equal(OutletMatchKind.Domain, match.Kind);
        Assert.Equal(domain, match.MatchedOn);
    }

    [Fact]
    public void Resolve_UnknownName_FallsBackToTheOutletUrlThenTheLink()
    {
        var byUrl = OutletRegistry.Default.Resolve("SCMP Newsletter Desk", "https://www.scmp.com", "https://news.google.com/rss/articles/x");
        var byLink = OutletRegistry.Default.Resolve("Some Desk", null, "https://asia.nikkei.com/Politics/item");
        var viaAggregator = OutletRegistry.Default.Resolve("Some Desk", null, "https://news.google.com/rss/articles/x");

        Assert.Equal("South China Morning Post", byUrl?.Outlet.Name);
        Assert.Equal("Nikkei Asia", byLink?.Outlet.Name);
        Assert.Null(viaAggregator);
    }

    [Fact]
    public void Default_KnowsCountriesAndOwnershipOfMajorOutlets()
    {
        var registry = OutletRegistry.Default;

        Assert.Equal(("CN", OutletOwnership.State), Of(registry.FindByName("Global Times")));
        Assert.Equal(("HK", OutletOwnership.Private), Of(registry.FindByName("South China Morning Post")));
        Assert.Equal(("JP", OutletOwnership.Public), Of(registry.FindByName("NHK")));
        Assert.Equal(("TW", OutletOwnership.Public), Of(registry.FindByName("Focus Taiwan")));
        Assert.Equal(("VE", OutletOwnership.State), Of(registry.FindByName("teleSUR")));
        Assert.Equal("PK", registry.FindByName("Dawn")?.Country);
        Assert.Equal("IN", registry.FindByName("The Hindu")?.Country);
        Assert.Equal("US", registry.FindByName("The New York Times")?.Country);

        static (string?, OutletOwnership) Of(OutletInfo? outlet) => (outlet?.Country, outlet?.Ownership ?? OutletOwnership.Unknown);
    }

    [Fact]
    public void Extend_UserEntryReplacesTheDefaultAndItsAliasesWin()
    {
        var user = OutletRegistryLoader.Load("""
            outlets:
              - name: Global Times
                country: HK
                aliases: [GT Online]
              - name: My Local Paper
                aliases: [Global Edition]
                domains: [local.example]
            """, "my-outlets.yaml");

        var registry = OutletRegistry.Default.Extend(user);

        Assert.Equal("HK", registry.FindByName("global times")?.Country);
        Assert.Equal("Global Times", registry.FindByName("GT Online")?.Name);
        Assert.Equal("My Local Paper", registry.FindByName("Global Edition")?.Name);
        Assert.Equal("My Local Paper", registry.FindByDomain("https://news.local.example/x")?.Outlet.Name);
        Assert.Equal("China Daily", registry.FindByName("China Daily Global Edition")?.Name);
        Assert.Equal(OutletRegistry.Default.Outlets.Count + 1, registry.Outlets.Count);
    }

    [Fact]
    public void NormalizationFilter_ReplacesTheOutletAndKeepsTheNameAsPublished()
    {
        var article = TestArticles.Article("Headline", outlet: "news.cgtn.com");

        var canonical = OutletNormalizationFilter.Canonicalize(article, OutletRegistry.Default);

        Assert.Equal("CGTN", canonical.Outlet);
        Assert.Equal("news.cgtn.com", canonical.OutletAsPublished);
        Assert.Equal("CN", canonical.OutletCountry);
    }

    [Theory]
    [InlineData("China defends curbs on dual-use goods exports - China Daily", "China defends curbs on dual-use goods exports")]
    [InlineData("Japan's record budget raises fiscal concerns | China Daily", "Japan's record budget raises fiscal concerns")]
    [InlineData("Visitors to China Daily rise", "Visitors to China Daily rise")]
    [InlineData("China Daily", "China Daily")]
    public void NormalizationFilter_EditionAsTheSource_TheOutletLeftInTheTitleIsRemoved(string title, string expected)
    {
        // Google News: <source>Global Edition</source> and "… - China Daily - Global Edition"; the normaliser took off
        // the source, the registry knows the edition is China Daily, so the rest of the suffix is the outlet too.
        var article = TestArticles.Article(title, outlet: "Global Edition") with { OutletUrl = "https://global.chinadaily.com.cn" };

        var canonical = OutletNormalizationFilter.Canonicalize(article, OutletRegistry.Default);

        Assert.Equal("China Daily", canonical.Outlet);
        Assert.Equal(expected, canonical.Title);
    }

    [Fact]
    public void NormalizationFilter_UnknownOutlet_KeepsTheNameAsPublished()
    {
        var article = TestArticles.Article("Headline", outlet: "The Tiny Valley Gazette");

        var result = OutletNormalizationFilter.Canonicalize(article, OutletRegistry.Default);

        Assert.Same(article, result);
        Assert.Equal("The Tiny Valley Gazette", result.Outlet);
        Assert.Null(result.OutletAsPublished);
        Assert.Null(result.OutletCountry);
    }

    [Fact]
    public void NormalizationFilter_CopiesEveryOtherPropertyOfTheArticle()
    {
        // Guards against a property added to Article but forgotten in the copy.
        var article = new Article
        {
            Id = "id1",
            Title = "Title",
            Link = "https://example.com/x",
            Description = "A description long enough to keep",
            Outlet = "Global Edition",
            OutletUrl = "https://www.chinadaily.com.cn",
            Published = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Language = "en-US",
            Feed = TestArticles.Feed("china"),
            FeedPosition = 7,
        };

        var copy = OutletNormalizationFilter.Canonicalize(article, OutletRegistry.Default);

        Assert.NotSame(article, copy);
        foreach (var property in typeof(Article).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name is nameof(Article.Outlet) or nameof(Article.OutletAsPublished) or nameof(Article.OutletCountry))
            {
                continue;
            }

            Assert.Equal(property.GetValue(article), property.GetValue(copy));
        }

        Assert.Equal(("China Daily", "Global Edition", "CN"), (copy.Outlet, copy.OutletAsPublished, copy.OutletCountry));
    }
}
