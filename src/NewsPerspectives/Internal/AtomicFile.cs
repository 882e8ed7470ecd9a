namespace NewsPerspectives;

/// <summary>Writes a file so that readers see the old content or the new, never half: a hidden temp file in the same folder, flushed to disk, then moved over the target.</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> atomically.</summary>
    /// <param name="path">The target file; its folder is created.</param>
    /// <param name="write">Writes the content to the temp file's stream.</param>
    /// <param name="what">What the file is, for the error message (e.g. "the feed cache file").</param>
    /// <param name="cancellationToken">Cancels the write; the old file stays intact.</param>
    /// <exception cref="NewsPerspectivesException">The file could not be written; the old file stays intact.</exception>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, string what, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new NewsPerspectivesException($"could not write {what} '{path}': {ex.Message}", ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The temp file is hidden and named uniquely; leaving it behind loses nothing.
        }
    }
}
