namespace NewsPerspectives;

/// <summary>
/// Memory across days: the stories of each day's digest, which earlier story each one continues, and each story's
/// history (the days it ran, when each side picked it up, the sides that never did). The embedded default is
/// <c>SqliteStoryArchive</c> (package NewsPerspectives.Sqlite); <c>PostgreSqlStoryArchive</c> (package
/// NewsPerspectives.PostgreSql) serves many topics and writers.
/// </summary>
public interface IStoryArchive
{
    /// <summary>
    /// Records one run's stories in one transaction: each continues the archived story it reports a development of
    /// (see <see cref="FindContinuationsAsync"/>) or starts a new one. Recording the topic's latest day again replaces it.
    /// </summary>
    /// <param name="run">The run: topic, date, sides and stories.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is recorded then.</param>
    /// <returns>One entry per story of the run, in the run's order.</returns>
    /// <exception cref="ArgumentException">The run is invalid (see <see cref="StoryArchiveRun"/>).</exception>
    /// <exception cref="NewsPerspectivesException">The archive holds a later day of the topic, or cannot be read or written.</exception>
    Task<IReadOnlyList<RecordedStory>> RecordAsync(StoryArchiveRun run, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds, without recording anything, the archived story each of the run's stories continues: one seen within
    /// the continuation window before the run's date that reports the same developing event.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The continuations found, in the run's story order; stories that start something new are absent.</returns>
    /// <exception cref="ArgumentException">The run is invalid.</exception>
    /// <exception cref="NewsPerspectivesException">The archive cannot be read.</exception>
    Task<IReadOnlyList<StoryContinuation>> FindContinuationsAsync(StoryArchiveRun run, CancellationToken cancellationToken = default);

    /// <summary>Reads an archived story's history.</summary>
    /// <param name="archivedStoryId">The id from <see cref="RecordedStory.ArchivedStoryId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The history, or <see langword="null"/> when the archive has no such story (or retention removed it).</returns>
    /// <exception cref="NewsPerspectivesException">The archive cannot be read.</exception>
    Task<StoryHistory?> GetHistoryAsync(string archivedStoryId, CancellationToken cancellationToken = default);
}
