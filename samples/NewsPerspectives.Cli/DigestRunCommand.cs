using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Cli;

/// <summary>
/// The run: load the topics, run each through the pipeline, write every requested format, report. Cancellation
/// (Ctrl+C) abandons the topic being read; topics already done are written in every format, atomically.
/// </summary>
internal sealed class DigestRunCommand(CliOptions options)
{
    public async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        NewsPerspectivesConfiguration configuration;
        try
        {
            configuration = TopicConfigurationLoader.LoadFile(options.ConfigPath(parse));
        }
        catch (ConfigurationException ex)
        {
            error.WriteLine($"configuration error: {ex.Message}");
            return ExitCodes.Usage;
        }

        var root = Path.GetFullPath(parse.GetValue(options.Out)!);
        var report = new RunReport(output, error, root, configuration.Topics.Count);
        bool live = parse.GetValue(options.Live);
        bool stories = parse.GetValue(options.Stories);
        bool strict = parse.GetValue(options.Strict);
        var services = new ServiceCollection();
        // One call applies the configuration: its outlet registry (settings.outlets), Google News base URL and limits.
        var newsPerspectives = services.AddNewsPerspectives(configuration, o =>
        {
            o.Hugo.IncludeStories = o.Hugo.IncludeFoundCounts = o.Hugo.IncludeAlsoPublishedBy = stories;
            o.Pipeline.FeedRead = report.FeedRead;
        });

        if (live)
        {
            // The private-address guard is on by default; --allow-private-addresses is the explicit opt-out.
            bool allowPrivate = parse.GetValue(options.AllowPrivateAddresses);
            newsPerspectives.AddHttpFeeds(o => o.BlockPrivateAddresses = !allowPrivate);
            if (parse.GetValue(options.Cache) is { } cache)
            {
                newsPerspectives.UseFeedCacheFile(cache);
            }
        }
        else if (configuration.Topics.Sum(t => t.Feeds.Count(f => f.Kind != FeedKind.File)) is > 0 and var remote)
        {
            report.Note($"note: {remote} url or Google News feed(s) are read only with --live");
        }

        await using var provider = services.BuildServiceProvider();
        DigestPipeline pipeline;
        try
        {
            pipeline = provider.GetRequiredService<DigestPipeline>();
        }
        catch (NewsPerspectivesException ex)
        {
            error.WriteLine($"error: {ex.Message}"); // e.g. the --cache file is in use by another run
            return ExitCodes.TopicsFailed;
        }

        var formats = options.FormatsToWrite(parse);
        var writers = provider.GetServices<IDigestWriter>().Where(w => formats.Contains(w.Format, StringComparer.Ordinal)).ToList();
        OutputFolderLock outputLock;
        try
        {
            outputLock = OutputFolderLock.Acquire(root); // two runs on one output folder: a clear error, not interleaved posts
        }
        catch (NewsPerspectivesException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.TopicsFailed;
        }

        using var releaseOutput = outputLock;
        if (outputLock.RemovedTempFiles.Count > 0)
        {
            report.Note($"note: removed {outputLock.RemovedTempFiles.Count} temp file(s) an interrupted run left in {root}");
        }

        var asOf = options.AsOf(parse, configuration.AsOf);
        var results = new List<TopicResult>();
        bool cancelled = false;
        try
        {
            for (int i = 0; i < configuration.Topics.Count; i++)
            {
                var topic = configuration.Topics[i];
                report.TopicStarted(i, topic);
                var result = await RunTopicAsync(pipeline, writers, topic, asOf, root, strict, cancellationToken);
                results.Add(result);
                report.TopicEnded(result);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
            report.Note("cancelled: the topic in progress was not written; finished topics are complete");
        }

        report.Summary(results, asOf, cancelled);
        return cancelled ? ExitCodes.Cancelled : results.Any(r => r.Failure is not null) ? ExitCodes.TopicsFailed : ExitCodes.Ok;
    }

    private static async Task<TopicResult> RunTopicAsync(
        DigestPipeline pipeline, IReadOnlyList<IDigestWriter> writers, TopicDefinition topic, DateTimeOffset? asOf, string root, bool strict, CancellationToken cancellationToken)
    {
        DigestRun run;
        try
        {
            run = await pipeline.RunAsync(topic, asOf, cancellationToken);
        }
        catch (NewsPerspectivesException ex)
        {
            return new TopicResult { Topic = topic, Failure = $"the run failed: {ex.Message}" };
        }

        if (run.Status == DigestRunStatus.Failed)
        {
            return new TopicResult { Topic = topic, Run = run, Failure = TopicResult.FailureOf(run, strict) };
        }

        // A finished topic is written in every format even when cancellation arrives meanwhile: its files belong together.
        var files = new List<string>();
        var failures = new List<string>();
        foreach (var writer in writers)
        {
            try
            {
                files.Add(await DigestFileStore.WriteAsync(run, writer, root, CancellationToken.None));
            }
            catch (NewsPerspectivesException ex)
            {
                failures.Add($"write failed: {ex.Message}");
            }
        }

        if (TopicResult.FailureOf(run, strict) is { } strictFailure)
        {
            failures.Add(strictFailure); // --strict: written, but a feed failed
        }

        return new TopicResult { Topic = topic, Run = run, Files = files, Failure = failures.Count == 0 ? null : string.Join("; ", failures) };
    }
}
