namespace NewsPerspectives;

/// <summary>
/// An exclusive lock on an output folder for the length of a run (<c>.newsperspectives.lock</c> in the folder), so two
/// runs writing the same posts get a clear error instead of interleaving. <see cref="DigestPublisher.Open"/> takes it;
/// the lock file is removed when released.
/// </summary>
internal sealed class OutputFolderLock : IDisposable
{
    /// <summary>The lock file's name.</summary>
    public const string FileName = ".newsperspectives.lock";

    private readonly FileStream _stream;

    private OutputFolderLock(FileStream stream, string path)
    {
        _stream = stream;
        LockFile = path;
    }

    /// <summary>The lock file.</summary>
    public string LockFile { get; }

    /// <summary>Takes the lock on a folder, creating the folder if needed.</summary>
    /// <param name="root">The output folder.</param>
    /// <returns>The lock; dispose it when the run has written everything.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="root"/> is null.</exception>
    /// <exception cref="NewsPerspectivesException">Another run holds the lock, or the folder cannot be written.</exception>
    public static OutputFolderLock Acquire(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var full = Path.GetFullPath(root);
        var path = Path.Combine(full, FileName);
        try
        {
            Directory.CreateDirectory(full);
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            return new OutputFolderLock(stream, path);
        }
        catch (IOException ex)
        {
            throw new NewsPerspectivesException($"another run is writing to '{full}' (lock file '{path}'); wait for it to finish or choose another output folder", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new NewsPerspectivesException($"the output folder '{full}' cannot be written: {ex.Message}", ex);
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();
}
