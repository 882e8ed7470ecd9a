namespace NewsPerspectives;

/// <summary>The archived story a run's story continues.</summary>
public sealed class StoryContinuation
{
    /// <summary>The run's id of the story (<see cref="StorySnapshot.Id"/>).</summary>
    public required string StoryId { get; init; }

    /// <summary>The archive's id of the story it continues.</summary>
    public required string ArchivedStoryId { get; init; }

    /// <summary>How alike the two are, between the continuation threshold (<see cref="StoryContinuationOptions.MinScore"/>) and 1.</summary>
    public required double Score { get; init; }

    /// <summary>The first day the archived story ran.</summary>
    public required DateOnly FirstSeen { get; init; }

    /// <summary>The last day before the run's date on which it ran.</summary>
    public required DateOnly LastSeen { get; init; }

    /// <summary>The days it ran before the run's date.</summary>
    public required int DaysRun { get; init; }

    /// <summary>Its headline on <see cref="LastSeen"/>.</summary>
    public required string LastHeadline { get; init; }
}
