using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace NewsPerspectives;

/// <summary>Options of the HTML writer.</summary>
public sealed class HtmlDigestWriterOptions
{
    /// <summary>Folder of the pages under the output root, '/'-separated. Default <c>html</c>.</summary>
    public string OutputPath { get; set; } = "html";

    /// <summary>The least articles a story needs to be shown in the stories section. Default 2.</summary>
    public int MinStoryArticles { get; set; } = 2;

    /// <summary>The most stories shown, in the clusterer's order (widest coverage first). Default 12.</summary>
    public int MaxStories { get; set; } = 12;

    /// <summary>The rules: a folder to write to; a story needs at least one article; the most stories not negative.</summary>
    internal void Check(OptionChecks check)
    {
        check.Folder(OutputPath);
        check.AtLeast(MinStoryArticles, 1);
        check.AtLeast(MaxStories, 0);
    }
}

/// <summary>
/// Writes one self-contained, static HTML5 page per digest: inline CSS, no script, no external fetches (a
/// Content-Security-Policy meta tag forbids them). The page shows the topic, date and per-side counts, the
/// highlights, the sides in columns (stacked on narrow screens), the stories with their coverage per side and
/// blindspots, and the numbered sources; every citation links to <c>#source-N</c>.
/// </summary>
/// <remarks>
/// Every text and attribute value goes through one <see cref="HtmlEncoder"/> (all Unicode ranges allowed, so
/// non-ASCII text stays readable); links are emitted only for absolute http and https URLs, other links are shown
/// as plain text. The bytes are deterministic: invariant culture, UTF-8 without BOM, '\n' newlines.
/// </remarks>
public sealed partial class HtmlDigestWriter : IDigestWriter
{
    /// <summary>The Content-Security-Policy of every page: nothing may load or run except the inline style sheet.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'";

    /// <summary>How many side colours the style sheet defines; sides beyond it reuse them in turn.</summary>
    private const int Palette = 6;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly HtmlDigestWriterOptions _options;

    /// <summary>Creates the writer.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><see cref="HtmlDigestWriterOptions.OutputPath"/> is empty, or <see cref="HtmlDigestWriterOptions.MinStoryArticles"/> is below 1, or <see cref="HtmlDigestWriterOptions.MaxStories"/> is negative.</exception>
    public HtmlDigestWriter(HtmlDigestWriterOptions? options = null)
    {
        _options = options ?? new HtmlDigestWriterOptions();
        OptionChecks.Validate(nameof(HtmlDigestWriterOptions), _options.Check);
    }

    /// <inheritdoc/>
    public string Format => "html";

    /// <inheritdoc/>
    public string GetRelativePath(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return OutputPaths.ForDigest(_options.OutputPath, digest, "html");
    }

