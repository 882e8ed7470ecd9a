using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsPerspectives;

/// <summary>The result of normalising one feed item: an article or the reason it was dropped.</summary>
public readonly record struct NormalizedItem(Article? Article, DroppedArticle? Dropped);

/// <summary>
/// Normalises raw feed items into articles: plain-text title, description and outlet name, Google News conventions
/// (the " - Outlet" suffix removed, the outlet from <c>&lt;source&gt;</c>), absolute http(s) links (the outlet's
/// <c>&lt;source url&gt;</c> too; spaces percent-encoded, never deleted),
/// UTC dates parsed culture-invariantly, the language tag and a stable id.
/// </summary>
public static class ArticleNormalizer
{
    private const int MinimumDescriptionLength = 20;

    /// <summary>Normalises one item.</summary>
    /// <param name="item">The raw item.</param>
    /// <param name="feed">The feed that found it.</param>
    /// <param name="read">The read result (language and base address).</param>
    /// <param name="position">The item's position in the feed.</param>
    /// <returns>The article, or the dropped record saying why not.</returns>
    public static NormalizedItem Normalize(FeedItem item, FeedDefinition feed, FeedReadResult read, int position)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(read);

        var rawTitle = HtmlText.ToPlainText(item.Title);
        var baseAddress = read.BaseAddress ?? (feed.Kind == FeedKind.File ? null : feed.Location);
        if (item.Problem is { } problem)
        {
            return Drop(DropReason.MalformedItem, problem, rawTitle.Length == 0 ? null : rawTitle, item.Link, feed);
        }

        var link = ResolveLink(item.Link, baseAddress);
        if (link is null)
        {
            return Drop(DropReason.InvalidLink, $"link '{Shorten(item.Link)}' is not an absolute http(s) URL", rawTitle, item.Link, feed);
        }

        if (rawTitle.Length == 0)
        {
            return Drop(DropReason.MissingTitle, "the item has no title", null, link, feed);
        }

        if (!FeedDateParser.TryParse(item.PublishedText, out var published))
        {
            var detail = string.IsNullOrWhiteSpace(item.PublishedText)
                ? "the item has no publication date"
                : $"unrecognised publication date '{Shorten(item.PublishedText)}'";
            return Drop(DropReason.InvalidDate, detail, rawTitle, link, feed);
        }

        var (title, outlet) = SplitOutlet(rawTitle, item.SourceName ?? PublisherName(read, link), link);
        if (title.Length == 0)
        {
            return Drop(DropReason.MissingTitle, "the title is only an outlet name", rawTitle, link, feed);
        }

