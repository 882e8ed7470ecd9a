namespace NewsPerspectives;

/// <summary>A side's part of the digest.</summary>
public sealed class SideDigest
{
    /// <summary>The side.</summary>
    public required SideDefinition Side { get; init; }

    /// <summary>How many sources of this side the digest lists.</summary>
    public required int Count { get; init; }

    /// <summary>How many relevant articles this side had before the cap (true coverage).</summary>
    public required int Found { get; init; }

    /// <summary>The side's bullets (about 4 when there is enough material), each citing only this side's sources; empty before the summary.</summary>
    public required IReadOnlyList<SummaryBullet> Bullets { get; init; }

    /// <summary>
    /// What the formats say where the side's bullets would be when there are none: the side had no articles, or the
    /// highlights already quote all it said; <see langword="null"/> when there are bullets.
    /// </summary>
    public string? NoBulletsNote => Bullets.Count > 0 ? null
        : Count == 0 ? $"No articles from {Side.Name} sources in this period."
        : $"No {Side.Name} take beyond the highlights in this period.";
}
