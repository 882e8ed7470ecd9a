using System.Buffers.Binary;
using System.Diagnostics;
using AngleSharp.Html.Parser;
using Xunit.Abstractions;

namespace NewsPerspectives.Tests.Formatting;

/// <summary>
/// Opens the pages of the bundled snapshot in a real headless chromium: the DOM the browser built and a screenshot.
/// Set <c>NEWSPERSPECTIVES_SCREENSHOTS</c> to a folder to keep the screenshots for a look.
/// </summary>
public sealed class HtmlChromiumTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan ChromiumTimeout = TimeSpan.FromSeconds(60);
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly string _root = Directory.CreateTempSubdirectory("np-chromium-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Runs chromium headless with a fresh profile, offline-minded flags and a timeout that kills it.</summary>
    private async Task<string> ChromiumAsync(params string[] arguments)
    {
        var chromium = ExternalTool.Require("chromium");
        var profile = Directory.CreateTempSubdirectory("np-chromium-profile-").FullName;
        try
        {
            string[] flags =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile}",
            ];
            var watch = Stopwatch.StartNew();
            var (exit, stdout, stderr) = await ExternalTool.RunAsync(chromium, _root, ChromiumTimeout, [.. flags, .. arguments]);
            output.WriteLine($"chromium {arguments[0]}: {watch.Elapsed.TotalSeconds:0.0} s");
            Assert.True(exit == 0, $"chromium failed ({exit}): {stderr}");
            return stdout;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private async Task<Dictionary<string, (DigestRun Run, string Path)>> WriteSnapshotPagesAsync()
    {
        var config = TopicConfigurationLoader.LoadFile(Path.Combine(TestPaths.Snapshot, "topics.yaml"));
        var writer = new HtmlDigestFormatter();
        var pages = new Dictionary<string, (DigestRun, string)>();
        foreach (var topic in config.Topics)
        {
            var run = await TestPipeline.RunAsync(topic, config.AsOf!.Value);
            pages[topic.Id] = (run, await TestPipeline.PublishAsync(writer, run, _root));
        }

        return pages;
    }

    [Fact]
    public async Task SnapshotPages_ChromiumBuildsTheExpectedDom()
    {
        var pages = await WriteSnapshotPagesAsync();
        Assert.Equal(5, pages.Count);
        foreach (var (topicId, (run, path)) in pages)
        {
            Assert.Equal(Path.Combine(_root, "html", topicId, "2026-01-12.html"), path);
            var dom = await ChromiumAsync("--dump-dom", new Uri(path).AbsoluteUri);
            var document = new HtmlParser().ParseDocument(dom);

            Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
            Assert.Equal(run.Digest.Topic.Name, document.QuerySelector("body > header h1")!.TextContent);
            bool framing = run.Digest.Framing.Any(f => f.Terms.Count > 0);
            Assert.Equal(framing ? ["highlights", "perspectives", "stories", "framing", "sources"] : ["highlights", "perspectives", "stories", "sources"], document.QuerySelectorAll("main > section").Select(s => s.Id));
            Assert.Equal(framing ? run.Digest.Framing.Select(f => f.Terms.Count) : [], document.QuerySelectorAll("#framing .framing-side").Select(s => s.QuerySelectorAll(".terms li").Length));
            // Each story several sides covered shows each side's headline side by side.
            var shown = run.Digest.NotableStories.Take(new HtmlDigestFormatterOptions().MaxStories).ToArray();
            Assert.Equal(shown.Select(s => s.Sides.Count > 1 ? s.Sides.Count : 0), document.QuerySelectorAll("#stories li.story").Select(li => li.QuerySelectorAll(".takes li").Length));
            Assert.Equal(run.Digest.Sides.Select(s => s.Side.Name), document.QuerySelectorAll("#perspectives section.side h3").Select(h => h.TextContent));
            Assert.Equal(run.Digest.Highlights.Count, document.QuerySelectorAll("#highlights li").Length);
            Assert.NotEmpty(document.QuerySelectorAll("#stories li.story"));

            var sources = document.QuerySelectorAll("#sources ol > li").ToArray();
            Assert.Equal(run.Digest.Sources.Count, sources.Length);
            Assert.Equal(run.Digest.Sources.Select(s => $"source-{s.Number}"), sources.Select(s => s.Id));

            var citations = document.QuerySelectorAll("a.cite").ToArray();
            Assert.Equal(run.Digest.Highlights.Concat(run.Digest.Sides.SelectMany(s => s.Bullets)).Sum(b => b.Citations.Count),
                document.QuerySelectorAll("#highlights li > .cites a.cite, #perspectives li > .cites a.cite").Length);
            Assert.All(citations, a => Assert.NotNull(document.GetElementById(a.GetAttribute("href")![1..])));
            Assert.All(document.QuerySelectorAll("a[href]"), a =>
                Assert.True(a.GetAttribute("href")!.StartsWith('#') || a.GetAttribute("href")!.StartsWith("http", StringComparison.Ordinal), a.GetAttribute("href")));

            Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, img, link"));
            Assert.Equal(HtmlDigestFormatter.ContentSecurityPolicy,
                document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"));
        }
    }

    [Theory]
    [InlineData("china-japan", 1280, 2000)]
    [InlineData("venezuela", 420, 2400)]
    public async Task SnapshotPage_ChromiumTakesANonTrivialScreenshot(string topicId, int width, int height)
    {
        var pages = await WriteSnapshotPagesAsync();
        var png = Path.Combine(_root, $"{topicId}-{width}.png");
        await ChromiumAsync($"--screenshot={png}", $"--window-size={width},{height}", new Uri(pages[topicId].Path).AbsoluteUri);

        var bytes = File.ReadAllBytes(png);
        Assert.Equal(PngSignature, bytes.AsSpan(0, 8).ToArray());
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        // A blank or error page compresses to a few KB; the rendered digest is far larger.
        Assert.True(bytes.Length > 50_000, $"screenshot is only {bytes.Length} bytes");

        if (Environment.GetEnvironmentVariable("NEWSPERSPECTIVES_SCREENSHOTS") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(png, Path.Combine(keep, Path.GetFileName(png)), overwrite: true);
        }
    }
}
