namespace DailyWorker;

/// <summary>What one run did: topics written and failed, and whether it was cancelled before the end.</summary>
internal sealed record RunOutcome(int Written, int Failed, bool Cancelled)
{
    /// <summary>The exit code of a <c>--once</c> run with this outcome.</summary>
    public int ExitCode => Cancelled ? ExitCodes.Cancelled : Failed > 0 ? ExitCodes.TopicsFailed : ExitCodes.Ok;
}
