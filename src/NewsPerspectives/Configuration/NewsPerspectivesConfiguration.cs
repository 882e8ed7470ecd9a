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

    /// <summary>The user's outlet registry file (<c>settings.outlets</c>, resolved against the configuration's folder), or <see langword="null"/>.</summary>
    public string? OutletsPath { get; init; }

    /// <summary>
    /// The default outlet registry extended by <see cref="OutletsPath"/>, or <see langword="null"/> when the configuration
    /// names no registry file (use <see cref="OutletRegistry.Default"/>).
    /// </summary>
    public OutletRegistry? Outlets { get; init; }
}
