namespace DailyWorker;

/// <summary>
/// The worker's settings: the <c>Worker</c> section of the configuration (appsettings.json, environment variables such as
/// <c>Worker__Schedule</c>, <c>--Worker:Schedule=...</c>), with <c>--once</c>, <c>--live</c> and <c>--topic</c> applied
/// over it. Checked at start (<see cref="WorkerOptionsValidator"/>); an unknown key is an error.
/// </summary>
internal sealed class WorkerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Worker";

    /// <summary>The formats written when <see cref="Formats"/> is not set: the Hugo post and the JSON digest, as the CLI.</summary>
    public static IReadOnlyList<string> DefaultFormats { get; } = ["markdown", "json"];

    /// <summary>
    /// When runs start: a cron expression (5 fields, or 6 with seconds first; <c>@daily</c> and the other macros too),
    /// read in <see cref="TimeZone"/>. Default <c>0 5 * * *</c>, every day at 05:00.
    /// </summary>
    public string Schedule { get; set; } = "0 5 * * *";

    /// <summary>The time zone of <see cref="Schedule"/>: an IANA id such as <c>Europe/Madrid</c>. Default <c>UTC</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Also run once as soon as the service starts, then on the schedule (a service started after today's time still makes today's digest). Default false.</summary>
    public bool RunOnStart { get; set; }

    /// <summary>Run every selected topic once and exit (<c>--once</c>), for timers and job runners. Default false.</summary>
    public bool Once { get; set; }

    /// <summary>Read <c>url</c> and Google News feeds over HTTP (<c>--live</c>); without it only local files are read. Default false.</summary>
    public bool Live { get; set; }

    /// <summary>
    /// A topic some of whose feeds failed (<see cref="NewsPerspectives.DigestRunStatus.Partial"/>) is still written, and
    /// with this also counts as failed (<c>--strict</c>; exit code 1 for <c>--once</c>). Default false.
    /// </summary>
    public bool Strict { get; set; }

    /// <summary>The output root, relative to the current folder unless absolute. Default <c>out</c>.</summary>
    public string OutputFolder { get; set; } = "out";

    /// <summary>The formats to write (<c>markdown</c>, <c>json</c>, <c>html</c>); <see cref="DefaultFormats"/> when not set.</summary>
    public string[]? Formats { get; set; }

    /// <summary>
    /// A topics file (YAML, or the seed's <c>topics.json</c>) read with the library's loader: relative paths in it resolve
    /// against the file. Used when the <c>NewsPerspectives</c> section has no <c>topics</c>; default: the CLI's bundled
    /// snapshot (<c>snapshot/topics.yaml</c>, or its Google News topics <c>snapshot/seed-topics.json</c> with <see cref="Live"/>).
    /// </summary>
    public string? TopicsFile { get; set; }

    /// <summary>The ids of the topics to run (<c>--topic</c>, repeatable); all configured topics when empty.</summary>
    public string[]? Topics { get; set; }

    /// <summary>The formats to write: <see cref="Formats"/>, else <see cref="DefaultFormats"/>.</summary>
    public IReadOnlyList<string> FormatsToWrite() => Formats is { Length: > 0 } formats ? formats : DefaultFormats;
}
