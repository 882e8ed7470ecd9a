using System.Globalization;
using System.Net;
using System.Text;

namespace NewsPerspectives;

/// <summary>
/// Real feeds use HTML named character references (<c>&amp;nbsp;</c>, <c>&amp;eacute;</c>, <c>&amp;mdash;</c>) that XML
/// does not define; with DTDs ignored they would make the whole document malformed. This rewrites the HTML 4 names
/// (outside CDATA sections and comments) as numeric references, which every XML parser accepts. XML's own five names
/// and unknown names are left alone, so an undeclared entity (such as a billion-laughs chain) is still an error.
/// </summary>
internal static class HtmlEntityReferences
{
    private const int MaxNameLength = 32;

    public static string ToNumeric(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        StringBuilder? result = null;
        int copied = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '<' && Skip(text, i, "<![CDATA[", "]]>") is int afterCdata)
            {
                i = afterCdata;
                continue;
            }

            if (c == '<' && Skip(text, i, "<!--", "-->") is int afterComment)
            {
                i = afterComment;
                continue;
            }

            if (c == '&' && Replacement(text, i, out int end) is { } numeric)
            {
                result ??= new StringBuilder(text.Length + 64);
                result.Append(text, copied, i - copied).Append(numeric);
                copied = end;
                i = end;
                continue;
            }

            i++;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private static int? Skip(string text, int at, string open, string close)
    {
        if (string.CompareOrdinal(text, at, open, 0, open.Length) != 0)
        {
            return null;
        }

        int end = text.IndexOf(close, at + open.Length, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + close.Length;
    }

    private static string? Replacement(string text, int amp, out int end)
    {
        end = amp;
        int limit = Math.Min(text.Length, amp + 2 + MaxNameLength);
        int semi = -1;
        for (int j = amp + 1; j < limit; j++)
        {
            if (text[j] == ';')
            {
                semi = j;
                break;
            }

            if (!char.IsAsciiLetterOrDigit(text[j]))
            {
                return null;
            }
        }

        if (semi <= amp + 1 || !char.IsAsciiLetter(text[amp + 1]))
        {
            return null;
        }

        var name = text.AsSpan(amp + 1, semi - amp - 1);
        if (name is "amp" or "lt" or "gt" or "quot" or "apos")
        {
            return null;
        }

        var reference = text.Substring(amp, semi - amp + 1);
        var decoded = WebUtility.HtmlDecode(reference);
        if (decoded == reference || decoded.Length == 0 || decoded.Length > 2 || (decoded.Length == 2 && !char.IsSurrogatePair(decoded, 0)))
        {
            return null;
        }

        end = semi + 1;
        return string.Create(CultureInfo.InvariantCulture, $"&#x{char.ConvertToUtf32(decoded, 0):X};");
    }
}
