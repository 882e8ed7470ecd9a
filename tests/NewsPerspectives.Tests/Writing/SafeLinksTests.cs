namespace NewsPerspectives.Tests.Writing;

/// <summary>Links keep their meaning through every writer: a space is percent-encoded, never deleted.</summary>
public sealed class SafeLinksTests
{
    [Theory]
    [InlineData("https://a.example/a b", "https://a.example/a%20b")]
    [InlineData("https://a.example/x (y) z", "https://a.example/x%20%28y%29%20z")]
    public void MarkdownDestination_PercentEncodesSpaces(string url, string expected) =>
        Assert.Equal(expected, MarkdownText.SafeUrl(url));

    [Theory]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\r\nscript:alert(1)")]
    [InlineData("\u0000javascript:alert(1)")]
    public void MarkdownDestination_StillRefusesSchemesHiddenByWhitespace(string url) =>
        Assert.Null(MarkdownText.SafeUrl(url));

    [Fact]
    public void HtmlAndJson_KeepTheSpaceEncoded()
    {
        var run = DigestFixtures.Run("A", [("Spaced", "Outlet", "https://a.example/a b")]);
        var html = new HtmlDigestWriter().Render(run.Digest);
        Assert.Contains("href=\"https://a.example/a%20b\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://a.example/ab", html, StringComparison.Ordinal);
    }
}
