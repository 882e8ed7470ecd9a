using System.Globalization;
using System.Runtime.CompilerServices;

namespace NewsPerspectives;

/// <summary>
/// Checks that sources support a bullet: its names (capitalised words and acronyms), its numbers and enough of its
/// content words are found in the sources' text (headline, description, outlet, the headlines of collapsed copies).
/// Words are compared folded (case, diacritics, common suffixes, demonyms such as Chinese → China, a shared prefix, see
/// <see cref="SupportCheckOptions.PrefixLength"/>); the topic's own names always count as found, and words about the
/// coverage itself ("outlets", "emphasize", "narrative") are not claims to look for.
/// </summary>
/// <remarks>
/// Given the cited sources it says which support the bullet; given candidate sources (all listed sources, or a side's)
/// it attributes an uncited bullet to the ones that support it. It is lexical: it catches a name, a number or a
/// subject that none of the sources has, not a claim that twists what a source says.
/// </remarks>
public sealed class SupportCheck
{
    private readonly SupportCheckOptions _options;
    private readonly ConditionalWeakTable<DigestSource, SourceText> _sourceTexts = [];
    private readonly ConditionalWeakTable<TopicDefinition, HashSet<string>> _topicTerms = [];

    /// <summary>Creates the check.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public SupportCheck(SupportCheckOptions? options = null)
    {
        _options = options ?? new SupportCheckOptions();
        _options.Validate();
    }

    /// <summary>The options.</summary>
    public SupportCheckOptions Options => _options;

    /// <summary>Checks which of the given sources support the bullet, and whether together they support all of it.</summary>
    /// <param name="text">The bullet's text.</param>
    /// <param name="sources">The cited sources (to check citations) or the candidates (to attribute an uncited bullet).</param>
    /// <param name="topic">The topic, whose own names always count as found.</param>
    /// <returns>The verdict. With <see cref="SupportCheckOptions.Enabled"/> off, every source supports every bullet.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SupportVerdict Check(string text, IReadOnlyList<DigestSource> sources, TopicDefinition topic)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(topic);
        var numbers = sources.Select(s => s.Number).Distinct().Order().ToArray();
        if (!_options.Enabled)
        {
            return new SupportVerdict
            {
                IsSupported = numbers.Length > 0, Supporting = numbers, Unsupporting = [], MissingNames = [], MissingNumbers = [],
                ContentShare = 1, Reason = numbers.Length > 0 ? "" : "no source to check",
            };
        }

        var topicTerms = _topicTerms.GetValue(topic, ClaimText.TopicTerms);
        var claims = ClaimText.Claims(text, topicTerms);
        var supporting = new List<(DigestSource Source, SourceText Text)>();
        var unsupporting = new List<int>();
        int needWords = Math.Min(_options.MinSharedWords, Math.Max(1, claims.Words.Count));
        foreach (var source in sources.DistinctBy(s => s.Number).OrderBy(s => s.Number))
        {
            var sourceText = _sourceTexts.GetValue(source, s => new SourceText(FullText(s), _options.PrefixLength));
            int shared = claims.Words.Count(sourceText.Has);
            bool sharesName = claims.Names.Any(n => n.Words.Any(sourceText.Has));
            bool sharesNumber = claims.Numbers.Any(sourceText.Numbers.Contains);
            if (shared >= needWords || sharesName || sharesNumber)
            {
                supporting.Add((source, sourceText));
            }
            else
            {
                unsupporting.Add(source.Number);
            }
        }

        bool Found(string term) => topicTerms.Contains(term) || supporting.Any(s => s.Text.Has(term));
        var missingNames = claims.Names
            .Where(n => (double)n.Words.Count(Found) / n.Words.Count < _options.MinNameShare)
            .Select(n => n.Text)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var missingNumbers = claims.Numbers.Where(n => !supporting.Any(s => s.Text.Numbers.Contains(n))).ToArray();
        double share = claims.Words.Count == 0 ? 1 : (double)claims.Words.Count(Found) / claims.Words.Count;

        string reason = "";
        if (supporting.Count == 0)
        {
            reason = sources.Count == 0 ? "no source to check" : "no source shares its words, names or numbers";
        }
        else if (missingNames.Length > 0)
        {
            reason = "names not in its sources: " + string.Join(", ", missingNames);
        }
        else if (missingNumbers.Length > 0)
        {
            reason = "numbers not in its sources: " + string.Join(", ", missingNumbers);
        }
        else if (share < _options.MinContentShare)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"{share:P0} of its words are in its sources (needs {_options.MinContentShare:P0})");
        }

        return new SupportVerdict
        {
            IsSupported = reason.Length == 0,
            Supporting = supporting.Select(s => s.Source.Number).ToArray(),
            Unsupporting = unsupporting,
            MissingNames = missingNames,
            MissingNumbers = missingNumbers,
            ContentShare = share,
            Reason = reason,
        };
    }

    private static string FullText(DigestSource source)
    {
        // The outlet too: "The Japan Times noted ..." names its source.
        var article = source.Article;
        return string.Join("\n", article.AlsoPublishedBy.Select(c => c.Title).Prepend(article.Outlet).Prepend(article.Description).Prepend(article.Title));
    }
}
