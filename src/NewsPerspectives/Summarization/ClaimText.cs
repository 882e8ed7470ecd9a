using System.Text.RegularExpressions;

namespace NewsPerspectives;

/// <summary>What a bullet claims, for the support check: its content words, names and numbers, as folded terms.</summary>
internal sealed class BulletClaims
{
    /// <summary>Folded content words, other than the topic's own names and numbers, distinct.</summary>
    public required IReadOnlyList<string> Words { get; init; }

    /// <summary>Names: as written, and their folded words (titles and the topic's names left out), each with at least one word.</summary>
    public required IReadOnlyList<(string Text, IReadOnlyList<string> Words)> Names { get; init; }

    /// <summary>Numbers as written in digits, normalised (thousands separators removed).</summary>
    public required IReadOnlyList<string> Numbers { get; init; }
}

/// <summary>The folded words and numbers of a source's text (headline, description, copies' headlines).</summary>
internal sealed class SourceText
{
    private readonly HashSet<string> _terms;
    private readonly HashSet<string> _prefixes;
    private readonly int _prefixLength;

    public SourceText(string text, int prefixLength)
    {
        _prefixLength = prefixLength;
        _terms = [.. ClaimText.Words(text).Select(ClaimText.Stem)];
        _prefixes = prefixLength > 0 ? [.. _terms.Where(t => t.Length >= prefixLength).Select(t => t[..prefixLength])] : [];
        Numbers = [.. ClaimText.Numbers(text, includeWords: true)];
    }

    public HashSet<string> Numbers { get; }

    /// <summary>True when the text has the (stemmed) term, or a term sharing its first letters.</summary>
    public bool Has(string term) =>
        _terms.Contains(term) || (_prefixLength > 0 && term.Length >= _prefixLength && _prefixes.Contains(term[.._prefixLength]));
}

