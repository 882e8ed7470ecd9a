namespace NewsPerspectives;

/// <summary>A loaded configuration: the topics and run settings.</summary>
public sealed class NewsPerspectivesConfiguration
{
    /// <summary>The active topics, in file order.</summary>
    public required IReadOnlyList<TopicDefinition> Topics { get; init; }

    /// <summary>A fixed "as of" time for runs (for reproducible runs over snapshots), or <see langword="null"/> for now.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The file it was loaded from.</summary>
    public string? SourcePath { get; init; }
}
