using NewsPerspectives;

namespace CustomClassifier;

/// <summary>
/// A user's own side rule: an article speaks for the side of its outlet's home country, looked up in the outlet
/// registry, with a hand-made table of which countries belong to which side name. When the outlet's country is not
/// known or belongs to no side, it falls back to the side of the feed that found the article, with lower confidence.
/// </summary>
/// <remarks>
/// Constructed by dependency injection: <see cref="OutletRegistry"/> is the registry that
/// <c>AddNewsPerspectives()</c> registers (the shipped default, or the configuration's <c>settings.outlets</c> through <c>AddNewsPerspectives(config)</c>).
/// </remarks>
public sealed class HomeCountryClassifier(OutletRegistry registry) : IPerspectiveClassifier
{
    // Which ISO countries speak for a side, keyed by the side's display name.
    private static readonly Dictionary<string, string[]> CountriesOfSide = new(StringComparer.OrdinalIgnoreCase)
    {
        ["China"] = ["CN", "HK", "MO"],
        ["Japan"] = ["JP"],
        ["Taiwan"] = ["TW"],
        ["India"] = ["IN"],
        ["Pakistan"] = ["PK"],
        ["United States"] = ["US"],
        ["Venezuelan"] = ["VE"],
    };

    public ValueTask<PerspectiveAssignment?> ClassifyAsync(Article article, TopicDefinition topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(topic);
        var outlet = registry.Resolve(article.Outlet, article.OutletUrl, article.Link)?.Outlet;
        if (outlet?.Country is { } country)
        {
            var side = topic.Sides.FirstOrDefault(s => CountriesOfSide.TryGetValue(s.Name, out var countries) && countries.Contains(country));
            if (side is not null)
            {
                return Answer(side.Id, 0.9, $"{outlet.Name} is based in {country}, which speaks for {side.Name}");
            }
        }

        if (article.Feed.Side is { } feedSide && topic.FindSide(feedSide) is { } fallback)
        {
            var why = outlet is null ? $"{article.Outlet} is not in the registry"
                : outlet.Country is null ? $"{outlet.Name}'s country is not recorded"
                : $"{outlet.Name} is based in {outlet.Country}, which is neither side";
            return Answer(fallback.Id, 0.5, $"{why}; kept on the side of its feed, {fallback.Name}");
        }

        return Answer(null, 0, "");
    }

    private static ValueTask<PerspectiveAssignment?> Answer(string? sideId, double confidence, string reason) =>
        ValueTask.FromResult(sideId is null ? null : new PerspectiveAssignment { SideId = sideId, Confidence = confidence, Reason = reason });
}
