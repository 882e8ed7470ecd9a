namespace NewsPerspectives;

/// <summary>The one scheme check behind every link a writer emits.</summary>
internal static class SafeLinks
{
    /// <summary>
    /// Cleans a link as a browser's URL parser does (WHATWG URL): white space and control characters trimmed from
    /// both ends, ASCII tabs and newlines removed anywhere (so <c>java&#9;script:</c> is still seen as
    /// <c>javascript:</c>). Other characters stay, to be percent-encoded by <see cref="Uri"/>: a space inside a link is
    /// part of its address, and deleting it would point at another page.
    /// </summary>
    /// <param name="url">The link as read.</param>
    public static string Clean(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        int start = 0, end = url.Length;
        while (start < end && IsTrimmed(url[start]))
        {
            start++;
        }

        while (end > start && IsTrimmed(url[end - 1]))
        {
            end--;
        }

        var kept = url.AsSpan(start, end - start);
        return kept.IndexOfAny('\t', '\n', '\r') < 0
            ? kept.ToString()
            : string.Concat(kept.ToString().Where(c => c is not ('\t' or '\n' or '\r')));
    }

    private static bool IsTrimmed(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    /// <summary>
    /// Parses a link after <see cref="Clean"/>, accepting only absolute http and https URLs (and mailto when
    /// <paramref name="allowMailto"/>).
    /// </summary>
    /// <param name="url">The link as read from a feed.</param>
    /// <param name="allowMailto">Accept mailto links too.</param>
    /// <returns>The parsed link, or <see langword="null"/> when its scheme is not allowed or it is not absolute.</returns>
    public static Uri? Parse(string url, bool allowMailto)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(Clean(url), UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || (allowMailto && uri.Scheme == Uri.UriSchemeMailto)
            ? uri
            : null;
    }
}
