namespace NewsPerspectives;

/// <summary>A summarizer's answer.</summary>
public sealed class DigestSummary
{
    /// <summary>Overall highlights.</summary>
    public required IReadOnlyList<SummaryBullet> Highlights { get; init; }

    /// <summary>Bullets per side id.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<SummaryBullet>> SideBullets { get; init; }

    /// <summary>Notes for the diagnostics (fallbacks, removed citations, dropped bullets, token usage).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>How the summary was written. Default <see cref="SummaryKind.Extractive"/>.</summary>
    public SummaryKind Kind { get; init; }

    /// <summary>The model that wrote a generated summary, when known; otherwise <see langword="null"/>.</summary>
    public string? Model { get; init; }

    /// <summary>Every bullet: the highlights, then each side's bullets.</summary>
    public IEnumerable<SummaryBullet> AllBullets => Highlights.Concat(SideBullets.Values.SelectMany(b => b));

    /// <summary>The same summary with other bullets and notes, keeping its provenance.</summary>
    /// <param name="highlights">The highlights.</param>
    /// <param name="sideBullets">The bullets per side id.</param>
    /// <param name="notes">The notes.</param>
    /// <returns>A new summary.</returns>
    public DigestSummary With(IReadOnlyList<SummaryBullet> highlights, IReadOnlyDictionary<string, IReadOnlyList<SummaryBullet>> sideBullets, IReadOnlyList<string> notes) =>
        new() { Highlights = highlights, SideBullets = sideBullets, Notes = notes, Kind = Kind, Model = Model };
}
