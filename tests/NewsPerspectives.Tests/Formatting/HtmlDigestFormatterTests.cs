using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsPerspectives.Tests.Formatting;

/// <summary>The HTML page, read back with AngleSharp.</summary>
public sealed class HtmlDigestFormatterTests
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The fixture digest with two stories: one covered by both sides, one blindspot.</summary>
    internal static DigestRun RunWithStories(DigestAssemblyOptions? options = null, string topicName = "Alpha vs Beta")
    {
        var run = DigestFixtures.Run(topicName, [
            ("Alpha one", "Alpha Daily", "https://a.example/1"),
            ("Beta one", "Beta Post", "https://b.example/1"),
            ("Alpha two", "Alpha Daily", "https://a.example/2"),
            ("Beta two", "Beta Post", "javascript:alert(1)"),
        ]);
        var d = run.Digest;
        ClassifiedArticle Item(int number) => d.Sources[number - 1].Item;
        var stories = new[]
        {
            new Story
            {
                Id = "s1",
                Headline = "Both sides on one event",
                Articles = [Item(1), Item(3)],
                CoverageBySide = new Dictionary<string, int> { ["alpha"] = 1, ["beta"] = 1 },
            },
            new Story
            {
                Id = "s2",
                Headline = "Only alpha noticed",
                Articles = [Item(2), new ClassifiedArticle { Article = Item(2).Article with { Id = "alpha-beyond-the-cap", Title = "Alpha two, again" }, Perspective = Item(2).Perspective }],
                CoverageBySide = new Dictionary<string, int> { ["alpha"] = 2 },
                IsBlindspot = true,
            },
            new Story
            {
                Id = "s3",
                Headline = "A single article",
                Articles = [Item(4)],
                CoverageBySide = new Dictionary<string, int> { ["beta"] = 1 },
                IsBlindspot = true,
            },
        };
        return new DigestRun { Digest = TestDigests.WithStories(d, stories, options), Diagnostics = run.Diagnostics };
    }

    private static Digest With(Digest d, IReadOnlyList<SummaryBullet>? highlights = null) => new()
    {
        Topic = d.Topic,
        GeneratedAt = d.GeneratedAt,
        Sources = d.Sources,
        Highlights = highlights ?? d.Highlights,
        Sides = d.Sides,
        Stories = d.Stories,
    };

    private static async Task<(string Html, IHtmlDocument Document)> RenderAsync(DigestRun run, HtmlDigestFormatterOptions? options = null)
    {
        var html = await TestPipeline.RenderAsync(new HtmlDigestFormatter(options), run);
        return (html, Parser.ParseDocument(html));
    }

    [Fact]
    public async Task Page_HasTheHeaderSectionsSidesStoriesAndNumberedSources()
    {
        var run = RunWithStories();
        var (html, doc) = await RenderAsync(run);
        var digest = run.Digest;

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Equal("utf-8", doc.QuerySelector("meta[charset]")!.GetAttribute("charset"));
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; img-src 'none'",
            doc.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"));
        Assert.Equal("Alpha vs Beta \u2014 2026-01-12", doc.Title);
        Assert.Single(doc.QuerySelectorAll("style"));
        Assert.Empty(doc.QuerySelectorAll("script, link, img, iframe, object, embed, form"));

        var header = doc.QuerySelector("body > header")!;
        Assert.Equal("Alpha vs Beta", header.QuerySelector("h1")!.TextContent);
        Assert.Equal("2026-01-12", header.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal(["Alpha 2 listed / 2 found", "Beta 2 listed / 2 found"],
            header.QuerySelectorAll(".counts li").Select(li => li.TextContent.Trim()));
        var toc = header.QuerySelectorAll("nav ol a").Select(a => a.GetAttribute("href") ?? "").ToArray();
        Assert.Equal(["#highlights", "#perspectives", "#stories", "#sources"], toc);
        Assert.All(toc, href => Assert.NotNull(doc.GetElementById(href![1..])));

        var main = doc.QuerySelector("body > main")!;
        Assert.Equal(["highlights", "perspectives", "stories", "sources"], main.Children.Select(c => c.Id));
        Assert.All(main.Children, c => Assert.Equal("SECTION", c.TagName));

        Assert.Equal(digest.Highlights.Select(b => b.Text), doc.QuerySelectorAll("#highlights li").Select(li => li.QuerySelector(".text")!.TextContent));

        var sides = doc.QuerySelectorAll("#perspectives section.side").ToArray();
        Assert.Equal(["Alpha", "Beta"], sides.Select(s => s.QuerySelector("h3")!.TextContent));
        for (int i = 0; i < sides.Length; i++)
        {
            Assert.Equal(digest.Sides[i].Bullets.Select(b => b.Text), sides[i].QuerySelectorAll("li").Select(li => li.QuerySelector(".text")!.TextContent));
        }

        // Min 2 articles by default: the single-article story is left out.
        var stories = doc.QuerySelectorAll("#stories li.story").ToArray();
        Assert.Equal(["Both sides on one event", "Only alpha noticed"], stories.Select(s => s.QuerySelector("h3")!.TextContent));
        Assert.Null(stories[0].QuerySelector(".badge"));
        Assert.Equal("Blindspot only Alpha sources", stories[1].QuerySelector(".badge")!.TextContent);
        Assert.Equal(["Alpha 1", "Beta 1"], stories[0].QuerySelectorAll(".coverage li").Select(li => li.TextContent));
        Assert.Equal(["Alpha 2", "Beta 0"], stories[1].QuerySelectorAll(".coverage li").Select(li => li.TextContent));
        Assert.Equal(["width:100%", "width:0%"], stories[1].QuerySelectorAll(".bar span").Select(s => s.GetAttribute("style")));
        Assert.Equal(["#source-1", "#source-3"], stories[0].QuerySelectorAll(".story-sources a").Select(a => a.GetAttribute("href")));

        var sources = doc.QuerySelectorAll("#sources ol > li").ToArray();
        Assert.Equal(digest.Sources.Count, sources.Length);
        for (int i = 0; i < sources.Length; i++)
        {
            var source = digest.Sources[i];
            Assert.Equal($"source-{source.Number}", sources[i].Id);
            Assert.Equal(source.Number.ToString(CultureInfo.InvariantCulture), sources[i].QuerySelector(".num")!.TextContent);
            Assert.Equal("en-US", sources[i].QuerySelector(".lang")!.TextContent);
            Assert.Equal(source.Article.Title, sources[i].QuerySelector(".title")!.TextContent);
            Assert.Equal(source.Article.Outlet, sources[i].QuerySelector(".outlet")!.TextContent);
            Assert.Equal("11 Jan 2026", sources[i].QuerySelector("time")!.TextContent);
            Assert.Equal(digest.Topic.FindSide(source.SideId)!.Name, sources[i].QuerySelector(".side-tag")!.TextContent);
        }

        // The fixture's fourth source has a javascript: link: its title is plain text, not a link.
        Assert.Equal(["https://a.example/1", "https://a.example/2", "https://b.example/1"],
            doc.QuerySelectorAll("#sources a").Select(a => a.GetAttribute("href")));
        Assert.Equal("SPAN", doc.GetElementById("source-4")!.QuerySelector(".title")!.TagName);
    }

    [Fact]
    public async Task EveryCitation_LinksToAnExistingSource_AndMatchesTheBullet()
    {
        var run = RunWithStories();
        var highlights = run.Digest.Highlights.Append(new SummaryBullet { Text = "Cites two and a missing one", Citations = [1, 4, 99] }).ToArray();
        run = new DigestRun { Digest = With(run.Digest, highlights: highlights), Diagnostics = run.Diagnostics };
        var (_, doc) = await RenderAsync(run);

        var internalLinks = doc.QuerySelectorAll("a[href^='#']").ToArray();
        Assert.True(internalLinks.Length > 10);
        Assert.All(internalLinks, a => Assert.NotNull(doc.GetElementById(a.GetAttribute("href")![1..])));

        var items = doc.QuerySelectorAll("#highlights li").ToArray();
        for (int i = 0; i < highlights.Length; i++)
        {
            var linked = items[i].QuerySelectorAll("a.cite").Select(a => a.GetAttribute("href") ?? "").ToArray();
            Assert.Equal(highlights[i].Citations.Where(n => n <= 4).Select(n => $"#source-{n}"), linked);
        }

        // A number that is not in the source list is shown, but not as a link to nowhere.
        Assert.Equal("99", items[^1].QuerySelector(".cite.missing")!.TextContent);
    }

    [Fact]
    public async Task HostileValues_StayText_WithNoScriptHandlerOrUnsafeLink()
    {
        var writer = new HtmlDigestFormatter();
        foreach (var value in DigestFixtures.HostileValues.Append("\"><script>alert(1)</script><a href=\"javascript:x\" onclick=\"y\">").Append("<img src=x onerror=alert(1)>"))
        {
            var run = DigestFixtures.Run(value, [(value, value, "https://a.example/1"), ("Beta " + value, "Beta Post", "JaVaScRiPt:alert(1)"), (value, "Alpha", " javascript:alert(1)"), ("d", "o", "data:text/html,<script>alert(1)</script>")]);
            var d = run.Digest;
            var hostileSide = new SideDefinition { Id = value, Name = value };
            var sources = d.Sources.Select(s => new DigestSource
            {
                Number = s.Number,
                Item = new ClassifiedArticle
                {
                    Article = new Article
                    {
                        Id = s.Article.Id, Title = s.Article.Title, Link = s.Article.Link, Outlet = s.Article.Outlet,
                        Published = s.Article.Published, Language = value, Feed = s.Article.Feed,
                    },
                    Perspective = s.Item.Perspective,
                },
            }).ToArray();
            var digest = new Digest
            {
                Topic = new TopicDefinition { Id = value, Name = value, Sides = [d.Topic.Sides[0], hostileSide], Feeds = d.Topic.Feeds },
                GeneratedAt = d.GeneratedAt,
                Sources = sources,
                Highlights = [new SummaryBullet { Text = value, Citations = [1] }],
                Sides = [d.Sides[0], new SideDigest { Side = hostileSide, Count = 1, Found = 2, Bullets = [new SummaryBullet { Text = value, Citations = [2] }] }],
            };
            // A blindspot of the hostile side, beyond the cap: two of its articles.
            var hostile = new[] { "hostile-1", "hostile-2" }.Select(id => new ClassifiedArticle
            {
                Article = sources[0].Article with { Id = id },
                Perspective = new PerspectiveAssignment { SideId = value, Confidence = 1, Reason = value },
            }).ToArray();
            digest = TestDigests.WithStories(digest, [new Story { Id = "s", Headline = value, Articles = hostile, CoverageBySide = new Dictionary<string, int> { [value] = 2 }, IsBlindspot = true }]);
            var html = await TestPipeline.RenderAsync(writer, new DigestRun { Digest = digest, Diagnostics = run.Diagnostics });
            var doc = Parser.ParseDocument(html);

            Assert.Empty(doc.QuerySelectorAll("script, img, iframe, object, embed"));
            Assert.All(doc.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.All(doc.QuerySelectorAll("[href]"), a =>
                Assert.Matches("^(#source-[0-9]+|#[a-z]+|https://[a-z]\\.example/1)$", a.GetAttribute("href")!));
            Assert.All(doc.QuerySelectorAll("[lang]"), e => Assert.Matches("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", e.GetAttribute("lang")!));

            Assert.Equal(value, doc.QuerySelector("h1")!.TextContent);
            Assert.Equal($"{value} \u2014 2026-01-12", doc.QuerySelector("title")!.TextContent);
            Assert.Equal(value, doc.QuerySelectorAll(".counts .count-name")[1].TextContent);
            Assert.Equal(value, doc.QuerySelector("#highlights li")!.QuerySelector(".text")!.TextContent);
            Assert.Equal(value, doc.QuerySelector("#side-2 h3")!.TextContent);
            Assert.Equal(value, doc.QuerySelector("#side-2 li")!.QuerySelector(".text")!.TextContent);
            Assert.Equal(value, doc.QuerySelector(".story h3")!.TextContent);
            Assert.Equal($"Blindspot only {value} sources", doc.QuerySelector(".badge")!.TextContent);
            var first = doc.GetElementById("source-1")!;
            Assert.Equal(value, first.QuerySelector("a.title")!.TextContent);
            Assert.Equal(value, first.QuerySelector(".outlet")!.TextContent);
            Assert.Equal(value, first.QuerySelector(".lang")!.TextContent);
            // The unsafe links are plain text: only the one https source is a link in the list.
            Assert.Single(doc.QuerySelectorAll("#sources a"));
            Assert.Equal(value, doc.GetElementById("source-2")!.QuerySelector("span.title")!.TextContent);
        }
    }

    [Fact]
    public async Task Output_IsDeterministic_Utf8WithoutBom_LfOnly_AndCultureInvariant()
    {
        var run = RunWithStories(topicName: "C'est déjà 北京 ✓");
        var writer = new HtmlDigestFormatter();
        var first = await Bytes(writer, run);
        var culture = CultureInfo.CurrentCulture;
        byte[] second;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ar-SA");
            second = await Bytes(writer, run);
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        }

        Assert.Equal(first, second);
        Assert.Equal((byte)'<', first[0]);
        var text = new UTF8Encoding(false, true).GetString(first);
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("</html>\n", text, StringComparison.Ordinal);
        // Non-ASCII text is written as itself, not as character references.
        Assert.Contains("<h1>C&#x27;est déjà 北京 ✓</h1>", text, StringComparison.Ordinal);
        Assert.Contains("Monday, 12 January 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ANegativeStoryLimit_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new HtmlDigestFormatter(new HtmlDigestFormatterOptions { MaxStories = -1 }));

    [Fact]
    public async Task StoryOptions_LimitTheStoriesShown_AndNoStoriesMeansNoSection()
    {
        var (_, all) = await RenderAsync(RunWithStories(new DigestAssemblyOptions { MinStoryArticles = 1 }));
        Assert.Equal(3, all.QuerySelectorAll("#stories li.story").Length);
        var (_, one) = await RenderAsync(RunWithStories(), new HtmlDigestFormatterOptions { MaxStories = 1 });
        Assert.Equal(["Both sides on one event"], one.QuerySelectorAll("#stories h3").Select(h => h.TextContent));

        var (_, none) = await RenderAsync(DigestFixtures.Run("T", [("t", "o", "https://a.example/")]));
        Assert.Null(none.GetElementById("stories"));
        Assert.DoesNotContain(none.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "#stories");
    }

    [Fact]
    public async Task EmptyDigest_SaysSo()
    {
        var (_, doc) = await RenderAsync(DigestFixtures.Run("Quiet", []));
        Assert.Equal("No highlights: no articles were found for this period.", doc.QuerySelector("#highlights .empty")!.TextContent);
        Assert.Equal(["No articles from Alpha sources in this period.", "No articles from Beta sources in this period."],
            doc.QuerySelectorAll("#perspectives .empty").Select(p => p.TextContent));
        Assert.Empty(doc.QuerySelectorAll("#sources li"));
        Assert.Equal("This digest is based on 0 articles.", doc.QuerySelector("#sources .section-note")!.TextContent);
    }

    private static async Task<byte[]> Bytes(HtmlDigestFormatter writer, DigestRun run)
    {
        using var stream = new MemoryStream();
        await writer.FormatAsync(run, stream);
        return stream.ToArray();
    }
}
