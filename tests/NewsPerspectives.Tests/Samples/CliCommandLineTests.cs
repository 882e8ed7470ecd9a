using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using NewsPerspectives.Tests.Sources.Http;

namespace NewsPerspectives.Tests.Samples;

/// <summary>The command line of the CLI (System.CommandLine): syntax, help, version, errors, progress and summary, exit codes, completions and Ctrl+C.</summary>
public sealed class CliCommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("np-cli-args-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "out");

    private static string SnapshotFeed(string topic, string side) => Path.Combine(TestPaths.Snapshot, "feeds", topic, side + ".xml");

    private string WriteConfig(string topics)
    {
        var path = Path.Combine(_dir, "topics.yaml");
        File.WriteAllText(path, "settings:\n  asOf: 2026-01-12T04:00:00Z\ntopics:\n" + topics);
        return path;
    }

    private static string FileTopic(string id, string chinaFeed, string japanFeed) => $$"""
          - id: {{id}}
            name: China vs Japan
            sides: [{id: china, name: China}, {id: japan, name: Japan}]
            feeds:
              - {path: '{{chinaFeed}}', side: china}
              - {path: '{{japanFeed}}', side: japan}

        """;

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
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stall = server.Map("/stall.xml", async context =>
        {
            requested.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted); // never answers: only cancellation ends the run
        });
        var config = WriteConfig(
            FileTopic("first", SnapshotFeed("china-japan", "china"), SnapshotFeed("china-japan", "japan"))
            + $$"""
              - id: second
                name: Stalled
                sides: [{id: china, name: China}]
                feeds:
                  - {url: '{{stall}}', side: china}

            """);

        using var process = Process.Start(ExternalTool.StartInfo("dotnet", TestPaths.RepositoryRoot, null,
            [Cli.DllPath, "--config", config, "--out", Out, "--live", "--allow-private-addresses", "--format", "markdown,json,html"]))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await requested.Task.WaitAsync(TimeSpan.FromMinutes(2));
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{await output}\n{await error}");
        Assert.Contains("cancelled", await error, StringComparison.Ordinal);
        Assert.Contains("cancelled after 1 of 2 topics", await output, StringComparison.Ordinal);
        var files = Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Out, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["content/summaries/first/2026-01-12.md", "digests/first/2026-01-12.json", "html/first/2026-01-12.html"], files);
        // Each file is whole: the post ends with its source list, the JSON parses, the page closes.
        Assert.Contains("## Sources\n", await File.ReadAllTextAsync(Path.Combine(Out, files[0])), StringComparison.Ordinal);
        using (var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(Out, files[1]))))
        {
            Assert.Equal("first", json.RootElement.GetProperty("topic").GetProperty("id").GetString());
        }

        Assert.EndsWith("</html>\n", await File.ReadAllTextAsync(Path.Combine(Out, files[2])), StringComparison.Ordinal);
    }
}
