using System.Globalization;

namespace NewsPerspectives.Cli;

/// <summary>The command line of the sample.</summary>
internal sealed class CliArguments
{
    public const string Usage = """
        usage: newsperspectives [--config FILE] [--out DIR] [--date yyyy-MM-dd] [--format markdown,json,html] [--stories] [--strict]
                                [--live [--cache FILE] [--allow-private-addresses]]

          --config FILE   topics in YAML (or the seed's topics.json); default: the bundled offline snapshot
          --out DIR       output root; posts go to DIR/content/summaries/<topic>/<date>.md,
                          JSON to DIR/digests/<topic>/<date>.json, HTML pages to DIR/html/<topic>/<date>.html
                          (default: ./out)
          --date DATE     make the digests for this UTC day: as of the config's asOf time of day
                          (04:00 UTC for the snapshot), or the end of the day when the config sets none
          --format LIST   comma-separated output formats: markdown, json, html (default: markdown,json)
          --stories       add to each post a "## Stories" section (events, the sides covering them,
                          blindspots), <side>Found counts before the cap and the outlets of collapsed
                          copies; without it the post has the seed's layout
          --live          fetch url and Google News feeds over HTTP (one progress line per feed on stderr);
                          without --config, runs the seed's Google News topics (snapshot/seed-topics.json)
          --cache FILE    with --live: keep ETag/Last-Modified, bodies and permanent redirects in FILE so a
                          re-run downloads only what changed (default: in memory for this run only)
          --allow-private-addresses
                          with --live: also read feeds on loopback, private and link-local addresses (the
                          private-address guard is on by default and blocks them)
          --strict        exit 1 when any feed failed, even if every topic still made its digest

        Exit codes: 0 every topic made its digest (feeds that failed are reported), 1 a topic failed (every feed
        failed or no article: its existing files are kept, nothing is written over them), a file could not be
        written, or --strict and a feed failed; 2 a usage or configuration error.
        """;

    public string ConfigPath => _configPath ?? Path.Combine(AppContext.BaseDirectory, "snapshot", Live ? "seed-topics.json" : "topics.yaml");

    public bool Live { get; private set; }

    public bool Stories { get; private set; }

    public bool Strict { get; private set; }

    public bool AllowPrivateAddresses { get; private set; }

    public string? CachePath { get; private set; }

    public string OutputPath { get; private set; } = "out";

    public DateOnly? Date { get; private set; }

    public IReadOnlyList<string> Formats { get; private set; } = ["markdown", "json"];

    public bool ShowHelp { get; private set; }

    private string? _configPath;

    public static CliArguments Parse(string[] args)
    {
        var result = new CliArguments();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--config":
                    result._configPath = Value();
                    break;
                case "--out":
                    result.OutputPath = Value();
                    break;
                case "--date":
                    var text = Value();
                    if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        throw new ArgumentException($"--date '{text}' is not a date in the form yyyy-MM-dd");
                    }

                    result.Date = date;
                    break;
                case "--format":
                    result.Formats = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(f => f.ToLowerInvariant()).Distinct().ToArray();
                    if (result.Formats.Count == 0)
                    {
                        throw new ArgumentException("--format needs at least one format");
                    }

                    break;
                case "--live":
                    result.Live = true;
                    break;
                case "--stories":
                    result.Stories = true;
                    break;
                case "--cache":
                    result.CachePath = Value();
                    break;
                case "--strict":
                    result.Strict = true;
                    break;
                case "--allow-private-addresses":
                    result.AllowPrivateAddresses = true;
                    break;
                case "-h" or "--help":
                    result.ShowHelp = true;
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        if (result.CachePath is not null && !result.Live)
        {
            throw new ArgumentException("--cache only applies with --live");
        }

        if (result.AllowPrivateAddresses && !result.Live)
        {
            throw new ArgumentException("--allow-private-addresses only applies with --live");
        }

        return result;
    }

    /// <summary>The run's "as of" time: --date at the configured time of day (or the end of that day); else the configured asOf; else now.</summary>
    public DateTimeOffset? AsOf(DateTimeOffset? configured)
    {
        if (Date is not { } date)
        {
            return configured;
        }

        var timeOfDay = configured is { } c ? TimeOnly.FromTimeSpan(c.UtcDateTime.TimeOfDay) : new TimeOnly(23, 59, 59, 999);
        return new DateTimeOffset(date.ToDateTime(timeOfDay), TimeSpan.Zero);
    }
}
