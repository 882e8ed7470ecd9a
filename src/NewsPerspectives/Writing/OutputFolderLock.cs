namespace NewsPerspectives;

/// <summary>
/// An exclusive lock on an output folder for the length of a run (<c>.newsperspectives.lock</c> in the folder), so two
/// runs writing the same posts get a clear error instead of interleaving. Hosts take it before writing; the lock file
/// is removed when released. Taking it also removes the temp files that an interrupted earlier write left behind
/// (<see cref="RemovedTempFiles"/>): while the lock is held no other cooperating run can be writing them.
/// </summary>
public sealed class OutputFolderLock : IDisposable
{
    /// <summary>The lock file's name.</summary>
    public const string FileName = ".newsperspectives.lock";

    private readonly FileStream _stream;

    private OutputFolderLock(FileStream stream, string path, IReadOnlyList<string> removedTempFiles)
    {
        _stream = stream;
        LockFile = path;
        RemovedTempFiles = removedTempFiles;
    }

    /// <summary>The lock file.</summary>
    public string LockFile { get; }

    /// <summary>Temp files of earlier, interrupted writes that taking the lock removed (full paths).</summary>
    public IReadOnlyList<string> RemovedTempFiles { get; }

    /// <summary>Takes the lock on a folder, creating the folder if needed, and removes leftover temp files under it.</summary>
    /// <param name="root">The output folder.</param>
    /// <returns>The lock; dispose it when the run has written everything.</returns>
    /// <exception cref="ArgumentException"><paramref name="root"/> is null, empty or white space.</exception>
    /// <exception cref="NewsPerspectivesException">
    /// Another run holds the lock, or the path is a file, or the folder cannot be created or written (the message
    /// says which, with the system's reason).
    /// </exception>
    public static OutputFolderLock Acquire(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var full = Path.GetFullPath(root);
        var path = Path.Combine(full, FileName);
        if (File.Exists(full))
        {
            throw new NewsPerspectivesException($"the output folder '{full}' is a file, not a folder; choose a folder for the output");
        }

        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NewsPerspectivesException($"the output folder '{full}' cannot be created: {ex.Message}", ex);
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex) when (IsHeldByAnotherProcess(ex))
        {
            throw new NewsPerspectivesException($"another run is writing to '{full}' (lock file '{path}'); wait for it to finish or choose another output folder", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NewsPerspectivesException($"the output folder '{full}' cannot be written (lock file '{path}'): {ex.Message}", ex);
        }

        try
        {
            return new OutputFolderLock(stream, path, AtomicFile.DeleteLeftoverTempFiles(full));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();

    /// <summary>Whether opening the lock file failed because another process holds it (not a read-only disk or a bad path).</summary>
    private static bool IsHeldByAnotherProcess(IOException ex)
    {
        // Windows: ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION as an HRESULT. Unix: .NET takes the lock with
        // flock(LOCK_EX | LOCK_NB) and reports EWOULDBLOCK (EAGAIN) as the raw errno.
        const int SharingViolation = unchecked((int)0x80070020);
        const int LockViolation = unchecked((int)0x80070021);
        const int LinuxWouldBlock = 11;
        const int MacWouldBlock = 35;
        return ex.HResult is SharingViolation or LockViolation
            || (OperatingSystem.IsLinux() && ex.HResult == LinuxWouldBlock)
            || ((OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()) && ex.HResult == MacWouldBlock);
    }
}
