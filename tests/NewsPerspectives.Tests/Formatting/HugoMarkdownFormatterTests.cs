using YamlDotNet.RepresentationModel;

namespace NewsPerspectives.Tests.Formatting;

public class HugoMarkdownFormatterTests
{
    private static readonly string[] SeedKeys =
        ["title", "date", "topic", "topicName", "sources", "articleCount", "perspectives", "alphaSources", "betaSources", "draft"];

    private static (YamlMappingNode FrontMatter, string Body) Split(string post)
    {
        Assert.StartsWith("---\n", post, StringComparison.Ordinal);
        int end = post.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(post[4..(end + 1)]));
        return ((YamlMappingNode)stream.Documents[0].RootNode, post[(end + 5)..]);
    }

    [Fact]
    public void FrontMatter_HasTheSeedKeysInTheSeedOrder()
    {
        var run = DigestFixtures.Run("Alpha vs Beta", [("One", "Alpha Daily", "https://a.example/1"), ("Two", "Beta Post", "https://b.example/2")]);
        var (front, _) = Split(new HugoMarkdownFormatter().Render(run.Digest));
        Assert.Equal(SeedKeys, front.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal("2026-01-12T04:00:29.707Z", ((YamlScalarNode)front["date"]).Value);
        Assert.Equal(YamlDotNet.Core.ScalarStyle.Plain, ((YamlScalarNode)front["topic"]).Style);
    }

    [Fact]
    public void HostileValues_AreQuotedAndReadBackExactly()
    {
        foreach (var value in DigestFixtures.HostileValues)
        {
            var run = DigestFixtures.Run(value, [("t1", value, "https://a.example/1"), ("t2", "Beta Post", "https://b.example/2")]);
            var (front, _) = Split(new HugoMarkdownFormatter().Render(run.Digest));
            var topicName = (YamlScalarNode)front["topicName"];
            Assert.Equal(value, topicName.Value);
            Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, topicName.Style);
            Assert.Equal($"{value} News - 2026-01-12", ((YamlScalarNode)front["title"]).Value);
            Assert.Equal(value, ((YamlScalarNode)((YamlSequenceNode)front["sources"]).Children[0]).Value);
        }
    }

    [Fact]
    public void Body_HasTheSeedSectionsInOrder_AndNumberedSourceLines()
    {
        var run = DigestFixtures.Run("Alpha vs Beta", [("One", "Alpha Daily", "https://a.example/1"), ("Two", "Beta Post", "https://b.example/2"), ("Three", "Alpha Daily", "https://a.example/3")]);
        var (_, body) = Split(new HugoMarkdownFormatter().Render(run.Digest));
        var headings = body.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l == "<!--more-->").ToArray();
        Assert.Equal(["## Overall Highlights", "<!--more-->", "## Alpha Perspective (Alpha Sources)", "## Beta Perspective (Beta Sources)", "## Sources"], headings);
        Assert.Contains("This summary is based on 3 articles from the following sources:\n\n", body, StringComparison.Ordinal);
        Assert.Contains("1. [en-US] [One](https://a.example/1) - Alpha Daily (1/11/2026)\n", body, StringComparison.Ordinal);
        Assert.Contains("3. [en-US] [Two](https://b.example/2) - Beta Post (1/11/2026)\n", body, StringComparison.Ordinal);
        Assert.EndsWith("(1/11/2026)\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Citations_AreRenderedAndCanBeSwitchedOffForTheSeedLayout()
    {
        var run = DigestFixtures.Run("Alpha vs Beta", [("One", "Alpha Daily", "https://a.example/1"), ("Two", "Beta Post", "https://b.example/2")]);
        var withCitations = new HugoMarkdownFormatter().Render(run.Digest);
        var seedLayout = new HugoMarkdownFormatter(new HugoMarkdownFormatterOptions { IncludeCitations = false }).Render(run.Digest);
        Assert.Contains("- One [1]\n", withCitations, StringComparison.Ordinal);
        Assert.Contains("- One\n", seedLayout, StringComparison.Ordinal);
        Assert.DoesNotContain("[1]\n", seedLayout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](y)", @"\[x\]\(y\)")]
    [InlineData("*a* _b_ `c`", @"\*a\* \_b\_ \`c\`")]
    [InlineData("{{< x >}}", @"\{\{\< x \>\}\}")]
    [InlineData("# not a heading", @"\# not a heading")]
    [InlineData("- not a list", @"\- not a list")]
    [InlineData("1. not a list", @"1\. not a list")]
    [InlineData("a\nb\u2028c", "a b c")]
    [InlineData("AT&T", @"AT\&T")]
    public void MarkdownEscape(string text, string expected) => Assert.Equal(expected, MarkdownText.Escape(text));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("vbscript:x")]
    public void UnsafeUrls_AreRefused(string url) => Assert.Null(MarkdownText.SafeUrl(url));

    [Fact]
    public void Parentheses_InUrls_ArePercentEncoded() =>
        Assert.Equal("https://a.example/wiki/X_%28y%29", MarkdownText.SafeUrl("https://a.example/wiki/X_(y)"));

    [Theory]
    [InlineData("china", "chinaSources")]
    [InlineData("north-korea", "northKoreaSources")]
    [InlineData("us", "usSources")]
    public void SideCountKey(string id, string key) => Assert.Equal(key, HugoMarkdownFormatter.SideCountKey(id));
}
