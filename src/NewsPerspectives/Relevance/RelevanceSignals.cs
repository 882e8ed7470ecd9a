namespace NewsPerspectives;

/// <summary>
/// The features of <see cref="RelevanceModel"/> for one topic, compiled once: which sides an article names and how,
/// which side its outlet (or feed) speaks for, which classes of news vocabulary it uses, and which other countries
/// and international bodies it names. <see cref="Evaluate"/> gives the feature values and what they rest on.
/// </summary>
internal sealed class RelevanceSignals
{
    /// <summary>The feature names, in a fixed order (the model's and the docs' order).</summary>
    public static readonly string[] Names =
    [
        "bothSidesNamed", "oneSideNamed", "sidesAdjacent", "topicKeyword", "namedByState", "namedByPlaceOnly",
        "otherSideByWriter", "ownSideOnlyByWriter", "thirdCountryOutletOneSide",
        "diplomacy", "security", "dispute", "economicTies", "domestic", "page", "opinion", "international",
        "thirdParty", "thirdParties", "shortHeadline", "roundup", "oneSideNamedWithPolitics", "oneSideNamedWithThirdParty",
        "bothSidesNamedWithThirdParty",
    ];

    /// <summary>A headline with at most this many words is short: often a page title or a cryptic editorial.</summary>
    public const int ShortHeadlineWords = 4;

    /// <summary>A headline with at least this many list separators (",", ";", "|") is a roundup of several stories.</summary>
    public const int RoundupSeparators = 2;

