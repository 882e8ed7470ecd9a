using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsCheck;
using Markdig;
using YamlDotNet.RepresentationModel;

namespace NewsPerspectives.Tests.Writing;

/// <summary>
/// Generative tests (CsCheck) of the escaping rules, where hand-picked cases run out: any string — built from YAML
/// keywords, Markdown and HTML syntax, Hugo shortcode delimiters, unsafe schemes, controls, line separators and any
/// Unicode scalar — put in every text field of a digest reads back exactly from the YAML front matter, the Markdown
/// body (parsed by Markdig), the HTML page (parsed by AngleSharp) and the JSON, and stays inert: no element, handler,
/// shortcode or unsafe link appears. A failure shrinks to a small string and prints the seed to reproduce it.
/// </summary>
public sealed class WriterEscapingProperties
{
    private const long Iterations = 1500;

    private static readonly string[] Fragments =
    [
        "{{<", ">}}", "{{%", "%}}", "{{", "}}", "<script>", "</script>", "<!--", "-->", "<!DOCTYPE html>", "<svg onload=alert(1)>",
        "<img src=x onerror=alert(1)>", "\"><a href=\"javascript:x\">", "javascript:", "JaVaScRiPt:", "&#58;", "&amp;", "&lt;", "&#x3C;",
        "]]>", "---", "...", "\n", "\r\n", "\r", "\t", "\u2028", "\u2029", "\u0085", "\uFEFF", "\u00A0", "\u200B", "\0", "\u001B", "\u007F",
        "yes", "no", "on", "off", "null", "~", "1e3", "0x1F", "012", "2024-01-01", ": ", " #", "#", "- ", "* ", "> ", "1. ", "1) ", "|", "!",
        "*", "_", "**", "__", "~~", "`", "```", "[", "]", "(", ")", "[x](https://a.example)", "![i](https://a.example/i.png)", "[^1]",
        "\\", "\"", "'", "<", ">", "&", "{", "}", "%", "@", "+", "=", "https://www.example.com/a b", "www.example.com", "mailto:a@b.example",
        "日本", "Привет", "🙂", "e\u0301", "\u202E", "  ", "\\\n",
    ];

    /// <summary>Hostile strings: fragments, printable ASCII and any Unicode scalar value, concatenated.</summary>
    internal static readonly Gen<string> Hostile =
        Gen.Frequency(
            (4, Gen.OneOf(Fragments)),
            (3, Gen.Char[' ', '~'].Select(c => c.ToString())),
            (1, Gen.Int[0, 0x10FFFF].Select(cp => char.ConvertFromUtf32(cp is >= 0xD800 and <= 0xDFFF ? cp - 0x800 : cp))))
        .Array[0, 10]
        .Select(parts => string.Concat(parts));

