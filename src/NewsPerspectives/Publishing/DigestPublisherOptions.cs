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
    /// <exception cref="ArgumentException">A folder is invalid.</exception>
    public void Validate()
    {
        foreach (var (format, folder) in Folders)
        {
            var trimmed = folder?.Trim('/') ?? "";
            if (trimmed.Length == 0 || Path.IsPathRooted(folder!) || trimmed.Split('/', '\\').Any(p => p is "" or "." or ".."))
            {
                throw new ArgumentException($"the folder of format '{format}' must be a relative path without '.' or '..' segments, not '{folder}'", nameof(Folders));
            }
        }
    }
}
