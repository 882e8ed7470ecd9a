namespace NewsPerspectives;

/// <summary>One side's coverage of an archived story over its life.</summary>
public sealed class SideTimeline
{
    /// <summary>The side id.</summary>
    public required string SideId { get; init; }

    /// <summary>The first day the side covered the story.</summary>
    public required DateOnly FirstDay { get; init; }

    /// <summary>The side's earliest article of the story (UTC).</summary>
    public required DateTimeOffset FirstPublished { get; init; }

    /// <summary>On how many of the story's days the side covered it.</summary>
    public required int DaysCovered { get; init; }
}