    private static readonly MarkdownPipeline Goldmarkish = new MarkdownPipelineBuilder()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough).UsePipeTables().UseAutoLinks().UseFootnotes().UseDefinitionLists()
        .Build(); // Hugo's Goldmark extensions, bar the typographer (it only prettifies quotes and dashes) and task lists
                  // (Markdig finds "[x]" anywhere in an item; GFM and Goldmark only at its start, where our lines never have one)

    private static readonly HtmlParser Html = new();

    /// <summary>White space and control characters, which a browser trims from both ends of a link.</summary>
    private static readonly char[] Trimmed = Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => char.IsWhiteSpace(c) || char.IsControl(c)).ToArray();

    private static readonly Gen<(string TopicName, string SideName, string Title, string Outlet, string Bullet)> Texts =
        Gen.Select(Hostile, Hostile, Hostile, Hostile, Hostile);

    [Fact]
    public void YamlFrontMatter_ReadsBackEveryStringExactly()
    {
        Texts.Sample((topicName, sideName, title, outlet, bullet) =>
        {
            var post = RenderedDigest.Render(new HugoMarkdownWriter(), RenderedDigest.Run("t", topicName, sideName, title, outlet, bullet));
            var front = FrontMatter(post);
            Assert.Equal(topicName, Scalar(front["topicName"]));
            Assert.Equal($"{topicName} News - 2026-01-12", Scalar(front["title"]));
            Assert.Equal([outlet], ((YamlSequenceNode)front["sources"]).Children.Select(Scalar));
            var perspectives = ((YamlSequenceNode)front["perspectives"]).Children.Cast<YamlMappingNode>().ToArray();
            Assert.Equal([sideName, "Beta"], perspectives.Select(p => Scalar(p["name"])));
            Assert.Equal("1", Scalar(front["articleCount"]));
        }, iter: Iterations);
    }

    [Fact]
    public void MarkdownBody_ReadsBackAsPlainText_AndIsInert()
    {
        Texts.Sample((topicName, sideName, title, outlet, bullet) =>
        {
            var post = RenderedDigest.Render(new HugoMarkdownWriter(), RenderedDigest.Run("t", topicName, sideName, title, outlet, bullet));
            var body = post[(post.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];
            Assert.DoesNotContain("{{<", body, StringComparison.Ordinal);
            Assert.DoesNotContain("{{%", body, StringComparison.Ordinal);

            var document = Html.ParseDocument(Markdown.ToHtml(body, Goldmarkish));
            AssertInert(document);
            var highlight = document.QuerySelectorAll("ul")[0].QuerySelector("li")!;
            Assert.Equal($"{HtmlText.CollapseWhitespace(bullet)} [1]".TrimStart(), highlight.TextContent);
            var heading = document.QuerySelectorAll("h2")[1];
            var side = HtmlText.CollapseWhitespace(sideName);
            Assert.Equal($"{side} Perspective ({side} Sources)".TrimStart(), heading.TextContent); // a heading's leading space is not content
            var sourceLine = document.QuerySelector("ol > li")!;
            Assert.Equal($"[en-US] {HtmlText.CollapseWhitespace(title)} - {HtmlText.CollapseWhitespace(outlet)} (1/11/2026)", sourceLine.TextContent);
            var link = Assert.Single(sourceLine.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://a.example/story");
            Assert.Equal(HtmlText.CollapseWhitespace(title), link.TextContent);
        }, iter: Iterations);
    }

    [Fact]
    public void HtmlPage_ReadsBackEveryStringExactly_AndIsInert()
    {
        Texts.Sample((topicName, sideName, title, outlet, bullet) =>
        {
            var page = RenderedDigest.Render(new HtmlDigestWriter(), RenderedDigest.Run("t", topicName, sideName, title, outlet, bullet));
            var document = Html.ParseDocument(page);
            AssertInert(document);
            Assert.Equal(HtmlCarried($"{topicName} \u2014 2026-01-12"), document.QuerySelector("title")!.TextContent);
            Assert.Equal(HtmlCarried(title), document.QuerySelector("#source-1 .title")!.TextContent);
            Assert.Equal(HtmlCarried(outlet), document.QuerySelector("#source-1 .outlet")!.TextContent);
            Assert.Equal(HtmlCarried(sideName), document.QuerySelector("#side-1-title")!.TextContent);
            Assert.Equal(HtmlCarried(bullet), document.QuerySelector("#highlights li .text")!.TextContent);
        }, iter: Iterations);
    }

    [Fact]
    public void Json_ReadsBackEveryStringExactly()
    {
        Texts.Sample((topicName, sideName, title, outlet, bullet) =>
        {
            using var json = JsonDocument.Parse(RenderedDigest.Render(new JsonDigestWriter(), RenderedDigest.Run("t", topicName, sideName, title, outlet, bullet)));
            var root = json.RootElement;
            Assert.Equal(topicName, root.GetProperty("topic").GetProperty("name").GetString());
            Assert.Equal(sideName, root.GetProperty("perspectives")[0].GetProperty("name").GetString());
            Assert.Equal(title, root.GetProperty("sources")[0].GetProperty("title").GetString());
            Assert.Equal(outlet, root.GetProperty("sources")[0].GetProperty("outlet").GetString());
            Assert.Equal(bullet, root.GetProperty("highlights")[0].GetProperty("text").GetString());
        }, iter: Iterations);
    }

    [Fact]
    public void AnyLink_IsEitherRefusedOrAnHttpLinkToTheSamePlace_InEveryWriter()
    {
        var links = Gen.Frequency(
            (3, Hostile),
            (2, Gen.Select(Gen.OneOf("https://a.example/", "http://a.example/", " javascript:", "JaVaScRiPt:", "data:", "mailto:x@", "vbscript:", "java\tscript:"), Hostile, (a, b) => a + b)));
        links.Sample(link =>
        {
            var run = RenderedDigest.Run("t", "T", "S", "Title", "Outlet", "Bullet", link);
            // The oracle: a browser's reading of the link (ends trimmed of white space and controls, tabs and newlines removed).
            var cleaned = string.Concat(link.Trim(Trimmed).Where(c => c is not ('\t' or '\n' or '\r')));
            var parsed = Uri.TryCreate(cleaned, UriKind.Absolute, out var uri) ? uri : null;
            var expected = parsed is { Scheme: "http" or "https" } ? parsed : null;
            var expectedInMarkdown = parsed is { Scheme: "http" or "https" or "mailto" } ? parsed : null; // Hugo links may be mailto too
            var page = Html.ParseDocument(RenderedDigest.Render(new HtmlDigestWriter(), run));
            AssertInert(page);
            var href = page.QuerySelector("#source-1 a.title")?.GetAttribute("href");
            Assert.Equal(expected?.AbsoluteUri, href);

            var post = RenderedDigest.Render(new HugoMarkdownWriter(), run);
            var body = Html.ParseDocument(Markdown.ToHtml(post[(post.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..], Goldmarkish));
            AssertInert(body);
            var markdownHref = body.QuerySelector("ol > li a")?.GetAttribute("href");
            if (expectedInMarkdown is null)
            {
                Assert.Null(markdownHref);
            }
            else
            {
                // The Markdown writer percent-encodes parentheses and spaces in destinations: the same address.
                Assert.Equal(Uri.UnescapeDataString(expectedInMarkdown.AbsoluteUri), Uri.UnescapeDataString(markdownHref!));
            }
        }, iter: Iterations);
    }

    /// <summary>No executable or embedding element, no event handler, no link but http(s), mailto or an in-page anchor.</summary>
    internal static void AssertInert(IDocument document)
    {
        foreach (var element in document.All)
        {
            Assert.DoesNotContain(element.LocalName, (string[])["script", "iframe", "object", "embed", "img", "svg", "math", "form", "input", "button", "base", "link", "meta-refresh"]);
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            foreach (var name in (string[])["href", "src", "action", "formaction", "xlink:href"])
            {
                if (element.GetAttribute(name) is { } value)
                {
                    Assert.True(value.StartsWith('#') || value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal)
                        || value.StartsWith("mailto:", StringComparison.Ordinal), $"{element.LocalName} {name}=\"{value}\"");
                }
            }
        }
    }

    /// <summary>What HTML text can carry: the characters an HTML parser keeps as they are.</summary>
    private static string HtmlCarried(string text) => string.Concat(text.Where(c => !char.IsControl(c) || c is '\t' or '\n')).Replace("\r", "", StringComparison.Ordinal);

    private static YamlMappingNode FrontMatter(string post)
    {
        Assert.StartsWith("---\n", post, StringComparison.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(post[4..(post.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 1)]));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlNode node) => ((YamlScalarNode)node).Value;
}
