namespace NewsPerspectives;

/// <summary>The one scheme check behind every link a writer emits.</summary>
internal static class SafeLinks
{
    /// <summary>
    /// Parses a link after stripping whitespace and control characters, accepting only absolute http and https
    /// URLs (and mailto when <paramref name="allowMailto"/>).
    /// </summary>
    /// <param name="url">The link as read from a feed.</param>
    /// <param name="allowMailto">Accept mailto links too.</param>
    /// <returns>The parsed link, or <see langword="null"/> when its scheme is not allowed or it is not absolute.</returns>
    public static Uri? Parse(string url, bool allowMailto)
    {
        ArgumentNullException.ThrowIfNull(url);
        var cleaned = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        if (!Uri.TryCreate(cleaned, UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || (allowMailto && uri.Scheme == Uri.UriSchemeMailto)
            ? uri
            : null;
    }
}
