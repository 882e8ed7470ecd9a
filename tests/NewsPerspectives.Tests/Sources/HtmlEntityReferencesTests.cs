using System.Text;

namespace NewsPerspectives.Tests.Sources;

public sealed class HtmlEntityReferencesTests
{
    [Fact]
    public void HtmlNamedEntities_BecomeNumericReferences_OutsideCdataAndComments()
    {
        var text = "<t>caf&eacute;&nbsp;&mdash; &amp; &lt; &#233; &#x1F600; &unknown; & x</t><![CDATA[&nbsp;]]><!-- &eacute; -->";
        Assert.Equal("<t>caf&#xE9;&#xA0;&#x2014; &amp; &lt; &#233; &#x1F600; &unknown; & x</t><![CDATA[&nbsp;]]><!-- &eacute; -->", HtmlEntityReferences.ToNumeric(text));
    }

    [Fact]
    public void TextWithoutReferences_IsReturnedAsIs()
    {
        var text = "<rss version=\"2.0\"/>";
        Assert.Same(text, HtmlEntityReferences.ToNumeric(text));
    }

    [Fact]
    public void FeedWithHtmlEntities_ParsesWithTheirCharacters_AndUnknownEntitiesStayErrors()
    {
        var feed = "<rss version=\"2.0\"><channel><title>Caf&eacute; &ndash; news</title><item><title>Na&iuml;ve&nbsp;caf&eacute;</title><link>https://x.example/1</link></item></channel></rss>";
        var result = FeedDocumentParser.Parse(Encoding.UTF8.GetBytes(feed), "test");
        Assert.Null(result.Error);
        Assert.Equal("Café – news", result.Title);
        Assert.Equal("Naïve\u00a0café", result.Items[0].Title);

        var unknown = FeedDocumentParser.Parse(Encoding.UTF8.GetBytes(feed.Replace("&ndash;", "&lolz;", StringComparison.Ordinal)), "test");
        Assert.Equal(FeedErrorKind.Parse, unknown.Error!.Kind);
        Assert.Contains("lolz", unknown.Error.Reason, StringComparison.Ordinal);
    }
}
