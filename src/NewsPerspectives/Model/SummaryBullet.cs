namespace NewsPerspectives;

/// <summary>A summary line and the numbers of the sources it rests on.</summary>
public sealed class SummaryBullet
{
    /// <summary>The text of the bullet.</summary>
    public required string Text { get; init; }

    /// <summary>Numbers of the cited sources (ascending, distinct, each an existing <see cref="DigestSource.Number"/> once checked).</summary>
    public required IReadOnlyList<int> Citations { get; init; }

    /// <summary>The story (<see cref="DigestStory.Id"/>) the bullet is about; the citation check fills it in from the citations when a summarizer leaves it out.</summary>
    public string? StoryId { get; init; }
}
