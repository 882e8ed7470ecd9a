namespace NewsPerspectives.Cli;

/// <summary>The exit codes of <c>newsperspectives</c> (listed in <c>--help</c> and docs/getting-started.md).</summary>
internal static class ExitCodes
{
    /// <summary>Every topic's digest was written.</summary>
    public const int Ok = 0;

    /// <summary>
    /// Some topics failed: every feed of the topic failed or no article was left (nothing is written for it, its
    /// existing files are kept), its run failed, or a file could not be written (the other topics were written); with
    /// <c>--strict</c>, a feed failed; or nothing could run because another run holds the output folder or the cache.
    /// </summary>
    public const int TopicsFailed = 1;

    /// <summary>The command line or the configuration is wrong; nothing was run.</summary>
    public const int Usage = 2;

    /// <summary>
    /// Cancelled by Ctrl+C (SIGINT) or SIGTERM: topics finished before it are written in every format, the topic in
    /// progress is not written at all; no file is ever half-written (128 + SIGINT, as shells report it).
    /// </summary>
    public const int Cancelled = 130;

    /// <summary>The lines <c>--help</c> shows.</summary>
    public const string Help = """
        Exit codes:
          0    every topic's digest was written (feeds that failed are reported)
          1    some topics failed (every feed of a topic failed or no article was left: nothing is written for it
               and its existing files are kept; or a file could not be written), the others were written; with
               --strict, a feed failed; or another run holds the output folder or the --cache file
          2    wrong command line or configuration; nothing was run
          130  cancelled (Ctrl+C or SIGTERM): finished topics are written, the one in progress is not
        """;
}
