namespace NewsPerspectives;

/// <summary>
/// Assigns a side by outlet: first the side that lists the outlet in its <see cref="SideDefinition.Outlets"/>, then the
/// side whose <see cref="SideDefinition.Countries"/> hold the outlet's country from the <see cref="OutletRegistry"/> (recorded, or
/// inferred for an outlet the registry does not know, with a lower confidence).
/// Answers <see langword="null"/> (so a later classifier decides) when no side has such rules, the outlet is unknown,
/// its country is not recorded or belongs to no side, or several sides claim it and the feed's side is not one of them.
/// </summary>
/// <remarks>Compose it with <see cref="FeedSideClassifier"/> through <see cref="CompositeClassifier"/>: outlet first, feed as the fallback.</remarks>
public sealed class OutletRegistryClassifier : IPerspectiveClassifier
{
    /// <summary>Confidence of an assignment by an explicit outlet list.</summary>
    public const double ListedOutletConfidence = 0.95;

    /// <summary>Confidence of an assignment by the outlet's country.</summary>
    public const double CountryConfidence = 0.9;

    /// <summary>
    /// Confidence of an assignment by a country the registry inferred for an outlet it does not know (from a
    /// country-code domain, a country named in the outlet's name, …; see <see cref="OutletRegistry.Resolve"/>).
    /// </summary>
    public const double InferredCountryConfidence = 0.75;

    private readonly OutletRegistry _registry;

    /// <summary>Creates the classifier.</summary>
    /// <param name="registry">The registry; <see cref="OutletRegistry.Default"/> when <see langword="null"/>.</param>
    public OutletRegistryClassifier(OutletRegistry? registry = null) => _registry = registry ?? OutletRegistry.Default;

    /// <inheritdoc/>
    public ValueTask<PerspectiveAssignment?> ClassifyAsync(Article article, TopicDefinition topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(topic);
        return ValueTask.FromResult(Classify(article, topic));
    }

    private PerspectiveAssignment? Classify(Article article, TopicDefinition topic)
    {
        if (!topic.Sides.Any(s => s.Countries.Count > 0 || s.Outlets.Count > 0))
        {
            return null;
        }

        var match = _registry.Resolve(article.OutletAsPublished ?? article.Outlet, article.OutletUrl, article.Link)
            ?? _registry.Resolve(article.Outlet);
        var outletName = match?.Outlet.Name ?? article.Outlet;
        var outletKey = OutletRegistry.NormalizeName(outletName);

        foreach (var side in topic.Sides)
        {
            foreach (var listed in side.Outlets)
            {
                var listedKey = OutletRegistry.NormalizeName(_registry.FindByName(listed)?.Name ?? listed);
                if (string.Equals(listedKey, outletKey, StringComparison.Ordinal))
                {
                    return Assign(side, ListedOutletConfidence, $"{outletName} is listed among the outlets of side {side.Id}", article, topic);
                }
            }
        }

        var country = match?.Outlet.Country ?? article.OutletCountry;
        if (country is null)
        {
            return null;
        }

        var claiming = topic.Sides.Where(s => s.Countries.Contains(country, StringComparer.OrdinalIgnoreCase)).ToList();
        var chosen = claiming.Count switch
        {
            0 => null,
            1 => claiming[0],
            _ => claiming.FirstOrDefault(s => s.Id == article.Feed.Side),
        };
        if (chosen is null)
        {
            return null;
        }

        var source = match is null ? "recorded on the article" : match.Kind == OutletMatchKind.Inferred ? $"inferred from {match.MatchedOn}" : "registry";
        var reason = $"{outletName} is a{(StartsWithVowelSound(country) ? "n" : "")} {country} outlet ({source}); side {chosen.Id} covers {string.Join(", ", chosen.Countries)}";
        if (claiming.Count > 1)
        {
            reason += $" (so do {string.Join(", ", claiming.Where(s => s != chosen).Select(s => s.Id))}; the feed's side decided)";
        }

        return Assign(chosen, match?.Kind == OutletMatchKind.Inferred ? InferredCountryConfidence : CountryConfidence, reason, article, topic);
    }

    private static PerspectiveAssignment Assign(SideDefinition side, double confidence, string reason, Article article, TopicDefinition topic)
    {
        if (article.Feed.Side is { } feedSide && feedSide != side.Id && topic.FindSide(feedSide) is { } feed)
        {
            reason += $"; overrides the feed's side {feed.Id}";
        }

        return new PerspectiveAssignment { SideId = side.Id, Confidence = confidence, Reason = reason };
    }

    // "an IN outlet", "an US outlet" read as letter names: A, E, F, H, I, L, M, N, O, R, S, X start with a vowel sound.
    private static bool StartsWithVowelSound(string code) => code.Length > 0 && "AEFHILMNORSX".Contains(char.ToUpperInvariant(code[0]), StringComparison.Ordinal);
}

/// <summary>
/// Asks classifiers in order and takes the first answer; the policy "outlet rule first, feed rule as the fallback" is
/// <c>new CompositeClassifier(new OutletRegistryClassifier(), new FeedSideClassifier())</c>, the default.
/// </summary>
public sealed class CompositeClassifier : IPerspectiveClassifier
{
    private readonly IPerspectiveClassifier[] _classifiers;

    /// <summary>Creates the chain.</summary>
    /// <param name="classifiers">The classifiers, in the order they are asked.</param>
    /// <exception cref="ArgumentNullException"><paramref name="classifiers"/> is null.</exception>
    /// <exception cref="ArgumentException">The chain is empty.</exception>
    public CompositeClassifier(params IEnumerable<IPerspectiveClassifier> classifiers)
    {
        ArgumentNullException.ThrowIfNull(classifiers);
        _classifiers = classifiers.ToArray();
        if (_classifiers.Length == 0 || _classifiers.Any(c => c is null))
        {
            throw new ArgumentException("the chain needs at least one classifier and no null entries", nameof(classifiers));
        }
    }

    /// <summary>The classifiers, in the order they are asked.</summary>
    public IReadOnlyList<IPerspectiveClassifier> Classifiers => _classifiers;

    /// <inheritdoc/>
    public async ValueTask<PerspectiveAssignment?> ClassifyAsync(Article article, TopicDefinition topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(topic);
        foreach (var classifier in _classifiers)
        {
            if (await classifier.ClassifyAsync(article, topic, cancellationToken).ConfigureAwait(false) is { } assignment)
            {
                return assignment;
            }
        }

        return null;
    }
}
