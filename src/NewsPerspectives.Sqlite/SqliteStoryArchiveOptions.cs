namespace NewsPerspectives;

/// <summary>Options of <see cref="SqliteStoryArchive"/>.</summary>
public sealed class SqliteStoryArchiveOptions
{
    /// <summary>The archive file (created with its folder when missing). Required.</summary>
    public string Path { get; set; } = "";

    /// <summary>How long a write waits for another process's write to finish before it fails. Default 30 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

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

        Continuation.Validate();
    }
}
