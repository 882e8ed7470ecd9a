namespace NewsPerspectives;

/// <summary>
/// Places digests under an output root, the one place every host writes through: the path of each format
/// (<c>{folder}/{topic}/{yyyy-MM-dd}.{extension}</c>, folders in <see cref="DigestPublisherOptions.Folders"/>), the
/// folder lock (two runs on one root get a clear error instead of interleaved files) and atomic writes (a temp file in
/// the same folder, flushed, then moved over the target: a failed write leaves the old file intact). A failed run
/// (<see cref="DigestRunStatus.Failed"/>) is never written, so it never replaces the day's good post.
/// </summary>
/// <example>
/// <code>
/// using var publication = publisher.Open("site", ["markdown", "json"]);
/// foreach (var topic in topics)
/// {
///     var files = await publication.PublishAsync(await pipeline.RunAsync(topic));
/// }
/// </code>
/// </example>
public sealed class DigestPublisher
{
    private readonly Dictionary<string, IDigestFormatter> _formatters = new(StringComparer.OrdinalIgnoreCase);
    private readonly DigestPublisherOptions _options;

    /// <summary>Creates the publisher.</summary>
    /// <param name="formatters">The formatters; the first of each format name wins.</param>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="formatters"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public DigestPublisher(IEnumerable<IDigestFormatter> formatters, DigestPublisherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(formatters);
        _options = options ?? new DigestPublisherOptions();
        _options.Validate();
        foreach (var formatter in formatters)
        {
            _formatters.TryAdd(formatter.Format, formatter);
        }

        Formats = [.. _formatters.Keys];
    }

    /// <summary>The format names the publisher can write, in registration order.</summary>
    public IReadOnlyList<string> Formats { get; }

    /// <summary>The path of a digest's file in a format, relative to the output root, '/'-separated.</summary>
    /// <param name="digest">The digest.</param>
    /// <param name="format">The format name.</param>
    /// <returns>For example <c>content/summaries/china-japan/2026-01-12.md</c>.</returns>
    /// <exception cref="ArgumentException">No formatter has that format.</exception>
    public string GetRelativePath(Digest digest, string format)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var formatter = Formatter(format);
        var folder = _options.Folders.TryGetValue(formatter.Format, out var configured) ? configured : formatter.Format;
        return OutputPaths.ForDigest(folder, digest, formatter.FileExtension);
    }

    /// <summary>Takes the lock on an output root, for a run that publishes in the given formats.</summary>
    /// <param name="root">The output root; created when missing.</param>
    /// <param name="formats">The formats to write; every format when <see langword="null"/>.</param>
    /// <returns>The publication; dispose it when the run has published everything, to release the lock.</returns>
    /// <exception cref="ArgumentException">A format has no formatter (the message lists the known ones).</exception>
    /// <exception cref="NewsPerspectivesException">Another run holds the lock, or the folder cannot be written.</exception>
    public DigestPublication Open(string root, IEnumerable<string>? formats = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var chosen = (formats ?? Formats).Select(Formatter).Distinct().ToArray();
        var full = Path.GetFullPath(root);
        return new DigestPublication(this, full, chosen, OutputFolderLock.Acquire(full));
    }

    private IDigestFormatter Formatter(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return _formatters.TryGetValue(format, out var formatter)
            ? formatter
            : throw new ArgumentException($"unknown format '{format}' (known: {string.Join(", ", Formats)})", nameof(format));
    }
}
