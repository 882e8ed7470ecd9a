namespace NewsPerspectives;

/// <summary>Options of the <see cref="DigestPublisher"/>. Validated when the publisher is created.</summary>
public sealed class DigestPublisherOptions
{
    /// <summary>
    /// The folder of each format under the output root, '/'-separated, by format name (case-insensitive). Defaults:
    /// <c>markdown</c> → <c>content/summaries</c> (the seed's Hugo content folder), <c>json</c> → <c>digests</c>,
    /// <c>html</c> → <c>html</c>. A format without an entry goes to a folder named after the format.
    /// </summary>
    public IDictionary<string, string> Folders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["markdown"] = "content/summaries",
        ["json"] = "digests",
        ["html"] = "html",
    };

    /// <summary>Throws when a folder is empty, absolute or leaves the output root.</summary>
    /// <exception cref="ArgumentException">A folder is invalid; the message names every one.</exception>
    public void Validate() => OptionChecks.Validate(nameof(DigestPublisherOptions), Check);

    /// <summary>The rules: each folder relative, under the output root, without '.' or '..' segments.</summary>
    internal void Check(OptionChecks check)
    {
        foreach (var (format, folder) in Folders)
        {
            check.Folder(folder, $"{nameof(Folders)}[{format}]");
            check.That(
                folder is null || (!Path.IsPathRooted(folder) && !folder.Trim('/').Split('/', '\\').Any(p => p is "." or "..")),
                $"{nameof(Folders)}[{format}]",
                folder,
                "must be a relative path without '.' or '..' segments");
        }
    }
}
