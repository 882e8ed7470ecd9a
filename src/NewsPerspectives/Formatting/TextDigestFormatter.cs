using System.Text;

namespace NewsPerspectives;

/// <summary>
/// The base of a formatter whose output is one text document (the Hugo post, the HTML page): <see cref="Render"/>
/// makes the text, <see cref="FormatAsync"/> writes it as UTF-8 without a byte order mark.
/// </summary>
public abstract class TextDigestFormatter : IDigestFormatter
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <inheritdoc/>
    public abstract string Format { get; }

    /// <inheritdoc/>
    public abstract string FileExtension { get; }

    /// <summary>Renders the digest as text.</summary>
    /// <param name="digest">The digest.</param>
    /// <returns>The document.</returns>
    public abstract string Render(Digest digest);

    /// <inheritdoc/>
    public async Task FormatAsync(DigestRun run, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(destination);
        await destination.WriteAsync(Utf8NoBom.GetBytes(Render(run.Digest)), cancellationToken).ConfigureAwait(false);
    }
}
