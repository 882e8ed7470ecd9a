using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NewsPerspectives.Tests.Sources;

public class FeedDocumentParserTests
{
    private const string Rss2 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>T</title><link>https://site.example/</link><language>en-us</language>
        <item><title>One</title><link>https://site.example/1</link><pubDate>Sun, 11 Jan 2026 10:00:00 GMT</pubDate><source url="https://o.example">Outlet</source></item>
        <item><title>Two</title><link>https://site.example/2</link><pubDate>Sun, 11 Jan 2026 11:00:00 GMT</pubDate></item>
        </channel></rss>
        """;

    private static FeedReadResult Parse(string text, string? charset = null, Encoding? encoding = null, FeedParserOptions? options = null) =>
        FeedDocumentParser.Parse((encoding ?? new UTF8Encoding(false)).GetBytes(text), "test://feed", charset, options);

    [Fact]
    public void Rss2_ItemsSourceAndLanguage()
    {
        var result = Parse(Rss2);
        Assert.Equal(FeedStatus.Ok, result.Status);
        Assert.Equal(["One", "Two"], result.Items.Select(i => i.Title));
        Assert.Equal("Outlet", result.Items[0].SourceName);
        Assert.Equal("https://o.example", result.Items[0].SourceUrl);
        Assert.Equal("Sun, 11 Jan 2026 10:00:00 GMT", result.Items[0].PublishedText);
        Assert.Equal("en-us", result.Language);
        Assert.Equal("T", result.Title);
    }

    [Fact]
    public void Atom_UsesAlternateLinkAndPublishedDate()
    {
        var result = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="https://a.example/"/>
            <entry><title>E</title><link rel="self" href="https://a.example/self"/><link rel="alternate" href="https://a.example/e"/>
            <published>2026-01-11T10:00:00Z</published><updated>2026-01-12T10:00:00Z</updated><summary>S</summary></entry></feed>
            """);
        var item = Assert.Single(result.Items);
        Assert.Equal("https://a.example/e", item.Link);
        Assert.Equal("2026-01-11T10:00:00Z", item.PublishedText);
        Assert.Equal("S", item.Description);
    }

    [Fact]
    public void Rss1Rdf_WithDublinCoreDate()
    {
        var result = Parse("""
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link></channel>
            <item rdf:about="https://r.example/1"><title>R1</title><link>https://r.example/1</link><dc:date>2026-01-11T10:00:00+01:00</dc:date></item>
            </rdf:RDF>
            """);
        var item = Assert.Single(result.Items);
        Assert.Equal("R1", item.Title);
        Assert.Equal("2026-01-11T10:00:00+01:00", item.PublishedText);
    }

    [Fact]
    public void JsonFeed_ItemsAreRead()
    {
        var result = Parse("""
            {"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"https://j.example/",
             "items":[{"id":"1","url":"https://j.example/1","title":"J1","content_text":"Body","date_published":"2026-01-11T10:00:00Z"}]}
            """);
        Assert.Equal(FeedStatus.Ok, result.Status);
        var item = Assert.Single(result.Items);
        Assert.Equal("J1", item.Title);
        Assert.Equal("https://j.example/1", item.Link);
    }

    [Fact]
    public void Rss091WithDoctype_IsReadWithoutProcessingTheDtd()
    {
        var result = Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old</title><link>https://old.example/</link><description>d</description><language>en</language>
            <item><title>Old one</title><link>https://old.example/1</link></item></channel></rss>
            """);
        Assert.Equal(FeedStatus.Ok, result.Status);
        Assert.Equal("Old one", Assert.Single(result.Items).Title);
    }

    [Fact]
    public void EmptyChannel_IsSuccessWithZeroItems()
    {
        var result = Parse("""<rss version="2.0"><channel><title>E</title><link>https://e.example/</link></channel></rss>""");
        Assert.Equal(FeedStatus.Ok, result.Status);
        Assert.Empty(result.Items);
    }

    [Theory]
    [InlineData("""<rss version="2.0"/>""")]
    [InlineData("<html><body><h1>Not found</h1></body></html>")]
    [InlineData("""{"error": "not a feed"}""")]
    [InlineData("")]
    [InlineData("<rss version=\"2.0\"><channel><title>T</title><item><title>cut")]
    [InlineData("<?xml version=\"1.0\"?><foo><bar/></foo>")]
    public void NotAFeed_IsATypedParseError(string text)
    {
        var result = Parse(text);
        Assert.Equal(FeedStatus.Failed, result.Status);
        Assert.Equal(FeedErrorKind.Parse, result.Error!.Kind);
        Assert.Equal("test://feed", result.Error.Location);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Reason));
    }

    [Fact]
    public void BillionLaughs_IsRejectedQuickly()
    {
        var lol = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
            <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
            <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
            <rss version="2.0"><channel><title>&lol9;</title></channel></rss>
            """;
        var watch = Stopwatch.StartNew();
        var result = Parse(lol);
        watch.Stop();
        Assert.Equal(FeedStatus.Failed, result.Status);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void ExternalEntity_IsNeverResolved()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var result = Parse($"""
                <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>
                <rss version="2.0"><channel><title>t</title><item><title>&x;</title><link>https://a.example/</link></item></channel></rss>
                """);
            Assert.DoesNotContain(result.Items, i => (i.Title ?? "").Contains("TOP-SECRET", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void DeepNesting_IsADepthErrorNotAHang()
    {
        var deep = "<rss version=\"2.0\"><channel>" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</channel></rss>";
        var watch = Stopwatch.StartNew();
        var result = Parse(deep);
        Assert.Equal(FeedErrorKind.Parse, result.Error!.Kind);
        Assert.Contains("nested deeper", result.Error.Reason, StringComparison.Ordinal);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void OversizedDocument_IsATooLargeError()
    {
        var result = Parse(Rss2, options: new FeedParserOptions { MaxCharacters = 100 });
        Assert.Equal(FeedErrorKind.TooLarge, result.Error!.Kind);
    }

    [Fact]
    public void Utf16WithBom_IsDecoded()
    {
        var text = Rss2.Replace("UTF-8", "UTF-16", StringComparison.Ordinal).Replace("One", "Ōne – 日本", StringComparison.Ordinal);
        var bytes = new UnicodeEncoding(false, true).GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var result = FeedDocumentParser.Parse(bytes, "x");
        Assert.Equal("Ōne – 日本", result.Items[0].Title);
    }

    [Theory]
    [InlineData("windows-1252", "Café €5")]
    [InlineData("iso-8859-1", "Café")]
    [InlineData("shift_jis", "日本のニュース")]
    [InlineData("gb2312", "中国新闻")]
    [InlineData("big5", "台灣新聞")]
    public void DeclaredEncoding_IsHonoured(string charset, string title)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Rss2.Replace("UTF-8", charset, StringComparison.Ordinal).Replace("One", title, StringComparison.Ordinal);
        var result = Parse(text, encoding: Encoding.GetEncoding(charset));
        Assert.Equal(title, result.Items[0].Title);
    }

    [Fact]
    public void HttpCharset_WinsOverTheXmlDeclaration()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Rss2.Replace("One", "日本", StringComparison.Ordinal); // declares UTF-8
        var result = Parse(text, charset: "shift_jis", encoding: Encoding.GetEncoding("shift_jis"));
        Assert.Equal("日本", result.Items[0].Title);
    }

    [Fact]
    public void Latin1MislabelledAsUtf8_IsReadAsWindows1252_NotReplacementCharacters()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Rss2.Replace("One", "Café", StringComparison.Ordinal); // declares UTF-8, bytes are Latin-1
        var result = Parse(text, encoding: Encoding.GetEncoding(1252));
        Assert.Equal("Café", result.Items[0].Title);
    }

    [Fact]
    public void DoctypeHiddenBehindAComment_IsStillRemoved_SoTheRealDtdIsNeverProcessed()
    {
        // The comment's "<!DOCTYPE x>" used to be stripped instead of the real internal subset, whose ATTLIST default
        // expands to 10^8 characters inside FeedReader's DTD-processing parser.
        var entities = new StringBuilder("<!ENTITY e0 \"aaaaaaaaaa\">");
        for (int i = 1; i <= 7; i++)
        {
            entities.Append(CultureInfo.InvariantCulture, $"<!ENTITY e{i} \"{string.Concat(Enumerable.Repeat($"&e{i - 1};", 10))}\">");
        }

        var doc = $"""
            <?xml version="1.0"?>
            <!-- <!DOCTYPE x> -->
            <!DOCTYPE rss [
            {entities}
            <!ATTLIST item x CDATA "&e7;">
            ]>
            <rss version="2.0"><channel><title>Hidden</title><item><title>Kept story</title><link>https://h.example/1</link></item></channel></rss>
            """;
        var result = Parse(doc);
        Assert.True(result.Status == FeedStatus.Ok, result.Error?.ToString());
        Assert.Equal("Kept story", Assert.Single(result.Items).Title);
    }

    [Theory]
    [InlineData("<!DOCTYPE rss SYSTEM \"x.dtd\" [<!-- ]> -->]>")]
    [InlineData("<!DOCTYPE rss [<!ENTITY q \"]>\">]>")]
    [InlineData("<?pi <!DOCTYPE y> ?><!DOCTYPE rss PUBLIC \"-//x//EN\" 'y.dtd'>")]
    public void DoctypeWithTrickyQuotingOrSubsets_IsRemovedWhole(string doctype)
    {
        var result = Parse($"<?xml version=\"1.0\"?>\n{doctype}\n<rss version=\"2.0\"><channel><title>T</title><item><title>Tricky</title><link>https://t.example/1</link></item></channel></rss>");
        Assert.True(result.Status == FeedStatus.Ok, result.Error?.ToString());
        Assert.Equal("Tricky", Assert.Single(result.Items).Title);
    }

    [Theory]
    [InlineData("shift_jis")]
    [InlineData("koi8-r")]
    [InlineData("windows-1251")]
    public void Utf8BytesWithUtf8Declaration_ServedUnderAnotherCharset_AreReadAsUtf8(string servedAs)
    {
        const string Title = "Привет, 日本 – Zürich";
        var bytes = Encoding.UTF8.GetBytes(Rss2.Replace("One", Title, StringComparison.Ordinal)); // declares UTF-8
        var result = FeedDocumentParser.Parse(bytes, "test://feed", servedAs);
        Assert.True(result.Status == FeedStatus.Ok, result.Error?.ToString());
        Assert.Equal(Title, result.Items[0].Title);
    }

    [Fact]
    public void ShiftJisBytesWithShiftJisDeclaration_ServedAsUtf8_AreReadAsShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string Title = "日本のニュース";
        var text = Rss2.Replace("UTF-8", "Shift_JIS", StringComparison.Ordinal).Replace("One", Title, StringComparison.Ordinal);
        var result = FeedDocumentParser.Parse(Encoding.GetEncoding("shift_jis").GetBytes(text), "test://feed", "utf-8");
        Assert.True(result.Status == FeedStatus.Ok, result.Error?.ToString());
        Assert.Equal(Title, result.Items[0].Title);
    }

    [Fact]
    public void ConflictingCharsetsThatNeitherDecodeTheBytes_AreAnEncodingError_NotMojibake()
    {
        // Served as UTF-8, declared as EUC-JP, and valid in neither (0xFF starts no character in either): the text
        // cannot be known, so the feed fails instead of yielding mojibake.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var head = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"EUC-JP\"?><rss version=\"2.0\"><channel><title>T</title><item><title>");
        var tail = Encoding.ASCII.GetBytes("</title><link>https://e.example/1</link></item></channel></rss>");
        byte[] bytes = [.. head, 0xFF, 0xFF, 0xFE, .. tail];
        var result = FeedDocumentParser.Parse(bytes, "test://feed", "utf-8");
        Assert.Equal(FeedStatus.Failed, result.Status);
        Assert.Equal(FeedErrorKind.Encoding, result.Error!.Kind);
        Assert.Contains("utf-8", result.Error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("EUC-JP", result.Error.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","title":"A",""", "malformed JSON")]
    [InlineData("""{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1" "title":"A"}]}""", "malformed JSON")]
    [InlineData("""{"version":"https://jsonfeed.org/version/1.1","items":5}""", "\"items\"")]
    public void BrokenJsonFeed_IsAJsonErrorWithAPosition_NotMalformedXml(string json, string expected)
    {
        var result = Parse(json);
        Assert.Equal(FeedErrorKind.Parse, result.Error!.Kind);
        Assert.Contains(expected, result.Error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("XML", result.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFeedItemsWithWronglyTypedFields_AreKeptAsReportedProblems_NotLost()
    {
        var result = Parse("""
            {"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"https://j.example/","items":[
              {"id":"1","url":"https://j.example/1","title":"Good one","date_published":"2026-01-11T10:00:00Z"},
              "not an object",
              {"id":3,"url":"https://j.example/3","title":["a","list"],"date_published":"2026-01-11T10:00:00Z"},
              {"id":"4","url":{"href":"https://j.example/4"},"title":"Object url","date_published":"2026-01-11T10:00:00Z"},
              {"id":"5","url":"https://j.example/5","title":"Numeric date","date_published":20260111}
            ]}
            """);
        Assert.Equal(FeedStatus.Ok, result.Status);
        Assert.Equal(5, result.Items.Count);
        Assert.Null(result.Items[0].Problem);
        Assert.Equal("Good one", result.Items[0].Title);
        Assert.Equal("https://j.example/1", result.Items[0].Link);
        Assert.Contains("not an object", result.Items[1].Problem, StringComparison.Ordinal);
        Assert.Contains("\"title\"", result.Items[2].Problem, StringComparison.Ordinal);
        Assert.Contains("\"url\"", result.Items[3].Problem, StringComparison.Ordinal);
        Assert.Contains("\"date_published\"", result.Items[4].Problem, StringComparison.Ordinal);

        var feed = new FeedDefinition { Kind = FeedKind.File, Location = "j.json" };
        var normalized = result.Items.Select((item, i) => ArticleNormalizer.Normalize(item, feed, result, i)).ToArray();
        Assert.NotNull(normalized[0].Article);
        Assert.All(normalized.Skip(1), n => Assert.Equal(DropReason.MalformedItem, n.Dropped!.Reason));
        Assert.Contains("item 2", normalized[1].Dropped!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFeedWithANumericId_CoercesItToAString()
    {
        var result = Parse("""{"version":"https://jsonfeed.org/version/1","items":[{"id":42,"url":"https://j.example/42","title":"Answer"}]}""");
        var item = Assert.Single(result.Items);
        Assert.Null(item.Problem);
        Assert.Equal("42", item.Id);
    }
}
