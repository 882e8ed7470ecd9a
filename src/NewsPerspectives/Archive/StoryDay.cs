namespace NewsPerspectives;

/// <summary>One day of an archived story's life.</summary>
public sealed class StoryDay
{
    /// <summary>The day.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The run's id of the story that day.</summary>
    public required string StoryId { get; init; }

    /// <summary>The headline that day.</summary>
    public required string Headline { get; init; }

    /// <summary>Each covering side's articles that day, in side order.</summary>
    public required IReadOnlyList<SideCoverage> Coverage { get; init; }

    /// <summary>The outlets that day.</summary>
    public required IReadOnlyList<string> Outlets { get; init; }

    /// <summary>The continuation score that linked the day to the previous ones; <see langword="null"/> on the first day.</summary>
    public double? Score { get; init; }
}