    /// <inheritdoc/>
    public async Task WriteAsync(DigestRun run, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(destination);
        await TextOutput.WriteAsync(destination, Render(run.Digest), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renders the page as a string.</summary>
    /// <param name="digest">The digest.</param>
    public string Render(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var page = new Page(digest, _options);
        return page.Build();
    }

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    /// <summary>One page being built: the digest, its lookups and the text so far.</summary>
    private sealed class Page
    {
        private readonly Digest _digest;
        private readonly HtmlDigestWriterOptions _options;
        private readonly StringBuilder _html = new();
        private readonly Dictionary<string, int> _sideIndex = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _numberOfArticle = new(StringComparer.Ordinal);
        private readonly HashSet<int> _numbers;

        public Page(Digest digest, HtmlDigestWriterOptions options)
        {
            _digest = digest;
            _options = options;
            for (int i = 0; i < digest.Topic.Sides.Count; i++)
            {
                _sideIndex.TryAdd(digest.Topic.Sides[i].Id, i);
            }

            foreach (var source in digest.Sources)
            {
                _numberOfArticle.TryAdd(source.Article.Id, source.Number);
            }

            _numbers = digest.Sources.Select(s => s.Number).ToHashSet();
        }

        public string Build()
        {
            var date = _digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var stories = _digest.Stories
                .Where(s => s.Articles.Count >= _options.MinStoryArticles)
                .Take(_options.MaxStories)
                .ToArray();

            Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").Text(ContentSecurityPolicy).Raw("\">\n");
            Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            Raw("<meta name=\"referrer\" content=\"no-referrer\">\n");
            Raw("<title>").Text(_digest.Topic.Name).Raw(" \u2014 ").Text(date).Raw("</title>\n");
            Raw("<style>\n").Raw(StyleSheet).Raw("</style>\n</head>\n<body>\n");
            Raw("<a class=\"skip\" href=\"#main\">Skip to the digest</a>\n");

            Header(date, stories.Length > 0);
            Raw("<main id=\"main\">\n");
            Highlights();
            Sides();
            if (stories.Length > 0)
            {
                Stories(stories);
            }

            Sources();
            Raw("</main>\n<footer>\n<p>Made by NewsPerspectives as of <time datetime=\"")
                .Text(Iso(_digest.GeneratedAt)).Raw("\">")
                .Text(_digest.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Raw(" UTC</time>. ")
                .Raw("Summaries are extracted from the listed articles; each bullet links to the sources it rests on.</p>\n</footer>\n</body>\n</html>\n");
            return _html.ToString();
        }

        private void Header(string date, bool hasStories)
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

            Raw("<li><a href=\"#sources\">Sources</a></li>\n</ol>\n</nav>\n</div>\n</header>\n");
        }

        private void Highlights()
        {
            Raw("<section id=\"highlights\" class=\"band\" aria-labelledby=\"highlights-title\">\n");
            Raw("<h2 id=\"highlights-title\">Highlights</h2>\n");
            Bullets(_digest.Highlights, "No highlights: no articles were found for this period.", "highlights-list");
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
                Bullets(side.Bullets, $"No articles from {side.Side.Name} sources in this period.", "side-list");
                Raw("</section>\n");
            }

            Raw("</div>\n</section>\n");
        }

        private void Stories(IReadOnlyList<Story> stories)
        {
            Raw("<section id=\"stories\" aria-labelledby=\"stories-title\">\n");
            Raw("<h2 id=\"stories-title\">Stories</h2>\n");
            Raw("<p class=\"section-note\">The same event as reported by each side. A blindspot is a story only one side covered.</p>\n");
            Raw("<ol class=\"stories\">\n");
            foreach (var story in stories)
            {
                Raw(story.IsBlindspot ? "<li class=\"story blindspot\">\n" : "<li class=\"story\">\n");
                Raw("<div class=\"story-head\">\n<h3 class=\"headline\">").Text(story.Headline).Raw("</h3>\n");
                if (story.IsBlindspot)
                {
                    var onlyId = story.CoverageBySide.Where(kv => kv.Value > 0).Select(kv => kv.Key).FirstOrDefault()
                        ?? story.CoverageBySide.Keys.FirstOrDefault() ?? "";
                    var only = _digest.Topic.FindSide(onlyId)?.Name ?? onlyId;
                    Raw("<p class=\"badge\"><strong>Blindspot</strong> only ").Text(only).Raw(" sources</p>\n");
                }

                Raw("</div>\n<ul class=\"coverage\" aria-label=\"Coverage per side\">\n");
                var total = Math.Max(1, _digest.Topic.Sides.Sum(s => Math.Max(0, story.CoverageBySide.GetValueOrDefault(s.Id))));
                foreach (var side in _digest.Topic.Sides)
                {
                    var count = Math.Max(0, story.CoverageBySide.GetValueOrDefault(side.Id));
                    var percent = (int)Math.Round(100.0 * count / total, MidpointRounding.AwayFromZero);
                    Raw("<li class=\"chip ").Raw(SideClass(side.Id)).Raw(count == 0 ? " none" : "").Raw("\">")
                        .Raw("<span class=\"chip-label\">").Text(side.Name).Raw(" <strong>").Num(count).Raw("</strong></span>")
                        .Raw("<span class=\"bar\" aria-hidden=\"true\"><span style=\"width:").Num(percent).Raw("%\"></span></span></li>\n");
                }

                Raw("</ul>\n");
                var cited = story.Articles.Select(a => _numberOfArticle.GetValueOrDefault(a.Article.Id)).Where(n => n > 0).Distinct().Order().ToArray();
                if (cited.Length > 0)
                {
                    Raw("<p class=\"story-sources\">Sources ");
                    Citations(cited);
                    Raw("</p>\n");
                }

                Raw("</li>\n");
            }

            Raw("</ol>\n</section>\n");
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
                var others = article.AlsoPublishedBy.Select(c => c.Outlet)
                    .Where(o => !string.Equals(o, article.Outlet, StringComparison.Ordinal))
                    .Distinct(StringComparer.Ordinal)
                    .ToArray();
                if (others.Length > 0)
                {
                    Raw(" \u00b7 <span class=\"also\">also ").Text(string.Join(", ", others)).Raw("</span>");
                }

                Raw("</span></div></li>\n");
            }

            Raw("</ol>\n</section>\n");
        }

