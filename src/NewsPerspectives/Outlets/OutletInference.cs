using System.Text;

namespace NewsPerspectives;

/// <summary>
/// What can be said about an outlet the registry does not know: its name as published (without a language edition suffix such as "English")
/// and, when the evidence allows, its country. The name is never guessed; the country comes, in order, from
/// <list type="number">
/// <item>a domain of the outlet (the name as a host, the outlet URL, the article link) listed with a country;</item>
/// <item>that domain's country-code top-level domain (<c>.jp</c> → JP, <c>.co.uk</c> → GB), except the codes
/// sold as generic names (<see cref="GenericCountryCodeDomains"/>: <c>.co</c>, <c>.tv</c>, <c>.io</c>, …);</item>
/// <item>a listed domain spelled like the name (<c>Drop Site News</c> → <c>dropsitenews.com</c>);</item>
/// <item>one country named in the name by its name, demonym, capital or an unambiguous city or state
/// (<c>Sri Lanka Guardian</c>, <c>The Brussels Times</c>, <c>Yahoo News UK</c>);</item>
/// <item>a script written by one country only (<see cref="ScriptCountries"/>: Hangul → KR, kana → JP, Thai → TH).</item>
/// </list>
/// </summary>
internal static class OutletInference
{
    /// <summary>Country-code top-level domains that are sold and used as generic names, so they say nothing about the country.</summary>
    public static readonly HashSet<string> GenericCountryCodeDomains = new(StringComparer.Ordinal)
    {
        "ai", "am", "bz", "cc", "co", "cx", "fm", "gd", "gg", "im", "io", "la", "ly", "me", "ms", "nu", "sh", "st", "to", "tv", "vc", "ws",
    };

    /// <summary>Unicode blocks of scripts that, in news, one country writes: (first code point, last code point, country).</summary>
    public static readonly (int First, int Last, string Country)[] ScriptCountries =
    [
        (0x1100, 0x11FF, "KR"), (0x3130, 0x318F, "KR"), (0xAC00, 0xD7AF, "KR"),   // Hangul
        (0x3040, 0x30FF, "JP"),                                                      // hiragana, katakana
        (0x0E00, 0x0E7F, "TH"),                                                      // Thai
        (0x0E80, 0x0EFF, "LA"),                                                      // Lao
        (0x1780, 0x17FF, "KH"),                                                      // Khmer
        (0x1000, 0x109F, "MM"),                                                      // Myanmar
        (0x0900, 0x097F, "IN"), (0x0A00, 0x0D7F, "IN"),                              // Devanagari; Gurmukhi to Malayalam
        (0x0D80, 0x0DFF, "LK"),                                                      // Sinhala
        (0x0590, 0x05FF, "IL"),                                                      // Hebrew
        (0x0370, 0x03FF, "GR"),                                                      // Greek
        (0x10A0, 0x10FF, "GE"),                                                      // Georgian
        (0x0530, 0x058F, "AM"),                                                      // Armenian
        (0x1200, 0x137F, "ET"),                                                      // Ethiopic
    ];

    // Every country's names and places in one set, with the country of each term id.
    private static readonly Lazy<(TermSet Terms, Country[] Owners)> CountryTerms = new(() =>
    {
        var terms = Countries.All.SelectMany(c => c.NameTerms.Concat(c.PlaceTerms).Select(t => (Country: c, Term: t))).ToArray();
        return (new TermSet(terms.Select(t => t.Term).ToArray()), terms.Select(t => t.Country).ToArray());
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Top-level domains of slugs tried against the listed domains, in order.</summary>
    private static readonly string[] SlugDomains = [".com", ".org", ".net"];

    /// <summary>The inferred outlet, or <see langword="null"/> when neither the name changes nor a country is found.</summary>
    /// <param name="name">The name as published.</param>
    /// <param name="hosts">Hosts or URLs of the outlet, most reliable first (null entries are skipped).</param>
    /// <param name="domainCountries">Domains known by country only.</param>
    public static OutletMatch? Infer(string? name, IReadOnlyList<string?> hosts, IReadOnlyDictionary<string, string> domainCountries)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var published = name.Trim();
        var cleaned = OutletNameVariants.WithoutEdition(published, OutletNameVariants.LanguageEditionSuffixes).Trim(' ', '-', '–', '—', '|', '·', ':', ',', ';');
        if (cleaned.Length == 0)
        {
            cleaned = published;
        }

        var (country, evidence) = Country(cleaned, hosts, domainCountries);
        if (country is null && string.Equals(cleaned, published, StringComparison.Ordinal))
        {
            return null;
        }

        return new OutletMatch
        {
            Outlet = new OutletInfo { Name = cleaned, Country = country },
            Kind = OutletMatchKind.Inferred,
            MatchedOn = evidence ?? published,
        };
    }

    /// <summary>Reads the embedded domain list: one <c>domain|CC</c> per line; '#' starts a comment line.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ParseDomainCountries(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int bar = line.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0)
            {
                yield return new(line[..bar], line[(bar + 1)..]);
            }
        }
    }

    private static (string? Country, string? Evidence) Country(string name, IReadOnlyList<string?> hostsOrUrls, IReadOnlyDictionary<string, string> domainCountries)
    {
        var hosts = hostsOrUrls.Select(OutletRegistry.NormalizeHost).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        foreach (var host in hosts)
        {
            for (var candidate = host; candidate is not null; candidate = Parent(candidate))
            {
                if (domainCountries.TryGetValue(candidate, out var listed))
                {
                    return (listed, $"the domain {candidate} is listed as {listed}");
                }
            }
        }

        foreach (var host in hosts)
        {
            var tld = host[(host.LastIndexOf('.') + 1)..];
            var code = tld == "uk" ? "GB" : tld.ToUpperInvariant();
            if (tld.Length == 2 && !GenericCountryCodeDomains.Contains(tld) && Countries.Find(code) is not null)
            {
                return (code, $"the .{tld} country-code domain of {host}");
            }
        }

        var slug = OutletNameVariants.LooseKey(OutletRegistry.NormalizeName(name));
        if (slug.Length >= OutletNameVariants.MinLooseKeyLength && !OutletRegistry.LooksLikeHost(name))
        {
            foreach (var stem in (string[])[slug, "the" + slug])
            {
                foreach (var suffix in SlugDomains)
                {
                    if (domainCountries.TryGetValue(stem + suffix, out var bySlug))
                    {
                        return (bySlug, $"the domain {stem + suffix} is listed as {bySlug}");
                    }
                }
            }
        }

        var (terms, owners) = CountryTerms.Value;
        var matched = terms.Match(new TextForMatching(name, null));
        var named = Enumerable.Range(0, matched.Length).Where(id => matched[id]).ToList();
        if (named.Count > 0 && named.All(id => owners[id] == owners[named[0]]))
        {
            return (owners[named[0]].Code, $"'{terms.Terms[named[0]].Text}' in the name");
        }

        var scripts = ScriptsOf(name);
        if (scripts.Count == 1)
        {
            return (scripts.First(), "the script of the name");
        }

        return (null, null);
    }

    private static string? Parent(string host)
    {
        int dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && host.IndexOf('.', dot + 1) > 0 ? host[(dot + 1)..] : null;
    }

    // The countries of the single-country scripts in the name; Han characters, Latin and the rest are not counted.
    private static HashSet<string> ScriptsOf(string name)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rune in name.EnumerateRunes())
        {
            foreach (var (first, last, country) in ScriptCountries)
            {
                if (rune.Value >= first && rune.Value <= last && Rune.IsLetter(rune))
                {
                    result.Add(country);
                }
            }
        }

        return result;
    }
}
