namespace NewsPerspectives;

/// <summary>What a back-fill of a story archive did.</summary>
public sealed class StoryArchiveBackfillResult
{
    /// <summary>Topic days recorded.</summary>
    public required int Days { get; init; }

    /// <summary>Stories recorded over those days.</summary>
    public required int Stories { get; init; }

    /// <summary>Of those, the ones that continued an archived story.</summary>
    public required int Continuations { get; init; }

    /// <summary>Files that are not past digests, or repeat a topic day, each with the reason.</summary>
    public required IReadOnlyList<string> Skipped { get; init; }

    /// <summary>Topic days the archive refused (e.g. it already holds a later day of the topic), each with the reason.</summary>
    public required IReadOnlyList<string> Refused { get; init; }
}
