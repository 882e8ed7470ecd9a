namespace NewsPerspectives;

/// <summary>Who owns or controls an outlet, as far as the registry knows.</summary>
public enum OutletOwnership
{
    /// <summary>Not recorded.</summary>
    Unknown,

    /// <summary>Owned or controlled by a government or ruling party (e.g. Xinhua, CGTN, teleSUR).</summary>
    State,

    /// <summary>A public-service broadcaster or agency with statutory independence (e.g. BBC, NHK, DW).</summary>
    Public,

    /// <summary>Privately owned.</summary>
    Private,
}

/// <summary>One outlet in the registry: its canonical name, the other names and domains it appears under, and where it is based.</summary>
public sealed class OutletInfo
{
    /// <summary>The canonical name used in digests, such as <c>China Daily</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Other names the outlet is published under (spelling variants, native-script names, sub-brands), such as <c>Global Edition</c> or <c>新华网</c>.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Domains of the outlet, such as <c>cgtn.com</c>; sub-domains (<c>newsus.cgtn.com</c>) match too.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-2 code of the country the outlet is based in (e.g. <c>CN</c>, <c>HK</c>), or <see langword="null"/> when unknown.</summary>
    public string? Country { get; init; }

    /// <summary>Ownership, <see cref="OutletOwnership.Unknown"/> when not recorded.</summary>
    public OutletOwnership Ownership { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Country is null ? Name : $"{Name} ({Country})";
}

/// <summary>How an outlet was found in the registry.</summary>
public enum OutletMatchKind
{
    /// <summary>By its canonical name or an alias.</summary>
    Name,

    /// <summary>By a domain (the outlet URL, the name itself when it is a host name, or the article link).</summary>
    Domain,

    /// <summary>
    /// By a variant of the name: the part after "by" (<c>Japan Wire by KYODO NEWS</c>), the name without an edition
    /// suffix (<c>ABP Live English</c>), the name without spaces, punctuation and a leading "The" (<c>MillenniumPost</c>),
    /// or the name of a host written as its outlet (<c>thehitavada.com</c> → The Hitavada).
    /// </summary>
    Variant,

    /// <summary>
    /// Not in the registry: <see cref="OutletMatch.Outlet"/> carries the name as published (without an edition
    /// suffix) and the country read from the outlet's domain or name, when one could be read
    /// (<see cref="OutletMatch.MatchedOn"/> says what it rests on).
    /// </summary>
    Inferred,
}

/// <summary>The result of a registry lookup: the outlet and what matched.</summary>
public sealed class OutletMatch
{
    /// <summary>The outlet found.</summary>
    public required OutletInfo Outlet { get; init; }

    /// <summary>Whether the name or a domain matched.</summary>
    public required OutletMatchKind Kind { get; init; }

    /// <summary>
    /// The name or domain that matched, as looked up (e.g. <c>newsus.cgtn.com</c>, or <c>ABP Live</c> for the variant
    /// <c>ABP Live English</c>); for <see cref="OutletMatchKind.Inferred"/>, the evidence for the country (e.g.
    /// <c>the .jp country-code domain of example.co.jp</c>), or the name as published when no country was found.
    /// </summary>
    public required string MatchedOn { get; init; }
}
