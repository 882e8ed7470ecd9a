using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace NewsPerspectives;

/// <summary>Options of the HTML formatter.</summary>
public sealed class HtmlDigestFormatterOptions
{
    /// <summary>The most stories shown, in the clusterer's order (widest coverage first). Default 12.</summary>
    public int MaxStories { get; set; } = 12;

    /// <summary>The rules: the most stories not negative.</summary>
    internal void Check(OptionChecks check) => check.AtLeast(MaxStories, 0);
}

/// <summary>
/// Renders one self-contained, static HTML5 page per digest: inline CSS (the embedded <c>digest.css</c>), no script,
/// no external fetches (a Content-Security-Policy meta tag forbids them). The page shows the topic, date and per-side
/// counts, the highlights, the sides in columns (stacked on narrow screens), the stories with each side's headline
/// side by side, their coverage per side and blindspots, each side's distinctive terms (framing), and the numbered
/// sources; every citation links to <c>#source-N</c>.
/// </summary>
/// <remarks>
/// Every text and attribute value goes through one <see cref="HtmlEncoder"/> (all Unicode ranges allowed, so
/// non-ASCII text stays readable); links are emitted only for absolute http and https URLs, other links are shown
/// as plain text. The bytes are deterministic: invariant culture, UTF-8 without BOM, '\n' newlines.
/// </remarks>
public sealed partial class HtmlDigestFormatter : TextDigestFormatter
{
    /// <summary>The Content-Security-Policy of every page: nothing may load or run except the inline style sheet.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'";

    /// <summary>How many side colours the style sheet defines; sides beyond it reuse them in turn.</summary>
    private const int Palette = 6;

    private const string StyleSheetResource = "NewsPerspectives.Formatting.digest.css";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly Lazy<string> StyleSheet = new(LoadStyleSheet);
    private readonly HtmlDigestFormatterOptions _options;

    /// <summary>Creates the formatter.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><see cref="HtmlDigestFormatterOptions.MaxStories"/> is negative.</exception>
    public HtmlDigestFormatter(HtmlDigestFormatterOptions? options = null)
    {
        _options = options ?? new HtmlDigestFormatterOptions();
        OptionChecks.Validate(nameof(HtmlDigestFormatterOptions), _options.Check);
    }

    /// <inheritdoc/>
    public override string Format => "html";

    /// <inheritdoc/>
    public override string FileExtension => "html";

    /// <inheritdoc/>
    public override string Render(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var page = new Page(digest, _options);
        return page.Build();
    }

