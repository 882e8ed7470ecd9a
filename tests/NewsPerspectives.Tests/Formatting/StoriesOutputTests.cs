using System.Text;
using System.Text.Json;
using NewsPerspectives.Tests.Pipeline;

namespace NewsPerspectives.Tests.Formatting;

public class StoriesOutputTests
{
    /// <summary>The same digest without anything this feature adds: no stories, no collapsed copies.</summary>
    private static Digest Plain(Digest digest) => new()
    {
        Topic = digest.Topic,
        GeneratedAt = digest.GeneratedAt,
        Highlights = digest.Highlights,
        Sides = digest.Sides,
        Sources = digest.Sources.Select(s => new DigestSource
        {
            Number = s.Number,
            Item = new ClassifiedArticle
            {
                Perspective = s.Item.Perspective,
                Article = new Article
                {
                    Id = s.Article.Id, Title = s.Article.Title, Link = s.Article.Link, Outlet = s.Article.Outlet,
                    Published = s.Article.Published, Language = s.Article.Language, Feed = s.Article.Feed, FeedPosition = s.Article.FeedPosition,
                },
            },
        }).ToArray(),
    };

    [Fact]
    public async Task WithTheSwitchesOffThePostIsExactlyTheSeedLayout()
    {
        var run = await HonestCountsTests.RunAsync(maxArticles: 10);
        Assert.NotEmpty(run.Digest.Stories);
        Assert.Contains(run.Digest.Sources, s => s.Article.AlsoPublishedBy.Count > 0);

        var withExtras = new HugoMarkdownFormatter().Render(run.Digest);
        var seed = new HugoMarkdownFormatter().Render(Plain(run.Digest));

        Assert.Equal(seed, withExtras);
        Assert.DoesNotContain("Found:", withExtras, StringComparison.Ordinal);
        Assert.DoesNotContain("## Stories", withExtras, StringComparison.Ordinal);
        Assert.DoesNotContain("(also:", withExtras, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FoundCountsFollowTheSourcesKeysInTheFrontMatterWhenSwitchedOn()
    {
        var run = await HonestCountsTests.RunAsync(maxArticles: 4);

        var post = new HugoMarkdownFormatter(new HugoMarkdownFormatterOptions { IncludeFoundCounts = true }).Render(run.Digest);

        Assert.Contains("chinaSources: 2\njapanSources: 2\nchinaFound: 6\njapanFound: 3\ndraft: false\n", post, StringComparison.Ordinal);
        Assert.Contains("articleCount: 4\n", post, StringComparison.Ordinal);
    }

    [Fact]
    public void FoundKeyIsCamelCasedLikeTheSourcesKey()
    {
        Assert.Equal("northKoreaFound", HugoMarkdownFormatter.SideFoundKey("north-korea"));
        Assert.Equal("chinaFound", HugoMarkdownFormatter.SideFoundKey("china"));
    }

    [Fact]
    public async Task StoriesSectionListsEventsSidesSourceNumbersAndBlindspotsBeforeTheSources()
    {
        var run = await HonestCountsTests.RunAsync(maxArticles: 10);

        var post = new HugoMarkdownFormatter(new HugoMarkdownFormatterOptions { IncludeStories = true, IncludeAlsoPublishedBy = true }).Render(run.Digest);

        int stories = post.IndexOf("## Stories\n\n", StringComparison.Ordinal);
        int sources = post.IndexOf("## Sources\n\n", StringComparison.Ordinal);
        Assert.True(stories > post.IndexOf("## Japan Perspective", StringComparison.Ordinal));
        Assert.True(stories < sources);
        var section = post[stories..sources];
        var numbers = run.Digest.Sources.ToDictionary(s => s.Article.Title, s => s.Number);
        var coast = run.Digest.Stories.Single(s => s.ArticleCount == 3);
        var cited = string.Join(", ", coast.Story.Articles.Select(a => numbers.GetValueOrDefault(a.Article.Title)).Where(n => n > 0).Order());
        Assert.Contains($"(China 3) [{cited}] **Blindspot:** only China sources\n", section, StringComparison.Ordinal);
        Assert.Contains("(China 1, Japan 1) [", section, StringComparison.Ordinal);
        Assert.Equal(2, section.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal))); // singletons are not listed
        Assert.Contains(" - China Daily (3/15/2026) (also: China Daily Global Edition)\n", post, StringComparison.Ordinal);
    }

    [Fact]
    public void StoryHeadlinesAreMarkdownEscaped()
    {
        var topic = Stories.StoryTestData.Topic();
        var article = Stories.StoryTestData.Classified(topic, "china", "Click [here](javascript:alert(1)) *now*", "Evil");
        var twin = Stories.StoryTestData.Classified(topic, "china", article.Article.Title, "Evil Twin");
        var story = new Story { Id = "story-1", Headline = article.Article.Title, Articles = [article, twin], CoverageBySide = new Dictionary<string, int> { ["china"] = 2 }, IsBlindspot = true };
        var digest = TestDigests.Assemble(topic, Stories.StoryTestData.AsOf, [], [story], [article, twin]);

        var post = new HugoMarkdownFormatter(new HugoMarkdownFormatterOptions { IncludeStories = true }).Render(digest);

        Assert.DoesNotContain("[here](javascript", post, StringComparison.Ordinal);
        Assert.DoesNotContain(" *now*", post, StringComparison.Ordinal);
        Assert.Contains("**Blindspot:** only China sources", post, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonListsCollapsedOutletsAndStoriesWithHonestCoverage()
    {
        var run = await HonestCountsTests.RunAsync(maxArticles: 4);
        using var stream = new MemoryStream();
        await new JsonDigestFormatter().FormatAsync(run, stream);
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var root = json.RootElement;

        var china = root.GetProperty("perspectives").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "china");
        Assert.Equal(2, china.GetProperty("count").GetInt32());
        Assert.Equal(6, china.GetProperty("found").GetInt32());

        var blindspot = root.GetProperty("stories").EnumerateArray().Single(s => s.GetProperty("articleCount").GetInt32() == 3);
        Assert.True(blindspot.GetProperty("blindspot").GetBoolean());
        Assert.Equal(3, blindspot.GetProperty("coverage").GetProperty("china").GetInt32());
        Assert.Equal(0, blindspot.GetProperty("coverage").GetProperty("japan").GetInt32());
        Assert.True(blindspot.GetProperty("sources").GetArrayLength() < 3); // only listed articles have numbers

        var run10 = await HonestCountsTests.RunAsync(maxArticles: 10);
        using var stream10 = new MemoryStream();
        await new JsonDigestFormatter().FormatAsync(run10, stream10);
        using var json10 = JsonDocument.Parse(stream10.ToArray());
        var collapsed = json10.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.TryGetProperty("alsoPublishedBy", out _));
        Assert.Equal("China Daily", collapsed.GetProperty("outlet").GetString()); // the newer copy
        Assert.Equal("China Daily Global Edition", collapsed.GetProperty("alsoPublishedBy")[0].GetProperty("outlet").GetString());
    }
}
