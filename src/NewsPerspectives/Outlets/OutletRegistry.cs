using System.Globalization;
using System.Text;

namespace NewsPerspectives;

/// <summary>
/// Known outlets, looked up by name (canonical or alias; case-, accent- and whitespace-insensitive) or by
/// domain (walking up sub-domains: <c>newsus.cgtn.com</c> finds <c>cgtn.com</c>).
/// <see cref="Default"/> is the registry shipped with the library; <see cref="Extend"/> layers a user's entries over it.
/// </summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class OutletRegistry
{
    /// <summary>The name of the embedded default registry resource.</summary>
    internal const string DefaultResourceName = "NewsPerspectives.Outlets.default-outlets.yaml";

    /// <summary>The name of the embedded list of domains known by country only (from mbfc.csv's domain and country columns).</summary>
    internal const string DomainCountriesResourceName = "NewsPerspectives.Outlets.outlet-domain-countries.txt";

    private static readonly string[] TaglineSeparators = [" | ", " – ", " — ", " - "];

    private static readonly Lazy<OutletRegistry> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, OutletInfo> _byName;
    private readonly Dictionary<string, OutletInfo> _byDomain;
    private readonly Dictionary<string, OutletInfo?> _byLooseName;
    private readonly Dictionary<string, OutletInfo?> _byDomainLabel;
    private readonly Dictionary<string, string> _domainCountries;

    /// <summary>Creates a registry. When two outlets claim the same name, alias or domain, the later one wins.</summary>
    /// <param name="outlets">The outlets.</param>
    /// <param name="domainCountries">
    /// Domains whose country is known but whose outlet is not in the registry (host → ISO 3166-1 alpha-2 code), used
    /// for the country of outlets the registry does not know; <see langword="null"/> for none.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="outlets"/> is null.</exception>
    public OutletRegistry(IEnumerable<OutletInfo> outlets, IEnumerable<KeyValuePair<string, string>>? domainCountries = null)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        // Later entries replace earlier ones with the same canonical name, in place (the order stays stable).
        var ordered = new List<OutletInfo>();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var outlet in outlets)
        {
            ArgumentNullException.ThrowIfNull(outlet);
            var key = NormalizeName(outlet.Name);
            if (position.TryGetValue(key, out int at))
            {
                ordered[at] = outlet;
            }
            else
            {
                position[key] = ordered.Count;
                ordered.Add(outlet);
            }
        }

        Outlets = ordered;
        _byName = new Dictionary<string, OutletInfo>(StringComparer.Ordinal);
        _byDomain = new Dictionary<string, OutletInfo>(StringComparer.Ordinal);
        foreach (var outlet in ordered)
        {
            foreach (var alias in outlet.Aliases)
            {
                var key = NormalizeName(alias);
                if (key.Length > 0)
                {
                    _byName[key] = outlet;
                }
            }

            foreach (var domain in outlet.Domains)
            {
                if (NormalizeHost(domain) is { } host)
                {
                    _byDomain[host] = outlet;
                }
            }
        }

        // Canonical names win over any alias of another outlet.
        foreach (var outlet in ordered)
        {
            _byName[NormalizeName(outlet.Name)] = outlet;
        }

        // Spellings without spaces and punctuation, and the first label of each domain ("ajc" for ajc.com), for
        // variants; a key that two outlets share is ambiguous (null) and never matches.
        _byLooseName = new Dictionary<string, OutletInfo?>(StringComparer.Ordinal);
        _byDomainLabel = new Dictionary<string, OutletInfo?>(StringComparer.Ordinal);
        foreach (var (key, outlet) in _byName)
        {
            AddUnlessAmbiguous(_byLooseName, OutletNameVariants.LooseKey(key), outlet);
        }

        foreach (var (host, outlet) in _byDomain)
        {
            AddUnlessAmbiguous(_byDomainLabel, OutletNameVariants.LooseKey(OutletNameVariants.RegistrableLabel(host)), outlet);
        }

        _domainCountries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (domain, country) in domainCountries ?? [])
        {
            if (NormalizeHost(domain) is { } host && Countries.Find(country) is { } known)
            {
                _domainCountries[host] = known.Code;
            }
        }
    }

    private static void AddUnlessAmbiguous(Dictionary<string, OutletInfo?> index, string key, OutletInfo outlet)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (index.TryGetValue(key, out var existing) && !ReferenceEquals(existing, outlet))
        {
            index[key] = null;
        }
        else
        {
            index[key] = outlet;
        }
    }

    /// <summary>The registry shipped with the library: every outlet of the replaced system's posts and the major outlets of the countries they cover.</summary>
    public static OutletRegistry Default => LazyDefault.Value;

    /// <summary>A registry that knows no outlet.</summary>
    public static OutletRegistry Empty { get; } = new([]);

    /// <summary>The outlets, in registration order (an override keeps the place of the entry it replaces).</summary>
    public IReadOnlyList<OutletInfo> Outlets { get; }

    /// <summary>Domains known only by their country (host → ISO 3166-1 alpha-2 code), for outlets the registry does not know.</summary>
    public IReadOnlyDictionary<string, string> DomainCountries => _domainCountries;

    /// <summary>Returns a registry with <paramref name="outlets"/> layered over this one: an entry with the same canonical name replaces the existing one, and new aliases and domains win.</summary>
    /// <param name="outlets">The user's outlets.</param>
    /// <returns>The combined registry (with this registry's <see cref="DomainCountries"/>).</returns>
    public OutletRegistry Extend(IEnumerable<OutletInfo> outlets)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        return new OutletRegistry(Outlets.Concat(outlets), _domainCountries);
    }

    /// <summary>Finds an outlet by its canonical name or an alias.</summary>
    /// <param name="name">The name as published, e.g. <c>China Daily Global Edition</c>.</param>
    /// <returns>The outlet, or <see langword="null"/>.</returns>
    public OutletInfo? FindByName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return _byName.GetValueOrDefault(NormalizeName(name));
    }

    /// <summary>Finds an outlet by a host name or URL, walking up sub-domains (<c>newsus.cgtn.com</c>, then <c>cgtn.com</c>).</summary>
    /// <param name="hostOrUrl">A host such as <c>www.scmp.com</c> or an absolute URL.</param>
    /// <returns>The outlet and the domain that matched, or <see langword="null"/>.</returns>
    public (OutletInfo Outlet, string Domain)? FindByDomain(string? hostOrUrl)
    {
        if (NormalizeHost(hostOrUrl) is not { } host)
        {
            return null;
        }

        for (var candidate = host; ;)
        {
            if (_byDomain.TryGetValue(candidate, out var outlet))
            {
                return (outlet, candidate);
            }

            int dot = candidate.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || candidate.IndexOf('.', dot + 1) < 0)
            {
                return null;
            }

            candidate = candidate[(dot + 1)..];
        }
    }

    /// <summary>
    /// Resolves the outlet of an article, in this order:
    /// <list type="number">
    /// <item>the name as published, or an alias; when the name is itself a host name (<c>news.cgtn.com</c>), that domain;
    /// for a name with a tagline (<c>The Diplomat – Asia-Pacific Current Affairs Magazine</c>), its first and then its
    /// last part around " | ", " – ", " — " or " - ";</item>
    /// <item>the outlet URL (a feed's <c>&lt;source url&gt;</c>), then the article link, by domain; links through news
    /// aggregators (<c>news.google.com</c>) say nothing about the outlet and are skipped;</item>
    /// <item>a variant of the name (<see cref="OutletMatchKind.Variant"/>): the part after "by", the name without an
    /// edition suffix such as "English" or "Global Edition", the name without spaces, punctuation and a leading "The",
    /// the same against the first label of every known domain, and a host name's first label against the names;</item>
    /// <item>for an outlet the registry does not know (<see cref="OutletMatchKind.Inferred"/>): the name as published,
    /// without an edition suffix, with a country read from the outlet's domain (<see cref="DomainCountries"/>, then a
    /// country-code top-level domain such as <c>.jp</c>, not the generic ones such as <c>.co</c> or <c>.tv</c>), from a
    /// domain spelled like the name, from a country, capital or city in the name (<c>Sri Lanka Guardian</c>, <c>The
    /// Brussels Times</c>), or from a script used by one country only (Hangul, kana, Thai, Indic scripts, …).</item>
    /// </list>
    /// </summary>
    /// <param name="name">The outlet name as published.</param>
    /// <param name="outletUrl">The outlet's URL, if the feed gave one.</param>
    /// <param name="link">The article link.</param>
    /// <returns>
    /// The match, or <see langword="null"/> when the registry does not know the outlet and nothing could be read from
    /// its name or domain (the name as published is then the best name there is).
    /// </returns>
    public OutletMatch? Resolve(string? name, string? outletUrl = null, string? link = null)
    {
        if (FindKnown(name) is { } known)
        {
            return known;
        }

        link = IsAggregator(link) ? null : link;
        foreach (var candidate in (string?[])[outletUrl, link])
        {
            if (FindByDomain(candidate) is { } found)
            {
                return new OutletMatch { Outlet = found.Outlet, Kind = OutletMatchKind.Domain, MatchedOn = found.Domain };
            }
        }

        return FindVariant(name) ?? OutletInference.Infer(name, [LooksLikeHost(name) ? name : null, outletUrl, link], _domainCountries);
    }

    // The name, the name as a host, or a tagline part of either.
    private OutletMatch? FindKnown(string? name, bool parts = true)
    {
        if (FindByName(name) is { } byName)
        {
            return new OutletMatch { Outlet = byName, Kind = OutletMatchKind.Name, MatchedOn = name!.Trim() };
        }

        if (LooksLikeHost(name) && FindByDomain(name) is { } byHost)
        {
            return new OutletMatch { Outlet = byHost.Outlet, Kind = OutletMatchKind.Domain, MatchedOn = byHost.Domain };
        }

        if (parts)
        {
            // "Site name | tagline" and, less often, "tagline | site name": the first part, then the last.
            foreach (var part in TaglineParts(name))
            {
                if (FindKnown(part, parts: false) is { } byPart)
                {
                    return byPart;
                }
            }
        }

        return null;
    }

    private OutletMatch? FindVariant(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        foreach (var candidate in TaglineParts(name).Prepend(name.Trim()))
        {
            foreach (var variant in OutletNameVariants.Of(candidate))
            {
                if (FindKnown(variant, parts: false) is { } known)
                {
                    return new OutletMatch { Outlet = known.Outlet, Kind = OutletMatchKind.Variant, MatchedOn = variant };
                }
            }

            var loose = OutletNameVariants.LooseKey(NormalizeName(OutletNameVariants.WithoutEdition(candidate)));
            if (loose.Length >= OutletNameVariants.MinLooseKeyLength
                && (_byLooseName.GetValueOrDefault(loose) ?? _byDomainLabel.GetValueOrDefault(loose)) is { } byLoose)
            {
                return new OutletMatch { Outlet = byLoose, Kind = OutletMatchKind.Variant, MatchedOn = candidate };
            }

            if (LooksLikeHost(candidate) && NormalizeHost(candidate) is { } host
                && OutletNameVariants.LooseKey(OutletNameVariants.RegistrableLabel(host)) is { Length: >= OutletNameVariants.MinLooseKeyLength } label
                && _byLooseName.GetValueOrDefault(label) is { } byLabel)
            {
                return new OutletMatch { Outlet = byLabel, Kind = OutletMatchKind.Variant, MatchedOn = host };
            }
        }

        return null;
    }

    private static string[] TaglineParts(string? name)
    {
        var parts = name?.Split(TaglineSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return parts.Length > 1 ? [parts[0], parts[^1]] : [];
    }

    /// <summary>
    /// The lookup key of a name: Unicode-compatibility-normalised (NFKC), lowercase, accents removed, typographic
    /// apostrophes made ASCII, whitespace collapsed, stray punctuation at the ends and inside brackets removed (<c>"The Nation (Pakistan )"</c> and
    /// <c>"the nation (pakistan)"</c> give the same key).
    /// </summary>
    /// <param name="name">The name.</param>
    /// <returns>The key; empty when the name has no letters or digits.</returns>
    public static string NormalizeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u00A0')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            // Typographic apostrophes read as the ASCII one: "People’s Daily" is "People's Daily".
            builder.Append(c is '\u2019' or '\u2018' or '\u02BC' ? '\'' : char.ToLowerInvariant(c));
        }

        var key = builder.ToString().Normalize(NormalizationForm.FormC);
        key = key.Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal);
        return key.Trim(' ', '-', '–', '—', '|', '·', ':', ',', ';', '.');
    }

    /// <summary>The host of a URL or host name, lowercase, without <c>www.</c> and a trailing dot; <see langword="null"/> when it is not one.</summary>
    /// <param name="hostOrUrl">A host name or an absolute URL.</param>
    internal static string? NormalizeHost(string? hostOrUrl)
    {
        if (string.IsNullOrWhiteSpace(hostOrUrl))
        {
            return null;
        }

        var text = hostOrUrl.Trim();
        string host;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.HostNameType != UriHostNameType.Dns)
            {
                return null;
            }

            host = uri.IdnHost;
        }
        else
        {
            host = text.TrimEnd('/');
            if (Uri.CheckHostName(host) != UriHostNameType.Dns || !host.Contains('.', StringComparison.Ordinal))
            {
                return null;
            }
        }

        host = host.ToLowerInvariant().TrimEnd('.');
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        return host.Contains('.', StringComparison.Ordinal) ? host : null;
    }

    /// <summary>True when a name is a host name such as <c>news.cgtn.com</c> or <c>ELTIEMPO.COM</c> (no spaces, a dot, a letter-only last label).</summary>
    internal static bool LooksLikeHost(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        var trimmed = name.Trim();
        int dot = trimmed.LastIndexOf('.');
        return dot > 0 && dot < trimmed.Length - 2 && trimmed[(dot + 1)..].All(char.IsAsciiLetter) && NormalizeHost(trimmed) is not null;
    }

    internal static bool IsAggregator(string? link) =>
        NormalizeHost(link) is { } host && (host == "news.google.com" || host.EndsWith(".news.google.com", StringComparison.Ordinal));

    private static OutletRegistry LoadDefault()
    {
        var outlets = OutletRegistryLoader.Load(ConfigurationFile.ReadEmbedded(DefaultResourceName), "(default outlet registry)");
        return new OutletRegistry(outlets, OutletInference.ParseDomainCountries(ConfigurationFile.ReadEmbedded(DomainCountriesResourceName)));
    }
}
