namespace DailyWorker;

/// <summary>The exit codes of the worker (listed in <c>--help</c> and docs/hosting.md).</summary>
internal static class ExitCodes
{
    /// <summary><c>--once</c>: every selected topic was written. As a service: stopped (Ctrl+C, SIGTERM, <c>systemctl stop</c>).</summary>
    public const int Ok = 0;

    /// <summary>
    /// <c>--once</c>: some topics failed (every feed failed or no article was left, the run failed, a file could not be
    /// written, or with <c>--strict</c> some feeds failed); the others were written. Also: another run holds the output folder.
    /// </summary>
    public const int TopicsFailed = 1;

    /// <summary>Could not start: a wrong command line, configuration or option (each problem is logged, naming it); nothing ran.</summary>
    public const int StartFailed = 2;

    /// <summary>
    /// <c>--once</c> stopped by Ctrl+C or SIGTERM before every topic was written: the topics finished before it are
    /// complete in every format, the one in progress is not written (128 + SIGINT, as the CLI). A job runner retries it.
    /// </summary>
    public const int Cancelled = 130;

    /// <summary>The lines <c>--help</c> shows.</summary>
    public const string Help = """
        Exit codes:
          0    --once: every topic written; as a service: stopped (Ctrl+C, SIGTERM)
          1    --once: some topics failed (their existing files kept), the others were written; with --strict also
               when some feeds failed; or another run holds the output folder
          2    could not start: wrong command line, configuration or option (each is logged by name); nothing ran
          130  --once cancelled (Ctrl+C, SIGTERM): finished topics are written, the one in progress is not
        """;
}
