using System.Globalization;

namespace NewsPerspectives;

/// <summary>
/// Checks every bullet of the wrapped summarizer against the listed sources, the one place that does it for every
/// summarizer:
/// <list type="number">
/// <item>a citation that points at no listed source is removed;</item>
/// <item>a side's bullet keeps only citations of that side's own sources;</item>
/// <item>a bullet that cited something but is left with nothing is dropped;</item>
/// <item>a bullet that cites nothing is attributed to the listed sources that support it (a side's bullet: that side's
/// sources, see <see cref="SupportCheckOptions.AttributeUncited"/>), or dropped;</item>
/// <item>the <see cref="SupportCheck"/>: a cited source that does not support the bullet is removed, and a bullet its
/// sources do not support (a name, a number or most of its words are in none of them) is dropped;</item>
/// <item>a bullet without a story gets the story most of its citations belong to.</item>
/// </list>
/// Each removal, attribution and drop is noted in the summary's notes.
/// </summary>
public sealed class CitationCheckingSummarizer : DelegatingSummarizer
{
    private readonly SupportCheck _check;

    /// <summary>Wraps a summarizer with the checks.</summary>
    /// <param name="innerSummarizer">The summarizer whose bullets are checked.</param>
    /// <param name="supportCheck">The support check; one with default options when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerSummarizer"/> is null.</exception>
    public CitationCheckingSummarizer(ISummarizer innerSummarizer, SupportCheck? supportCheck = null)
        : base(innerSummarizer)
    {
        _check = supportCheck ?? new SupportCheck();
    }

    /// <inheritdoc/>
    public override async Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var summary = await InnerSummarizer.SummarizeAsync(request, cancellationToken).ConfigureAwait(false);
        var notes = new List<string>(summary.Notes);
        var bySide = request.Sources.ToLookup(s => s.SideId, StringComparer.Ordinal);
        var highlights = Check(request, summary.Highlights, null, request.Sources, notes);
        var sides = new Dictionary<string, IReadOnlyList<SummaryBullet>>(StringComparer.Ordinal);
        foreach (var side in request.Topic.Sides)
        {
            sides[side.Id] = Check(request, summary.SideBullets.GetValueOrDefault(side.Id) ?? [], side.Id, bySide[side.Id].ToArray(), notes);
        }

        foreach (var (sideId, bullets) in summary.SideBullets.Where(kv => request.Topic.FindSide(kv.Key) is null && kv.Value.Count > 0))
        {
            notes.Add($"{sideId}: dropped {bullets.Count} bullet(s) for a side the topic does not have");
        }

        return summary.With(highlights, sides, notes);
    }

    private SummaryBullet[] Check(SummaryRequest request, IReadOnlyList<SummaryBullet> bullets, string? sideId, IReadOnlyList<DigestSource> allowed, List<string> notes)
    {
        string section = sideId ?? "highlights";
        var result = new List<SummaryBullet>(bullets.Count);
        foreach (var bullet in bullets)
        {
            var text = bullet.Text.Trim();
            if (text.Length == 0)
            {
                notes.Add($"{section}: dropped an empty bullet");
                continue;
            }

            var cited = bullet.Citations.Distinct().Order().ToArray();
            var nowhere = cited.Where(n => request.Digest.FindSource(n) is null).ToArray();
            if (nowhere.Length > 0)
            {
                notes.Add($"{section}: removed citation(s) {List(nowhere)} that point at no source from \"{text}\"");
            }

            var sources = cited.Select(request.Digest.FindSource).OfType<DigestSource>().ToArray();
            if (sideId is not null)
            {
                var otherSide = sources.Where(s => !string.Equals(s.SideId, sideId, StringComparison.Ordinal)).Select(s => s.Number).ToArray();
                if (otherSide.Length > 0)
                {
                    notes.Add($"{section}: removed citation(s) {List(otherSide)} of another side's sources from \"{text}\"");
                    sources = sources.Where(s => string.Equals(s.SideId, sideId, StringComparison.Ordinal)).ToArray();
                }
            }

            // A bullet that cites nothing is attributed to the allowed sources that support it; one that cited
            // something keeps only the cited sources that support it.
            bool uncited = cited.Length == 0;
            string? refused = uncited
                ? (_check.Options.AttributeUncited ? null : "it cites no source")
                : (sources.Length == 0 ? "it cites no listed source" : null);
            if (refused is not null)
            {
                notes.Add($"{section}: dropped \"{text}\": {refused}");
                continue;
            }

            var verdict = _check.Check(text, uncited ? allowed : sources, request.Topic);
            if (!verdict.IsSupported)
            {
                var why = uncited ? "it cites no source and the listed sources do not support it" : "its sources do not support it";
                notes.Add($"{section}: dropped \"{text}\": {why} ({verdict.Reason})");
                continue;
            }

            if (uncited)
            {
                notes.Add($"{section}: attributed \"{text}\" to source(s) {List(verdict.Supporting)}: it cited none");
            }
            else if (verdict.Unsupporting.Count > 0)
            {
                notes.Add($"{section}: removed citation(s) {List(verdict.Unsupporting)} that do not support \"{text}\"");
            }

            var citations = verdict.Supporting;
            result.Add(new SummaryBullet
            {
                Text = text,
                Citations = citations,
                StoryId = bullet.StoryId is { } id && request.Digest.FindStory(id) is not null ? id : StoryOf(request, citations),
            });
        }

        return result.ToArray();
    }

    /// <summary>The story most of the citations belong to (ties: the story listed first).</summary>
    private static string? StoryOf(SummaryRequest request, IReadOnlyList<int> citations)
    {
        var counts = citations
            .Select(n => request.Digest.FindSource(n)?.StoryId)
            .OfType<string>()
            .GroupBy(id => id, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Count: g.Count()))
            .ToArray();
        if (counts.Length == 0)
        {
            return null;
        }

        var rank = request.Stories.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return counts.OrderByDescending(c => c.Count).ThenBy(c => rank.GetValueOrDefault(c.Id, int.MaxValue)).First().Id;
    }

    private static string List(IEnumerable<int> numbers) =>
        string.Join(", ", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));
}
