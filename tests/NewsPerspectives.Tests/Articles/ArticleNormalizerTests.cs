namespace NewsPerspectives.Tests.Articles;

public class ArticleNormalizerTests
{
    private static readonly FeedDefinition GoogleFeed = new() { Kind = FeedKind.GoogleNews, Location = "https://news.google.com/rss/search?q=x", Query = "x", Language = "en", Region = "US", Side = "a" };
    private static readonly FeedReadResult Read = new() { Status = FeedStatus.Ok, Language = "en-us" };

    private static Article Normalize(FeedItem item, FeedDefinition? feed = null, FeedReadResult? read = null)
    {
        var result = ArticleNormalizer.Normalize(item, feed ?? GoogleFeed, read ?? Read, 0);
        Assert.Null(result.Dropped);
        return result.Article!;
    }

    [Fact]
    public void GoogleNewsTitle_SuffixRemoved_OutletFromSourceElement()
    {
        var article = Normalize(new FeedItem
        {
            Title = "Japan urged to mend China ties - China Daily",
            Link = "https://news.google.com/rss/articles/abc?oc=5",
            SourceName = "China Daily",
            PublishedText = "Sun, 11 Jan 2026 10:00:00 GMT",
        });
        Assert.Equal("Japan urged to mend China ties", article.Title);
        Assert.Equal("China Daily", article.Outlet);
        Assert.Equal("en-US", article.Language);
    }

    [Fact]
    public void GoogleNewsTitle_WithoutSourceElement_LastDashSegmentIsTheOutlet()
    {
        var article = Normalize(new FeedItem
        {
            Title = "China defends curbs - exports - Global Times",
            Link = "https://news.google.com/rss/articles/abc?oc=5",
            PublishedText = "Sun, 11 Jan 2026 10:00:00 GMT",
        });
        Assert.Equal("China defends curbs - exports", article.Title);
        Assert.Equal("Global Times", article.Outlet);
    }

    [Fact]
    public void TitleSuffix_OnlyRemovedWhenItNamesTheSource()
    {
        var article = Normalize(new FeedItem
        {
            Title = "Talks resume - day two",
            Link = "https://news.google.com/rss/articles/abc?oc=5",
            SourceName = "Kyodo News",
            PublishedText = "2026-01-11T10:00:00Z",
        });
        Assert.Equal("Talks resume - day two", article.Title);
        Assert.Equal("Kyodo News", article.Outlet);
    }

