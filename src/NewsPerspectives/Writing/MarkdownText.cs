using System.Text;
using System.Text.RegularExpressions;

namespace NewsPerspectives;

/// <summary>Escaping for text and link destinations inside Hugo Markdown (Goldmark).</summary>
public static partial class MarkdownText
{
    /// <summary>
    /// Escapes plain text for inline Markdown: backslash-escapes the characters that start emphasis, links,
    /// code, HTML, entities, strikethrough and Hugo shortcodes, so the text renders literally; also the characters
    /// that would let Goldmark's linkify turn a bare <c>https://…</c>, <c>www.…</c> or e-mail address into a link
    /// (the ':' of "://", "mailto:" and "tel:", the '.' of "www.", every '@'), since a link starting inside the text
    /// would swallow the backslash of a later escape and show it. Whitespace (newlines included) collapses to single
    /// spaces.
    /// </summary>
    /// <param name="text">Plain text.</param>
    /// <returns>Markdown that renders as <paramref name="text"/>.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = HtmlText.CollapseWhitespace(text);
        var builder = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '<' or '>' or '{' or '}' or '&' or '~' or '|' or '!' or '#' or '@'
                || (c == ':' && StartsAutolink(text, i))
                || (c == '.' && EndsWith(text, i, "www")))
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

    /// <summary>Whether the ':' at <paramref name="i"/> makes a scheme an autolink extension would link ("://", "mailto:", "tel:").</summary>
    private static bool StartsAutolink(string text, int i) =>
        text.AsSpan(i).StartsWith("://", StringComparison.Ordinal) || EndsWith(text, i, "mailto") || EndsWith(text, i, "tel");

    /// <summary>Whether <paramref name="word"/> (any case) ends just before <paramref name="i"/>.</summary>
    private static bool EndsWith(string text, int i, string word) =>
        i >= word.Length && text.AsSpan(i - word.Length, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

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

        var address = uri.AbsoluteUri;
        var builder = new StringBuilder(address.Length);
        for (int i = 0; i < address.Length; i++)
        {
            var c = address[i];
            builder.Append(c switch
            {
                // Markdown decodes entity references in a destination: "&#x3C;" would become '<', another address.
                '&' when EntityReference().IsMatch(address.AsSpan(i)) => "&amp;",
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

    [GeneratedRegex("^&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);", RegexOptions.CultureInvariant)]
    private static partial Regex EntityReference();
}
