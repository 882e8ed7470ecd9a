using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NewsPerspectives;

/// <summary>Options of the Hugo Markdown formatter.</summary>
public sealed class HugoMarkdownFormatterOptions
{
    /// <summary>Append each bullet's citations, e.g. <c> [3, 11]</c>. Default <see langword="true"/>; <see langword="false"/> reproduces the seed's citation-free bullets.</summary>
    public bool IncludeCitations { get; set; } = true;

    /// <summary>The <c>draft</c> front matter value. Default <see langword="false"/>.</summary>
    public bool Draft { get; set; }

    /// <summary>
    /// Add each side's true coverage before the cap as <c>&lt;side&gt;Found</c> front matter keys, after the
    /// <c>&lt;side&gt;Sources</c> keys. Default <see langword="false"/> (the seed's front matter).
    /// </summary>
    public bool IncludeFoundCounts { get; set; }

    /// <summary>
    /// Add a <c>## Stories</c> section before <c>## Sources</c>: each same-event story of at least
    /// <see cref="DigestAssemblyOptions.MinStoryArticles"/> articles with its headline, coverage per side, listed source numbers and a
    /// blindspot marker. Default <see langword="false"/> (the seed's layout).
    /// </summary>
    public bool IncludeStories { get; set; }

    /// <summary>
    /// Append the other outlets of a collapsed near-duplicate to its source line ("also: Outlet, Outlet").
    /// Default <see langword="false"/> (the seed's source lines).
    /// </summary>
    public bool IncludeAlsoPublishedBy { get; set; }

    /// <summary>
    /// Add a <c>## Framing</c> section before <c>## Sources</c>: the words and phrases each side uses distinctively
    /// (<see cref="Digest.Framing"/>, with their z-scores) and, for each story several sides covered, each side's
    /// headline side by side. Default <see langword="false"/> (the seed's layout).
    /// </summary>
    public bool IncludeFraming { get; set; }
}

/// <summary>
/// Renders the seed system's Hugo post: YAML front matter (keys <c>title, date, topic, topicName, sources,
/// articleCount, perspectives, &lt;side&gt;Sources…, draft</c>, emitted with YamlDotNet, strings double-quoted),
/// the highlights, <c>&lt;!--more--&gt;</c>, one section per side and the numbered source list; with the extra
/// switches off it is the seed's layout, byte for byte.
/// </summary>
public sealed class HugoMarkdownFormatter : TextDigestFormatter
{
    private readonly HugoMarkdownFormatterOptions _options;

    /// <summary>Creates the formatter.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    public HugoMarkdownFormatter(HugoMarkdownFormatterOptions? options = null) => _options = options ?? new HugoMarkdownFormatterOptions();

    /// <inheritdoc/>
    public override string Format => "markdown";

    /// <inheritdoc/>
    public override string FileExtension => "md";

