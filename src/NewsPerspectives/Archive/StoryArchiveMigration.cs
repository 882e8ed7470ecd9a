namespace NewsPerspectives;

/// <summary>One step of a story archive's schema: applied once, in version order, in the same transaction as its <c>schema_version</c> row.</summary>
public sealed class StoryArchiveMigration
{
    /// <summary>The schema version the step leads to (1, 2, …; one step per version).</summary>
    public required int Version { get; init; }

    /// <summary>What the step changes, recorded in <c>schema_version</c>.</summary>
    public required string Description { get; init; }

    /// <summary>The SQL statements, run in order.</summary>
    public required IReadOnlyList<string> Statements { get; init; }
}
