using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsPerspectives;

/// <summary>Reduces HTML (or text with entities) to plain text with AngleSharp: tags dropped, entities decoded, script and style removed, whitespace collapsed.</summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "li", "div", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "blockquote", "section", "article", "table", "hr", "dd", "dt",
    };

    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head", "title",
    };

    /// <summary>Converts HTML to plain text.</summary>
    /// <param name="html">The HTML, or plain text; <see langword="null"/> gives an empty string.</param>
    /// <returns>Plain text on one line, whitespace collapsed, control characters removed.</returns>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return CollapseWhitespace(html);
        }

        var document = Parser.ParseDocument(html);
        var builder = new StringBuilder(html.Length);
        if (document.Body is { } body)
        {
            Append(body, builder);
        }

        return CollapseWhitespace(builder.ToString());
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element when SkippedElements.Contains(element.LocalName):
                    break;
                case IElement element:
                    bool block = BlockElements.Contains(element.LocalName);
                    if (block)
                    {
                        builder.Append(' ');
                    }

                    Append(element, builder);
                    if (block)
                    {
                        builder.Append(' ');
                    }

                    break;
            }
        }
    }

    /// <summary>Collapses runs of whitespace (including NBSP, line and paragraph separators) to one space and drops control characters.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cleaned text, trimmed.</returns>
    public static string CollapseWhitespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u2028' or '\u2029' or '\u200B' or '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c) || c == '\uFFFE' || c == '\uFFFF')
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
