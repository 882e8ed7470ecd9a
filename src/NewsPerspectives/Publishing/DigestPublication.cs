namespace NewsPerspectives;

/// <summary>
/// A run's hold on an output root (see <see cref="DigestPublisher.Open"/>): publishes each digest in the chosen
/// formats, atomically, while holding the folder lock, and releases the lock when disposed.
/// </summary>
public sealed class DigestPublication : IDisposable
{
    private readonly DigestPublisher _publisher;
    private readonly IReadOnlyList<IDigestFormatter> _formatters;
    private readonly OutputFolderLock _lock;
    private bool _disposed;

    internal DigestPublication(DigestPublisher publisher, string root, IReadOnlyList<IDigestFormatter> formatters, OutputFolderLock folderLock)
    {
        _publisher = publisher;
        Root = root;
        _formatters = formatters;
        _lock = folderLock;
        Formats = formatters.Select(f => f.Format).ToArray();
    }

    /// <summary>Temp files of earlier, interrupted writes that taking the lock removed (full paths).</summary>
    public IReadOnlyList<string> RemovedTempFiles => _lock.RemovedTempFiles;

    /// <summary>The output root (full path).</summary>
    public string Root { get; }

    /// <summary>The formats written for each digest.</summary>
    public IReadOnlyList<string> Formats { get; }

    /// <summary>
    /// Writes a run in every chosen format. A file that cannot be written is reported, not thrown, and the others are
    /// still written. A failed run (<see cref="DigestRunStatus.Failed"/>) is never written: each file is
    /// <see cref="PublishOutcome.Refused"/> and an existing one is kept.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Cancels the publication; a file being written keeps its old content.</param>
    /// <returns>One entry per format, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The publication was disposed.</exception>
    /// <exception cref="OperationCanceledException">The publication was cancelled.</exception>
    public async Task<IReadOnlyList<PublishedFile>> PublishAsync(DigestRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var files = new List<PublishedFile>(_formatters.Count);
        foreach (var formatter in _formatters)
        {
            var relative = _publisher.GetRelativePath(run.Digest, formatter.Format);
            string? full = null;
            try
            {
                full = OutputPaths.Resolve(Root, relative);
                if (run.Status == DigestRunStatus.Failed)
                {
                    var kept = File.Exists(full) ? $"the existing '{full}' is kept" : $"nothing was written to '{full}'";
                    files.Add(new PublishedFile
                    {
                        Format = formatter.Format, RelativePath = relative, FullPath = full, Outcome = PublishOutcome.Refused,
                        Error = $"not writing topic '{run.Digest.Topic.Id}': the run failed ({run.StatusReason}); {kept}",
                    });
                    continue;
                }

                await AtomicFile.WriteAsync(full, (stream, ct) => formatter.FormatAsync(run, stream, ct), "the digest", cancellationToken).ConfigureAwait(false);
                files.Add(new PublishedFile { Format = formatter.Format, RelativePath = relative, FullPath = full, Outcome = PublishOutcome.Written });
            }
            catch (NewsPerspectivesException ex)
            {
                files.Add(new PublishedFile { Format = formatter.Format, RelativePath = relative, FullPath = full, Outcome = PublishOutcome.Failed, Error = ex.Message });
            }
        }

        return files;
    }

    /// <summary>Releases the folder lock.</summary>
    public void Dispose()
    {
        _disposed = true;
        _lock.Dispose();
    }
}
