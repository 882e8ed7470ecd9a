using System.Text;

namespace NewsPerspectives;

/// <summary>Escaping for text and link destinations inside Hugo Markdown (Goldmark).</summary>
public static class MarkdownText
{
    /// <summary>
    /// Escapes plain text for inline Markdown: backslash-escapes the characters that start emphasis, links,
    /// code, HTML, entities, strikethrough and Hugo shortcodes, so the text renders literally.
    /// Whitespace (newlines included) collapses to single spaces.
    /// </summary>
    /// <param name="text">Plain text.</param>
    /// <returns>Markdown that renders as <paramref name="text"/>.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = HtmlText.CollapseWhitespace(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '<' or '>' or '{' or '}' or '&' or '~' or '|' or '!' or '#')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        // A line-leading marker would make a heading, list or quote; the escapes above cover '#' and '>', add '-', '+', '=' and "1.".
        if (builder.Length > 0 && builder[0] is '-' or '+' or '=')
        {
            builder.Insert(0, '\\');
        }
        else
        {
            int digits = 0;
            while (digits < builder.Length && char.IsAsciiDigit(builder[digits]))
            {
                digits++;
            }

            if (digits > 0 && digits < builder.Length && builder[digits] is '.' or ')')
            {
                builder.Insert(digits, '\\');
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Makes a link destination safe: only http, https and mailto are allowed (after trimming white space and control
    /// characters and removing tabs and newlines, as browsers do); spaces, parentheses and angle brackets are
    /// percent-encoded, so the link keeps pointing at the same page.
    /// </summary>
    /// <param name="url">The URL.</param>
    /// <returns>The destination, or <see langword="null"/> when the scheme is not allowed.</returns>
    public static string? SafeUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (SafeLinks.Parse(url, allowMailto: true) is not { } uri)
        {
            return null;
        }

        var builder = new StringBuilder(uri.AbsoluteUri.Length);
        foreach (var c in uri.AbsoluteUri)
        {
            builder.Append(c switch
            {
                '(' => "%28",
                ')' => "%29",
                ' ' => "%20",
                '<' => "%3C",
                '>' => "%3E",
                '\\' => "%5C",
                '`' => "%60",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
