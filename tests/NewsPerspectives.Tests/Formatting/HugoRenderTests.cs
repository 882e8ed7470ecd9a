using System.Text.Json;
using AngleSharp.Html.Parser;

namespace NewsPerspectives.Tests.Formatting;

/// <summary>Renders our posts with the real hugo binary and checks what Hugo read back.</summary>
public sealed class HugoRenderTests : IDisposable
{
    private readonly string _site = Directory.CreateTempSubdirectory("np-hugo-").FullName;

    public void Dispose() => Directory.Delete(_site, recursive: true);

    private async Task<string> BuildAsync()
    {
        File.WriteAllText(Path.Combine(_site, "hugo.toml"), """
            baseURL = "https://example.org/"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
            [markup.goldmark.renderer]
            unsafe = false
            # Hugo's typographer (on by default) turns quotes into curly quotes and "--" into dashes: a site's
            # typographic choice. Off here, so the test sees whether our escaping keeps every character literal.
            [markup.goldmark.extensions]
            typographer = false
            """);
        var layouts = Directory.CreateDirectory(Path.Combine(_site, "layouts", "_default")).FullName;
        File.WriteAllText(Path.Combine(layouts, "single.html"),
            """<html><body><script type="application/json" id="meta">{{ jsonify (dict "title" .Title "params" .Params) }}</script><main>{{ .Content }}</main></body></html>""");
        File.WriteAllText(Path.Combine(layouts, "list.html"), "<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>");
        var hugo = ExternalTool.Require("hugo");
        var (exit, output, error) = await ExternalTool.RunAsync(hugo, _site, "--quiet", "--destination", "public");
        Assert.True(exit == 0, $"hugo failed ({exit}): {output}\n{error}");
        return Path.Combine(_site, "public");
    }

    [Fact]
    public async Task HostileTitlesAndOutlets_ReadBackExactly_AndTheBuildSucceeds()
    {
        var writer = new HugoMarkdownFormatter();
        var runs = DigestFixtures.HostileValues.Select((value, i) => DigestFixtures.Run(
            value,
            [(value, value, "https://a.example/1"), ("Beta says " + value, "Beta Post", "https://b.example/x_(1)"), ("[x](JaVaScRiPt:alert(1))", "Alpha", "https://a.example/2")],
            topicId: $"topic-{i}")).ToArray();
        foreach (var run in runs)
        {
            await TestPipeline.PublishAsync(writer, run, _site);
        }

        var publicDir = await BuildAsync();
        var parser = new HtmlParser();
        for (int i = 0; i < runs.Length; i++)
        {
            var value = DigestFixtures.HostileValues[i];
            var html = File.ReadAllText(Path.Combine(publicDir, "summaries", $"topic-{i}", "2026-01-12", "index.html"));
            var document = parser.ParseDocument(html);
            // Go's html/template writes the JSON as a JavaScript string inside <script>; unwrap it.
            using var wrapped = JsonDocument.Parse(document.GetElementById("meta")!.TextContent);
            using var meta = wrapped.RootElement.ValueKind == JsonValueKind.String ? JsonDocument.Parse(wrapped.RootElement.GetString()!) : JsonDocument.Parse(wrapped.RootElement.GetRawText());
            Assert.Equal($"{value} News - 2026-01-12", meta.RootElement.GetProperty("title").GetString());
            var parameters = meta.RootElement.GetProperty("params");
            Assert.Equal(value, parameters.GetProperty("topicname").GetString());
            Assert.Equal("topic-" + i, parameters.GetProperty("topic").GetString());
            Assert.Equal(value, parameters.GetProperty("sources")[0].GetString());
            Assert.Equal(3, parameters.GetProperty("articlecount").GetInt32());
            Assert.False(parameters.GetProperty("draft").GetBoolean());

            var main = document.QuerySelector("main")!;
            var links = main.QuerySelectorAll("ol li a").ToArray();
            Assert.Equal(3, links.Length);
            // Markdown collapses whitespace; otherwise the rendered link text is the title itself.
            Assert.Equal(HtmlText.CollapseWhitespace(value), links[0].TextContent);
            Assert.Equal("https://a.example/1", links[0].GetAttribute("href"));
            Assert.Equal("[x](JaVaScRiPt:alert(1))", links[1].TextContent);
            Assert.Equal("https://b.example/x_%281%29", links[2].GetAttribute("href"));
            Assert.All(main.QuerySelectorAll("a"), a => Assert.StartsWith("https://", a.GetAttribute("href"), StringComparison.Ordinal));
            Assert.Empty(main.QuerySelectorAll("script"));
            Assert.DoesNotContain("raw HTML omitted", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SnapshotPosts_RenderWithHugo()
    {
        var config = TopicConfigurationLoader.LoadFile(Path.Combine(TestPaths.Snapshot, "topics.yaml"));
        var listed = new Dictionary<string, int>();
        var writer = new HugoMarkdownFormatter(new HugoMarkdownFormatterOptions { IncludeStories = true, IncludeFoundCounts = true, IncludeAlsoPublishedBy = true });
        foreach (var topic in config.Topics)
        {
            var run = await TestPipeline.RunAsync(topic, config.AsOf!.Value);
            listed[topic.Id] = run.Digest.Sources.Count;
            await TestPipeline.PublishAsync(writer, run, _site);
        }

        var publicDir = await BuildAsync();
        foreach (var topic in config.Topics)
        {
            var html = File.ReadAllText(Path.Combine(publicDir, "summaries", topic.Id, "2026-01-12", "index.html"));
            var document = new HtmlParser().ParseDocument(html);
            Assert.InRange(listed[topic.Id], 10, 20);
            // The numbered source list is the last ordered list (the stories section comes before it).
            Assert.Equal(listed[topic.Id], document.QuerySelectorAll("main ol")[^1].QuerySelectorAll("li").Length);
            Assert.NotNull(document.QuerySelectorAll("main h2").FirstOrDefault(h => h.TextContent == "Stories"));
            Assert.Contains("<!--more-->", File.ReadAllText(Path.Combine(_site, "content", "summaries", topic.Id, "2026-01-12.md")), StringComparison.Ordinal);
        }
    }
}