    /// <inheritdoc/>
    public override string Render(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var md = new StringBuilder();
        md.Append("---\n").Append(FrontMatter(digest)).Append("---\n\n");

        md.Append("## Overall Highlights\n\n");
        AppendBullets(md, digest.Highlights, digest.NoHighlightsNote);
        md.Append("\n<!--more-->\n\n");

        foreach (var side in digest.Sides)
        {
            var name = MarkdownText.Escape(side.Side.Name);
            md.Append("## ").Append(name).Append(" Perspective (").Append(name).Append(" Sources)\n\n");
            AppendBullets(md, side.Bullets, side.NoBulletsNote);
            md.Append('\n');
        }

        if (_options.IncludeStories)
        {
            AppendStories(md, digest);
        }

        if (_options.IncludeFraming)
        {
            AppendFraming(md, digest);
        }

        md.Append("## Sources\n\n");
        md.Append(CultureInfo.InvariantCulture, $"This summary is based on {digest.Sources.Count} articles from the following sources:\n\n");
        foreach (var source in digest.Sources)
        {
            var article = source.Article;
            md.Append(source.Number.ToString(CultureInfo.InvariantCulture)).Append(". ");
            if (article.Language is { Length: > 0 } language)
            {
                md.Append('[').Append(MarkdownText.Escape(language)).Append("] ");
            }

            var title = MarkdownText.Escape(article.Title);
            if (MarkdownText.SafeUrl(article.Link) is { } url)
            {
                md.Append('[').Append(title).Append("](").Append(url).Append(')');
            }
            else
            {
                md.Append(title);
            }

            md.Append(" - ").Append(MarkdownText.Escape(article.Outlet))
              .Append(" (").Append(article.Published.UtcDateTime.ToString("M/d/yyyy", CultureInfo.InvariantCulture)).Append(')');
            if (_options.IncludeAlsoPublishedBy && source.OtherOutlets.Count > 0)
            {
                md.Append(" (also: ").AppendJoin(", ", source.OtherOutlets.Select(MarkdownText.Escape)).Append(')');
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    /// <summary>The stories section: which events each side covered, and the blindspots.</summary>
    private static void AppendStories(StringBuilder md, Digest digest)
    {
        var stories = digest.NotableStories.ToArray();
        md.Append("## Stories\n\n");
        if (stories.Length == 0)
        {
            md.Append("- ").Append(MarkdownText.Escape("No story in this period has enough articles to list.")).Append('\n');
        }

        foreach (var story in stories)
        {
            md.Append("- ").Append(MarkdownText.Escape(story.Headline)).Append(" (");
            var coverage = story.Sides.Select(side => MarkdownText.Escape(side.Side.Name) + " " + side.ArticleCount.ToString(CultureInfo.InvariantCulture));
            md.AppendJoin(", ", coverage).Append(')');
            if (story.SourceNumbers.Count > 0)
            {
                md.Append(" [").AppendJoin(", ", story.SourceNumbers.Select(n => n.ToString(CultureInfo.InvariantCulture))).Append(']');
            }

            if (story.BlindspotSide is { } only)
            {
                md.Append(" **Blindspot:** only ").Append(MarkdownText.Escape(only.Name)).Append(" sources");
            }

            md.Append('\n');
        }

        md.Append('\n');
    }

    /// <summary>The framing section: each side's distinctive terms, then each shared story's headlines side by side.</summary>
    private static void AppendFraming(StringBuilder md, Digest digest)
    {
        md.Append("## Framing\n\n");
        var sides = digest.Framing.Where(f => f.Terms.Count > 0).ToArray();
        if (sides.Length == 0)
        {
            md.Append("- ").Append(MarkdownText.Escape("No side used a word distinctively in this period.")).Append('\n');
        }

        foreach (var side in sides)
        {
            md.Append("- ").Append(MarkdownText.Escape(side.Side.Name)).Append(": ")
              .AppendJoin(", ", side.Terms.Select(t => MarkdownText.Escape(t.Term) + " (z " + t.Z.ToString("0.0", CultureInfo.InvariantCulture) + ")"))
              .Append('\n');
        }

        var shared = digest.SharedStories.ToArray();
        if (shared.Length > 0)
        {
            md.Append("\nThe same story, each side's headline:\n\n");
            foreach (var story in shared)
            {
                md.Append("- ").AppendJoin("; ", story.Sides.Select(side =>
                {
                    var cite = side.HeadlineSource is int n ? " [" + n.ToString(CultureInfo.InvariantCulture) + "]" : "";
                    return MarkdownText.Escape(side.Side.Name) + ": " + MarkdownText.Escape(side.Headline) + cite;
                })).Append('\n');
            }
        }

        md.Append('\n');
    }

    private void AppendBullets(StringBuilder md, IReadOnlyList<SummaryBullet> bullets, string? whenEmpty)
    {
        if (whenEmpty is not null)
        {
            md.Append("- ").Append(MarkdownText.Escape(whenEmpty)).Append('\n');
            return;
        }

        foreach (var bullet in bullets)
        {
            md.Append("- ").Append(MarkdownText.Escape(bullet.Text));
            if (_options.IncludeCitations && bullet.Citations.Count > 0)
            {
                md.Append(" [").AppendJoin(", ", bullet.Citations.Select(n => n.ToString(CultureInfo.InvariantCulture))).Append(']');
            }

            md.Append('\n');
        }
    }

    /// <summary>Emits the front matter with YamlDotNet's emitter, never by string concatenation.</summary>
    private string FrontMatter(Digest digest)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var settings = new EmitterSettings(2, int.MaxValue, false, 1024, false, true, "\n");
        var emitter = new Emitter(writer, settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        emitter.Emit(new MappingStart(null, null, false, MappingStyle.Block));

        Key(emitter, "title");
        Text(emitter, string.Create(CultureInfo.InvariantCulture, $"{digest.Topic.Name} News - {digest.Date:yyyy-MM-dd}"));
        Key(emitter, "date");
        Plain(emitter, digest.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Key(emitter, "topic");
        Text(emitter, digest.Topic.Id);
        Key(emitter, "topicName");
        Text(emitter, digest.Topic.Name);
        Key(emitter, "sources");
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Flow));
        foreach (var outlet in digest.Outlets)
        {
            emitter.Emit(new Scalar(null, null, outlet, ScalarStyle.DoubleQuoted, false, true));
        }

        emitter.Emit(new SequenceEnd());
        Key(emitter, "articleCount");
        Plain(emitter, digest.Sources.Count.ToString(CultureInfo.InvariantCulture));
        Key(emitter, "perspectives");
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var side in digest.Sides)
        {
            emitter.Emit(new MappingStart(null, null, false, MappingStyle.Block));
            Key(emitter, "id");
            emitter.Emit(new Scalar(null, null, side.Side.Id, ScalarStyle.DoubleQuoted, false, true));
            Key(emitter, "name");
            emitter.Emit(new Scalar(null, null, side.Side.Name, ScalarStyle.DoubleQuoted, false, true));
            Key(emitter, "count");
            Plain(emitter, side.Count.ToString(CultureInfo.InvariantCulture));
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
        foreach (var side in digest.Sides)
        {
            Key(emitter, SideCountKey(side.Side.Id));
            Plain(emitter, side.Count.ToString(CultureInfo.InvariantCulture));
        }

        if (_options.IncludeFoundCounts)
        {
            foreach (var side in digest.Sides)
            {
                Key(emitter, SideFoundKey(side.Side.Id));
                Plain(emitter, side.Found.ToString(CultureInfo.InvariantCulture));
            }
        }

        Key(emitter, "draft");
        Plain(emitter, _options.Draft ? "true" : "false");
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        var yaml = writer.ToString();
        return yaml.EndsWith('\n') ? yaml : yaml + "\n";
    }

    /// <summary>The per-side count key: <c>{id}Sources</c>, with a hyphenated id camel-cased (<c>north-korea</c> → <c>northKoreaSources</c>).</summary>
    /// <param name="sideId">The side id.</param>
    public static string SideCountKey(string sideId)
    {
        ArgumentNullException.ThrowIfNull(sideId);
        var parts = sideId.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder(parts.Length == 0 ? "side" : parts[0]);
        foreach (var part in parts.Skip(1))
        {
            builder.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return builder.Append("Sources").ToString();
    }

    /// <summary>The per-side true-coverage key: <c>{id}Found</c>, camel-cased like <see cref="SideCountKey"/> (<c>north-korea</c> → <c>northKoreaFound</c>).</summary>
    /// <param name="sideId">The side id.</param>
    public static string SideFoundKey(string sideId)
    {
        var key = SideCountKey(sideId);
        return string.Concat(key.AsSpan(0, key.Length - "Sources".Length), "Found");
    }

    private static void Key(Emitter emitter, string key) =>
        emitter.Emit(new Scalar(null, null, key, ScalarStyle.Plain, true, false));

    private static void Plain(Emitter emitter, string value) =>
        emitter.Emit(new Scalar(null, null, value, ScalarStyle.Plain, true, false));

    /// <summary>A string value: plain when it is a simple slug that YAML can only read as a string (as the seed wrote ids), double-quoted otherwise.</summary>
    private static void Text(Emitter emitter, string value)
    {
        var style = IsSafePlain(value) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
        emitter.Emit(new Scalar(null, null, value, style, style == ScalarStyle.Plain, style != ScalarStyle.Plain));
    }

    private static readonly HashSet<string> YamlKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf",
    };

    internal static bool IsSafePlain(string value) =>
        value.Length is > 0 and <= 64
        && char.IsAsciiLetterLower(value[0])
        && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !value.EndsWith('-')
        && !YamlKeywords.Contains(value);
}