    private static string LoadStyleSheet()
    {
        using var stream = typeof(HtmlDigestFormatter).Assembly.GetManifestResourceStream(StyleSheetResource)
            ?? throw new InvalidOperationException($"the embedded resource {StyleSheetResource} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    /// <summary>One page being built: the digest, its lookups and the text so far.</summary>
    private sealed class Page
    {
        private readonly Digest _digest;
        private readonly HtmlDigestFormatterOptions _options;
        private readonly StringBuilder _html = new();
        private readonly Dictionary<string, int> _sideIndex = new(StringComparer.Ordinal);
        private readonly HashSet<int> _numbers;
        private readonly Dictionary<string, string> _storyAnchor = new(StringComparer.Ordinal);

        public Page(Digest digest, HtmlDigestFormatterOptions options)
        {
            _digest = digest;
            _options = options;
            for (int i = 0; i < digest.Topic.Sides.Count; i++)
            {
                _sideIndex.TryAdd(digest.Topic.Sides[i].Id, i);
            }

            _numbers = digest.Sources.Select(s => s.Number).ToHashSet();
        }

        public string Build()
        {
            var date = _digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var stories = _digest.NotableStories.Take(_options.MaxStories).ToArray();
            for (int i = 0; i < stories.Length; i++)
            {
                _storyAnchor.TryAdd(stories[i].Id, "story-" + (i + 1).ToString(CultureInfo.InvariantCulture));
            }

            bool framing = _digest.Framing.Any(f => f.Terms.Count > 0);

            Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").Text(ContentSecurityPolicy).Raw("\">\n");
            Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            Raw("<meta name=\"referrer\" content=\"no-referrer\">\n");
            Raw("<title>").Text(_digest.Topic.Name).Raw(" \u2014 ").Text(date).Raw("</title>\n");
            Raw("<style>\n").Raw(StyleSheet.Value).Raw("</style>\n</head>\n<body>\n");
            Raw("<a class=\"skip\" href=\"#main\">Skip to the digest</a>\n");

            Header(date, stories.Length > 0, framing);
            Raw("<main id=\"main\">\n");
            Highlights();
            Sides();
            if (stories.Length > 0)
            {
                Stories(stories);
            }

            if (framing)
            {
                Framing();
            }

            Sources();
            var how = _digest.SummaryKind == SummaryKind.Generated
                ? "Summaries were written by a language model" + (_digest.SummaryModel is { } model ? $" ({model})" : "") + " from the listed articles and checked against them"
                : "Summaries are extracted from the listed articles and checked against them";
            Raw("</main>\n<footer>\n<p>Made by NewsPerspectives as of <time datetime=\"")
                .Text(Iso(_digest.GeneratedAt)).Raw("\">")
                .Text(_digest.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Raw(" UTC</time>. ")
                .Text(how).Raw("; each bullet links to the sources it rests on.</p>\n</footer>\n</body>\n</html>\n");
            return _html.ToString();
        }

        private void Header(string date, bool hasStories, bool hasFraming)
        {

            Raw("<header class=\"masthead\">\n<div class=\"wrap\">\n");
            Raw("<p class=\"kicker\">News perspectives \u00b7 <time datetime=\"").Text(date).Raw("\">")
                .Text(_digest.Date.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture)).Raw("</time></p>\n");
            Raw("<h1>").Text(_digest.Topic.Name).Raw("</h1>\n");
            Raw("<p class=\"lede\">").Num(_digest.Sources.Count).Raw(_digest.Sources.Count == 1 ? " article" : " articles")
                .Raw(" from ").Num(_digest.Outlets.Count).Raw(_digest.Outlets.Count == 1 ? " outlet" : " outlets")
                .Raw(", seen from ").Num(_digest.Sides.Count).Raw(_digest.Sides.Count == 1 ? " side" : " sides").Raw(".</p>\n");

            Raw("<ul class=\"counts\" aria-label=\"Articles per side\">\n");
            foreach (var side in _digest.Sides)
            {
                Raw("<li class=\"count ").Raw(SideClass(side.Side.Id)).Raw("\"><span class=\"swatch\" aria-hidden=\"true\"></span>")
                    .Raw("<span class=\"count-name\">").Text(side.Side.Name).Raw("</span> ")
                    .Raw("<span class=\"count-figures\"><strong>").Num(side.Count).Raw("</strong> listed / ")
                    .Num(side.Found).Raw(" found</span></li>\n");
            }

            Raw("</ul>\n");
            Raw("<nav aria-label=\"Sections\">\n<ol class=\"toc\">\n");
            Raw("<li><a href=\"#highlights\">Highlights</a></li>\n");
            Raw("<li><a href=\"#perspectives\">Perspectives</a></li>\n");
            if (hasStories)
            {
                Raw("<li><a href=\"#stories\">Stories</a></li>\n");
            }

            if (hasFraming)
            {
                Raw("<li><a href=\"#framing\">Framing</a></li>\n");
            }

            Raw("<li><a href=\"#sources\">Sources</a></li>\n</ol>\n</nav>\n</div>\n</header>\n");
        }

        private void Highlights()
        {
            Raw("<section id=\"highlights\" class=\"band\" aria-labelledby=\"highlights-title\">\n");
            Raw("<h2 id=\"highlights-title\">Highlights</h2>\n");
            Bullets(_digest.Highlights, _digest.NoHighlightsNote, "highlights-list", storyLinks: true);
            Raw("</section>\n");
        }

        private void Sides()
        {
            Raw("<section id=\"perspectives\" aria-labelledby=\"perspectives-title\">\n");
            Raw("<h2 id=\"perspectives-title\">Perspectives</h2>\n<div class=\"sides\">\n");
            for (int i = 0; i < _digest.Sides.Count; i++)
            {
                var side = _digest.Sides[i];
                var id = "side-" + (i + 1).ToString(CultureInfo.InvariantCulture);
                Raw("<section class=\"side ").Raw(SideClass(side.Side.Id)).Raw("\" id=\"").Raw(id).Raw("\" aria-labelledby=\"").Raw(id).Raw("-title\">\n");
                Raw("<h3 id=\"").Raw(id).Raw("-title\">").Text(side.Side.Name).Raw("</h3>\n");
                Raw("<p class=\"side-meta\">").Num(side.Count).Raw(" listed of ").Num(side.Found).Raw(" found</p>\n");
                Bullets(side.Bullets, side.NoBulletsNote, "side-list");
                Raw("</section>\n");
            }

            Raw("</div>\n</section>\n");
        }

        private void Stories(IReadOnlyList<DigestStory> stories)
        {
            Raw("<section id=\"stories\" aria-labelledby=\"stories-title\">\n");
            Raw("<h2 id=\"stories-title\">Stories</h2>\n");
            Raw("<p class=\"section-note\">The same event as reported by each side. A blindspot is a story only one side covered.</p>\n");
            Raw("<ol class=\"stories\">\n");
            foreach (var story in stories)
            {
                Raw(story.IsBlindspot ? "<li class=\"story blindspot\"" : "<li class=\"story\"").Raw(" id=\"").Raw(_storyAnchor[story.Id]).Raw("\">\n");
                Raw("<div class=\"story-head\">\n<h3 class=\"headline\">").Text(story.Headline).Raw("</h3>\n");
                if (story.Sides.Count > 1)
                {
                    // The same event, each side's own headline side by side.
                    Raw("<ul class=\"takes\" aria-label=\"Each side's headline\">\n");
                    foreach (var side in story.Sides)
                    {
                        Raw("<li class=\"take ").Raw(SideClass(side.Side.Id)).Raw("\"><span class=\"take-side\">").Text(side.Side.Name).Raw("</span> ")
                            .Raw("<span class=\"take-headline\">").Text(side.Headline).Raw("</span>");
                        if (side.HeadlineSource is int n)
                        {
                            Raw(" ");
                            Citations([n]);
                        }

                        Raw("</li>\n");
                    }

                    Raw("</ul>\n");
                }

                if (story.BlindspotSide is { } only)
                {
                    Raw("<p class=\"badge\"><strong>Blindspot</strong> only ").Text(only.Name).Raw(" sources</p>\n");
                }

                Raw("</div>\n<ul class=\"coverage\" aria-label=\"Coverage per side\">\n");
                var total = Math.Max(1, story.Sides.Sum(s => s.ArticleCount));
                foreach (var side in _digest.Topic.Sides)
                {
                    var count = story.FindSide(side.Id)?.ArticleCount ?? 0;
                    var percent = (int)Math.Round(100.0 * count / total, MidpointRounding.AwayFromZero);
                    Raw("<li class=\"chip ").Raw(SideClass(side.Id)).Raw(count == 0 ? " none" : "").Raw("\">")
                        .Raw("<span class=\"chip-label\">").Text(side.Name).Raw(" <strong>").Num(count).Raw("</strong></span>")
                        .Raw("<span class=\"bar\" aria-hidden=\"true\"><span style=\"width:").Num(percent).Raw("%\"></span></span></li>\n");
                }

                Raw("</ul>\n");
                if (story.SourceNumbers.Count > 0)
                {
                    Raw("<p class=\"story-sources\">Sources ");
                    Citations(story.SourceNumbers);
                    Raw("</p>\n");
                }

                Raw("</li>\n");
            }

            Raw("</ol>\n</section>\n");
        }

        private void Framing()
        {
            Raw("<section id=\"framing\" aria-labelledby=\"framing-title\">\n");
            Raw("<h2 id=\"framing-title\">Framing</h2>\n");
            Raw("<p class=\"section-note\">Words and phrases each side used more than the other sides, with the z-score of their weighted log-odds ratio (informative Dirichlet prior; z 1.96 is about 95% confidence).</p>\n");
            Raw("<div class=\"framing\">\n");
            foreach (var side in _digest.Framing)
            {
                Raw("<section class=\"framing-side ").Raw(SideClass(side.Side.Id)).Raw("\" aria-label=\"").Text(side.Side.Name).Raw("\">\n");
                Raw("<h3>").Text(side.Side.Name).Raw("</h3>\n");
                if (side.Terms.Count == 0)
                {
                    Raw("<p class=\"empty\">No distinctive terms.</p>\n");
                }
                else
                {
                    Raw("<ul class=\"terms\">\n");
                    foreach (var term in side.Terms)
                    {
                        Raw("<li><span class=\"term\">").Text(term.Term).Raw("</span> <span class=\"z\">z ")
                            .Text(term.Z.ToString("0.0", CultureInfo.InvariantCulture)).Raw("</span></li>\n");
                    }

                    Raw("</ul>\n");
                }

                Raw("</section>\n");
            }

            Raw("</div>\n</section>\n");
        }

        private void Sources()
        {
            Raw("<section id=\"sources\" aria-labelledby=\"sources-title\">\n");
            Raw("<h2 id=\"sources-title\">Sources</h2>\n");
            Raw("<p class=\"section-note\">This digest is based on ").Num(_digest.Sources.Count)
                .Raw(_digest.Sources.Count == 1 ? " article." : " articles.").Raw("</p>\n");
            Raw("<ol class=\"sources\">\n");
            foreach (var source in _digest.Sources)
            {
                var article = source.Article;
                Raw("<li id=\"source-").Num(source.Number).Raw("\" class=\"source ").Raw(SideClass(source.SideId)).Raw("\">");
                Raw("<span class=\"num\">").Num(source.Number).Raw("</span>");
                Raw("<div class=\"source-body\">");
                var language = article.Language is { Length: > 0 } l ? l : null;
                var titleLang = language is not null && LanguageTag().IsMatch(language) ? $" lang=\"{Attribute(language)}\"" : "";
                if (SafeLinks.Parse(article.Link, allowMailto: false) is { } uri)
                {
                    Raw("<a class=\"title\" href=\"").Text(uri.AbsoluteUri).Raw("\"").Raw(titleLang).Raw(">").Text(article.Title).Raw("</a>");
                }
                else
                {
                    Raw("<span class=\"title\"").Raw(titleLang).Raw(">").Text(article.Title).Raw("</span>");
                }

                Raw("<span class=\"source-meta\">");
                if (language is not null)
                {
                    Raw("<span class=\"lang\">").Text(language).Raw("</span> ");
                }

                Raw("<span class=\"outlet\">").Text(article.Outlet).Raw("</span> \u00b7 <time datetime=\"").Text(Iso(article.Published)).Raw("\">")
                    .Text(article.Published.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture)).Raw("</time> \u00b7 ");
                var sideName = _digest.Topic.FindSide(source.SideId)?.Name ?? source.SideId;
                Raw("<span class=\"side-tag\">").Text(sideName).Raw("</span>");
                if (source.OtherOutlets.Count > 0)
                {
                    Raw(" \u00b7 <span class=\"also\">also ").Text(string.Join(", ", source.OtherOutlets)).Raw("</span>");
                }

                Raw("</span></div></li>\n");
            }

            Raw("</ol>\n</section>\n");
        }

        private void Bullets(IReadOnlyList<SummaryBullet> bullets, string? whenEmpty, string listClass, bool storyLinks = false)
        {
            if (whenEmpty is not null)
            {
                Raw("<p class=\"empty\">").Text(whenEmpty).Raw("</p>\n");
                return;
            }

            Raw("<ul class=\"").Raw(listClass).Raw("\">\n");
            foreach (var bullet in bullets)
            {
                Raw("<li><span class=\"text\">").Text(bullet.Text).Raw("</span>");
                if (bullet.Citations.Count > 0)
                {
                    Raw(" ");
                    Citations(bullet.Citations);
                }

                if (storyLinks && bullet.StoryId is { } id && _storyAnchor.TryGetValue(id, out var anchor))
                {
                    Raw(" <a class=\"story-link\" href=\"#").Raw(anchor).Raw("\">the story</a>");
                }

                Raw("</li>\n");
            }

            Raw("</ul>\n");
        }

        /// <summary>Citation chips: a link to <c>#source-N</c> for a listed source, plain text for a number not in the list.</summary>
        private void Citations(IReadOnlyList<int> numbers)
        {
            Raw("<span class=\"cites\">");
            foreach (var n in numbers)
            {
                if (_numbers.Contains(n))
                {
                    Raw("<a class=\"cite\" href=\"#source-").Num(n).Raw("\" aria-label=\"Source ").Num(n).Raw("\">").Num(n).Raw("</a>");
                }
                else
                {
                    Raw("<span class=\"cite missing\">").Num(n).Raw("</span>");
                }
            }

            Raw("</span>");
        }

        /// <summary>The colour class of a side: its position in the topic, cycling through the palette (never the id, which is free text).</summary>
        private string SideClass(string sideId) =>
            _sideIndex.TryGetValue(sideId, out var i) ? "c" + ((i % Palette) + 1).ToString(CultureInfo.InvariantCulture) : "c0";

        private Page Raw(string markup)
        {
            _html.Append(markup);
            return this;
        }

        private Page Text(string text)
        {
            Encoder.Encode(new StringWriter(_html, CultureInfo.InvariantCulture), Carried(text));
            return this;
        }

        private Page Num(int value)
        {
            _html.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        private static string Attribute(string text) => Encoder.Encode(Carried(text));

        /// <summary>
        /// The text without control characters other than tab and line feed: HTML cannot carry them as they are
        /// (a parser turns <c>&amp;#x0;</c> into U+FFFD and <c>&amp;#x85;</c> into "…"), and none means anything in a digest.
        /// </summary>
        private static string Carried(string text) =>
            text.AsSpan().IndexOfAnyInRange('\0', '\u001F') < 0 && text.AsSpan().IndexOfAnyInRange('\u007F', '\u009F') < 0
                ? text
                : string.Concat(text.Where(c => !char.IsControl(c) || c is '\t' or '\n'));

        private static string Iso(DateTimeOffset value) =>
            value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
