using System.Globalization;

namespace NewsPerspectives.Cli;

/// <summary>
/// What a person sees: a progress line per topic and per feed on standard error while the run goes, and a summary on
/// standard output at the end (one block per topic, then one line for the whole run).
/// </summary>
internal sealed class RunReport(TextWriter output, TextWriter error, string root, int topicCount)
{
    private readonly Lock _gate = new();
    private string _prefix = "";

    /// <summary>A topic starts.</summary>
    public void TopicStarted(int index, TopicDefinition topic)
    {
        lock (_gate)
        {
            _prefix = string.Create(CultureInfo.InvariantCulture, $"[{index + 1}/{topicCount}] {topic.Id}");
            error.WriteLine($"{_prefix}: reading {Count(topic.Feeds.Count, "feed")}");
        }
    }

    /// <summary>A feed of the current topic was read (called from the reading tasks, possibly concurrently).</summary>
    public void FeedRead(FeedOutcome outcome)
    {
        lock (_gate)
        {
            error.WriteLine($"{_prefix}: {Describe(outcome)}");
        }
    }

    /// <summary>A topic ended.</summary>
    public void TopicEnded(TopicResult result)
    {
        lock (_gate)
        {
            var partial = result.Run is { Status: DigestRunStatus.Partial } run ? $"; partial: {run.StatusReason}" : "";
            var what = result.Failure is { } failure && result.Files.Count == 0
                ? $"failed: {failure}"
                : string.Create(CultureInfo.InvariantCulture, $"{result.Run!.Digest.Sources.Count} kept, {Count(result.Files.Count, "file")} written{partial}{(result.Failure is { } f ? $"; failed: {f}" : "")}");
            error.WriteLine($"{_prefix}: {what}");
        }
    }

    /// <summary>A note for the person running it, on standard error.</summary>
    public void Note(string text)
    {
        lock (_gate)
        {
            error.WriteLine(text);
        }
    }

    /// <summary>Writes the summary to standard output.</summary>
    /// <param name="results">The topics that ran, in order.</param>
    /// <param name="asOf">The run's "as of" time, or <see langword="null"/> for now.</param>
    /// <param name="cancelled">Whether the run was cancelled before every topic ran.</param>
    public void Summary(IReadOnlyList<TopicResult> results, DateTimeOffset? asOf, bool cancelled)
    {
        foreach (var result in results)
        {
            if (result.Run is { } run)
            {
                var digest = run.Digest;
                var perSide = string.Join(", ", digest.Sides.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Side.Id} {s.Count}/{s.Found}")));
                var offTopic = run.Diagnostics.Dropped.Count(d => d.Reason == DropReason.OffTopic);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Topic.Id}: {run.Diagnostics.ArticlesRead} read, {digest.Sources.Count} kept ({perSide} listed/found), {run.Diagnostics.Dropped.Count} dropped ({offTopic} off topic)"));
                foreach (var feed in run.Diagnostics.Feeds.Where(f => f.Status is FeedStatus.Failed or FeedStatus.Gone || f.MovedTo is not null))
                {
                    output.WriteLine($"  {Describe(feed)}");
                }
            }
            else
            {
                output.WriteLine($"{result.Topic.Id}:");
            }

            foreach (var file in result.Files)
            {
                output.WriteLine($"  {Path.GetRelativePath(root, file).Replace('\\', '/')}");
            }

            if (result.Failure is { } failure)
            {
                output.WriteLine($"  FAILED: {failure}");
            }
        }

        int failed = results.Count(r => r.Failure is not null);
        var when = asOf is { } time ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "now";
        var outcome = cancelled
            ? $"cancelled after {results.Count} of {Count(topicCount, "topic")}"
            : failed == 0 ? $"{Count(topicCount, "topic")} written" : $"{failed} of {Count(topicCount, "topic")} failed";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outcome}, as of {when}: {Count(results.Sum(r => r.Files.Count), "file")} in {root}"));
    }

    /// <summary>One feed: "feed ok 57 items, 312 ms: name", "not modified", "failed kind (HTTP n): reason".</summary>
    public static string Describe(FeedOutcome outcome)
    {
        var what = outcome.Status switch
        {
            FeedStatus.Ok => string.Create(CultureInfo.InvariantCulture, $"ok {outcome.ItemCount} items"),
            FeedStatus.NotModified => string.Create(CultureInfo.InvariantCulture, $"not modified ({outcome.ItemCount} items from the cache)"),
            _ => $"{outcome.Status.ToString().ToLowerInvariant()} {outcome.Error?.Kind}{(outcome.Error?.StatusCode is int code ? string.Create(CultureInfo.InvariantCulture, $" (HTTP {code})") : "")}: {outcome.Error?.Reason}",
        };
        var moved = outcome.MovedTo is null ? "" : $" [moved permanently to {outcome.MovedTo}]";
        return string.Create(CultureInfo.InvariantCulture, $"feed {what}, {outcome.Elapsed.TotalMilliseconds:0} ms: {outcome.Feed.DisplayName}{moved}");
    }

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
