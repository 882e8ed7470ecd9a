namespace NewsPerspectives;

/// <summary>
/// General knowledge about countries and territories (the embedded <c>countries.txt</c>): ISO 3166-1 code, English
/// and Spanish names, demonyms, capital, other unambiguous places and native names, as <see cref="Term"/> texts.
/// Relevance uses it to tell which countries a text names; the outlet registry uses it to read a country from an
/// outlet's name or domain.
/// </summary>
internal static class Countries
{
    internal const string ResourceName = "NewsPerspectives.Internal.countries.txt";

    private static readonly Lazy<IReadOnlyList<Country>> LazyAll = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<Dictionary<string, Country>> LazyByCode = new(
        () => All.ToDictionary(c => c.Code, StringComparer.Ordinal), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every country of the table, in file order.</summary>
    public static IReadOnlyList<Country> All => LazyAll.Value;

    /// <summary>The country with an ISO 3166-1 alpha-2 code (any case), or <see langword="null"/>.</summary>
    public static Country? Find(string? code) =>
        code is { Length: 2 } && LazyByCode.Value.TryGetValue(code.ToUpperInvariant(), out var country) ? country : null;

    /// <summary>Parses the table; every data line has seven '|'-separated columns with ';'-separated terms.</summary>
    internal static IReadOnlyList<Country> Parse(string text)
    {
        var result = new List<Country>();
        int lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('|');
            if (columns.Length != 7 || columns[0].Length != 2)
            {
                throw new InvalidOperationException($"{ResourceName} line {lineNumber}: expected 'code|names|demonyms|capital|places|spanish|native'");
            }

            string[] Terms(int i) => columns[i].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            result.Add(new Country(columns[0], Terms(1), Terms(2), Terms(3), Terms(4), Terms(5), Terms(6)));
        }

        return result;
    }

    private static IReadOnlyList<Country> Load() => Parse(ConfigurationFile.ReadEmbedded(ResourceName));
}

/// <summary>One row of <see cref="Countries"/>.</summary>
internal sealed class Country(string code, string[] names, string[] demonyms, string[] capitals, string[] places, string[] spanish, string[] native)
{
    private Term[]? _nameTerms;
    private Term[]? _placeTerms;

    /// <summary>ISO 3166-1 alpha-2 code, e.g. <c>JP</c>.</summary>
    public string Code { get; } = code;

    /// <summary>English names, e.g. Japan.</summary>
    public IReadOnlyList<string> Names { get; } = names;

    /// <summary>Demonyms and adjectives, e.g. Japanese.</summary>
    public IReadOnlyList<string> Demonyms { get; } = demonyms;

    /// <summary>The capital (several spellings), e.g. Tokyo.</summary>
    public IReadOnlyList<string> Capitals { get; } = capitals;

    /// <summary>Other places that belong to this country only (large cities, states, regions), e.g. Osaka.</summary>
    public IReadOnlyList<string> Places { get; } = places;

    /// <summary>Spanish names and demonyms, e.g. Japón, japonés.</summary>
    public IReadOnlyList<string> Spanish { get; } = spanish;

    /// <summary>Names in the country's own script, e.g. 日本.</summary>
    public IReadOnlyList<string> Native { get; } = native;

    /// <summary>Names, demonyms, Spanish and native names: the words that name the country itself.</summary>
    public Term[] NameTerms => _nameTerms ??= Term.Compile(Names.Concat(Demonyms).Concat(Spanish).Concat(Native));

    /// <summary>The capital and other places.</summary>
    public Term[] PlaceTerms => _placeTerms ??= Term.Compile(Capitals.Concat(Places));

    /// <inheritdoc/>
    public override string ToString() => Code;
}
