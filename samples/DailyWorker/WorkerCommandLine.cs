namespace DailyWorker;

/// <summary>
/// The worker's command line: <c>--once</c>, <c>--live</c>, <c>--strict</c>, <c>--topic ID</c> (repeatable) and <c>--help</c>, applied over
/// the configuration; any other setting as <c>--Section:Key=value</c> (the Generic Host's command-line configuration,
/// e.g. <c>--Worker:OutputFolder=/srv/site</c>). Anything else is an error, so a typo never silently does nothing.
/// </summary>
internal sealed class WorkerCommandLine
{
    /// <summary>The text <c>--help</c> prints.</summary>
    public const string Help = """
        DailyWorker: runs every configured topic on a cron schedule and writes its digest (Hugo post, JSON, HTML page).
        With no configuration it runs the CLI's bundled offline snapshot into ./out.

        Usage: DailyWorker [--once] [--live] [--strict] [--topic ID]... [--Section:Key=value]...

          --once                 run every selected topic once, then exit (for systemd timers, cron jobs, CI)
          --live                 read url and Google News feeds over HTTP (default: local files only)
          --strict               a topic written from only some of its feeds counts as failed (exit code 1)
          --topic ID             run only this topic (repeatable); default: every configured topic
          --Section:Key=value    any configuration setting, e.g. --Worker:Schedule="0 5 * * *" --Worker:OutputFolder=/srv/site
          --help                 this text

        Settings (appsettings.json beside the program, environment variables such as Worker__Schedule, or --Worker:Key=value):
          Worker:Schedule        cron expression, default "0 5 * * *" (05:00 every day)
          Worker:TimeZone        IANA time zone of the schedule, default UTC
          Worker:RunOnStart      also run when the service starts, default false
          Worker:OutputFolder    output root, default ./out
          Worker:Formats         markdown, json, html (default markdown and json)
          Worker:TopicsFile      topics YAML file, default the bundled snapshot
          Worker:Topics          topic ids to run (like --topic)
          Worker:Once, Worker:Live, Worker:Strict   like --once, --live, --strict
          NewsPerspectives       the library's topics, options and http settings (docs/configuration.md)
        See docs/hosting.md.

        """ + ExitCodes.Help;

    private WorkerCommandLine()
    {
    }

    /// <summary><c>--once</c>.</summary>
    public bool Once { get; private init; }

    /// <summary><c>--live</c>.</summary>
    public bool Live { get; private init; }

    /// <summary><c>--strict</c>.</summary>
    public bool Strict { get; private init; }

    /// <summary>The <c>--topic</c> ids, in order.</summary>
    public IReadOnlyList<string> Topics { get; private init; } = [];

    /// <summary><c>--help</c>.</summary>
    public bool ShowHelp { get; private init; }

    /// <summary>The <c>--Section:Key=value</c> arguments, for the host's command-line configuration.</summary>
    public IReadOnlyList<string> ConfigurationArguments { get; private init; } = [];

    /// <summary>What is wrong with the command line, or <see langword="null"/>.</summary>
    public string? Error { get; private init; }

    /// <summary>Reads the arguments.</summary>
    /// <param name="args">The arguments.</param>
    public static WorkerCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool once = false, live = false, strict = false, help = false;
        var topics = new List<string>();
        var settings = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--once":
                    once = true;
                    break;
                case "--live":
                    live = true;
                    break;
                case "--strict":
                    strict = true;
                    break;
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                case "--topic":
                    if (i + 1 >= args.Count || args[i + 1].StartsWith('-'))
                    {
                        return new WorkerCommandLine { Error = "--topic needs a topic id, e.g. --topic china-japan" };
                    }

                    topics.Add(args[++i]);
                    break;
                default:
                    if (arg.StartsWith("--topic=", StringComparison.Ordinal) && arg.Length > "--topic=".Length)
                    {
                        topics.Add(arg["--topic=".Length..]);
                    }
                    else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) > 2)
                    {
                        settings.Add(arg);
                    }
                    else
                    {
                        return new WorkerCommandLine { Error = $"unknown argument '{arg}'; settings are given as --Section:Key=value (see --help)" };
                    }

                    break;
            }
        }

        return new WorkerCommandLine { Once = once, Live = live, Strict = strict, Topics = topics, ShowHelp = help, ConfigurationArguments = settings };
    }

    /// <summary>Applies the switches over the configured options (the command line wins).</summary>
    /// <param name="options">The options bound from configuration.</param>
    public void ApplyTo(WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Once |= Once;
        options.Live |= Live;
        options.Strict |= Strict;
        if (Topics.Count > 0)
        {
            options.Topics = [.. Topics];
        }
    }
}
