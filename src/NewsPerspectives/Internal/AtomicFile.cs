using System.Text.RegularExpressions;

namespace NewsPerspectives;

/// <summary>Writes a file so that readers see the old content or the new, never half: a hidden temp file in the same folder, flushed to disk, then moved over the target.</summary>
internal static partial class AtomicFile
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
        var temp = Path.Combine(folder, TempName(Path.GetFileName(path)));
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
            _ = TryDelete(temp);
            throw new NewsPerspectivesException($"could not write {what} '{path}': {ex.Message}", ex);
        }
        catch
        {
            _ = TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Deletes the temp files that interrupted writes (a killed process) left under <paramref name="root"/>, in every
    /// folder below it (symbolic links not followed). Only names this class makes are touched. Call it only while no
    /// other writer can be active there, i.e. under the folder's <see cref="OutputFolderLock"/>.
    /// </summary>
    /// <returns>The full paths deleted, in ordinal order.</returns>
    public static IReadOnlyList<string> DeleteLeftoverTempFiles(string root)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint, // dot files count as hidden on Unix: do not skip those
            MatchType = MatchType.Simple,
        };
        var deleted = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, ".*.tmp", options))
        {
            if (TempNamePattern().IsMatch(Path.GetFileName(file)) && TryDelete(file))
            {
                deleted.Add(file);
            }
        }

        deleted.Sort(StringComparer.Ordinal);
        return deleted;
    }

    private static string TempName(string fileName) => $".{fileName}.{Guid.NewGuid():N}.tmp";

    [GeneratedRegex("^\\..+\\.[0-9a-f]{32}\\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TempNamePattern();

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The temp file is hidden and named uniquely; leaving it behind loses nothing.
            return false;
        }
    }
}
