namespace NewsPerspectives;

/// <summary>Retention and compaction of a story archive.</summary>
public interface IStoryArchiveMaintenance
{
    /// <summary>Removes every day before <paramref name="keepFrom"/> (all topics), and the stories left with no day, in one transaction.</summary>
    /// <param name="keepFrom">The first day to keep; to keep the last N days up to <c>today</c>, pass <c>today.AddDays(1 - N)</c>.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is removed then.</param>
    /// <returns>The number of story days removed.</returns>
    /// <exception cref="NewsPerspectivesException">The archive cannot be written.</exception>
    Task<int> PruneAsync(DateOnly keepFrom, CancellationToken cancellationToken = default);

    /// <summary>Gives the space of removed rows back (SQLite <c>VACUUM</c>; PostgreSQL <c>VACUUM ANALYZE</c> of the archive's tables).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NewsPerspectivesException">The archive cannot be written.</exception>
    Task VacuumAsync(CancellationToken cancellationToken = default);
}
