using System.Globalization;
using System.Text;

namespace NewsPerspectives;

/// <summary>
/// The terms two headlines are compared on when matching stories: the words of <see cref="TextTerms"/> (lowercase,
/// no diacritics, no stop words; character bigrams for Chinese, Japanese and Korean), Spanish news words put into
/// English first, then each word cut to its first few letters.
/// </summary>
/// <remarks>
/// <para>
/// Cutting words to a fixed prefix is the language-light stemmer of cross-language retrieval (McNamee and Mayfield,
/// "Character N-Gram Tokenization for European Language Text Retrieval", 2004): "stabbing"/"stabbed",
/// "Japan"/"Japanese", "intercepta"/"intercepts" meet without a stemmer per language. Numbers stay whole.
/// </para>
/// <para>
/// The Spanish glossary (<c>spanish-english-news.tsv</c>, embedded) holds the Spanish content words that occur at
/// least three times in the replaced system's Spanish headlines (outside the held-out validation posts), proper names
/// and function words left out, each with its English news equivalent; <c>tools/stories/spanish_glossary_words.py</c>
/// lists them. A headline is taken as Spanish when it has at least two Spanish function words.
/// </para>
/// </remarks>
internal static class HeadlineTerms
{
    /// <summary>The default prefix length: terms are cut to this many letters.</summary>
    public const int DefaultPrefixLength = 5;

    private static readonly HashSet<string> SpanishMarkers = new(StringComparer.Ordinal)
    {
        "el", "la", "los", "las", "un", "una", "de", "del", "y", "que", "en", "por", "para", "con", "se", "su", "al", "es", "lo",
        "como", "mas", "tras", "sobre",
    };

    private static readonly Lazy<Dictionary<string, string>> Glossary = new(LoadGlossary, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The distinct terms of a headline, in first-seen order.</summary>
    /// <param name="text">The headline.</param>
    /// <param name="prefixLength">Letters kept of each word (numbers and CJK bigrams are kept whole); 0 keeps whole words.</param>
    public static IReadOnlyList<string> Terms(string text, int prefixLength = DefaultPrefixLength)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var term in TextTerms.Enumerate(IsSpanish(text) ? ToEnglish(text) : text))
        {
            var key = Cut(term, prefixLength);
            if (seen.Add(key))
            {
                result.Add(key);
            }
        }

        return result;
    }

    /// <summary>True when the text has at least two Spanish function words.</summary>
    public static bool IsSpanish(string text)
    {
        int markers = 0;
        foreach (var word in Words(text))
        {
            if (SpanishMarkers.Contains(Fold(word)) && ++markers >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static string Cut(string term, int prefixLength)
    {
        if (prefixLength <= 0 || term.Length <= prefixLength || term.All(char.IsAsciiDigit) || TextTerms.IsCjk(Rune.GetRuneAt(term, 0)))
        {
            return term;
        }

        // Never split a surrogate pair.
        int cut = char.IsHighSurrogate(term[prefixLength - 1]) ? prefixLength + 1 : prefixLength;
        return term[..cut];
    }

    /// <summary>The text with every glossary word replaced by its English equivalent; other text unchanged.</summary>
    private static string ToEnglish(string text)
    {
        var glossary = Glossary.Value;
        var builder = new StringBuilder(text.Length + 16);
        int last = 0;
        foreach (var (start, length) in WordSpans(text))
        {
            if (glossary.TryGetValue(Fold(text.Substring(start, length)), out var english))
            {
                builder.Append(text, last, start - last).Append(english);
                last = start + length;
            }
        }

        return builder.Append(text, last, text.Length - last).ToString();
    }

    private static IEnumerable<string> Words(string text)
    {
        foreach (var (start, length) in WordSpans(text))
        {
            yield return text.Substring(start, length);
        }
    }

    private static IEnumerable<(int Start, int Length)> WordSpans(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    /// <summary>Lowercase without diacritics.</summary>
    private static string Fold(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.All(char.IsAscii))
        {
            return lower;
        }

        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static Dictionary<string, string> LoadGlossary()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = typeof(HeadlineTerms).Assembly.GetManifestResourceStream("NewsPerspectives.Stories.spanish-english-news.tsv")
            ?? throw new InvalidOperationException("the embedded Spanish glossary is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                map[line[..tab]] = line[(tab + 1)..];
            }
        }

        return map;
    }
}
