using NewsPerspectives.Tests.Sources.Http;
using static NewsPerspectives.Tests.Samples.SampleRuns;

namespace NewsPerspectives.Tests.Samples;

/// <summary>
/// The DailyWorker sample as a real child process: <c>--once</c> over the snapshot writes the CLI's files, a topic that
/// fails is exit code 1, SIGTERM during a run leaves no partial file, and a bad option stops it at start, named.
/// </summary>
public sealed class DailyWorkerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("np-worker-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteTopics(string topics) => SampleRuns.WriteTopics(_dir, topics);

    [Fact]
    public async Task Once_OverTheBundledSnapshot_WritesTheCliFilesByteForByte_AndExitsZero()
    {
        var cliOut = Path.Combine(_dir, "cli");
        var cli = await Cli.RunAsync("--out", cliOut, "--date", "2026-01-12", "--format", "markdown,json,html");
        Assert.True(cli.ExitCode == 0, cli.Output + cli.Error);

        // Settings from environment variables, as a container sets them; the output folder is relative to the current folder.
        var (exit, output, error) = await Worker.RunAsync(_dir, new Dictionary<string, string?>
        {
            ["Worker__OutputFolder"] = "site",
            ["Worker__Formats__0"] = "markdown",
            ["Worker__Formats__1"] = "json",
            ["Worker__Formats__2"] = "html",
        }, "--once");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        var site = Path.Combine(_dir, "site");
        var expected = FilesUnder(cliOut);
        Assert.Equal(15, expected.Length);
        Assert.Equal(expected, FilesUnder(site));
        foreach (var file in expected)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(cliOut, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(site, file))), $"{file} differs from the CLI's");
        }

        Assert.Contains("Run finished: 5 topic(s) written, 0 failed", output, StringComparison.Ordinal);
        Assert.Contains("[3/5] china-japan: 20 sources listed (complete); wrote content/summaries/china-japan/2026-01-12.md, digests/china-japan/2026-01-12.json, html/china-japan/2026-01-12.html", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_TopicsThatFail_AreExitCodeOne_AndTheOtherTopicIsWritten()
    {
        var missing = Path.Combine(_dir, "missing.xml");
        var topics = WriteTopics(
            FileTopic("good", SnapshotFeed("china-japan", "china"), SnapshotFeed("china-japan", "japan"))
            + FileTopic("bad", missing, missing + "2")
            + UrlTopic("remote", "http://127.0.0.1:9/feed.xml"));
        var (exit, output, error) = await Worker.RunAsync(_dir, null, "--once", $"--Worker:TopicsFile={topics}", "--Worker:OutputFolder=out");

        Assert.True(exit == 1, $"exit {exit}\n{output}\n{error}");
        Assert.Equal(["content/summaries/good/2026-01-12.md", "digests/good/2026-01-12.json"], FilesUnder(Path.Combine(_dir, "out")));
        Assert.Contains("[2/3] bad failed: every feed failed (2 of 2): ", output, StringComparison.Ordinal);
        Assert.Contains("; nothing written, existing files kept", output, StringComparison.Ordinal);
        Assert.Contains("1 url or Google News feed(s) are read only with --live (Worker:Live=true); their topics fail without it", output, StringComparison.Ordinal);
        Assert.Contains("[3/3] remote failed: the run failed: ", output, StringComparison.Ordinal);
        Assert.Contains("AddHttpFeeds()", output, StringComparison.Ordinal);
        Assert.Contains("Run finished: 1 topic(s) written, 2 failed", output, StringComparison.Ordinal);
    }

    /// <summary>A topic with one failed feed of two is written from the other (partial); --strict makes it exit code 1 all the same.</summary>
    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task Once_APartialTopicIsWritten_AndFailsOnlyWithStrict(bool strict, int expectedExit)
    {
        var topics = WriteTopics(FileTopic("half", SnapshotFeed("china-japan", "china"), Path.Combine(_dir, "missing.xml")));
        string[] args = ["--once", $"--Worker:TopicsFile={topics}", "--Worker:OutputFolder=out"];
        var (exit, output, error) = await Worker.RunAsync(_dir, null, strict ? [.. args, "--strict"] : args);

        Assert.True(exit == expectedExit, $"exit {exit}\n{output}\n{error}");
        Assert.Equal(["content/summaries/half/2026-01-12.md", "digests/half/2026-01-12.json"], FilesUnder(Path.Combine(_dir, "out")));
        Assert.Contains("[1/1] half: ", output, StringComparison.Ordinal);
        Assert.Contains(" sources listed (partial: 1 of 2 feeds failed: ", output, StringComparison.Ordinal);
        Assert.Equal(strict, output.Contains("[1/1] half failed: Worker:Strict: 1 of 2 feeds failed", StringComparison.Ordinal));
    }

    /// <summary>Topics in the NewsPerspectives section (here environment variables, as appsettings.json would hold them) instead of a file.</summary>
    [Fact]
    public async Task TopicsFromEnvironmentVariables_RunLikeTheFile()
    {
        var topic = new Dictionary<string, string?>
        {
            ["NewsPerspectives__settings__asOf"] = "2026-01-12T04:00:00Z",
            ["NewsPerspectives__topics__0__id"] = "china-japan",
            ["NewsPerspectives__topics__0__name"] = "China vs Japan",
            ["NewsPerspectives__topics__0__sides__0__id"] = "china",
            ["NewsPerspectives__topics__0__sides__0__name"] = "China",
            ["NewsPerspectives__topics__0__sides__1__id"] = "japan",
            ["NewsPerspectives__topics__0__sides__1__name"] = "Japan",
            ["NewsPerspectives__topics__0__feeds__0__path"] = SnapshotFeed("china-japan", "china"),
            ["NewsPerspectives__topics__0__feeds__0__side"] = "china",
            ["NewsPerspectives__topics__0__feeds__1__path"] = SnapshotFeed("china-japan", "japan"),
            ["NewsPerspectives__topics__0__feeds__1__side"] = "japan",
        };
        var (exit, output, error) = await Worker.RunAsync(_dir, topic, "--once", "--Worker:OutputFolder=out");
        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Equal(["content/summaries/china-japan/2026-01-12.md", "digests/china-japan/2026-01-12.json"], FilesUnder(Path.Combine(_dir, "out")));

        // The same topic from the bundled snapshot file gives the same post.
        var cli = await Cli.RunAsync("--out", Path.Combine(_dir, "cli"), "--format", "markdown");
        Assert.True(cli.ExitCode == 0, cli.Output + cli.Error);
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(_dir, "cli", "content", "summaries", "china-japan", "2026-01-12.md")),
            await File.ReadAllTextAsync(Path.Combine(_dir, "out", "content", "summaries", "china-japan", "2026-01-12.md")));

        // Topics in two places is an error at start, not a silent choice.
        var both = await Worker.RunAsync(_dir, topic, "--once", $"--Worker:TopicsFile={Path.Combine(TestPaths.Snapshot, "topics.yaml")}");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("the NewsPerspectives section has topics too; configure the topics in one place", both.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_SelectsOneTopic()
    {
        var (exit, output, error) = await Worker.RunAsync(_dir, null, "--once", "--topic", "india-pakistan", "--Worker:OutputFolder=out");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Equal(["content/summaries/india-pakistan/2026-01-12.md", "digests/india-pakistan/2026-01-12.json"], FilesUnder(Path.Combine(_dir, "out")));
        Assert.Contains("[1/1] india-pakistan: reading 2 feed(s)", output, StringComparison.Ordinal);
    }

    /// <summary>SIGTERM while a feed read is stalled: --once ends 130 (a job runner retries it), the service ends 0 (a normal stop).</summary>
    [Theory]
    [InlineData("--once", 130)]
    [InlineData("--Worker:RunOnStart=true", 0)]
    public async Task Sigterm_DuringARun_WritesNoPartialFile_AndExitsCleanly(string mode, int expectedExit)
    {
        await using var server = await LoopbackFeedServer.StartAsync();
        var stall = MapStalledFeed(server, out var requested);
        var topics = WriteTopics(FileTopic("first", SnapshotFeed("china-japan", "china"), SnapshotFeed("china-japan", "japan")) + UrlTopic("second", stall));
        var output = Path.Combine(_dir, "out");
        using var process = Worker.Start(_dir, new Dictionary<string, string?> { ["NewsPerspectives__http__BlockPrivateAddresses"] = "false" },
            mode, "--live", $"--Worker:TopicsFile={topics}", $"--Worker:OutputFolder={output}", "--Worker:Formats:0=markdown", "--Worker:Formats:1=json", "--Worker:Formats:2=html");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await SignalAndWaitAsync(process, "TERM", requested);

        Assert.True(process.ExitCode == expectedExit, $"exit {process.ExitCode}\n{await stdout}\n{await stderr}");
        Assert.Contains("Run cancelled (the host is stopping): 1 of 2 topic(s) written", await stdout, StringComparison.Ordinal);
        await AssertOnlyWholeFilesOfAsync(output, "first"); // the stalled topic wrote nothing, no temporary or lock file is left
    }

    /// <summary>A bad setting stops the worker at start (ValidateOnStart) before anything runs, naming the key or option; exit code 2.</summary>
    public static TheoryData<string, string> BadSettings => new()
    {
        { "--Worker:Schedule=61 * * * *", "Could not start: Worker:Schedule is '61 * * * *'; it is not a cron expression (" },
        { "--Worker:TimeZone=Mars/Olympus_Mons", "Could not start: Worker:TimeZone is 'Mars/Olympus_Mons'; this system knows no such time zone" },
        { "--Worker:Formats:0=pdf", "Could not start: Worker:Formats: 'pdf' is not an output format; valid values: markdown, json, html" },
        { "--Worker:Shedule=0 5 * * *", "Could not start: 'ErrorOnUnknownConfiguration' was set on the provided BinderOptions, but the following properties were not found on the instance of DailyWorker.WorkerOptions: 'Shedule'" },
        { "--NewsPerspectives:options:Summarizer:MinHighlights=9", "Could not start: NewsPerspectivesOptions.Summarizer.MinHighlights is 9; it must be at most MaxHighlights (5)" },
        { "--NewsPerspectives:options:Pipeline:MaxConcurrentFeeds=0", "Could not start: NewsPerspectivesOptions.Pipeline.MaxConcurrentFeeds is 0; it must be 1 or more" },
        { "--topic=atlantis", "Could not start: Worker:Topics (--topic): 'atlantis' is not a configured topic; the topics are: venezuela, us-china, china-japan, china-taiwan, india-pakistan" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task BadSetting_FailsAtStartNamingIt_ExitCodeTwo_NothingRuns(string setting, string message)
    {
        var (exit, output, error) = await Worker.RunAsync(_dir, null, "--once", setting, "--Worker:OutputFolder=out");

        Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Run started", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")), "nothing runs when the start fails");
    }

    [Fact]
    public async Task SeveralBadSettings_AreAllNamedAtOnce()
    {
        var (exit, output, error) = await Worker.RunAsync(_dir, null, "--Worker:Schedule=61 * * * *", "--NewsPerspectives:options:Summarizer:MinHighlights=9", "--topic=atlantis", "--Worker:OutputFolder=out");

        Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
        var problems = output.Split('\n').Where(l => l.Contains("Could not start: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, problems.Length);
        Assert.Contains(problems, l => l.Contains("Worker:Schedule is '61 * * * *'", StringComparison.Ordinal));
        Assert.Contains(problems, l => l.Contains("NewsPerspectivesOptions.Summarizer.MinHighlights is 9", StringComparison.Ordinal));
        Assert.Contains(problems, l => l.Contains("'atlantis' is not a configured topic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadTopicsFile_FailsAtStart_WithTheFileLineAndField()
    {
        var topics = WriteTopics(FileTopic("good", SnapshotFeed("china-japan", "china"), SnapshotFeed("china-japan", "japan")).Replace("side: japan}", "side: japn}", StringComparison.Ordinal));
        var (exit, output, error) = await Worker.RunAsync(_dir, null, "--once", $"--Worker:TopicsFile={topics}");

        Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
        Assert.Contains($"Could not start: topics: {topics}(", output, StringComparison.Ordinal);
        Assert.Contains("topics[0].feeds[1].side: 'japn' is not one of the topic's sides (china, japan)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownArgument_IsAUsageError_AndHelpListsTheSwitchesAndExitCodes()
    {
        var (exit, _, error) = await Worker.RunAsync(_dir, null, "--onec");
        Assert.Equal(2, exit);
        Assert.Contains("unknown argument '--onec'", error, StringComparison.Ordinal);

        var help = await Worker.RunAsync(_dir, null, "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var text in new[] { "--once", "--live", "--topic ID", "Worker:Schedule", "Worker:TimeZone", "Exit codes:", "130  --once cancelled" })
        {
            Assert.Contains(text, help.Output, StringComparison.Ordinal);
        }
    }
}