    // Words that may join the names of two sides and still make them "adjacent": "China and Japan", "US vs China".
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "and", "y", "e", "vs", "versus" };

    private static readonly (string Feature, string Label, Term[] Terms)[] Vocabulary =
    [
        ("diplomacy", "diplomacy", Term.Compile(RelevanceVocabulary.Diplomacy)),
        ("security", "security", Term.Compile(RelevanceVocabulary.Security)),
        ("dispute", "dispute", Term.Compile(RelevanceVocabulary.Dispute)),
        ("economicTies", "economic ties", Term.Compile(RelevanceVocabulary.EconomicTies)),
        ("domestic", "domestic affairs", Term.Compile(RelevanceVocabulary.Domestic)),
        ("page", "page words", Term.Compile(RelevanceVocabulary.Page)),
        ("opinion", "opinion", Term.Compile(RelevanceVocabulary.Opinion)),
        ("international", "international", Term.Compile(RelevanceVocabulary.International)),
    ];

    private static readonly Term[] Seas = Term.Compile(RelevanceVocabulary.Seas);

    private readonly CompiledSide[] _sides;
    private readonly bool _useWriterSide;

    // Every term of the topic in one set, read once per text; each piece below is a range of term ids in it.
    private readonly TermSet _terms;
    private readonly TermRange _keywords;
    private readonly TermRange _seas;
    private readonly (string Feature, string Label, TermRange Range)[] _vocabulary;
    private readonly (Country Country, TermRange Range)[] _thirdParties;

    public RelevanceSignals(TopicDefinition topic, bool builtInTerms, bool useWriterSide)
    {
        ArgumentNullException.ThrowIfNull(topic);
        _useWriterSide = useWriterSide;
        var all = new List<Term>();
        TermRange Add(IEnumerable<Term> terms)
        {
            int start = all.Count;
            all.AddRange(terms);
            return new TermRange(start, all.Count);
        }

        _sides = topic.Sides.Select(side =>
        {
            var terms = SideLexicon.For(side, builtInTerms);
            var names = Term.Compile(terms.Names);
            var state = Term.Compile(terms.State);
            return new CompiledSide(side, names, state, Add(names), Add(state), Add(Term.Compile(terms.Places)), terms.Countries, terms.Claims);
        }).ToArray();

        var keywords = new List<string>(topic.Keywords);
        if (builtInTerms)
        {
            var codes = topic.Sides.Select(SideLexicon.CountryOf).OfType<Country>().Select(c => c.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            for (int a = 0; a < codes.Length; a++)
            {
                for (int b = a + 1; b < codes.Length; b++)
                {
                    keywords.AddRange(SideLexicon.PairKeywords.GetValueOrDefault((codes[a], codes[b])) ?? []);
                }
            }
        }

        _keywords = Add(Term.Compile(keywords));
        _seas = Add(Seas);
        _vocabulary = Vocabulary.Select(v => (v.Feature, v.Label, Add(v.Terms))).ToArray();
        // Every other country, by its names and capital; a term that is also one of the sides' own terms, and a country a
        // side claims, is not a third party.
        var own = _sides.SelectMany(s => s.Names.Concat(s.State)).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var sideCountries = _sides.SelectMany(s => s.Countries.Concat(s.Claims)).ToHashSet(StringComparer.Ordinal);
        _thirdParties = Countries.All
            .Where(c => !sideCountries.Contains(c.Code))
            .Select(c => (c, Add(c.NameTerms.Concat(Term.Compile(c.Capitals)).Where(t => !own.Contains(t.Text)))))
            .ToArray();
        _terms = new TermSet(all);
    }

    public RelevanceEvaluation Evaluate(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var title = WithoutOutletSuffix(article);
        var text = new TextForMatching(article.Description.Length == 0 ? title : title + "\n" + article.Description, article.Language);
        var matched = _terms.Match(text);
        Term? First(TermRange range)
        {
            for (int id = range.Start; id < range.End; id++)
            {
                if (matched[id])
                {
                    return _terms.Terms[id];
                }
            }

            return null;
        }

        List<Term> MatchedTerms(CompiledSide side)
        {
            var terms = new List<Term>();
            foreach (var range in (TermRange[])[side.NameRange, side.StateRange])
            {
                for (int id = range.Start; id < range.End; id++)
                {
                    if (matched[id])
                    {
                        terms.Add(_terms.Terms[id]);
                    }
                }
            }

            return terms;
        }

        var features = Names.ToDictionary(n => n, _ => 0.0, StringComparer.Ordinal);
        var evidence = new List<string>();

        var found = new List<KeyValuePair<string, string>>();
        var missing = new List<string>();
        var foundSides = new List<CompiledSide>();
        bool byState = false, byPlaceOnly = false;
        foreach (var side in _sides)
        {
            var name = First(side.NameRange);
            var state = First(side.StateRange);
            var place = name is null && state is null ? First(side.PlaceRange) : null;
            var term = name ?? state ?? place;
            if (term is null)
            {
                missing.Add(side.Side.Id);
                continue;
            }

            found.Add(new(side.Side.Id, term.Text));
            foundSides.Add(side);
            byState |= state is not null;
            byPlaceOnly |= place is not null;
        }

        bool both = (_sides.Length >= 2 && foundSides.Count >= 2) || (_sides.Length == 1 && foundSides.Count == 1);
        bool one = _sides.Length >= 2 && foundSides.Count == 1;
        Set("bothSidesNamed", both);
        Set("oneSideNamed", one);
        Set("namedByState", byState);
        if (Set("namedByPlaceOnly", byPlaceOnly))
        {
            evidence.Add("a side named only by a place");
        }

        if (foundSides.Count >= 2 && Adjacent(foundSides.Select(side => MatchedTerms(side)).ToList(), text) is { } pair)
        {
            Set("sidesAdjacent", true);
            evidence.Add($"sides named together ('{pair}')");
        }

        var keyword = First(_keywords)?.Text;
        if (Set("topicKeyword", keyword is not null))
        {
            evidence.Add($"keyword '{keyword}'");
        }


        // The writer: the side of the outlet's country, or, when the outlet's country is unknown, the side of the feed.
        string? implied = null;
        if (_useWriterSide && _sides.Length >= 2 && foundSides.Count > 0)
        {
            var country = article.OutletCountry;
            var byOutlet = country is null ? null : _sides.FirstOrDefault(s => s.Countries.Contains(country, StringComparer.OrdinalIgnoreCase));
            var byFeed = country is null && article.Feed.Side is { } feedSide ? _sides.FirstOrDefault(s => s.Side.Id == feedSide) : null;
            var writer = byOutlet ?? byFeed;
            if (writer is not null)
            {
                bool ownNamed = foundSides.Contains(writer);
                implied = ownNamed ? null : writer.Side.Id;
                if (Set("otherSideByWriter", !ownNamed))
                {
                    evidence.Add($"{Who(byOutlet, byFeed)}: names the other side");
                }

                if (Set("ownSideOnlyByWriter", ownNamed && foundSides.Count == 1))
                {
                    evidence.Add($"{Who(byOutlet, byFeed)}: names only its own side");
                }
            }

            if (Set("thirdCountryOutletOneSide", country is not null && byOutlet is null && one && _sides.Any(s => s.Countries.Length > 0)))
            {
                evidence.Add($"outlet {article.Outlet} is {country}, no side's country, and names one side");
            }
        }

        foreach (var (feature, label, range) in _vocabulary)
        {
            if (First(range) is { } hit)
            {
                Set(feature, true);
                evidence.Add($"{label} '{hit.Text}'");
            }
        }

        // A sea named after a country ("Indian Ocean") does not name that country: read the text again without it.
        if (First(_seas) is not null)
        {
            matched = _terms.Match(new TextForMatching(MaskSeas(text.Raw), article.Language));
        }

        var third = _thirdParties.Select(c => (c.Country, Term: First(c.Range))).Where(c => c.Term is not null).ToList();
        if (Set("thirdParty", third.Count >= 1))
        {
            evidence.Add("third party " + string.Join(", ", third.Select(c => $"'{c.Term!.Text}'")));
        }

        Set("thirdParties", third.Count >= 2);

        var words = article.Description.Length == 0 ? text.Tokens.Count : new TextForMatching(title, article.Language).Tokens.Count;
        if (Set("shortHeadline", words <= ShortHeadlineWords))
        {
            evidence.Add($"a short headline ({words} word{(words == 1 ? "" : "s")})");
        }

        if (Set("roundup", title.Count(c => c is ',' or ';' or '|') >= RoundupSeparators))
        {
            evidence.Add("a roundup of several stories");
        }

        bool politics = features["diplomacy"] + features["security"] + features["dispute"] > 0;
        Set("oneSideNamedWithPolitics", one && politics);
        Set("oneSideNamedWithThirdParty", one && third.Count >= 1);
        Set("bothSidesNamedWithThirdParty", both && third.Count >= 1);

        return new RelevanceEvaluation(features, found, missing, keyword, implied, evidence);

        bool Set(string feature, bool on)
        {
            features[feature] = on ? 1 : 0;
            return on;
        }

        string Who(CompiledSide? byOutlet, CompiledSide? byFeed) => byOutlet is not null
            ? $"outlet {article.Outlet} is {article.OutletCountry} ({byOutlet.Side.Name})"
            : $"found by the feed for {byFeed?.Side.Name}";
    }

    // A headline that still ends with its outlet ("… - China Daily", "… | Taipei Times"): the outlet's name is not the
    // story's ("China Daily" does not name China).
    private static string WithoutOutletSuffix(Article article)
    {
        var title = article.Title.TrimEnd();
        foreach (var outlet in (string?[])[article.Outlet, article.OutletAsPublished])
        {
            if (string.IsNullOrWhiteSpace(outlet) || !title.EndsWith(outlet, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = title[..^outlet.Length].TrimEnd();
            if (rest.Length > 0 && rest[^1] is '-' or '|' or '–' or '—' or ':')
            {
                return rest[..^1].TrimEnd();
            }
        }

        return title;
    }

    // The text with every sea or ocean named after a country blanked out.
    private static string MaskSeas(string raw)
    {
        var result = raw;
        foreach (var sea in RelevanceVocabulary.Seas)
        {
            int at;
            while ((at = result.IndexOf(sea, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                result = string.Concat(result.AsSpan(0, at), new string(' ', sea.Length), result.AsSpan(at + sea.Length));
            }
        }

        return result;
    }

    // Two sides' terms next to each other, or joined by one connector: "China-Japan", "US and China", "Sino-Japanese".
    private static string? Adjacent(List<List<Term>> sides, TextForMatching text)
    {
        var spans = sides.Select(terms => terms.SelectMany(t => t.TokenSpansIn(text)).ToList()).ToList();
        for (int a = 0; a < spans.Count; a++)
        {
            for (int b = 0; b < spans.Count; b++)
            {
                if (a == b)
                {
                    continue;
                }

                foreach (var (start, last) in spans[a])
                {
                    foreach (var (first, end) in spans[b])
                    {
                        if (first == last + 1 || (first == last + 2 && Connectors.Contains(text.Folded[last + 1])))
                        {
                            return string.Join(" ", text.Tokens.Skip(start).Take(end - start + 1));
                        }
                    }
                }
            }
        }

        return null;
    }

    private readonly record struct TermRange(int Start, int End);

    private sealed class CompiledSide(SideDefinition side, Term[] names, Term[] state, TermRange nameRange, TermRange stateRange, TermRange placeRange,
        string[] countries, string[] claims)
    {
        public SideDefinition Side { get; } = side;

        public Term[] Names { get; } = names;

        public Term[] State { get; } = state;

        public TermRange NameRange { get; } = nameRange;

        public TermRange StateRange { get; } = stateRange;

        public TermRange PlaceRange { get; } = placeRange;

        public string[] Countries { get; } = countries;

        public string[] Claims { get; } = claims;
    }
}

/// <summary>The features of one article and what they rest on.</summary>
internal sealed record RelevanceEvaluation(
    IReadOnlyDictionary<string, double> Features,
    IReadOnlyList<KeyValuePair<string, string>> SidesFound,
    IReadOnlyList<string> SidesMissing,
    string? Keyword,
    string? ImpliedSide,
    IReadOnlyList<string> Evidence);
