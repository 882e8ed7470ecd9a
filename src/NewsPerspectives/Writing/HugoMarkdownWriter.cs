using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NewsPerspectives;

/// <summary>Options of the Hugo Markdown writer.</summary>
public sealed class HugoMarkdownWriterOptions
{
    /// <summary>Folder of the posts under the output root, '/'-separated. Default <c>content/summaries</c> (the seed's).</summary>
    public string ContentPath { get; set; } = "content/summaries";

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
    /// <see cref="MinStoryArticles"/> articles with its headline, coverage per side, listed source numbers and a
    /// blindspot marker. Default <see langword="false"/> (the seed's layout).
    /// </summary>
    public bool IncludeStories { get; set; }

    /// <summary>The least articles a story needs to be listed in the stories section. Default 2.</summary>
    public int MinStoryArticles { get; set; } = 2;

    /// <summary>
    /// Append the other outlets of a collapsed near-duplicate to its source line ("also: Outlet, Outlet").
    /// Default <see langword="false"/> (the seed's source lines).
    /// </summary>
    public bool IncludeAlsoPublishedBy { get; set; }

    /// <summary>The rules: a folder to write to; a story needs at least one article.</summary>
    internal void Check(OptionChecks check)
    {
        check.Folder(ContentPath);
        check.AtLeast(MinStoryArticles, 1);
    }
}

/// <summary>
/// Writes the seed system's Hugo post: YAML front matter (keys <c>title, date, topic, topicName, sources,
/// articleCount, perspectives, &lt;side&gt;Sources…, draft</c>, emitted with YamlDotNet, strings double-quoted),
/// the highlights, <c>&lt;!--more--&gt;</c>, one section per side and the numbered source list.
/// </summary>
public sealed class HugoMarkdownWriter : IDigestWriter
{
    private readonly HugoMarkdownWriterOptions _options;

    /// <summary>Creates the writer.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public HugoMarkdownWriter(HugoMarkdownWriterOptions? options = null)
    {
        _options = options ?? new HugoMarkdownWriterOptions();
        OptionChecks.Validate(nameof(HugoMarkdownWriterOptions), _options.Check);
    }

    /// <inheritdoc/>
    public string Format => "markdown";

    /// <inheritdoc/>
    public string GetRelativePath(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return OutputPaths.ForDigest(_options.ContentPath, digest, "md");
    }

    /// <inheritdoc/>
    public async Task WriteAsync(DigestRun run, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(destination);
        await TextOutput.WriteAsync(destination, Render(run.Digest), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renders the post as a string.</summary>
    /// <param name="digest">The digest.</param>
    public string Render(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var md = new StringBuilder();
        md.Append("---\n").Append(FrontMatter(digest)).Append("---\n\n");

        md.Append("## Overall Highlights\n\n");
        AppendBullets(md, digest.Highlights, "No highlights: no articles were found for this period.");
        md.Append("\n<!--more-->\n\n");

        foreach (var side in digest.Sides)
        {
            var name = MarkdownText.Escape(side.Side.Name);
            md.Append("## ").Append(name).Append(" Perspective (").Append(name).Append(" Sources)\n\n");
            AppendBullets(md, side.Bullets, $"No articles from {side.Side.Name} sources in this period.");
            md.Append('\n');
        }

        if (_options.IncludeStories)
        {
            AppendStories(md, digest);
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
            if (_options.IncludeAlsoPublishedBy && article.AlsoPublishedBy.Count > 0)
            {
                var others = article.AlsoPublishedBy.Select(c => c.Outlet)
                    .Where(o => !string.Equals(o, article.Outlet, StringComparison.Ordinal))
                    .Distinct(StringComparer.Ordinal)
                    .Select(MarkdownText.Escape)
                    .ToArray();
                if (others.Length > 0)
                {
                    md.Append(" (also: ").AppendJoin(", ", others).Append(')');
                }
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    /// <summary>The stories section: which events each side covered, and the blindspots.</summary>
    private void AppendStories(StringBuilder md, Digest digest)
    {
        var numbers = digest.Sources.ToDictionary(s => s.Article.Id, s => s.Number, StringComparer.Ordinal);
        var stories = digest.Stories.Where(s => s.Articles.Count >= _options.MinStoryArticles).ToArray();
        md.Append("## Stories\n\n");
        if (stories.Length == 0)
        {
            md.Append("- ").Append(MarkdownText.Escape("No story in this period has enough articles to list.")).Append('\n');
        }

        foreach (var story in stories)
        {
            md.Append("- ").Append(MarkdownText.Escape(story.Headline)).Append(" (");
            var coverage = digest.Topic.Sides
                .Where(side => story.CoverageBySide.GetValueOrDefault(side.Id) > 0)
                .Select(side => MarkdownText.Escape(side.Name) + " " + story.CoverageBySide[side.Id].ToString(CultureInfo.InvariantCulture));
            md.AppendJoin(", ", coverage).Append(')');
            var cited = story.Articles.Select(a => numbers.GetValueOrDefault(a.Article.Id)).Where(n => n > 0).Order().ToArray();
            if (cited.Length > 0)
            {
                md.Append(" [").AppendJoin(", ", cited.Select(n => n.ToString(CultureInfo.InvariantCulture))).Append(']');
            }

            if (story.IsBlindspot)
            {
                var only = digest.Topic.FindSide(story.CoverageBySide.Keys.First())?.Name ?? story.CoverageBySide.Keys.First();
                md.Append(" **Blindspot:** only ").Append(MarkdownText.Escape(only)).Append(" sources");
            }

            md.Append('\n');
        }

        md.Append('\n');
    }

    private void AppendBullets(StringBuilder md, IReadOnlyList<SummaryBullet> bullets, string whenEmpty)
    {
        if (bullets.Count == 0)
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
