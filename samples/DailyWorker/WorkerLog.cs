using Microsoft.Extensions.Logging;

namespace DailyWorker;

/// <summary>The worker's log messages, each with a stable event id (4000–4099; listed in docs/hosting.md).</summary>
internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Next run at {Local:yyyy-MM-dd HH:mm:ss zzz} {TimeZone} ({Utc:yyyy-MM-dd HH:mm:ss} UTC), schedule '{Schedule}'")]
    public static partial void NextRun(this ILogger logger, DateTimeOffset local, string timeZone, DateTimeOffset utc, string schedule);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Run started: {Topics} topic(s) as of {AsOf}, writing {Formats} to {Output}")]
    public static partial void RunStarted(this ILogger logger, int topics, string asOf, string formats, string output);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "[{Index}/{Count}] {Topic}: reading {Feeds} feed(s)")]
    public static partial void TopicStarted(this ILogger logger, int index, int count, string topic, int feeds);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "[{Index}/{Count}] {Topic}: {Sources} sources listed ({Status}); wrote {Files}")]
    public static partial void TopicWritten(this ILogger logger, int index, int count, string topic, int sources, string status, string files);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "[{Index}/{Count}] {Topic} failed: {Reason}")]
    public static partial void TopicFailed(this ILogger logger, int index, int count, string topic, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Run finished: {Written} topic(s) written, {Failed} failed, in {Elapsed:0.0} s")]
    public static partial void RunFinished(this ILogger logger, int written, int failed, double elapsed);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Run cancelled (the host is stopping): {Written} of {Count} topic(s) written; the topic in progress was not written, no file is partial")]
    public static partial void RunCancelled(this ILogger logger, int written, int count);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "Run failed: {Reason}")]
    public static partial void RunFailed(this ILogger logger, string reason, Exception? exception = null);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "{Count} url or Google News feed(s) are read only with --live (Worker:Live=true); their topics fail without it")]
    public static partial void RemoteFeedsNeedLive(this ILogger logger, int count);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Critical, Message = "Could not start: {Problem}")]
    public static partial void StartFailed(this ILogger logger, string problem);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Removed {Count} temporary file(s) that an interrupted run left in {Output}")]
    public static partial void TempFilesRemoved(this ILogger logger, int count, string output);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Schedule '{Schedule}' has no further run; the worker stops")]
    public static partial void ScheduleEnded(this ILogger logger, string schedule);
}
