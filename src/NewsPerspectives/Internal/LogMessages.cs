using Microsoft.Extensions.Logging;

namespace NewsPerspectives;

/// <summary>
/// The library's own log messages, each with a stable event id (listed in docs/configuration.md, "Logging"):
/// 1000–1099 the pipeline, 1100–1199 the HTTP feed source.
/// </summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Topic {Topic}: {Read} articles read, {Listed} listed, {Dropped} dropped")]
    public static partial void TopicDigested(this ILogger logger, string topic, int read, int listed, int dropped);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Feed {Feed} failed: {Error}")]
    public static partial void FeedFailed(this ILogger logger, string feed, FeedError error);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Feed {Url}: {Status}, {Items} items, {Elapsed} ms{Error}")]
    public static partial void FeedFetched(this ILogger logger, string url, FeedStatus status, int items, long elapsed, string error);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Feed {Url} moved permanently to {Target}; update the configuration")]
    public static partial void FeedMovedPermanently(this ILogger logger, string url, string target);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Feed {Url}: the validator cache could not be written")]
    public static partial void ValidatorCacheNotWritten(this ILogger logger, Exception exception, string url);
}
