using System.Globalization;
using System.Text;

namespace NewsPerspectives;

/// <summary>
/// Language-light term extraction: lowercase word tokens without stop words for space-separated scripts,
/// character bigrams for Chinese, Japanese and Korean runs (which have no spaces).
/// </summary>
internal static class TextTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have", "he", "her", "his",
        "in", "into", "is", "it", "its", "of", "on", "or", "over", "says", "said", "say", "she", "that", "the", "their",
        "them", "they", "this", "to", "was", "were", "will", "with", "after", "amid", "about", "against", "than", "then",
        "what", "when", "who", "why", "how", "not", "no", "new", "more", "up", "out", "can", "could", "would", "should",
        "may", "might", "we", "you", "our", "your", "i", "us", "all", "also", "any", "some", "just", "set", "as", "if",
        "so", "do", "does", "did", "one", "two", "first", "being", "between", "under", "while", "where", "which", "there",
        "these", "those", "other", "such", "via", "vs", "per", "s", "de", "news",
        // Spanish
        "el", "la", "los", "las", "un", "una", "unos", "unas", "y", "o", "en", "con", "por", "para", "del", "al", "se",
        "su", "sus", "que", "es", "lo", "le", "les", "como", "más", "mas", "sobre", "tras", "ante", "entre", "sin", "ya",
        "ha", "han", "fue", "son", "está", "este", "esta", "estos", "estas", "pero", "muy", "hay", "ser",
    };

    /// <summary>True when the lower-case word is a stop word (English or Spanish function words and a few news words).</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>Distinct terms of the text, in first-seen order.</summary>
    public static IReadOnlyList<string> Distinct(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var term in Enumerate(text))
        {
            if (seen.Add(term))
            {
                result.Add(term);
            }
        }

        return result;
    }

    /// <summary>All terms of the text, in order.</summary>
    public static IEnumerable<string> Enumerate(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        // The flushes are only called when there is something to flush: no iterator per character.
        var word = new StringBuilder();
        var cjk = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                if (word.Length > 0)
                {
                    foreach (var term in FlushWord(word))
                    {
                        yield return term;
                    }
                }

                Append(cjk, rune);
                continue;
            }

            if (cjk.Length > 0)
            {
                foreach (var term in FlushCjk(cjk))
                {
                    yield return term;
                }
            }

            if (Rune.IsLetterOrDigit(rune))
            {
                Append(word, Rune.ToLowerInvariant(rune));
            }
            else if (word.Length > 0)
            {
                // A separator; after an apostrophe this drops the possessive ("Japan's" -> "japan").
                foreach (var term in FlushWord(word))
                {
                    yield return term;
                }
            }
        }

        foreach (var term in FlushWord(word))
        {
            yield return term;
        }

        foreach (var term in FlushCjk(cjk))
        {
            yield return term;
        }
    }

    private static void Append(StringBuilder builder, Rune rune)
    {
        if (rune.IsBmp)
        {
            builder.Append((char)rune.Value);
        }
        else
        {
            builder.Append(rune.ToString());
        }
    }

    private static IEnumerable<string> FlushWord(StringBuilder word)
    {
        if (word.Length == 0)
        {
            yield break;
        }

        var token = RemoveDiacritics(word.ToString());
        word.Clear();
        if (token.Length < 2 || StopWords.Contains(token) || token.All(char.IsAsciiDigit) && token.Length < 3)
        {
            yield break;
        }

        yield return Stem(token);
    }

    private static IEnumerable<string> FlushCjk(StringBuilder cjk)
    {
        if (cjk.Length == 0)
        {
            yield break;
        }

        var runes = cjk.ToString().EnumerateRunes().Select(r => r.ToString()).ToArray();
        cjk.Clear();
        if (runes.Length == 1)
        {
            yield return runes[0];
            yield break;
        }

        for (int i = 0; i + 1 < runes.Length; i++)
        {
            yield return runes[i] + runes[i + 1];
        }
    }

    /// <summary>A very light stemmer: plural "s"/"es"/"ies" for longer words.</summary>
    private static string Stem(string token)
    {
        if (token.Length > 4 && token.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(token.AsSpan(0, token.Length - 3), "y");
        }

        if (token.Length > 4 && token.EndsWith('s') && !token.EndsWith("ss", StringComparison.Ordinal) && !token.EndsWith("us", StringComparison.Ordinal))
        {
            return token[..^1];
        }

        return token;
    }

    private static string RemoveDiacritics(string token)
    {
        if (token.All(char.IsAscii))
        {
            return token;
        }

        var decomposed = token.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True for Han, Hiragana, Katakana and Hangul code points.</summary>
    public static bool IsCjk(Rune rune)
    {
        int v = rune.Value;
        return v is >= 0x4E00 and <= 0x9FFF      // CJK unified ideographs
            or >= 0x3400 and <= 0x4DBF           // extension A
            or >= 0x3040 and <= 0x30FF           // hiragana, katakana
            or >= 0xAC00 and <= 0xD7AF           // hangul syllables
            or >= 0xF900 and <= 0xFAFF           // compatibility ideographs
            or >= 0x20000 and <= 0x2FA1F;        // extensions B+
    }
}
