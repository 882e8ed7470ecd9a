using System.Text;

namespace NewsPerspectives;

/// <summary>
/// Splits plain text into sentences: at blank lines and line breaks (paragraphs), and after <c>. ! ?</c> (and the
/// CJK full stops <c>。！？</c>) followed by white space and an upper-case letter, digit or quote, except after common
/// abbreviations ("Mr.", "U.S.", "Jan.") and single initials. Deterministic and culture-invariant.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov", "pres",
        "rev", "hon", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "mt", "ft", "approx", "est", "dept", "univ", "fig", "al",
    };

    /// <summary>The sentences of the text, trimmed, empty ones left out.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return sentences;
        }

        foreach (var paragraph in text.Split('\n'))
        {
            SplitParagraph(paragraph.Trim(), sentences);
        }

        return sentences;
    }

    private static void SplitParagraph(string paragraph, List<string> sentences)
    {
        if (paragraph.Length == 0)
        {
            return;
        }

        int start = 0;
        for (int i = 0; i < paragraph.Length; i++)
        {
            char c = paragraph[i];
            if (c is '。' or '！' or '？')
            {
                Add(paragraph, start, i + 1, sentences);
                start = i + 1;
                continue;
            }

            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            // Let closing quotes and brackets stay with the sentence they end.
            int end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '"' or '\'' or '”' or '’' or ')' or ']')
            {
                end++;
            }

            if (end >= paragraph.Length || !char.IsWhiteSpace(paragraph[end]))
            {
                continue;
            }

            int next = end;
            while (next < paragraph.Length && char.IsWhiteSpace(paragraph[next]))
            {
                next++;
            }

            if (next >= paragraph.Length)
            {
                break;
            }

            char following = paragraph[next];
            bool startsSentence = char.IsUpper(following) || char.IsDigit(following) || following is '"' or '“' or '‘' or '\'' or '(';
            if (!startsSentence || (c == '.' && IsAbbreviation(paragraph, i)))
            {
                continue;
            }

            Add(paragraph, start, end, sentences);
            start = next;
            i = next - 1;
        }

        Add(paragraph, start, paragraph.Length, sentences);
    }

    /// <summary>True when the word before the period at <paramref name="dot"/> is an abbreviation or an initial.</summary>
    private static bool IsAbbreviation(string text, int dot)
    {
        int begin = dot;
        while (begin > 0 && (char.IsLetter(text[begin - 1]) || text[begin - 1] == '.'))
        {
            begin--;
        }

        var word = text.AsSpan(begin, dot - begin);
        if (word.Length == 0)
        {
            return false;
        }

        // "U.S." / "U.N." (dotted initials) and single initials ("George W. Bush").
        if (word.Length == 1 && char.IsUpper(word[0]) || word.Contains('.'))
        {
            return true;
        }

        return Abbreviations.Contains(word.ToString());
    }

    private static void Add(string text, int start, int end, List<string> sentences)
    {
        if (end <= start)
        {
            return;
        }

        var sentence = Collapse(text.AsSpan(start, end - start));
        if (sentence.Length > 0)
        {
            sentences.Add(sentence);
        }
    }

    private static string Collapse(ReadOnlySpan<char> span)
    {
        var builder = new StringBuilder(span.Length);
        bool space = false;
        foreach (var c in span.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
