using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsPerspectives;

/// <summary>
/// Finds terms (names, aliases, keywords) in a text. Words match whole tokens, case- and accent-insensitively;
/// a trailing <c>*</c> matches any ending (<c>venezolan*</c>); a short all-capital term (<c>US</c>, <c>PLA</c>)
/// matches only in capitals so that "us" and "raw" do not count; multi-word terms match consecutive tokens;
/// Chinese, Japanese and Korean terms match as substrings. <c>U.S.</c>, <c>EE.UU.</c> and <c>EE. UU.</c> read as
/// <c>US</c> / <c>EEUU</c>; <c>US$</c> is a currency, not the country.
/// </summary>
internal sealed partial class TextForMatching
{
    [GeneratedRegex(@"[\p{L}\p{Mn}\p{Nd}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    public TextForMatching(string text, string? language)
    {
        Raw = text;
        Language = language;
        var prepared = text
            .Replace("US$", "USD ", StringComparison.Ordinal)
            .Replace("U.S.", "US", StringComparison.Ordinal)
            .Replace("U.S", "US", StringComparison.Ordinal)
            .Replace("EE. UU.", "EEUU", StringComparison.Ordinal)
            .Replace("EE.UU.", "EEUU", StringComparison.Ordinal)
            .Replace("EE.UU", "EEUU", StringComparison.Ordinal)
            .Replace("EE UU", "EEUU", StringComparison.Ordinal)
            .Replace("U.K.", "UK", StringComparison.Ordinal);
        var tokens = Token().Matches(prepared).Select(m => m.Value).ToArray();
        Tokens = tokens;
        Folded = tokens.Select(Fold).ToArray();
    }

    public string Raw { get; }

    public string? Language { get; }

    public IReadOnlyList<string> Tokens { get; }

    public IReadOnlyList<string> Folded { get; }

    /// <summary>The distinct tokens, for whole-word lookups.</summary>
    public HashSet<string> TokenSet => _tokenSet ??= new HashSet<string>(Tokens, StringComparer.Ordinal);

    /// <summary>The distinct folded tokens, for whole-word lookups.</summary>
    public HashSet<string> FoldedSet => _foldedSet ??= new HashSet<string>(Folded, StringComparer.Ordinal);

    /// <summary>Whether the text has Chinese, Japanese or Korean characters (which terms match as substrings).</summary>
    public bool HasCjk => _hasCjk ??= Raw.EnumerateRunes().Any(TextTerms.IsCjk);

    private HashSet<string>? _tokenSet;
    private HashSet<string>? _foldedSet;
    private bool? _hasCjk;

    /// <summary>Lowercase without accents.</summary>
    public static string Fold(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}

/// <summary>One compiled term; see <see cref="TextForMatching"/> for the rules.</summary>
internal sealed partial class Term
{
    private static readonly HashSet<string> RegionQualifiers = new(StringComparer.Ordinal) { "latin", "south", "central" };

    private readonly string[] _words;
    private readonly string? _cjk;
    private readonly bool _caseSensitive;
    private readonly string? _language;

    [GeneratedRegex(@"[\p{L}\p{Mn}\p{Nd}]+\*?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public Term(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text.Trim();
        var body = Text;
        if (body.Length > 3 && body[2] == ':' && char.IsAsciiLetterLower(body[0]) && char.IsAsciiLetterLower(body[1]))
        {
            _language = body[..2];
            body = body[3..];
        }

        if (body.EnumerateRunes().Any(TextTerms.IsCjk))
        {
            _cjk = body;
            _words = [];
            return;
        }

        var normalized = body.Replace("U.S.", "US", StringComparison.Ordinal).Replace("EE.UU.", "EEUU", StringComparison.Ordinal);
        var letters = normalized.Where(char.IsLetter).ToArray();
        _caseSensitive = letters.Length is > 0 and <= 5 && letters.All(char.IsUpper) && !normalized.Contains(' ', StringComparison.Ordinal);
        _words = Word().Matches(normalized).Select(m => _caseSensitive ? m.Value : TextForMatching.Fold(m.Value)).ToArray();
    }

    /// <summary>The term as configured.</summary>
    public string Text { get; }

    /// <summary>False when the term has nothing to match (e.g. only punctuation).</summary>
    public bool IsUsable => _cjk is not null || _words.Length > 0;

    /// <summary>Whether the term matches inside the raw text (Chinese, Japanese, Korean) rather than on tokens.</summary>
    internal bool IsCjk => _cjk is not null;

    /// <summary>The words to match, folded unless <see cref="IsCaseSensitive"/>; a trailing <c>*</c> matches any ending.</summary>
    internal IReadOnlyList<string> Words => _words;

    /// <summary>Whether the term matches only in capitals.</summary>
    internal bool IsCaseSensitive => _caseSensitive;

    /// <summary>Whether the term matches at token <paramref name="index"/> of the text (language, words and the "Latin America" rule).</summary>
    internal bool MatchesAtToken(TextForMatching text, int index)
    {
        if (_cjk is not null || (_language is not null && (text.Language is null || !text.Language.StartsWith(_language, StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }

        var tokens = _caseSensitive ? text.Tokens : text.Folded;
        return index + _words.Length <= tokens.Count && MatchesAt(tokens, index) && !IsRegionOfAmerica(text.Folded, index);
    }

    public bool IsFoundIn(TextForMatching text)
    {
        if (_language is not null && (text.Language is null || !text.Language.StartsWith(_language, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (_cjk is not null)
        {
            return text.Raw.Contains(_cjk, StringComparison.Ordinal);
        }

        if (_words.Length == 1 && !_words[0].EndsWith('*') && !_words[0].StartsWith("america", StringComparison.Ordinal))
        {
            return (_caseSensitive ? text.TokenSet : text.FoldedSet).Contains(_words[0]);
        }

        var tokens = _caseSensitive ? text.Tokens : text.Folded;
        for (int i = 0; i + _words.Length <= tokens.Count; i++)
        {
            if (MatchesAt(tokens, i) && !IsRegionOfAmerica(text.Folded, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The token ranges (first index, last index) where the term matches; empty for Chinese, Japanese and Korean
    /// terms, which match inside the raw text rather than on tokens.
    /// </summary>
    public IEnumerable<(int First, int Last)> TokenSpansIn(TextForMatching text)
    {
        if (_cjk is not null || (_language is not null && (text.Language is null || !text.Language.StartsWith(_language, StringComparison.OrdinalIgnoreCase))))
        {
            yield break;
        }

        var tokens = _caseSensitive ? text.Tokens : text.Folded;
        for (int i = 0; i + _words.Length <= tokens.Count; i++)
        {
            if (MatchesAt(tokens, i) && !IsRegionOfAmerica(text.Folded, i))
            {
                yield return (i, i + _words.Length - 1);
            }
        }
    }

    private bool MatchesAt(IReadOnlyList<string> tokens, int start)
    {
        for (int j = 0; j < _words.Length; j++)
        {
            var word = _words[j];
            var token = tokens[start + j];
            bool ok = word.EndsWith('*')
                ? token.StartsWith(word.AsSpan(0, word.Length - 1), StringComparison.Ordinal)
                : string.Equals(token, word, StringComparison.Ordinal);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    // "Latin America", "South American": not the United States.
    private bool IsRegionOfAmerica(IReadOnlyList<string> folded, int start) =>
        start > 0 && _words[0].StartsWith("america", StringComparison.Ordinal) && RegionQualifiers.Contains(folded[start - 1]);

    /// <summary>Compiles terms, skipping unusable ones and duplicates.</summary>
    public static Term[] Compile(IEnumerable<string> terms) =>
        terms.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).Select(t => new Term(t)).Where(t => t.IsUsable).ToArray();
}