    [Fact]
    public void HtmlInTitleAndDescription_BecomesPlainText_ScriptsRemoved()
    {
        var article = Normalize(new FeedItem
        {
            Title = "<b>Rates</b> &amp; markets &lt;today&gt;",
            Link = "https://example.com/a",
            SourceName = "Example",
            Description = "<p>First&nbsp;line<br>second line</p><script>alert(1)</script><img src=x onerror=alert(1)><ul><li>one</li><li>two</li></ul>",
            PublishedText = "2026-01-11T10:00:00Z",
        });
        Assert.Equal("Rates & markets <today>", article.Title);
        Assert.Equal("First line second line one two", article.Description);
        Assert.DoesNotContain("alert", article.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void GoogleNewsDescription_ThatOnlyRepeatsTitleAndOutlet_IsDropped()
    {
        var article = Normalize(new FeedItem
        {
            Title = "Japan urged to mend China ties - China Daily",
            Link = "https://news.google.com/rss/articles/abc?oc=5",
            SourceName = "China Daily",
            Description = "<a href=\"https://news.google.com/rss/articles/abc?oc=5\" target=\"_blank\">Japan urged to mend China ties</a>&nbsp;&nbsp;<font color=\"#6f6f6f\">China Daily</font>",
            PublishedText = "Sun, 11 Jan 2026 10:00:00 GMT",
        });
        Assert.Equal("", article.Description);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("vbscript:msgbox")]
    [InlineData("ftp://example.com/a")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public void UnsafeOrMissingLinks_AreDroppedWithAReason(string link)
    {
        var result = ArticleNormalizer.Normalize(new FeedItem { Title = "t", Link = link, PublishedText = "2026-01-11T10:00:00Z" }, GoogleFeed, Read, 0);
        Assert.Null(result.Article);
        Assert.Equal(DropReason.InvalidLink, result.Dropped!.Reason);
    }

    [Fact]
    public void RelativeLink_ResolvesAgainstTheFeedAddress_AndIsTrimmed()
    {
        var read = new FeedReadResult { Status = FeedStatus.Ok, BaseAddress = "https://site.example/news/" };
        var feed = new FeedDefinition { Kind = FeedKind.File, Location = "/tmp/x.xml" };
        var article = Normalize(new FeedItem { Title = "t", Link = "  2026/01/a.html \n", PublishedText = "2026-01-11T10:00:00Z" }, feed, read);
        Assert.Equal("https://site.example/news/2026/01/a.html", article.Link);
    }

    [Fact]
    public void MissingOrUnknownDate_IsDroppedAndReported_NeverNow()
    {
        var missing = ArticleNormalizer.Normalize(new FeedItem { Title = "t", Link = "https://a.example/1" }, GoogleFeed, Read, 0);
        var unknown = ArticleNormalizer.Normalize(new FeedItem { Title = "t", Link = "https://a.example/1", PublishedText = "last Tuesday" }, GoogleFeed, Read, 0);
        Assert.Equal(DropReason.InvalidDate, missing.Dropped!.Reason);
        Assert.Equal(DropReason.InvalidDate, unknown.Dropped!.Reason);
        Assert.Contains("last Tuesday", unknown.Dropped.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void StableId_DependsOnlyOnTheLink()
    {
        var a = Normalize(new FeedItem { Title = "one", Link = "https://a.example/1", PublishedText = "2026-01-11T10:00:00Z" });
        var b = Normalize(new FeedItem { Title = "two", Link = "https://a.example/1", PublishedText = "2026-01-12T10:00:00Z" });
        var c = Normalize(new FeedItem { Title = "one", Link = "https://a.example/2", PublishedText = "2026-01-11T10:00:00Z" });
        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, c.Id);
        Assert.Matches("^[0-9a-f]{16}$", a.Id);
    }

    [Fact]
    public void LanguageTag_PrefersTheFeedsConfiguredLanguageAndRegion_ElseTheChannel()
    {
        var configured = new FeedDefinition { Kind = FeedKind.File, Location = "x", Language = "ES", Region = "ve" };
        var plain = new FeedDefinition { Kind = FeedKind.File, Location = "x" };
        var item = new FeedItem { Title = "t", Link = "https://a.example/1", PublishedText = "2026-01-11T10:00:00Z" };
        Assert.Equal("es-VE", Normalize(item, configured).Language);
        Assert.Equal("en-US", Normalize(item, plain).Language);
        Assert.Null(Normalize(item, plain, new FeedReadResult { Status = FeedStatus.Ok }).Language);
    }

    [Theory]
    [InlineData("javascript:alert('src')")]
    [InlineData(" JaVaScRiPt:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://o.example/")]
    public void UnsafeOutletUrl_FromTheSourceElement_IsDropped_TheArticleKept(string sourceUrl)
    {
        var article = Normalize(new FeedItem
        {
            Title = "Story - Outlet",
            Link = "https://news.google.com/rss/articles/abc",
            SourceName = "Outlet",
            SourceUrl = sourceUrl,
            PublishedText = "2026-01-11T10:00:00Z",
        });
        Assert.Null(article.OutletUrl);
        Assert.Equal("Outlet", article.Outlet);
    }

    [Fact]
    public void SafeOutletUrl_IsKeptAbsolute()
    {
        var article = Normalize(new FeedItem
        {
            Title = "Story",
            Link = "https://news.google.com/rss/articles/abc",
            SourceName = "Outlet",
            SourceUrl = " https://o.example ",
            PublishedText = "2026-01-11T10:00:00Z",
        });
        Assert.Equal("https://o.example/", article.OutletUrl);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>Scripted", "Scripted")]
    [InlineData("<b>Bold</b> &amp; Co", "Bold & Co")]
    [InlineData("<img src=x onerror=alert(1)>Imaged", "Imaged")]
    public void OutletNameFromTheSourceElement_IsReducedToPlainText(string sourceName, string expected)
    {
        var article = Normalize(new FeedItem
        {
            Title = "Story about trade",
            Link = "https://news.google.com/rss/articles/abc",
            SourceName = sourceName,
            PublishedText = "2026-01-11T10:00:00Z",
        });
        Assert.Equal(expected, article.Outlet);
    }

    [Theory]
    [InlineData("https://a.example/a b", "https://a.example/a%20b")]
    [InlineData(" https://a.example/a b/c d?q=x y ", "https://a.example/a%20b/c%20d?q=x%20y")]
    [InlineData("https://a.example/a\tb\nc", "https://a.example/abc")]
    public void SpacesInsideLinks_ArePercentEncoded_NotDeleted(string link, string expected)
    {
        var article = Normalize(new FeedItem { Title = "t", Link = link, PublishedText = "2026-01-11T10:00:00Z" });
        Assert.Equal(expected, article.Link);
    }

    [Theory]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    public void SchemeSplitByTabsOrNewlines_IsStillRecognisedAndDropped(string link)
    {
        var result = ArticleNormalizer.Normalize(new FeedItem { Title = "t", Link = link, PublishedText = "2026-01-11T10:00:00Z" }, GoogleFeed, Read, 0);
        Assert.Equal(DropReason.InvalidLink, result.Dropped!.Reason);
    }
}
