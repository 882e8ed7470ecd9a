namespace NewsPerspectives.Benchmarks;

/// <summary>
/// Measurement commands that are not BenchmarkDotNet micro-benchmarks (whole-pipeline runs, quality scores).
/// Each is selected by its first argument, e.g. <c>pipeline-snapshot</c>.
/// </summary>
internal static class Commands
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> All = new(StringComparer.Ordinal)
    {
        ["pipeline-snapshot"] = PipelineSnapshot.RunAsync,
        ["labels-check"] = Quality.LabelsCheck.RunAsync,
        ["http-fetch"] = HttpFetch.RunAsync,
        ["http-serve"] = HttpFetch.ServeAsync,
        ["fault-run"] = FaultRun.RunAsync,
        ["fault-serve"] = FaultRun.ServeAsync,
        ["quality-rouge"] = Quality.RougeBenchmark.RunAsync,
        ["quality-relevance"] = Quality.RelevanceQuality.RunAsync,
        ["relevance-cost"] = Quality.RelevanceCost.RunAsync,
        ["quality"] = Quality.QualityCommand.RunAsync,
        ["quality-stories"] = Quality.StoryQuality.RunAsync,
        ["quality-support"] = Quality.SupportQuality.RunAsync,
        ["cluster-cost"] = ClusterCost.RunAsync,
        ["quality-continuation"] = Archive.ContinuationQuality.RunAsync,
        ["archive-cost"] = Archive.ArchiveCost.RunAsync,
        ["relevance-train"] = Training.RelevanceTraining.RunAsync,
        ["framing-snapshot"] = FramingSnapshot.RunAsync,
        ["summarizer-cost"] = SummarizerCost.RunAsync,
    };

    public static bool TryRun(string[] args, out int exitCode)
    {
        if (All.TryGetValue(args[0], out var command))
        {
            exitCode = command(args[1..]).GetAwaiter().GetResult();
            return true;
        }

        exitCode = 0;
        return false;
    }
}
