namespace NewsPerspectives;

/// <summary>One side's coverage of a story on one day.</summary>
public sealed class SideCoverage
{
    /// <summary>The side id.</summary>
    public required string SideId { get; init; }

    /// <summary>How many of the story's articles speak for the side (at least 1).</summary>
    public required int Articles { get; init; }

    /// <summary>When the side's earliest article of the story was published (UTC).</summary>
    public required DateTimeOffset FirstPublished { get; init; }
}
