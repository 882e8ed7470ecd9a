using System.Diagnostics;
using NewsPerspectives.Tests.Sources.Http;
using static NewsPerspectives.Tests.Samples.SampleRuns;

namespace NewsPerspectives.Tests.Samples;

/// <summary>The command line of the CLI (System.CommandLine): syntax, help, version, errors, progress and summary, exit codes, completions and Ctrl+C.</summary>
public sealed class CliCommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("np-cli-args-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "out");

    private string WriteConfig(string topics) => SampleRuns.WriteTopics(_dir, topics);

    [Fact]
    public async Task OptionEqualsValue_WorksLikeOptionSpaceValue()
    {
        var (exit, output, error) = await Cli.RunAsync($"--config={Path.Combine(TestPaths.Snapshot, "topics.yaml")}", $"--out={Out}", "--format=json", "--date=2026-01-12");
        Assert.True(exit == 0, output + error);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(Out, "digests"), "*.json", SearchOption.AllDirectories).Length);
        Assert.False(Directory.Exists(Path.Combine(Out, "content")), "only the json format was asked for");
        Assert.True(File.Exists(Path.Combine(Out, "digests", "china-japan", "2026-01-12.json")));
    }

    [Fact]
    public async Task Version_PrintsTheVersionOfTheTool()
    {
        var expected = FileVersionInfo.GetVersionInfo(Cli.DllPath).ProductVersion;
        Assert.False(string.IsNullOrEmpty(expected));
        var (exit, output, _) = await Cli.RunAsync("--version");
        Assert.Equal(0, exit);
        Assert.Equal(expected, output.Trim());
        Assert.StartsWith("0.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEveryOptionTheCompletionsCommandAndTheExitCodes()
    {
        var (exit, output, _) = await Cli.RunAsync("--help");
        Assert.Equal(0, exit);
        foreach (var option in new[] { "--config <FILE>", "--out <DIR>", "--date <yyyy-MM-dd>", "--format <LIST>", "--stories", "--live", "--cache <FILE>", "--version", "--help", "completions" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }

        Assert.Contains("markdown, json, html", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
        Assert.Contains("130  cancelled", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--format=markdown,pdf", null)]
    public async Task UnknownFormat_IsAUsageErrorListingTheValidValues(string first, string? second)
    {
        var (exit, output, error) = await Cli.RunAsync(second is null ? [first, "--out", Out] : [first, second, "--out", Out]);
        Assert.Equal(2, exit);
        Assert.Contains("'pdf' is not an output format; valid values: markdown, json, html", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.False(Directory.Exists(Out), "nothing runs after a usage error");
    }

    [Fact]
    public async Task CacheWithoutLive_IsAUsageError()
    {
        var (exit, _, error) = await Cli.RunAsync("--cache", Path.Combine(_dir, "cache.json"), "--out", Out);
        Assert.Equal(2, exit);
        Assert.Contains("--cache only applies with --live", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgressGoesToStandardError_TheSummaryToStandardOutput()
    {
        var (exit, output, error) = await Cli.RunAsync("--out", Out, "--date", "2026-01-12");
        Assert.True(exit == 0, output + error);
        var progress = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("[1/5] venezuela: reading 2 feeds", progress);
        Assert.Equal(10, progress.Count(l => l.StartsWith('[') && l.Contains(": feed ok ", StringComparison.Ordinal)));
        Assert.Contains(progress, l => l.StartsWith("[5/5] india-pakistan: ", StringComparison.Ordinal) && l.EndsWith(" kept, 2 files written", StringComparison.Ordinal));

        var summary = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(summary, l => l.StartsWith('['));
        Assert.Contains("  content/summaries/china-japan/2026-01-12.md", summary);
        Assert.Contains("  digests/china-japan/2026-01-12.json", summary);
        Assert.Equal($"5 topics written, as of 2026-01-12 04:00 UTC: 10 files in {Out}", summary[^1]);
    }

    [Fact]
    public async Task ATopicWhoseFeedsAllFail_ExitsOne_AndTheOtherTopicsAreWritten()
    {
        var missing = Path.Combine(_dir, "missing.xml");
        var config = WriteConfig(FileTopic("good", SnapshotFeed("china-japan", "china"), SnapshotFeed("china-japan", "japan")) + FileTopic("bad", missing, missing + "2"));
        var (exit, output, error) = await Cli.RunAsync("--config", config, "--out", Out);
        Assert.True(exit == 1, output + error);
        Assert.True(File.Exists(Path.Combine(Out, "content", "summaries", "good", "2026-01-12.md")));
        Assert.False(Directory.Exists(Path.Combine(Out, "content", "summaries", "bad")), "a topic whose every feed failed is not written over yesterday's post");
        Assert.Contains("  FAILED: every feed failed (2 of 2)", output, StringComparison.Ordinal);
        Assert.Contains("1 of 2 topics failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BashCompletion_OffersTheOptionsAndTheFormats()
    {
        var bash = ExternalTool.Require("bash");
        // The installed command, as a shell function: the script calls whatever ${COMP_WORDS[0]} names.
        var script = $"newsperspectives() {{ dotnet '{Cli.DllPath}' \"$@\"; }}\n" + """
            eval "$(newsperspectives completions bash)"
            complete_line() {
              COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; read -r -a COMP_WORDS <<< "$COMP_LINE"
              if [[ "$COMP_LINE" == *" " ]]; then COMP_WORDS+=(""); fi
              COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
              _newsperspectives_complete; printf '%s\n' "${COMPREPLY[@]}"; echo ---
            }
            complete_line "newsperspectives --format "
            complete_line "newsperspectives --st"
            complete_line "newsperspectives --format j"
            """;
        var (exit, output, error) = await ExternalTool.RunAsync(bash, _dir, TimeSpan.FromMinutes(2), "-c", script);
        Assert.True(exit == 0, output + error);
        var answers = output.Split("---\n");
        Assert.Equal(["html", "json", "markdown"], answers[0].Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal(["--stories", "--strict"], answers[1].Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal(["json"], answers[2].Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task CtrlC_CancelsTheRun_FinishedTopicsAreComplete_AndNoFileIsPartial()
    {
        await using var server = await LoopbackFeedServer.StartAsync();
        var stall = SampleRuns.MapStalledFeed(server, out var requested);
        var config = WriteConfig(FileTopic("first", SnapshotFeed("china-japan", "china"), SnapshotFeed("china-japan", "japan")) + SampleRuns.UrlTopic("second", stall));

        using var process = Process.Start(ExternalTool.StartInfo("dotnet", TestPaths.RepositoryRoot, null,
            [Cli.DllPath, "--config", config, "--out", Out, "--live", "--allow-private-addresses", "--format", "markdown,json,html"]))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await SampleRuns.SignalAndWaitAsync(process, "INT", requested);

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{await output}\n{await error}");
        Assert.Contains("cancelled", await error, StringComparison.Ordinal);
        Assert.Contains("cancelled after 1 of 2 topics", await output, StringComparison.Ordinal);
        await SampleRuns.AssertOnlyWholeFilesOfAsync(Out, "first");
    }
}
