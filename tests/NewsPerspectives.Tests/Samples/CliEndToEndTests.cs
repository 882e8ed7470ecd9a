using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace NewsPerspectives.Tests.Samples;

/// <summary>Runs the CLI sample as the README says, and checks the five posts it writes against the seed's format.</summary>
public sealed partial class CliEndToEndTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("np-cli-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static Task<(int ExitCode, string Output, string Error)> RunCli(params string[] args) => Cli.RunAsync(args);

    [GeneratedRegex(@"^(\d+)\. \[[a-z]{2}-[A-Z]{2}\] \[.+\]\(https://[^ ]+\) - .+ \(\d{1,2}/\d{1,2}/\d{4}\)$")]
    private static partial Regex SourceLine();

    private static List<string> Keys(YamlMappingNode node) => node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

    private static (YamlMappingNode Front, string Body) Split(string post)
    {
        int end = post.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(post[4..(end + 1)]));
        return ((YamlMappingNode)stream.Documents[0].RootNode, post[(end + 5)..]);
    }

    private static IEnumerable<string> Sections(string body) =>
        body.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l == "<!--more-->");

    [Fact]
    public async Task NoArguments_WritesFivePostsInTheSeedFormat_Deterministically()
    {
        var (exit, output, error) = await RunCli("--out", _out, "--date", "2026-01-12");
        Assert.True(exit == 0, output + error);
        var seed = File.ReadAllText(Path.Combine(TestPaths.TestData, "seed", "china-japan-2026-01-12.md"));
        var (seedFront, seedBody) = Split(seed);

        var posts = Directory.GetFiles(Path.Combine(_out, "content", "summaries"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(5, posts.Length);
        foreach (var path in posts)
        {
            var post = File.ReadAllText(path);
            var (front, body) = Split(post);
            var sideIds = ((YamlSequenceNode)front["perspectives"]).Children.Cast<YamlMappingNode>().Select(p => ((YamlScalarNode)p["id"]).Value!).ToArray();
            // Same keys in the same order as the seed post (per-side keys named after this topic's sides).
            var expectedKeys = Keys(seedFront).Where(k => k is not ("chinaSources" or "japanSources")).ToList();
            expectedKeys.InsertRange(expectedKeys.IndexOf("draft"), sideIds.Select(HugoMarkdownWriter.SideCountKey));
            Assert.Equal(expectedKeys, Keys(front));

            // Same sections in the same order.
            var sideNames = ((YamlSequenceNode)front["perspectives"]).Children.Cast<YamlMappingNode>().Select(p => ((YamlScalarNode)p["name"]).Value!).ToArray();
            Assert.Equal(["## Overall Highlights", "<!--more-->", .. sideNames.Select(n => $"## {n} Perspective ({n} Sources)"), "## Sources"], Sections(body));
            Assert.Equal(["## Overall Highlights", "<!--more-->", "## China Perspective (China Sources)", "## Japan Perspective (Japan Sources)", "## Sources"], Sections(seedBody));

            // articleCount equals the source lines; per-side counts add up.
            var lines = body[body.IndexOf("## Sources", StringComparison.Ordinal)..].Split('\n').Where(l => SourceLine().IsMatch(l)).ToArray();
            int articleCount = int.Parse(((YamlScalarNode)front["articleCount"]).Value!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(articleCount, lines.Length);
            Assert.Equal(Enumerable.Range(1, articleCount).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Select(l => SourceLine().Match(l).Groups[1].Value));
            var perspectiveCounts = ((YamlSequenceNode)front["perspectives"]).Children.Cast<YamlMappingNode>().Select(p => int.Parse(((YamlScalarNode)p["count"]).Value!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(articleCount, perspectiveCounts.Sum());
            Assert.Equal(perspectiveCounts, sideIds.Select(id => int.Parse(((YamlScalarNode)front[HugoMarkdownWriter.SideCountKey(id)]).Value!, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Contains($"This summary is based on {articleCount} articles from the following sources:", body, StringComparison.Ordinal);
        }

        Assert.Equal(5, Directory.GetFiles(Path.Combine(_out, "digests"), "*.json", SearchOption.AllDirectories).Length);
        foreach (var topic in new[] { "venezuela", "us-china", "china-japan", "china-taiwan", "india-pakistan" })
        {
            Assert.Contains($"{topic}: ", output, StringComparison.Ordinal);
        }

        // A second run writes byte-identical files.
        var first = posts.Concat(Directory.GetFiles(Path.Combine(_out, "digests"), "*.json", SearchOption.AllDirectories)).ToDictionary(p => p, File.ReadAllBytes);
        var (exit2, _, _) = await RunCli("--out", _out, "--date", "2026-01-12");
        Assert.Equal(0, exit2);
        foreach (var (path, bytes) in first)
        {
            Assert.Equal(bytes, File.ReadAllBytes(path));
        }
    }

    [Fact]
    public async Task SeedTopicsJsonWithoutNetwork_LoadsAndReportsFeedsWithoutASource()
    {
        var (exit, output, error) = await RunCli("--config", Path.Combine(TestPaths.Snapshot, "seed-topics.json"), "--out", _out, "--format", "json");
        // Loading succeeded (no configuration error); without the HTTP source no Google News feed can be read, so every
        // topic failed (exit code 1) with a message naming what to register, nothing was written, and the note says what to do.
        Assert.Equal(1, exit);
        Assert.Contains("venezuela:", output, StringComparison.Ordinal);
        Assert.Contains("FAILED: the run failed: topic 'venezuela': no feed source reads its GoogleNews feeds", output, StringComparison.Ordinal);
        Assert.Contains("AddHttpFeeds()", output, StringComparison.Ordinal);
        Assert.Contains("read only with --live", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_out, "digests")));
    }

    [Fact]
    public async Task BrokenConfig_ExitsNonZeroAndNamesFileLineAndField()
    {
        var config = Path.Combine(_out, "bad.yaml");
        File.WriteAllText(config, "topics:\n  - id: a\n    name: A\n    sides: [{id: a, name: A}]\n    feeds:\n      - path: x.xml\n        side: b\n");
        var (exit, _, error) = await RunCli("--config", config, "--out", _out);
        Assert.Equal(2, exit);
        Assert.Contains($"{config}(7,", error, StringComparison.Ordinal);
        Assert.Contains("topics[0].feeds[0].side", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadArguments_ExitNonZeroWithUsage()
    {
        var (exit, _, error) = await RunCli("--date", "12/01/2026");
        Assert.Equal(2, exit);
        Assert.Contains("--date '12/01/2026' is not a date in the form yyyy-MM-dd", error, StringComparison.Ordinal);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }
}
