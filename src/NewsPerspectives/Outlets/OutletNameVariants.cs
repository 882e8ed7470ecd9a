using System.Text;

namespace NewsPerspectives;

/// <summary>
/// The variants of an outlet name that name the same outlet: the part after "by" (<c>Japan Wire by KYODO NEWS</c>,
/// <c>Profit by Pakistan Today</c>), the name without a language or format edition suffix (<c>ABP Live English</c>,
/// <c>China Daily Global Edition</c>), and a loose key without spaces, punctuation and a leading "The"
/// (<c>MillenniumPost</c> = <c>Millennium Post</c>, <c>thehitavada</c> = <c>The Hitavada</c>).
/// </summary>
/// <remarks>
/// Country editions (<c>Yahoo News UK</c>, <c>Arab News Pakistan</c>) are not variants: they are often separate
/// newsrooms, so only the registry can merge them.
/// </remarks>
internal static class OutletNameVariants
{
    /// <summary>The shortest loose key that is looked up: shorter ones ("ap", "x") are too easily someone else's.</summary>
    public const int MinLooseKeyLength = 3;

    /// <summary>
    /// Suffixes that name an edition of the same outlet in another language, longest first: an outlet the registry
    /// does not know is shown without them. Compared case- and accent-insensitively, as whole trailing words.
    /// </summary>
    public static readonly string[] LanguageEditionSuffixes = ["english edition", "english news", "en espanol", "english"];

    /// <summary>
    /// Suffixes that name an edition of the same outlet in another language or format, longest first: a name with
    /// one is looked up without it. "Online" and "Digital" are here only, because they are often part of a brand.
    /// </summary>
    public static readonly string[] EditionSuffixes =
    [
        "english edition", "international edition", "global edition", "english news", "en espanol", "english", "online",
        "digital", "e-paper", "epaper",
    ];

    // Second-level labels under a country-code domain that are not the outlet's own name (co.uk, com.pk, or.jp, gob.ve).
    private static readonly HashSet<string> SecondLevelLabels = new(StringComparer.Ordinal)
    {
        "co", "com", "org", "net", "gov", "gob", "go", "edu", "ac", "or", "ne", "mil", "nic", "info", "web", "biz", "news", "tv",
    };

    /// <summary>The variants of a name to look up, in order (none when the name has no variant).</summary>
    public static IEnumerable<string> Of(string name)
    {
        var trimmed = name.Trim();
        var withoutEdition = WithoutEdition(trimmed);
        if (!string.Equals(withoutEdition, trimmed, StringComparison.Ordinal))
        {
            yield return withoutEdition;
        }

        if (AfterBy(trimmed) is { } owner)
        {
            yield return owner;
            var ownerWithoutEdition = WithoutEdition(owner);
            if (!string.Equals(ownerWithoutEdition, owner, StringComparison.Ordinal))
            {
                yield return ownerWithoutEdition;
            }
        }
    }

    /// <summary>The name without one trailing edition suffix ("ABP Live English" → "ABP Live"); the name itself when it has none or is only the suffix.</summary>
    /// <param name="name">The name.</param>
    /// <param name="suffixes">The suffixes, longest first; <see cref="EditionSuffixes"/> when <see langword="null"/>.</param>
    public static string WithoutEdition(string name, string[]? suffixes = null)
    {
        var trimmed = name.Trim();
        var folded = TextForMatching.Fold(trimmed);
        foreach (var suffix in suffixes ?? EditionSuffixes)
        {
            if (folded.Length > suffix.Length + 1 && folded.EndsWith(suffix, StringComparison.Ordinal) && !char.IsLetterOrDigit(folded[^(suffix.Length + 1)]))
            {
                // Folding keeps the length for Latin text; cut the original at the same place.
                var rest = trimmed.Length == folded.Length ? trimmed[..^suffix.Length] : trimmed;
                rest = rest.TrimEnd(' ', '-', '–', '—', '|', ':', ',', '(', ')');
                return rest.Any(char.IsLetter) ? rest : trimmed;
            }
        }

        return trimmed;
    }

    /// <summary>The outlet after the last " by " ("Profit by Pakistan Today" → "Pakistan Today"), or <see langword="null"/>.</summary>
    public static string? AfterBy(string name)
    {
        int at = name.LastIndexOf(" by ", StringComparison.OrdinalIgnoreCase);
        if (at <= 0)
        {
            return null;
        }

        var owner = name[(at + 4)..].Trim();
        return owner.Any(char.IsLetter) ? owner : null;
    }

    /// <summary>A loose key of a normalised name (<see cref="OutletRegistry.NormalizeName"/>): letters and digits only, without a leading "the".</summary>
    public static string LooseKey(string normalizedName)
    {
        var builder = new StringBuilder(normalizedName.Length);
        foreach (var c in normalizedName)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        var key = builder.ToString();
        return key.StartsWith("the", StringComparison.Ordinal) && key.Length >= 3 + MinLooseKeyLength ? key[3..] : key;
    }

    /// <summary>
    /// The label of a host that names its owner: <c>thehitavada</c> for <c>www.thehitavada.com</c>, <c>dawn</c> for
    /// <c>dawn.com</c>, <c>nation</c> for <c>nation.com.pk</c> (a second-level label such as <c>com</c> or <c>co</c>
    /// under a two-letter country code is skipped).
    /// </summary>
    public static string RegistrableLabel(string host)
    {
        var labels = host.Split('.');
        if (labels.Length >= 3 && labels[^1].Length == 2 && SecondLevelLabels.Contains(labels[^2]))
        {
            return labels[^3];
        }

        return labels.Length >= 2 ? labels[^2] : labels[0];
    }
}
