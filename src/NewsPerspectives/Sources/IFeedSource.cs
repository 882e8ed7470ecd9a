namespace NewsPerspectives;

/// <summary>Reads one kind of feed (local files, HTTP, …) into raw items.</summary>
/// <remarks>Failures are returned in <see cref="FeedReadResult.Error"/>, never thrown, except cancellation.</remarks>
public interface IFeedSource
{
    /// <summary>Whether this source can read the feed.</summary>
    /// <param name="feed">The feed.</param>
    bool CanRead(FeedDefinition feed);

    /// <summary>Reads the feed.</summary>
    /// <param name="feed">The feed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The items, or the typed error.</returns>
    Task<FeedReadResult> ReadAsync(FeedDefinition feed, CancellationToken cancellationToken = default);
}

/// <summary>What a feed source read.</summary>
public sealed class FeedReadResult
{
    /// <summary>The outcome.</summary>
    public required FeedStatus Status { get; init; }

    /// <summary>The items, in feed order.</summary>
    public IReadOnlyList<FeedItem> Items { get; init; } = [];

    /// <summary>The error, when the read failed.</summary>
    public FeedError? Error { get; init; }

    /// <summary>The feed's own language (e.g. <c>en-US</c> from the channel's <c>&lt;language&gt;</c>), if any.</summary>
    public string? Language { get; init; }

    /// <summary>The feed's own title (the channel or feed title), if any.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// The feed's own link (the RSS channel's <c>&lt;link&gt;</c>, the Atom feed's link), if any: the publisher's site.
    /// An item on that site takes its outlet name from <see cref="Title"/>, whether the feed came from a file or over HTTP.
    /// </summary>
    public string? Link { get; init; }

    /// <summary>The URL the feed was finally read from (after redirects), or the file path; links are resolved against it.</summary>
    public string? BaseAddress { get; init; }

    /// <summary>
    /// The URL the feed permanently moved to (HTTP 301/308), when the source learned or remembers one; the HTTP source
    /// reads from it on later runs, but the configuration should be updated.
    /// </summary>
    public string? MovedTo { get; init; }

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">The error.</param>
    public static FeedReadResult Failed(FeedError error) =>
        new() { Status = error.Kind == FeedErrorKind.Gone ? FeedStatus.Gone : FeedStatus.Failed, Error = error };
}
