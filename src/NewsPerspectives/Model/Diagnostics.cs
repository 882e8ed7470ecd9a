namespace NewsPerspectives;

/// <summary>The result of one pipeline run: the digest plus what happened on the way.</summary>
public sealed class DigestRun
{
    /// <summary>The digest.</summary>
    public required Digest Digest { get; init; }

    /// <summary>Each feed's outcome, dropped articles and notes.</summary>
    public required DigestDiagnostics Diagnostics { get; init; }

    /// <summary>
    /// How the run ended, from its diagnostics and digest: <see cref="DigestRunStatus.Failed"/> when every feed
    /// failed or the digest lists no article, <see cref="DigestRunStatus.Partial"/> when some feeds failed,
    /// <see cref="DigestRunStatus.Complete"/> otherwise.
    /// </summary>
    public DigestRunStatus Status => RunStatusRule.Status(this);

    /// <summary>Why the run is not <see cref="DigestRunStatus.Complete"/> (which feeds failed and how, or why no article is left); <see langword="null"/> when it is.</summary>
    public string? StatusReason => RunStatusRule.Reason(this);
}

/// <summary>What happened during a run: never silent about a failure or a dropped article.</summary>
public sealed class DigestDiagnostics
{
    /// <summary>One outcome per configured feed, in configuration order.</summary>
    public required IReadOnlyList<FeedOutcome> Feeds { get; init; }

    /// <summary>Every article read but not listed, with the reason.</summary>
    public required IReadOnlyList<DroppedArticle> Dropped { get; init; }

    /// <summary>Other notes, such as a summarizer falling back.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Total articles the feeds yielded (before any filter).</summary>
    public int ArticlesRead => Feeds.Sum(f => f.ItemCount);
}

/// <summary>The state of a feed after a read.</summary>
public enum FeedStatus
{
    /// <summary>Read and parsed.</summary>
    Ok,

    /// <summary>The server said nothing changed since the last read (HTTP 304).</summary>
    NotModified,

    /// <summary>Could not be read or parsed; see <see cref="FeedOutcome.Error"/>.</summary>
    Failed,

    /// <summary>The server said the feed is gone for good (HTTP 410).</summary>
    Gone,
}

/// <summary>One feed's outcome in a run.</summary>
public sealed class FeedOutcome
{
    /// <summary>The feed.</summary>
    public required FeedDefinition Feed { get; init; }

    /// <summary>The outcome.</summary>
    public required FeedStatus Status { get; init; }

    /// <summary>Items parsed from the feed.</summary>
    public int ItemCount { get; init; }

    /// <summary>The error when <see cref="Status"/> is <see cref="FeedStatus.Failed"/> or <see cref="FeedStatus.Gone"/>.</summary>
    public FeedError? Error { get; init; }

    /// <summary>Wall time spent reading the feed.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The URL the feed permanently moved to (HTTP 301/308), if the source reported one: update the configuration.</summary>
    public string? MovedTo { get; init; }
}

/// <summary>Why a feed failed.</summary>
public enum FeedErrorKind
{
    /// <summary>The file or URL could not be reached.</summary>
    Unreachable,

    /// <summary>The server answered with an error status.</summary>
    HttpStatus,

    /// <summary>The read took too long.</summary>
    Timeout,

    /// <summary>The body exceeded the size cap.</summary>
    TooLarge,

    /// <summary>The body is not a feed, or is malformed.</summary>
    Parse,

    /// <summary>The feed's text encoding could not be decoded.</summary>
    Encoding,

    /// <summary>The address is not allowed (scheme, private network).</summary>
    Blocked,

    /// <summary>Too many redirects.</summary>
    Redirects,

    /// <summary>The feed no longer exists (HTTP 410).</summary>
    Gone,
}

/// <summary>A typed feed failure carrying where and why.</summary>
public sealed class FeedError
{
    /// <summary>The kind of failure.</summary>
    public required FeedErrorKind Kind { get; init; }

    /// <summary>The file path or URL.</summary>
    public required string Location { get; init; }

    /// <summary>A reason a person can read.</summary>
    public required string Reason { get; init; }

    /// <summary>The HTTP status, when there was a response.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The response content type, when there was a response.</summary>
    public string? ContentType { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        StatusCode is int code ? $"{Location}: {Kind} (HTTP {code}): {Reason}" : $"{Location}: {Kind}: {Reason}";
}

/// <summary>Why an article was not listed.</summary>
public enum DropReason
{
    /// <summary>The item had no usable link.</summary>
    InvalidLink,

    /// <summary>The item had no title.</summary>
    MissingTitle,

    /// <summary>The item's date is missing or could not be read.</summary>
    InvalidDate,

    /// <summary>Older than the topic's maximum age.</summary>
    TooOld,

    /// <summary>Published after the run's "as of" time.</summary>
    InFuture,

    /// <summary>Another article has the same link.</summary>
    DuplicateLink,

    /// <summary>A near-identical article from the same story was kept instead.</summary>
    NearDuplicate,

    /// <summary>Not relevant to the topic.</summary>
    OffTopic,

    /// <summary>No classifier assigned a side.</summary>
    Unclassified,

    /// <summary>Beyond the topic's article cap.</summary>
    OverCap,

    /// <summary>The feed item itself is malformed (e.g. a JSON Feed item with wrongly typed fields); see <see cref="FeedItem.Problem"/>.</summary>
    MalformedItem,
}

/// <summary>An article that was read but not listed, and why.</summary>
public sealed class DroppedArticle
{
    /// <summary>The reason code.</summary>
    public required DropReason Reason { get; init; }

    /// <summary>Detail a person can read.</summary>
    public required string Detail { get; init; }

    /// <summary>The article title (plain text when normalised, raw otherwise).</summary>
    public string? Title { get; init; }

    /// <summary>The article link as read.</summary>
    public string? Link { get; init; }

    /// <summary>The feed that found it.</summary>
    public required FeedDefinition Feed { get; init; }
}
