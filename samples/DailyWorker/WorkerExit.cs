namespace DailyWorker;

/// <summary>The process's exit code, set by the worker (a <c>--once</c> run's outcome) and returned by <c>Main</c>.</summary>
internal sealed class WorkerExit
{
    /// <summary>The exit code; <see cref="ExitCodes.Ok"/> until the worker says otherwise.</summary>
    public int Code { get; set; } = ExitCodes.Ok;
}
