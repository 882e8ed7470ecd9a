namespace NewsPerspectives;

/// <summary>What recording a run did with one of its stories: the archived story it joined, and whether that is new.</summary>
public sealed class RecordedStory
{
    /// <summary>The run's id of the story (<see cref="StorySnapshot.Id"/>).</summary>
    public required string StoryId { get; init; }

    /// <summary>The archive's id of the story, stable across days: <c>{topic}/{first day}/{first day's story id}</c>.</summary>
    public required string ArchivedStoryId { get; init; }

    /// <summary><see langword="true"/> when the story continues one the archive held; <see langword="false"/> when it starts today.</summary>
    public required bool IsContinuation { get; init; }

    /// <summary>The first day the archived story ran (the run's date for a new story).</summary>
    public required DateOnly FirstSeen { get; init; }

    /// <summary>The days the archived story has run, this one included (1 for a new story).</summary>
    public required int DaysRun { get; init; }

    /// <summary>The continuation score (see <see cref="StoryContinuation.Score"/>), or <see langword="null"/> for a new story.</summary>
    public double? Score { get; init; }
}