        var article = new Article
        {
            Id = StableId(link),
            Title = title,
            Link = link,
            Description = CleanDescription(item.Description, title, outlet),
            Outlet = outlet,
            OutletUrl = ResolveLink(item.SourceUrl, baseAddress),
            Published = published,
            Language = LanguageTag(feed, read.Language),
            Feed = feed,
            FeedPosition = position,
        };
        return new NormalizedItem(article, null);
    }

    /// <summary>A stable id for a link: the first 16 hex digits of its SHA-256.</summary>
    /// <param name="link">The canonical link.</param>
    public static string StableId(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(link), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>Resolves a link against a base address; only absolute http and https results are accepted.</summary>
    /// <param name="link">The link as in the feed.</param>
    /// <param name="baseAddress">The feed's URL or channel link, for relative links.</param>
    /// <returns>The absolute link, or <see langword="null"/> when it is missing or unsafe.</returns>
    public static string? ResolveLink(string? link, string? baseAddress)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        var cleaned = SafeLinks.Clean(link);
        if (!Uri.TryCreate(cleaned, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            if (baseAddress is null || !Uri.TryCreate(baseAddress.Trim(), UriKind.Absolute, out var baseUri)
                || !Uri.TryCreate(baseUri, cleaned, out uri))
            {
                return null;
            }
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        return uri.AbsoluteUri;
    }

    /// <summary>Splits "Headline - Outlet" into headline and outlet (Google News convention).</summary>
    /// <param name="title">The plain-text title.</param>
    /// <param name="sourceName">The outlet named by <c>&lt;source&gt;</c>, if any.</param>
    /// <param name="link">The article link, whose host is the last resort for the outlet.</param>
    /// <returns>The headline and the outlet.</returns>
    public static (string Title, string Outlet) SplitOutlet(string title, string? sourceName, string link)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(link);
        var source = HtmlText.ToPlainText(sourceName);
        if (source.Length > 0)
        {
            foreach (var separator in (string[])[" - ", " – ", " — ", " | "])
            {
                var suffix = separator + source;
                if (title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return (title[..^suffix.Length].TrimEnd(), source);
                }
            }

            return (title, source);
        }

        var host = new Uri(link).Host;
        if (host.Equals("news.google.com", StringComparison.OrdinalIgnoreCase))
        {
            int at = title.LastIndexOf(" - ", StringComparison.Ordinal);
            if (at > 0 && at + 3 < title.Length)
            {
                return (title[..at].TrimEnd(), title[(at + 3)..].Trim());
            }
        }

        return (title, SiteHost(new Uri(link)));
    }

    /// <summary>A URL's host without a leading <c>www.</c>.</summary>
    private static string SiteHost(Uri uri) =>
        uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;

    /// <summary>
    /// A publisher's own feed (its channel link on the article's host) names the outlet in its title. The rule reads
    /// the channel's link, never the address the feed was fetched from, so a file and an HTTP read agree.
    /// </summary>
    private static string? PublisherName(FeedReadResult read, string link)
    {
        if (string.IsNullOrWhiteSpace(read.Title) || read.Link is null
            || !Uri.TryCreate(read.Link, UriKind.Absolute, out var channel))
        {
            return null;
        }

        var articleHost = SiteHost(new Uri(link));
        return string.Equals(SiteHost(channel), articleHost, StringComparison.OrdinalIgnoreCase)
            && !articleHost.Equals("news.google.com", StringComparison.OrdinalIgnoreCase)
            ? read.Title
            : null;
    }

    private static string CleanDescription(string? html, string title, string outlet)
    {
        var text = HtmlText.ToPlainText(html);
        if (text.StartsWith(title, StringComparison.OrdinalIgnoreCase))
        {
            text = text[title.Length..].TrimStart();
        }

        if (text.EndsWith(outlet, StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^outlet.Length].TrimEnd();
        }

        return text.Length < MinimumDescriptionLength ? "" : text;
    }

    /// <summary>The article's language tag: the feed's configured language and region (as the seed wrote them), else the channel's language.</summary>
    private static string? LanguageTag(FeedDefinition feed, string? channelLanguage)
    {
        if (!string.IsNullOrWhiteSpace(feed.Language))
        {
            var language = feed.Language.Trim().ToLowerInvariant();
            return string.IsNullOrWhiteSpace(feed.Region) ? language : $"{language}-{feed.Region.Trim().ToUpperInvariant()}";
        }

        if (string.IsNullOrWhiteSpace(channelLanguage))
        {
            return null;
        }

        var parts = channelLanguage.Trim().Replace('_', '-').Split('-', 2);
        var tag = parts[0].ToLowerInvariant();
        if (tag.Length is < 2 or > 3 || !tag.All(char.IsAsciiLetter))
        {
            return null;
        }

        return parts.Length == 2 && parts[1].Length == 2 ? $"{tag}-{parts[1].ToUpperInvariant()}" : tag;
    }

    private static NormalizedItem Drop(DropReason reason, string detail, string? title, string? link, FeedDefinition feed) =>
        new(null, new DroppedArticle { Reason = reason, Detail = detail, Title = title, Link = link, Feed = feed });

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
