using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using NewsPerspectives.Tests.Sources.Http;

namespace NewsPerspectives.Tests.Samples;

/// <summary>Topics files, a stalled feed, signals and output checks shared by the tests that run the samples (the CLI, the worker) as processes.</summary>
internal static class SampleRuns
{
    public static string SnapshotFeed(string topic, string side) => Path.Combine(TestPaths.Snapshot, "feeds", topic, side + ".xml");

    /// <summary>Writes <c>topics.yaml</c> in <paramref name="folder"/>: the snapshot's <c>asOf</c> and the given topics.</summary>
    public static string WriteTopics(string folder, string topics)
    {
        var path = Path.Combine(folder, "topics.yaml");
        File.WriteAllText(path, "settings:\n  asOf: 2026-01-12T04:00:00Z\ntopics:\n" + topics);
        return path;
    }

    /// <summary>A China vs Japan topic over two local feeds.</summary>
    public static string FileTopic(string id, string chinaFeed, string japanFeed) => $$"""
          - id: {{id}}
            name: China vs Japan
            sides: [{id: china, name: China}, {id: japan, name: Japan}]
            feeds:
              - {path: '{{chinaFeed}}', side: china}
              - {path: '{{japanFeed}}', side: japan}

        """;

    /// <summary>A topic with one <c>url</c> feed.</summary>
    public static string UrlTopic(string id, string url) => $$"""
          - id: {{id}}
            name: One remote feed
            sides: [{id: china, name: China}]
            feeds:
              - {url: '{{url}}', side: china}

        """;

    /// <summary>Maps a feed that never answers (only cancellation ends its read); <paramref name="requested"/> completes when it is first asked for.</summary>
    public static string MapStalledFeed(LoopbackFeedServer server, out Task requested)
    {
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        requested = asked.Task;
        return server.Map("/stall.xml", async context =>
        {
            asked.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
    }

    /// <summary>Once <paramref name="when"/> completes, sends the process a signal (<c>INT</c>, <c>TERM</c>) and waits for it to exit; a process still running after 30 s is killed.</summary>
    public static async Task SignalAndWaitAsync(Process process, string signal, Task when)
    {
        try
        {
            await when.WaitAsync(TimeSpan.FromMinutes(2));
            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]))
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
    }

    /// <summary>Every file under a folder, relative and '/'-separated, in order; none when it does not exist.</summary>
    public static string[] FilesUnder(string root) =>
        Directory.Exists(root)
            ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>
    /// The output holds exactly one topic's post, JSON digest and HTML page, each whole: the post has its source list,
    /// the JSON parses, the page closes. No temporary file and no lock file is left.
    /// </summary>
    public static async Task AssertOnlyWholeFilesOfAsync(string root, string topic)
    {
        var files = FilesUnder(root);
        Assert.Equal([$"content/summaries/{topic}/2026-01-12.md", $"digests/{topic}/2026-01-12.json", $"html/{topic}/2026-01-12.html"], files);
        Assert.Contains("## Sources\n", await File.ReadAllTextAsync(Path.Combine(root, files[0])), StringComparison.Ordinal);
        using (var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(root, files[1]))))
        {
            Assert.Equal(topic, json.RootElement.GetProperty("topic").GetProperty("id").GetString());
        }

        Assert.EndsWith("</html>\n", await File.ReadAllTextAsync(Path.Combine(root, files[2])), StringComparison.Ordinal);
    }
}
