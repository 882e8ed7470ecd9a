namespace NewsPerspectives.Tests.Configuration;

public class TopicConfigurationLoaderTests
{
    [Fact]
    public void SeedTopicsJson_LoadsUnchanged()
    {
        var path = Path.Combine(TestPaths.Snapshot, "seed-topics.json");
        var config = TopicConfigurationLoader.LoadFile(path);

        Assert.Equal(["venezuela", "us-china", "china-japan", "china-taiwan", "india-pakistan"], config.Topics.Select(t => t.Id));
        var chinaJapan = config.Topics.Single(t => t.Id == "china-japan");
        Assert.Equal("China vs Japan", chinaJapan.Name);
        Assert.Equal(["china", "japan"], chinaJapan.Sides.Select(s => s.Id));
        Assert.Equal(20, chinaJapan.Limits.MaxArticles);
        Assert.Equal(TimeSpan.FromDays(5), chinaJapan.Limits.MaxAge);
        var feed = chinaJapan.Feeds[0];
        Assert.Equal(FeedKind.GoogleNews, feed.Kind);
        Assert.Equal("china", feed.Side);
        Assert.Equal("en", feed.Language);
        Assert.Equal("US", feed.Region);
        Assert.Equal(
            "https://news.google.com/rss/search?q=Japan%20%28site%3Achinadaily.com.cn%20OR%20site%3Axinhuanet.com%20OR%20site%3Acgtn.com%20OR%20site%3Aglobaltimes.cn%20OR%20site%3Ascmp.com%29&hl=en-US&gl=US&ceid=US:en",
            feed.Location);
        var venezuelan = config.Topics[0].Feeds[0];
        Assert.Equal("es", venezuelan.Language);
        Assert.Equal("VE", venezuelan.Region);
        Assert.EndsWith("&hl=es-VE&gl=VE&ceid=VE:es", venezuelan.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void OwnFormat_ResolvesPathsAgainstTheConfigFolder_AndAppliesLimits()
    {
        var config = TopicConfigurationLoader.Load("""
            settings:
              maxArticles: 12
              maxAge: 36h
              asOf: 2026-01-12T04:00:00Z
            topics:
              - id: a-b
                name: A vs B
                keywords: [trade, tariffs]
                limits:
                  balanceSides: false
                sides:
                  - id: a
                    name: A
                    aliases: [Ay]
                  - id: b
                    name: B
                feeds:
                  - path: feeds/a.xml
                    side: a
                  - url: https://b.example/rss
                    side: b
                  - googleNews: "B trade"
                    language: de
                    region: at
                    side: b
              - id: off
                name: Off
                active: false
                sides: [{id: x, name: X}]
                feeds: [{path: x.xml}]
            """, "inline.yaml", "/srv/config");

        var topic = Assert.Single(config.Topics);
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero), config.AsOf);
        Assert.Equal(12, topic.Limits.MaxArticles);
        Assert.Equal(TimeSpan.FromHours(36), topic.Limits.MaxAge);
        Assert.False(topic.Limits.BalanceSides);
        Assert.Equal(["trade", "tariffs"], topic.Keywords);
        Assert.Equal(["Ay"], topic.Sides[0].Aliases);
        Assert.Equal(Path.GetFullPath("/srv/config/feeds/a.xml"), topic.Feeds[0].Location);
        Assert.Equal("feeds/a.xml", topic.Feeds[0].DisplayName);
        Assert.Equal(FeedKind.Url, topic.Feeds[1].Kind);
        Assert.Equal("https://news.google.com/rss/search?q=B%20trade&hl=de-AT&gl=AT&ceid=AT:de", topic.Feeds[2].Location);
    }

    public static TheoryData<string, int, string, string> BrokenConfigs => new()
    {
        {
            """
            topics:
              - id: a-b
                name: A vs B
                sides:
                  - id: a
                    name: A
                feeds:
                  - path: a.xml
                    side: japn
            """, 9, "topics[0].feeds[0].side", "'japn' is not one of the topic's sides (a)"
        },
        {
            """
            topics:
              - id: a-b
                name: A vs B
                sides: [{id: a, name: A}]
                feeds:
                  - url: file:///etc/passwd
            """, 6, "topics[0].feeds[0].url", "not an absolute http or https URL"
        },
        {
            """
            topics:
              - id: a-b
                name: A vs B
                sides: [{id: a, name: A}]
                feeds:
                  - url: javascript:alert(1)
            """, 6, "topics[0].feeds[0].url", "not an absolute http or https URL"
        },
        {
            """
            topics:
              - id: a-b
                sides: [{id: a, name: A}]
                feeds: [{path: a.xml}]
            """, 2, "topics[0].name", "missing required field"
        },
        {
            """
            settings:
              maxAge: five days
            topics: []
            """, 2, "settings.maxAge", "is not a duration"
        },
        {
            """
            topics:
              - id: ../../etc
                name: X
                sides: [{id: a, name: A}]
                feeds: [{path: a.xml}]
            """, 2, "topics[0].id", "is not a valid topic id"
        },
        {
            """
            topics:
              - id: a-b
                name: A vs B
                sides: [{id: a, name: A}]
                feeds: [{path: a.xml}]
                maxArticle: 3
            """, 6, "topics[0].maxArticle", "unknown field 'maxArticle'"
        },
        {
            """
            topics:
              - id: a-b
                name: "A vs B
                sides: []
            """, 0, "(syntax)", "malformed YAML"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenConfigs))]
    public void BrokenConfig_NamesFileLineAndField(string yaml, int line, string field, string problem)
    {
        var ex = Assert.Throws<ConfigurationException>(() => TopicConfigurationLoader.Load(yaml, "broken.yaml", "/srv"));
        Assert.Equal("broken.yaml", ex.FilePath);
        if (line > 0)
        {
            Assert.Equal(line, ex.Line);
        }
        else
        {
            Assert.True(ex.Line > 0);
        }

        Assert.Equal(field, ex.Field);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"broken.yaml({ex.Line},{ex.Column}): {field}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_IsAConfigurationError()
    {
        var ex = Assert.Throws<ConfigurationException>(() => TopicConfigurationLoader.LoadFile("/nonexistent/topics.yaml"));
        Assert.Equal("/nonexistent/topics.yaml", ex.FilePath);
    }

    [Theory]
    [InlineData("5d", 5 * 24 * 60)]
    [InlineData("36h", 36 * 60)]
    [InlineData("90m", 90)]
    [InlineData("1.12:00:00", 36 * 60)]
    public void Durations(string text, int minutes)
    {
        Assert.True(TopicConfigurationLoader.TryParseDuration(text, out var value));
        Assert.Equal(TimeSpan.FromMinutes(minutes), value);
    }

    [Theory]
    [InlineData("topics:\n  - id: a\n\tname: A\n", 3, 1)]
    [InlineData("topics:\n  - id: a\n    name: A\n  \t  sides: []\n", 4, 3)]
    [InlineData("topics:\n\t- id: a\n", 2, 1)]
    public void TabInTheIndentation_IsReportedAtTheTab(string yaml, int line, int column)
    {
        var ex = Assert.Throws<ConfigurationException>(() => TopicConfigurationLoader.Load(yaml, "tabs.yaml"));
        Assert.Equal((line, column), (ex.Line, ex.Column));
        Assert.Contains("tab", ex.Problem, StringComparison.Ordinal);
    }
}
