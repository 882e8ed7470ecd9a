namespace NewsPerspectives;

/// <summary>
/// Finds the document type declaration the way an XML parser does: only in the prolog, after the XML declaration,
/// comments, processing instructions and white space, with quoted literals and the internal subset skipped as
/// units. A "&lt;!DOCTYPE" inside a comment, a literal or a processing instruction is not the declaration.
/// </summary>
internal static class XmlProlog
{
    private const string DoctypeStart = "<!DOCTYPE";

    /// <summary>Removes the DOCTYPE declaration, if the prolog has one; otherwise returns the text unchanged.</summary>
    /// <remarks>
    /// A declaration this scan cannot delimit (unterminated) is left in place; the pre-pass that follows prohibits
    /// DTDs, so such a document fails as malformed instead of reaching a DTD-processing parser.
    /// </remarks>
    public static string RemoveDoctype(string text)
    {
        int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (At(text, i, "<?"))
            {
                i = After(text, i + 2, "?>");
            }
            else if (At(text, i, "<!--"))
            {
                i = After(text, i + 4, "-->");
            }
            else if (At(text, i, DoctypeStart))
            {
                int end = DoctypeEnd(text, i + DoctypeStart.Length);
                return end < 0 ? text : string.Concat(text.AsSpan(0, i), text.AsSpan(end));
            }
            else
            {
                return text; // The root element (or something malformed) starts here: there is no DOCTYPE.
            }

            if (i < 0)
            {
                return text;
            }
        }
    }

    /// <summary>The index just after the declaration's closing '&gt;', or -1 when it is unterminated.</summary>
    private static int DoctypeEnd(string text, int i)
    {
        while (i >= 0 && i < text.Length)
        {
            switch (text[i])
            {
                case '"' or '\'':
                    i = After(text, i + 1, text[i].ToString());
                    break;
                case '[':
                    i = InternalSubsetEnd(text, i + 1);
                    break;
                case '>':
                    return i + 1;
                default:
                    i++;
                    break;
            }
        }

        return -1;
    }

    /// <summary>The index just after the internal subset's closing ']', skipping literals, comments and processing instructions.</summary>
    private static int InternalSubsetEnd(string text, int i)
    {
        while (i >= 0 && i < text.Length)
        {
            if (At(text, i, "<!--"))
            {
                i = After(text, i + 4, "-->");
            }
            else if (At(text, i, "<?"))
            {
                i = After(text, i + 2, "?>");
            }
            else if (text[i] is '"' or '\'')
            {
                i = After(text, i + 1, text[i].ToString());
            }
            else if (text[i] == ']')
            {
                return i + 1;
            }
            else
            {
                i++;
            }
        }

        return -1;
    }

    private static bool At(string text, int i, string token) =>
        i >= 0 && text.AsSpan(i).StartsWith(token, StringComparison.Ordinal);

    /// <summary>The index just after the next <paramref name="terminator"/> at or after <paramref name="i"/>, or -1.</summary>
    private static int After(string text, int i, string terminator)
    {
        int at = i > text.Length ? -1 : text.IndexOf(terminator, i, StringComparison.Ordinal);
        return at < 0 ? -1 : at + terminator.Length;
    }
}
