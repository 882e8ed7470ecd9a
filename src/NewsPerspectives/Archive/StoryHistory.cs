namespace NewsPerspectives;

/// <summary>An archived story's life: the days it ran and each side's coverage over them.</summary>
public sealed class StoryHistory
{
    /// <summary>The archive's id of the story.</summary>
    public required string Id { get; init; }

    /// <summary>The topic id.</summary>
    public required string TopicId { get; init; }

    /// <summary>The headline of the latest day.</summary>
    public required string Headline { get; init; }

    /// <summary>The first day it ran.</summary>
    public DateOnly FirstSeen => Days[0].Date;

    /// <summary>The last day it ran.</summary>
    public DateOnly LastSeen => Days[^1].Date;

    /// <summary>The days it ran, oldest first (at least one).</summary>
    public required IReadOnlyList<StoryDay> Days { get; init; }

    /// <summary>Each side that covered it: the first day and first article, in the topic's side order.</summary>
    public required IReadOnlyList<SideTimeline> Sides { get; init; }

    /// <summary>The topic's sides that never covered it on any of its days, in side order (a blindspot over the story's life).</summary>
    public required IReadOnlyList<string> SidesNeverCovered { get; init; }
}
