using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsPerspectives;

namespace DailyWorker;

/// <summary>
/// One run of the selected topics: each through the pipeline (the host's stopping token cancels the feed reads), then
/// written in every configured format. A topic that fails is logged and the others go on; a stop abandons the topic in
/// progress, while every topic finished before it is complete in every format.
/// </summary>
internal sealed class DailyRun(
    DigestPipeline pipeline,
    IEnumerable<IDigestWriter> writers,
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
        OutputFolderLock output;
        try
        {
            output = OutputFolderLock.Acquire(root); // another run on this folder: a clear error, never interleaved posts
        }
        catch (NewsPerspectivesException ex)
        {
            logger.RunFailed(ex.Message);
            return new RunOutcome(0, selected.Count, Cancelled: false);
        }

        using var release = output;
        if (output.RemovedTempFiles.Count > 0)
        {
            logger.TempFilesRemoved(output.RemovedTempFiles.Count, root);
        }

        if (!settings.Live && selected.Sum(t => t.Feeds.Count(f => f.Kind != FeedKind.File)) is > 0 and var remote)
        {
            logger.RemoteFeedsNeedLive(remote);
        }

        logger.RunStarted(selected.Count, asOf?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "now", string.Join(",", formats), root);
        var chosen = writers.Where(w => formats.Contains(w.Format, StringComparer.Ordinal)).ToList();
        int written = 0, failed = 0;
        try
        {
            for (int i = 0; i < selected.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await RunTopicAsync(selected[i], i + 1, selected.Count, asOf, chosen, root, settings.Strict, cancellationToken))
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
        TopicDefinition topic, int index, int count, DateTimeOffset? asOf, IReadOnlyList<IDigestWriter> chosen, string root, bool strict, CancellationToken cancellationToken)
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

        try
        {
            var files = await PublishAsync(run, chosen, root);
            var partial = run.Status == DigestRunStatus.Partial;
            logger.TopicWritten(index, count, topic.Id, run.Digest.Sources.Count, partial ? $"partial: {run.StatusReason}" : "complete", string.Join(", ", files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))));
            if (partial && strict)
            {
                logger.TopicFailed(index, count, topic.Id, $"Worker:Strict: {run.StatusReason}");
                return false;
            }

            return true;
        }
        catch (NewsPerspectivesException ex)
        {
            logger.TopicFailed(index, count, topic.Id, $"write failed: {ex.Message}");
            return false;
        }
    }

    /// <summary>
    /// The worker's one write: the run in every chosen format under the output root, each file atomically (a temporary
    /// file in the same folder, then moved over the old one). Not cancellable: a finished topic's files belong together,
    /// and each write takes milliseconds. The only place to change when the library's write path changes.
    /// </summary>
    private static async Task<IReadOnlyList<string>> PublishAsync(DigestRun run, IReadOnlyList<IDigestWriter> chosen, string root)
    {
        var files = new List<string>(chosen.Count);
        foreach (var writer in chosen)
        {
            files.Add(await DigestFileStore.WriteAsync(run, writer, root, CancellationToken.None));
        }

        return files;
    }
}