        private void Bullets(IReadOnlyList<SummaryBullet> bullets, string whenEmpty, string listClass)
        {
            if (bullets.Count == 0)
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

    private const string StyleSheet = """
        :root{--ink:#1b1f24;--muted:#4f5661;--paper:#f6f4ef;--card:#ffffff;--rule:#dcd8cf;--accent:#0b3d91;
        --c0:#4f5661;--c1:#1d4ed8;--c2:#b42318;--c3:#047857;--c4:#6d28d9;--c5:#a1480a;--c6:#0e7490;
        font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;
        color:var(--ink);background:var(--paper);line-height:1.5}
        *{box-sizing:border-box}
        body{margin:0}
        .wrap,main,footer{max-width:72rem;margin:0 auto;padding:0 1.25rem}
        a{color:var(--accent)}
        a:focus-visible{outline:3px solid #f5b700;outline-offset:2px;box-shadow:0 0 0 5px #101828;border-radius:3px}
        .skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5rem 1rem}
        .skip:focus{left:1rem;top:1rem;z-index:1}
        .masthead{background:#101828;color:#f9fafb;padding:2rem 0 1.25rem;border-bottom:6px solid #f5b700}
        .masthead a{color:#dbe7ff}
        .kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;color:#c7cdd6}
        h1{margin:.25rem 0 .25rem;font-size:clamp(1.9rem,4vw,3rem);line-height:1.1;font-family:Georgia,"Times New Roman",serif;overflow-wrap:anywhere}
        .lede{margin:0 0 1rem;color:#d0d5dd}
        .counts{list-style:none;margin:0 0 1rem;padding:0;display:flex;flex-wrap:wrap;gap:.6rem}
        .count{display:flex;align-items:center;gap:.5rem;background:#1d2939;border-radius:999px;padding:.35rem .9rem .35rem .45rem;border:1px solid #344054}
        .swatch{width:1.1rem;height:1.1rem;border-radius:50%;background:var(--side);flex:none;border:2px solid #f9fafb}
        .count-name{font-weight:600;overflow-wrap:anywhere}
        .count-figures{color:#d0d5dd;white-space:nowrap}
        .count-figures strong{color:#fff;font-size:1.1rem}
        .toc{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1.25rem;font-size:.95rem}
        .toc a{text-decoration:none;border-bottom:2px solid transparent}
        .toc a:hover{border-bottom-color:currentColor}
        .c0{--side:var(--c0)}.c1{--side:var(--c1)}.c2{--side:var(--c2)}.c3{--side:var(--c3)}.c4{--side:var(--c4)}.c5{--side:var(--c5)}.c6{--side:var(--c6)}
        h2{font-family:Georgia,"Times New Roman",serif;font-size:1.6rem;margin:2.25rem 0 .75rem;padding-bottom:.3rem;border-bottom:2px solid var(--ink)}
        h3{margin:0 0 .25rem;font-size:1.15rem;line-height:1.3;overflow-wrap:anywhere}
        .section-note{color:var(--muted);margin:-.25rem 0 1rem}
        .band{background:var(--card);border:1px solid var(--rule);border-radius:12px;padding:.25rem 1.5rem 1rem;margin-top:1.75rem}
        .band h2{border:0;margin-top:1rem}
        .highlights-list{font-size:1.1rem;padding-left:1.25rem}
        .highlights-list li,.side-list li{margin:.5rem 0;overflow-wrap:anywhere}
        .sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:1.25rem}
        .side{background:var(--card);border:1px solid var(--rule);border-top:6px solid var(--side);border-radius:10px;padding:1rem 1.25rem}
        .side h3{color:var(--side);font-size:1.3rem}
        .side-meta{margin:0 0 .5rem;color:var(--muted);font-size:.9rem}
        .side-list{padding-left:1.1rem;margin:0}
        .side-list li::marker{color:var(--side)}
        .empty{color:var(--muted);font-style:italic}
        .cites{display:inline-flex;flex-wrap:wrap;gap:.2rem;vertical-align:.1em}
        .cite{display:inline-block;min-width:1.5rem;padding:0 .35rem;border-radius:999px;background:#e6ecf8;color:#0b3d91;
        font-size:.75rem;font-weight:700;line-height:1.4rem;text-align:center;text-decoration:none}
        .cite:hover{background:#0b3d91;color:#fff}
        .cite.missing{background:#eee;color:var(--muted)}
        .stories{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
        .story{background:var(--card);border:1px solid var(--rule);border-left:6px solid #98a2b3;border-radius:10px;padding:.85rem 1.1rem;
        display:grid;grid-template-columns:minmax(0,1fr) minmax(14rem,22rem);gap:.4rem 1.5rem;align-items:start}
        .story.blindspot{border-left-color:#b54708;background:#fffaf0}
        .story-head{grid-column:1}
        .headline{font-size:1.05rem;font-weight:600}
        .badge{display:inline-block;margin:.25rem 0 0;padding:.1rem .6rem;border-radius:999px;background:#b54708;color:#fff;font-size:.8rem}
        .badge strong{text-transform:uppercase;letter-spacing:.05em;margin-right:.25rem}
        .coverage{grid-column:2;grid-row:1 / span 2;list-style:none;margin:0;padding:0;display:grid;gap:.35rem}
        .chip{display:grid;grid-template-columns:minmax(6rem,auto) 1fr;align-items:center;gap:.5rem;font-size:.85rem}
        .chip-label{overflow-wrap:anywhere}
        .chip.none .chip-label{color:var(--muted)}
        .bar{display:block;height:.65rem;background:#eaecf0;border-radius:999px;overflow:hidden}
        .bar span{display:block;height:100%;background:var(--side);border-radius:999px}
        .story-sources{grid-column:1;margin:0;color:var(--muted);font-size:.9rem}
        .sources{list-style:none;margin:0 0 2rem;padding:0;columns:2 30rem;column-gap:2rem}
        .source{display:flex;gap:.75rem;break-inside:avoid;padding:.55rem 0;border-bottom:1px solid var(--rule)}
        .source:target{background:#fff4c2;outline:2px solid #b54708;outline-offset:2px;border-radius:4px}
        .num{flex:none;min-width:2rem;height:2rem;border-radius:50%;background:var(--side);color:#fff;font-weight:700;
        display:flex;align-items:center;justify-content:center;font-size:.85rem}
        .source-body{min-width:0;overflow-wrap:anywhere}
        .title{display:block;font-weight:600;text-decoration-thickness:1px;text-underline-offset:.15em}
        .source-meta{display:block;font-size:.85rem;color:var(--muted)}
        .lang{display:inline-block;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.75rem;border:1px solid var(--rule);border-radius:4px;padding:0 .3rem}
        .side-tag{color:var(--side);font-weight:600}
        footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--rule);padding-top:1rem;padding-bottom:2rem}
        @media (max-width:700px){
        .masthead{padding-top:1.25rem}
        .story{grid-template-columns:1fr}
        .coverage,.story-sources{grid-column:1;grid-row:auto}
        .band{padding:.25rem 1rem .75rem}
        .sides{grid-template-columns:1fr}
        }
        @media print{.masthead{background:none;color:var(--ink)}.toc,.skip{display:none}}

        """;
}
