namespace NewsPerspectives;

/// <summary>Options of <see cref="SqliteStoryArchive"/>.</summary>
public sealed class SqliteStoryArchiveOptions
{
    /// <summary>The archive file (created with its folder when missing). Required.</summary>
    public string Path { get; set; } = "";

    /// <summary>How long a write waits for another process's write to finish before it fails. Default 30 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Flush each recorded run to disk before <c>RecordAsync</c> returns (<c>PRAGMA synchronous = FULL</c>), so a power
    /// loss keeps it. Default <see langword="true"/>. <see langword="false"/> (<c>NORMAL</c>) saves a flush per run (faster
    /// back-fills); a power loss may then lose the latest runs, never part of one, and a killed process loses nothing.
    /// </summary>
    public bool FlushEachRun { get; set; } = true;

    /// <summary>
    /// SQLite's page cache per open connection, in MiB (used as pages are read, up to this). A larger cache keeps more
    /// of a big archive's index in memory when a run is recorded. Default 32.
    /// </summary>
    public int CacheMegabytes { get; set; } = 32;

    /// <summary>When a story continues an archived one.</summary>
    public StoryContinuationOptions Continuation { get; } = new();

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException"><see cref="Path"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("The SQLite story archive needs a file path.", nameof(Path));
        }

        if (BusyTimeout < TimeSpan.Zero || BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(BusyTimeout), BusyTimeout, "BusyTimeout must be between 0 and 24 days.");
        }

        if (CacheMegabytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CacheMegabytes), CacheMegabytes, "CacheMegabytes must be at least 1.");
        }

        Continuation.Validate();
    }
}
