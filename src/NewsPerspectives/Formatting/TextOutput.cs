using System.Text;

namespace NewsPerspectives;

/// <summary>Writes a rendered text document (Markdown, HTML) as UTF-8 without a byte order mark.</summary>
internal static class TextOutput
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static ValueTask WriteAsync(Stream destination, string text, CancellationToken cancellationToken) =>
        destination.WriteAsync(Utf8NoBom.GetBytes(text), cancellationToken);
}
