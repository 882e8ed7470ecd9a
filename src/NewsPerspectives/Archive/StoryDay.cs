namespace NewsPerspectives;

/// <summary>One day of an archived story's life.</summary>
public sealed class StoryDay
{
    /// <summary>The day.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>
    /// The run's ids of the story that day: usually one; more when the day's clustering split the developing event
    /// into several stories that each continued it (ordered by articles, most first).
    /// </summary>
    public required IReadOnlyList<string> StoryIds { get; init; }

    /// <summary>The headline that day (of the first of <see cref="StoryIds"/>).</summary>
    public required string Headline { get; init; }

    /// <summary>Each covering side's articles that day (over all of <see cref="StoryIds"/>), in side order.</summary>
    public required IReadOnlyList<SideCoverage> Coverage { get; init; }

    /// <summary>The outlets that day.</summary>
    public required IReadOnlyList<string> Outlets { get; init; }

    /// <summary>The best continuation score that linked the day to the previous ones; <see langword="null"/> on the first day.</summary>
    public double? Score { get; init; }
}
