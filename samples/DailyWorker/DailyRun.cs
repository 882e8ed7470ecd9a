using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsPerspectives;

namespace DailyWorker;

/// <summary>
/// One run of the selected topics: each through the pipeline (the host's stopping token cancels the feed reads), then
/// published in every configured format through the library's <see cref="DigestPublisher"/> (paths, the folder lock,
/// atomic writes). A topic that fails is logged and the others go on; a stop abandons the topic in progress, while every
/// topic finished before it is complete in every format.
/// </summary>
internal sealed class DailyRun(
    DigestPipeline pipeline,
    DigestPublisher publisher,
    NewsPerspectivesConfiguration configuration,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<DailyRun> logger)
{
    /// <summary>Runs the selected topics once.</summary>
    /// <param name="scheduledAt">The scheduled time of the run (its "as of" time unless the topics pin <c>asOf</c>); <see langword="null"/> for now.</param>
    /// <param name="cancellationToken">The host's stopping token.</param>
    public async Task<RunOutcome> RunAsync(DateTimeOffset? scheduledAt, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var root = Path.GetFullPath(settings.OutputFolder);
        var formats = settings.FormatsToWrite();
        var selected = settings.Topics is { Length: > 0 } ids ? configuration.Topics.Where(t => ids.Contains(t.Id, StringComparer.Ordinal)).ToList() : configuration.Topics.ToList();
        var asOf = configuration.AsOf ?? scheduledAt;
        var started = time.GetTimestamp();
        DigestPublication publication;
        try
        {
            publication = publisher.Open(root, formats); // another run on this folder: a clear error, never interleaved posts
        }
        catch (NewsPerspectivesException ex)
        {
            logger.RunFailed(ex.Message);
            return new RunOutcome(0, selected.Count, Cancelled: false);
        }

        using var release = publication;
        if (publication.RemovedTempFiles.Count > 0)
        {
            logger.TempFilesRemoved(publication.RemovedTempFiles.Count, root);
        }

        if (!settings.Live && selected.Sum(t => t.Feeds.Count(f => f.Kind != FeedKind.File)) is > 0 and var remote)
        {
            logger.RemoteFeedsNeedLive(remote);
        }

        logger.RunStarted(selected.Count, asOf?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "now", string.Join(",", formats), root);
        int written = 0, failed = 0;
        try
        {
            for (int i = 0; i < selected.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await RunTopicAsync(selected[i], i + 1, selected.Count, asOf, publication, settings.Strict, cancellationToken))
                {
                    written++;
                }
                else
                {
                    failed++;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.RunCancelled(written, selected.Count);
            return new RunOutcome(written, failed, Cancelled: true);
        }

        logger.RunFinished(written, failed, time.GetElapsedTime(started).TotalSeconds);
        return new RunOutcome(written, failed, Cancelled: false);
    }

    private async Task<bool> RunTopicAsync(
        TopicDefinition topic, int index, int count, DateTimeOffset? asOf, DigestPublication publication, bool strict, CancellationToken cancellationToken)
    {
        logger.TopicStarted(index, count, topic.Id, topic.Feeds.Count);
        DigestRun run;
        try
        {
            run = await pipeline.RunAsync(topic, asOf, cancellationToken);
        }
        catch (NewsPerspectivesException ex)
        {
            logger.TopicFailed(index, count, topic.Id, $"the run failed: {ex.Message}");
            return false;
        }

        if (run.Status == DigestRunStatus.Failed)
        {
            // Every feed failed, or no article is left: an empty digest says nothing about the day's news, and the
            // library never writes it over the day's good post. Yesterday's files stay as they were.
            logger.TopicFailed(index, count, topic.Id, $"{run.StatusReason}; nothing written, existing files kept");
            return false;
        }

        // Not cancellable: a finished topic's files belong together, and each write takes milliseconds.
        var files = await publication.PublishAsync(run, CancellationToken.None);
        if (files.Where(f => f.Outcome != PublishOutcome.Written).Select(f => f.Error).ToArray() is { Length: > 0 } errors)
        {
            logger.TopicFailed(index, count, topic.Id, $"write failed: {string.Join("; ", errors)}");
            return false;
        }

        var partial = run.Status == DigestRunStatus.Partial;
        logger.TopicWritten(index, count, topic.Id, run.Digest.Sources.Count, partial ? $"partial: {run.StatusReason}" : "complete", string.Join(", ", files.Select(f => f.RelativePath)));
        if (partial && strict)
        {
            logger.TopicFailed(index, count, topic.Id, $"Worker:Strict: {run.StatusReason}");
            return false;
        }

        return true;
    }
}
