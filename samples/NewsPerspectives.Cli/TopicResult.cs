namespace NewsPerspectives.Cli;

/// <summary>What the run did for one topic: its digest run (unless the run itself failed), the files written, and why it failed.</summary>
internal sealed class TopicResult
{
    public required TopicDefinition Topic { get; init; }

    public DigestRun? Run { get; init; }

    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Why the topic failed, or <see langword="null"/> when its digest was written.</summary>
    public string? Failure { get; init; }

    /// <summary>
    /// The topic failed when its digest could not be made or written, or when every feed failed (an empty digest
    /// says nothing about the day's news).
    /// </summary>
    public static string? FailureOf(DigestRun run)
    {
        var feeds = run.Diagnostics.Feeds;
        var failed = feeds.Count(f => f.Status is FeedStatus.Failed or FeedStatus.Gone);
        return feeds.Count > 0 && failed == feeds.Count ? $"every feed failed ({failed} of {feeds.Count})" : null;
    }
}
