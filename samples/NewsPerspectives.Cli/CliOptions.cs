using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace NewsPerspectives.Cli;

/// <summary>
/// Every option of the command line, in help order: the one place where an option is declared, with its help,
/// parsing, validation and completions. The run reads each with <c>parseResult.GetValue(options.X)</c>; adding an
/// option is a property here, a line in <see cref="All"/> and the code that reads it.
/// </summary>
internal sealed class CliOptions
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Creates the options.</summary>
    /// <param name="formats">The output formats the library offers (the <c>Format</c> of each registered writer).</param>
    public CliOptions(IReadOnlyList<string> formats)
    {
        Formats = formats;
        Format = new Option<string[]>("--format")
        {
            Description = $"Output formats, comma-separated: {string.Join(", ", formats)} (default: {string.Join(",", DefaultFormats)})",
            HelpName = "LIST",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = ParseFormats,
        };
        Format.CompletionSources.Add(formats.ToArray());
    }

    /// <summary>The formats written when <c>--format</c> is not given: the Hugo post and the JSON digest.</summary>
    public static IReadOnlyList<string> DefaultFormats { get; } = ["markdown", "json"];

    /// <summary>The output formats <see cref="Format"/> accepts.</summary>
    public IReadOnlyList<string> Formats { get; }

    /// <summary><c>--config FILE</c>: the topics; the bundled snapshot when absent.</summary>
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Topics in YAML (or the seed's topics.json); default: the bundled offline snapshot",
        HelpName = "FILE",
    };

    /// <summary><c>--out DIR</c>: the output root.</summary>
    public Option<string> Out { get; } = new("--out")
    {
        Description = "Output root: posts go to DIR/content/summaries/<topic>/<date>.md, JSON to DIR/digests/<topic>/<date>.json, HTML pages to DIR/html/<topic>/<date>.html",
        HelpName = "DIR",
        DefaultValueFactory = _ => "out",
    };

    /// <summary><c>--date yyyy-MM-dd</c>: the UTC day of the digests.</summary>
    public Option<DateOnly?> Date { get; } = new("--date")
    {
        Description = "Make the digests for this UTC day: as of the config's asOf time of day (04:00 UTC for the snapshot), or the end of the day when the config sets none",
        HelpName = DateFormat,
        CustomParser = ParseDate,
    };

    /// <summary><c>--format LIST</c>: the output formats.</summary>
    public Option<string[]> Format { get; }

    /// <summary><c>--stories</c>: the stories and framing sections, found counts and collapsed copies in each post.</summary>
    public Option<bool> Stories { get; } = new("--stories")
    {
        Description = "Add to each post a \"## Stories\" section (events, the sides covering them, blindspots), a \"## Framing\" section (each side's distinctive words, each side's headline for shared stories), <side>Found counts before the cap and the outlets of collapsed copies; without it the post has the seed's layout",
    };

    /// <summary><c>--live</c>: fetch url and Google News feeds over HTTP.</summary>
    public Option<bool> Live { get; } = new("--live")
    {
        Description = "Fetch url and Google News feeds over HTTP; without --config, runs the seed's Google News topics (snapshot/seed-topics.json)",
    };

    /// <summary><c>--cache FILE</c>: the feed cache between live runs.</summary>
    public Option<string?> Cache { get; } = new("--cache")
    {
        Description = "With --live: keep ETag/Last-Modified, bodies and permanent redirects in FILE so a re-run downloads only what changed (default: in memory for this run only)",
        HelpName = "FILE",
    };

    /// <summary><c>--allow-private-addresses</c>: the private-address guard's opt-out.</summary>
    public Option<bool> AllowPrivateAddresses { get; } = new("--allow-private-addresses")
    {
        Description = "With --live: also read feeds on loopback, private and link-local addresses (the private-address guard is on by default and blocks them)",
    };

    /// <summary><c>--strict</c>: a partial run (some feeds failed) exits 1.</summary>
    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Exit 1 when any feed failed, even if every topic still made its digest",
    };

    /// <summary>The options in help order.</summary>
    public IEnumerable<Option> All => [Config, Out, Date, Format, Stories, Live, Cache, AllowPrivateAddresses, Strict];

    /// <summary>Checks the options against each other.</summary>
    /// <param name="command">The parsed command.</param>
    public void Validate(CommandResult command)
    {
        if (command.GetResult(Cache) is { Implicit: false } && !command.GetValue(Live))
        {
            command.AddError("--cache only applies with --live");
        }

        if (command.GetValue(AllowPrivateAddresses) && !command.GetValue(Live))
        {
            command.AddError("--allow-private-addresses only applies with --live");
        }
    }

    /// <summary>The formats to write: --format, else <see cref="DefaultFormats"/>.</summary>
    /// <param name="parse">The parse result.</param>
    public IReadOnlyList<string> FormatsToWrite(ParseResult parse) => parse.GetValue(Format) is { Length: > 0 } formats ? formats : DefaultFormats;

    /// <summary>The configuration file to load: --config, else the bundled snapshot (its Google News topics with --live).</summary>
    /// <param name="parse">The parse result.</param>
    public string ConfigPath(ParseResult parse) =>
        parse.GetValue(Config) ?? Path.Combine(AppContext.BaseDirectory, "snapshot", parse.GetValue(Live) ? "seed-topics.json" : "topics.yaml");

    /// <summary>The run's "as of" time: --date at the configured time of day (or the end of that day); else the configured asOf; else now.</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="configured">The configuration's asOf.</param>
    public DateTimeOffset? AsOf(ParseResult parse, DateTimeOffset? configured)
    {
        if (parse.GetValue(Date) is not { } date)
        {
            return configured;
        }

        var timeOfDay = configured is { } c ? TimeOnly.FromTimeSpan(c.UtcDateTime.TimeOfDay) : new TimeOnly(23, 59, 59, 999);
        return new DateTimeOffset(date.ToDateTime(timeOfDay), TimeSpan.Zero);
    }

    /// <summary>Parses a yyyy-MM-dd option value; an error names the option (also used by <c>backfill --from/--to</c>).</summary>
    /// <param name="result">The option's argument.</param>
    internal static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        var name = (result.Parent as OptionResult)?.Option.Name ?? "--date";
        result.AddError($"{name} '{text}' is not a date in the form {DateFormat}");
        return null;
    }

    private string[] ParseFormats(ArgumentResult result)
    {
        var formats = result.Tokens
            .SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(f => f.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var unknown = formats.Where(f => !Formats.Contains(f, StringComparer.Ordinal)).ToArray();
        if (formats.Length == 0)
        {
            result.AddError($"--format needs at least one format: {string.Join(", ", Formats)}");
        }
        else if (unknown.Length > 0)
        {
            result.AddError($"--format: {string.Join(", ", unknown.Select(f => $"'{f}'"))} {(unknown.Length == 1 ? "is not an output format" : "are not output formats")}; valid values: {string.Join(", ", Formats)} (comma-separated)");
        }

        return formats;
    }
}
