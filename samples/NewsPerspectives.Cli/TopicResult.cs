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
    /// The topic failed when its digest could not be made or written, or when its run is
    /// <see cref="DigestRunStatus.Failed"/> (every feed failed, or no article: an empty digest says nothing about the
    /// day's news, and is never written over the day's good post); with <c>--strict</c>, also when some feeds failed.
    /// </summary>
    public static string? FailureOf(DigestRun run, bool strict) => run.Status switch
    {
        DigestRunStatus.Failed => $"{run.StatusReason}; nothing written, existing files kept",
        DigestRunStatus.Partial when strict => $"--strict: {run.StatusReason}",
        _ => null,
    };
}
