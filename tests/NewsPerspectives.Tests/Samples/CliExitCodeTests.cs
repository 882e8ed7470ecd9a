using NewsPerspectives.Tests.Sources.Http;

namespace NewsPerspectives.Tests.Samples;

/// <summary>
/// The CLI's exit codes as a scheduler sees them — 0 every topic made its digest, 1 a topic failed (its files kept)
/// or <c>--strict</c> and a feed failed, 2 usage — and the private-address guard's switch, against the golden feeds
/// as files and served from loopback.
/// </summary>
[Collection(HttpTestGroup.Name)]
public sealed class CliExitCodeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("np-cli-exit-").FullName;

    public CliExitCodeTests()
    {
        var golden = Path.Combine(TestPaths.TestData, "golden");
        Directory.CreateDirectory(Path.Combine(_dir, "feeds"));
        foreach (var file in new[] { "topics.yaml", "feeds/alpha.xml", "feeds/beta.atom" })
        {
            File.Copy(Path.Combine(golden, file), Path.Combine(_dir, file));
        }
    }

    private string Config => Path.Combine(_dir, "topics.yaml");

    private string Out => Path.Combine(_dir, "out");

    private string Post => Path.Combine(Out, "content", "summaries", "alpha-beta", "2026-01-12.md");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task EveryFeedFailing_ExitsOne_AndKeepsTheDaysGoodPostByteForByte()
    {
        var (exit, output, error) = await RunCli("--config", Config, "--out", Out, "--format", "markdown,json,html");
        Assert.True(exit == 0, output + error);
        var files = Directory.GetFiles(Out, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        Assert.Equal(3, files.Count);

        File.WriteAllText(Path.Combine(_dir, "feeds", "alpha.xml"), "<html><body>502 Bad Gateway</body></html>");
        File.Delete(Path.Combine(_dir, "feeds", "beta.atom"));
        (exit, output, error) = await RunCli("--config", Config, "--out", Out, "--format", "markdown,json,html");
        Assert.Equal(1, exit);
        Assert.Contains("alpha-beta: failed: every feed failed (2 of 2)", error, StringComparison.Ordinal);
        Assert.Contains("FAILED: every feed failed (2 of 2)", output, StringComparison.Ordinal);
        Assert.Contains("existing files kept", output, StringComparison.Ordinal);
        foreach (var (path, bytes) in files)
        {
            Assert.Equal(bytes, File.ReadAllBytes(path));
        }

        Assert.Equal(files.Count, Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task OneFeedFailing_StillWritesAndExitsZero_ButOneWithStrict()
    {
        File.Delete(Path.Combine(_dir, "feeds", "beta.atom"));
        var (exit, output, error) = await RunCli("--config", Config, "--out", Out);
        Assert.True(exit == 0, output + error);
        Assert.Contains("partial: 1 of 2 feeds failed", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Post));

        (exit, output, _) = await RunCli("--config", Config, "--out", Out, "--strict");
        Assert.Equal(1, exit);
        Assert.Contains("FAILED: --strict: 1 of 2 feeds failed", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Post));
    }

    [Fact]
    public async Task LiveFeedsOnLoopback_AreBlockedByDefault_AndReadWithTheOptOut()
    {
        await using var server = await LoopbackFeedServer.StartAsync();
        var alpha = server.MapBytes("/alpha.xml", File.ReadAllBytes(Path.Combine(_dir, "feeds", "alpha.xml")), "application/rss+xml; charset=utf-8");
        var beta = server.MapBytes("/beta.atom", File.ReadAllBytes(Path.Combine(_dir, "feeds", "beta.atom")), "application/atom+xml; charset=utf-8");
        var yaml = File.ReadAllText(Config)
            .Replace("path: feeds/alpha.xml", $"url: \"{alpha}\"", StringComparison.Ordinal)
            .Replace("path: feeds/beta.atom", $"url: \"{beta}\"", StringComparison.Ordinal);
        File.WriteAllText(Config, yaml);

        var (exit, output, error) = await RunCli("--config", Config, "--out", Out, "--live");
        Assert.Equal(1, exit);
        Assert.Contains("Blocked", output + error, StringComparison.Ordinal);
        Assert.Contains("private-address guard", output + error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.False(File.Exists(Post));

        (exit, output, error) = await RunCli("--config", Config, "--out", Out, "--live", "--allow-private-addresses");
        Assert.True(exit == 0, output + error);
        Assert.True(File.Exists(Post));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GuardSwitchWithoutLive_IsAUsageError()
    {
        var (exit, _, error) = await RunCli("--config", Config, "--out", Out, "--allow-private-addresses");
        Assert.Equal(2, exit);
        Assert.Contains("--allow-private-addresses only applies with --live", error, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunCli(params string[] args) => Cli.RunAsync(args);
}
