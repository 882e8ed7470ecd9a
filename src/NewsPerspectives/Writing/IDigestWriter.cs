namespace NewsPerspectives;

/// <summary>Renders a digest run in one output format.</summary>
public interface IDigestWriter
{
    /// <summary>The format name used to select writers, such as <c>markdown</c> or <c>json</c>.</summary>
    string Format { get; }

    /// <summary>The path of the output relative to the output root, with '/' separators, such as <c>content/summaries/china-japan/2026-01-12.md</c>.</summary>
    /// <param name="digest">The digest.</param>
    string GetRelativePath(Digest digest);

    /// <summary>Writes the run to a stream.</summary>
    /// <param name="run">The run.</param>
    /// <param name="destination">The stream to write to; left open.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task WriteAsync(DigestRun run, Stream destination, CancellationToken cancellationToken = default);
}
