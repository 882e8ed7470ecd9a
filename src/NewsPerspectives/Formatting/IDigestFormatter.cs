namespace NewsPerspectives;

/// <summary>
/// Renders a digest run in one output format, to a stream, and nothing else: where the file goes, the folder lock and
/// the atomic write are the <see cref="DigestPublisher"/>'s. Formatters read the assembled <see cref="Digest"/> and
/// compute no presentation rule of their own (notable stories, blindspot side, other outlets are in the model).
/// </summary>
public interface IDigestFormatter
{
    /// <summary>The format name used to select formatters, such as <c>markdown</c>, <c>json</c> or <c>html</c>.</summary>
    string Format { get; }

    /// <summary>The file extension without the dot, such as <c>md</c>.</summary>
    string FileExtension { get; }

    /// <summary>Renders the run to a stream.</summary>
    /// <param name="run">The run.</param>
    /// <param name="destination">The stream to write to; left open.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task FormatAsync(DigestRun run, Stream destination, CancellationToken cancellationToken = default);
}