/// <summary>Extracts names, numbers and content words from text, culture-invariantly.</summary>
internal static partial class ClaimText
{
    /// <summary>Words that make a name a title rather than a name ("Prime Minister Takaichi" is the name "Takaichi").</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "prime", "minister", "foreign", "defence", "defense", "secretary", "general", "chairman", "chairwoman",
        "chair", "leader", "premier", "chancellor", "king", "queen", "prince", "princess", "mr", "mrs", "ms", "dr", "sir",
        "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "ambassador", "envoy", "spokesperson",
        "spokesman", "spokeswoman", "chief", "vice", "deputy", "acting", "former", "admiral", "gen", "commander", "pm",
    };

    /// <summary>
    /// Words about the coverage rather than the news ("outlets emphasize", "the narrative", "reports highlight"), and
    /// prepositions and adverbs that carry no claim: a summary uses them to describe how sources speak or to link its
    /// claims, so they are not looked for in a source.
    /// </summary>
    private static readonly HashSet<string> CoverageWords = new(StringComparer.Ordinal)
    {
        "outlet", "source", "media", "press", "report", "reported", "reporting", "coverage", "cover", "covered", "perspective",
        "highlight", "highlighted", "highlighting", "emphasize", "emphasized", "emphasizing", "emphasise", "emphasised",
        "frame", "framed", "framing", "narrative", "portray", "portrayed", "portraying", "depict", "depicted", "note", "noted",
        "noting", "view", "viewed", "stance", "reflect", "reflecting", "reflected", "indicate", "indicating", "indicated",
        "suggest", "suggesting", "suggested", "underscore", "underscored", "underscoring", "discuss", "discussed",
        "discussion", "focus", "focused", "focusing", "article", "headline", "story", "news", "side",
        // Prepositions and adverbs the shared stop words leave in: sharing "near" says nothing about support.
        "near", "off", "across", "around", "before", "during", "since", "until", "within", "without", "toward", "towards",
        "among", "despite", "through", "further", "still", "again", "next", "last", "latest", "likely", "according",
        "amidst", "regarding", "including", "particularly", "ongoing", "recent", "recently", "potential", "continue",
        "continued", "continues", "remain", "remains", "both", "several", "various", "other", "others",
    };

    /// <summary>Suffixes stripped before words are compared (longest first), so "warning", "warns" and "warned" meet.</summary>
    private static readonly string[] Suffixes = ["ingly", "ations", "ation", "ments", "ment", "ings", "edly", "ing", "ers", "ied", "ies", "ed", "er", "es", "ly", "s"];

    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7",
        ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["twenty"] = "20",
        ["hundred"] = "100", ["thousand"] = "1000", ["dozen"] = "12", ["first"] = "1", ["second"] = "2", ["third"] = "3",
    };

    /// <summary>The topic's own names (side ids, names, aliases, the topic name) as folded terms: a bullet may always use them.</summary>
    public static HashSet<string> TopicTerms(TopicDefinition topic) => TopicNames.TopicTerms(topic);

    /// <summary>
    /// The folded words of a text: Spanish news words in English (a Spanish text, as headline matching reads it, see
    /// <see cref="HeadlineTerms"/>), stop words left out, demonyms and capitals onto their country.
    /// </summary>
    public static IEnumerable<string> Words(string text) =>
        HeadlineTerms.Terms(text, prefixLength: 0).Select(TopicNames.Fold).Distinct(StringComparer.Ordinal);

    /// <summary>The claims of a bullet.</summary>
    public static BulletClaims Claims(string text, HashSet<string> topicTerms)
    {
        var numbers = Numbers(text, includeWords: false).Distinct(StringComparer.Ordinal).ToArray();
        var words = Words(text)
            .Where(t => !topicTerms.Contains(t) && !t.All(char.IsAsciiDigit) && !CoverageWords.Contains(t))
            .Select(Stem)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new BulletClaims { Words = words, Names = Names(text, topicTerms), Numbers = numbers };
    }

    /// <summary>Numbers written in digits (thousands separators removed), and with <paramref name="includeWords"/> small numbers written as words.</summary>
    public static IEnumerable<string> Numbers(string text, bool includeWords)
    {
        foreach (Match m in Number().Matches(text))
        {
            var value = m.Value;
            // "23,000" and "1,250,000" are one number; "3.5" keeps its decimal point.
            yield return ThousandsSeparator().Replace(value, "");
        }

        if (!includeWords)
        {
            yield break;
        }

        foreach (Match m in Word().Matches(text))
        {
            if (NumberWords.TryGetValue(m.Value, out var digits))
            {
                yield return digits;
            }
        }
    }

    /// <summary>
    /// Names: maximal runs of capitalised words (or acronyms) that are not separated by punctuation. A run that starts
    /// a sentence (or follows ':' or ';') is a name only when it has two words or more after leading stop words, or is
    /// an acronym, since a capital there may only mark the sentence start.
    /// </summary>
    private static List<(string Text, IReadOnlyList<string> Words)> Names(string text, HashSet<string> topicTerms)
    {
        var words = Word().Matches(text).ToArray();
        var names = new List<(string, IReadOnlyList<string>)>();
        int i = 0;
        while (i < words.Length)
        {
            if (!IsCapitalised(words[i].Value))
            {
                i++;
                continue;
            }

            int start = i;
            int end = i + 1;
            while (end < words.Length && IsCapitalised(words[end].Value) && OnlySpaces(text, words[end - 1], words[end]))
            {
                end++;
            }

            i = end;
            var run = words[start..end].Select(w => w.Value).ToList();
            bool sentenceStart = start == 0 || StartsSentence(text, words[start - 1], words[start]);
            if (sentenceStart)
            {
                int leading = 0;
                while (leading < run.Count && TextTerms.IsStopWord(run[leading].ToLowerInvariant()))
                {
                    leading++;
                }

                run = run[leading..];
                if (run.Count == 0 || (leading == 0 && run.Count == 1 && !IsAcronym(run[0])))
                {
                    continue;
                }
            }

            var folded = run
                .Where(w => !Titles.Contains(w.TrimEnd('.')))
                .SelectMany(TopicNames.Terms)
                .Where(t => !topicTerms.Contains(t))
                .Select(Stem)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (folded.Length > 0)
            {
                names.Add((string.Join(' ', run), folded));
            }
        }

        return names;
    }

    /// <summary>A light suffix stripper for comparing words (the stem keeps at least four letters).</summary>
    public static string Stem(string term)
    {
        foreach (var suffix in Suffixes)
        {
            if (term.Length - suffix.Length >= 4 && term.EndsWith(suffix, StringComparison.Ordinal))
            {
                return term[..^suffix.Length];
            }
        }

        return term;
    }

    private static bool IsCapitalised(string word) => char.IsUpper(word[0]);

    private static bool IsAcronym(string word)
    {
        int letters = word.Count(char.IsLetter);
        return letters >= 2 && word.Where(char.IsLetter).All(char.IsUpper);
    }

    private static bool OnlySpaces(string text, Match previous, Match next)
    {
        for (int k = previous.Index + previous.Length; k < next.Index; k++)
        {
            if (text[k] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsSentence(string text, Match previous, Match next)
    {
        for (int k = previous.Index + previous.Length; k < next.Index; k++)
        {
            if (text[k] is '.' or '!' or '?' or ':' or ';' or '"' or '“' or '”' or '(' or '—' or '–' or '\n')
            {
                return true;
            }
        }

        // "U.S." ends in a period that belongs to the word.
        return previous.Value.EndsWith('.') && !IsAcronym(previous.Value);
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@",(?=\d{3}(?!\d))", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsSeparator();

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+(?:['’.\-&][\p{L}\p{M}\p{Nd}]+)*\.?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
